"""Firmware VMs (a raw .bin in the guest package): the device tree
scripts/mkpkg.py generates for each (scripts/vmdt.py) describes exactly
that VM, U-Boot built for QEMU virt boots on it natively, and trapvisor
refuses a package whose tree is missing, misplaced or not a tree."""
import os
import re
import struct
import subprocess
import sys

import pexpect
import pytest

from conftest import ROOT, _spawn, guest, hyp_argv, hyp_lines, run_native, vm_lines

sys.path.insert(0, os.path.join(ROOT, "scripts"))
import mkpkg  # noqa: E402  (scripts/ is no package)

MKPKG = os.path.join(ROOT, "scripts", "mkpkg.py")
UBOOT = "/usr/lib/u-boot/qemu_arm/u-boot.bin"    # Debian's u-boot-qemu
FDT_MAGIC = 0xd00dfeed

# Every node of a firmware VM's tree: nothing trapvisor does not emulate.
NODES = {
    "/", "/psci", "/memory@40000000", "/pl011@9000000", "/intc@8000000",
    "/intc@8000000/v2m@8020000", "/flash@0", "/cpus", "/cpus/cpu-map",
    "/cpus/cpu-map/socket0", "/cpus/cpu-map/socket0/cluster0",
    "/cpus/cpu-map/socket0/cluster0/core0", "/cpus/cpu@0", "/timer", "/apb-pclk", "/chosen",
}
# What QEMU virt has that a VM has not (the empty /pmu node of a Cortex-A15
# describes nothing); the random seeds QEMU puts in /chosen.
ABSENT = re.compile(r"^/(platform-bus@|fw-cfg@|virtio_mmio@|gpio-keys|pl061@|pcie@|pl031@|pmu$)")
SEEDS = {"rng-seed", "kaslr-seed"}


def uboot():
    assert os.path.exists(UBOOT), f"{UBOOT} missing: install u-boot-qemu (make deps)"
    return UBOOT


def firmware_dtb(tmp_path, ram):
    """The DTB mkpkg packs for u-boot.bin with ram= MiB, as dumped back out."""
    conf, pkg, dtb = tmp_path / "vms.conf", tmp_path / "fw.pkg", tmp_path / "fw.dtb"
    conf.write_text(f"name=fw image={uboot()} ram={ram}\n")
    subprocess.run(["/usr/bin/python3", MKPKG, "-o", str(pkg), "-c", str(conf)], check=True)
    subprocess.run(["/usr/bin/python3", MKPKG, "--dump-dtb", "fw", "-o", str(dtb), str(pkg)],
                   check=True)
    return dtb


def tree(dtb):
    """{node path: {property: value as dtc prints it}} of a DTB."""
    text = subprocess.run(["dtc", "-I", "dtb", "-O", "dts", str(dtb)], check=True,
                          capture_output=True, text=True).stdout
    nodes, path = {}, []
    for line in text.splitlines():
        line = line.strip()
        if line.endswith("{"):
            path.append(line[:-1].strip())
            nodes["/" + "/".join(path[1:])] = {}
        elif line == "};":
            path.pop()
        elif line.endswith(";") and path and not line.startswith("/"):
            name, _, value = line[:-1].partition(" = ")
            nodes["/" + "/".join(path[1:])][name] = value
    return nodes


@pytest.mark.parametrize("ram", [64, 32])
def test_tree_has_exactly_the_vms_devices(tmp_path, ram):
    dtb = firmware_dtb(tmp_path, ram)
    data = dtb.read_bytes()
    magic, total = struct.unpack_from(">II", data)
    assert magic == FDT_MAGIC and total == len(data) < 4096     # as dtc emits it: no padding
    t = tree(dtb)
    assert set(t) == NODES
    assert t["/memory@40000000"]["reg"] == f"<0x00 0x40000000 0x00 {ram << 20:#x}>"
    assert t["/chosen"] == {"stdout-path": '"/pl011@9000000"'}
    assert t["/"]["interrupt-parent"] == "<0x8002>"
    assert t["/pl011@9000000"]["clocks"] == "<0x8000 0x8000>"
    assert t["/cpus/cpu-map/socket0/cluster0/core0"]["cpu"] == "<0x8001>"
    assert t["/cpus/cpu@0"]["enable-method"] == '"psci"'
    assert t["/psci"]["method"] == '"hvc"'
    assert t["/timer"]["interrupts"] == ("<0x01 0x0d 0x104 0x01 0x0e 0x104 0x01 0x0b 0x104 "
                                         "0x01 0x0a 0x104>")
    assert t["/flash@0"]["reg"] == "<0x00 0x00 0x00 0x4000000 0x00 0x4000000 0x00 0x4000000>"


def test_tree_is_qemus_without_the_absent_devices(tmp_path):
    """Node for node, property for property, QEMU 7.2's own virt tree less
    the devices a VM lacks and the seeds, plus cpu@0's enable-method."""
    qemu = tmp_path / "virt.dtb"
    subprocess.run(["qemu-system-arm", "-M", f"virt,dumpdtb={qemu}", "-cpu", "cortex-a15",
                    "-m", "64"], check=True, capture_output=True)
    want = {p: props for p, props in tree(qemu).items() if not ABSENT.match(p)}
    for s in SEEDS:
        want["/chosen"].pop(s, None)
    want["/cpus/cpu@0"]["enable-method"] = '"psci"'
    assert tree(firmware_dtb(tmp_path, 64)) == want


def test_package_entries(tmp_path):
    """An ELF VM has no tree; a firmware VM has the flag and its tree."""
    pkg = tmp_path / "x.pkg"
    subprocess.run(["/usr/bin/python3", MKPKG, "-o", str(pkg), guest("demo/hello.elf"), uboot()],
                   check=True)
    data = pkg.read_bytes()
    magic, count, size = mkpkg.HDR.unpack_from(data)
    assert (magic, count, size) == (b"TVPKG4\0\0", 2, len(data))
    assert mkpkg.ENT.size == 132
    elf, fw = (mkpkg.ENT.unpack_from(data, mkpkg.HDR.size + mkpkg.ENT.size * i)
               for i in range(2))
    assert elf[0].rstrip(b"\0") == b"hello" and elf[6] & mkpkg.FLAG_FIRMWARE == 0
    assert elf[9:] == (0, 0)
    assert fw[0].rstrip(b"\0") == b"u-boot" and fw[1].rstrip(b"\0") == b"u-boot.bin"
    assert fw[6] & mkpkg.FLAG_FIRMWARE
    assert data[fw[2]:fw[2] + fw[3]] == open(UBOOT, "rb").read()
    off, n = fw[9:]
    assert off % 8 == 0 and struct.unpack_from(">II", data, off) == (FDT_MAGIC, n)


def boot_uboot(dtb, ram):
    """U-Boot natively on QEMU virt with our tree, stopped at its prompt.
    -m must be ram: QEMU rewrites /memory's reg to -m in any tree it loads,
    so this shows the rest of the tree is right; the memory node is the
    one test_tree_has_exactly_the_vms_devices reads."""
    child = pexpect.spawn("qemu-system-arm", ["-M", "virt", "-cpu", "cortex-a15", "-m", str(ram),
                                              "-nographic", "-monitor", "none", "-serial", "stdio",
                                              "-bios", uboot(), "-dtb", str(dtb)],
                          timeout=60, encoding="utf-8", codec_errors="replace")
    child.expect_exact("Hit any key to stop autoboot")
    child.send(" ")
    child.expect_exact("=> ")
    return child


def command(child, cmd):
    child.sendline(cmd)
    child.expect_exact("=> ")
    return child.before.replace("\r", "")


@pytest.mark.parametrize("ram", [64, 32])
def test_uboot_boots_natively_on_the_tree(tmp_path, ram):
    child = boot_uboot(firmware_dtb(tmp_path, ram), ram)
    try:
        assert "U-Boot 20" in command(child, "version")
        assert f"-> size     = 0x{ram << 20:08x}" in command(child, "bdinfo")
        dm = command(child, "dm tree")
        for dev in ("psci", "pl011@9000000", "flash@0"):
            assert dev in dm
        for dev in ("virtio", "pcie", "pl031", "fw-cfg"):
            assert dev not in dm
    finally:
        child.terminate(force=True)


def pack(vms, path):
    """A package of entries (name, file, image, flags, dtb_offset, dtb_size)
    that share two blobs, hello.elf and a good DTB: image "elf" or "dtb"
    names one; dtb_offset "elf", "dtb" or "end" (10 bytes before the
    package's end) and dtb_size "dtb" (the good DTB's) stand for numbers."""
    hello = open(guest("demo/hello.elf"), "rb").read()
    good = mkpkg.vmdt.dtb("fw", 64)
    head = mkpkg.HDR.size + mkpkg.ENT.size * len(vms)
    at = {"elf": head, "dtb": (head + len(hello) + 7) & ~7}
    data = hello + b"\0" * (at["dtb"] - head - len(hello)) + good
    size = head + len(data)
    ents = []
    for name, file, image, flags, dtb_off, dtb_size in vms:
        img = (at["elf"], len(hello)) if image == "elf" else (at["dtb"], len(good))
        dtb_off = {"dtb": at["dtb"], "elf": at["elf"], "end": size - 10}.get(dtb_off, dtb_off)
        dtb_size = {"dtb": len(good)}.get(dtb_size, dtb_size)
        ents.append(mkpkg.ENT.pack(name.encode(), file.encode(), *img, 64, 5000,
                                   flags | mkpkg.FLAG_INPUT, 256, 0, dtb_off, dtb_size))
    path.write_bytes(mkpkg.HDR.pack(mkpkg.MAGIC, len(vms), size) + b"".join(ents) + data)
    return path


def test_hyp_refuses_bad_trees(tmp_path):
    fw = mkpkg.FLAG_FIRMWARE
    pkg = pack([
        ("nodtb", "a.bin", "dtb", fw, 0, 0),
        ("outside", "b.bin", "dtb", fw, "end", 100),
        ("big", "c.bin", "elf", fw, "elf", 65540),
        ("magic", "d.bin", "dtb", fw, "elf", "dtb"),
        ("short", "e.bin", "dtb", fw, "dtb", 16),
        ("total", "f.bin", "dtb", fw, "dtb", 1000),
        ("elfdtb", "g.elf", "elf", 0, "dtb", "dtb"),
        ("hello", "hello.elf", "elf", 0, 0, 0),
    ], tmp_path / "bad.pkg")
    n = len(mkpkg.vmdt.dtb("fw", 64))
    status, lines = _spawn(hyp_argv(pkg), 120)
    out = hyp_lines(lines)
    assert status == 0, "\n".join(lines)
    for msg in ("nodtb: a.bin: firmware image without a device tree",
                "outside: b.bin: device tree outside the guest package",
                "big: c.bin: device tree of 65540 bytes, more than 64 KiB",
                "magic: d.bin: device tree magic 0x7f454c46, not 0xd00dfeed",
                "short: e.bin: device tree of 16 bytes, shorter than its 40-byte header",
                f"total: f.bin: device tree of 1000 bytes, its header says {n}",
                "elfdtb: g.elf: a device tree, but not a firmware image"):
        assert msg in out, "\n".join(out)
    assert vm_lines(lines, "hello") == run_native(guest("demo/hello.elf"))[1]
