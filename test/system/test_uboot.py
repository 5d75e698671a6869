"""Debian's U-Boot for QEMU virt (u-boot-qemu's u-boot.bin), unmodified, as
a trapvisor VM's firmware (issue 8): in flash at 0, with the device tree
mkpkg generated for its VM at the start of RAM, its code found at run
time (hyp/codescan.c).  Driven as a user would, with pexpect, and
compared with the same U-Boot run natively on QEMU virt with the same
tree (-dtb) and the same memory size.

Natively QEMU rewrites the tree it loads (it sets /memory and pads the
blob by 10000 bytes), so the lines that follow from the tree's size
(where U-Boot relocates it, and everything placed below it) differ by
construction; they are left out of the comparison.  What the start of
RAM holds under trapvisor (md.l, crc32) is checked against the tree
itself instead."""
import io
import random
import re
import struct
import subprocess
import time
import zlib

import pexpect
import pytest

from conftest import MACHINE, guest, hyp_argv, run_native, vm_lines
from test_dtb import MKPKG, firmware_dtb, uboot

RAM = 64
# bdinfo lines that follow from the tree's size (see above)
TREE_SIZED = re.compile(r"^(fdt_blob|new_fdt|fdt_size|irq_sp|sp start|TLB addr|relocaddr|"
                        r"reloc off|Early malloc| reserved|lmb_dump_all| memory)")

# at a line's start: crc32 prints "==> " too
PROMPT = r"\n(\[u-boot\] )?=> "

pytestmark = pytest.mark.skipif(MACHINE[1] != "virt", reason="U-Boot is checked on virt")


class Session:
    """One U-Boot console: natively (prefix "") or as VM u-boot ("[u-boot] ")."""

    def __init__(self, argv, prefix):
        self.prefix = prefix
        self.t0 = time.monotonic()
        self.child = pexpect.spawn(argv[0], argv[1:], timeout=120, encoding="utf-8",
                                   codec_errors="replace")
        self.log = io.StringIO()
        self.child.logfile_read = self.log

    def boot(self):
        """To the prompt; returns the seconds it took to the autoboot countdown."""
        self.child.expect_exact("Hit any key to stop autoboot")
        took = time.monotonic() - self.t0
        self.child.send(" ")
        self.child.expect(PROMPT)
        return took

    def run(self, cmd, timeout=60):
        """What cmd printed, one string per line, the echo left out."""
        self.child.sendline(cmd)
        self.child.expect(PROMPT, timeout=timeout)
        lines = self.child.before.replace("\r", "").split("\n")[1:]
        if self.prefix:		# the console may show the echo on a line of its own
            lines = [l[len(self.prefix):] for l in lines if l.startswith(self.prefix)]
            lines = lines[1:] if lines and lines[0] == cmd else lines
        return lines

    def close(self):
        self.child.terminate(force=True)

    def lines(self):
        return self.log.getvalue().replace("\r", "").split("\n")


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    return firmware_dtb(tmp_path_factory.mktemp("uboot"), RAM)


def native_session(dtb):
    return Session(["qemu-system-arm", "-M", "virt", "-cpu", "cortex-a15", "-m", str(RAM),
                    "-nographic", "-monitor", "none", "-serial", "stdio", "-bios", uboot(),
                    "-dtb", str(dtb)], "")


def hyp_session(tmp_path, *images, prefix="[u-boot] "):
    """trapvisor with one VM per image (RAM as U-Boot's native run), the
    console of the one whose lines start with prefix."""
    pkg = tmp_path / "run.pkg"
    conf = tmp_path / "vms.conf"
    conf.write_text("".join(f"image={i} ram={RAM}\n" for i in images))
    subprocess.run(["/usr/bin/python3", MKPKG, "-o", str(pkg), "-c", str(conf)], check=True)
    return Session(hyp_argv(pkg), prefix)


COMMANDS = ["version", "bdinfo", "dm tree", "sleep 1", "md.l 0x40000000 8",
            "crc32 0x40000000 0x10000", "flinfo", "coninfo"]


def transcript(s):
    out = {}
    for cmd in COMMANDS:
        t = time.monotonic()
        out[cmd] = s.run(cmd)
        out[cmd + " (s)"] = time.monotonic() - t
    return out


@pytest.fixture(scope="module")
def native(tree):
    s = native_session(tree)
    try:
        s.boot()
        yield transcript(s)
    finally:
        s.close()


@pytest.fixture(scope="module")
def under_hyp(tree, tmp_path_factory):
    s = hyp_session(tmp_path_factory.mktemp("hyp"), uboot())
    try:
        boot = s.boot()
        out = transcript(s)
        # reset: PSCI SYSTEM_RESET from the firmware starts it again from flash
        s.child.sendline("reset")
        s.child.expect_exact("[hyp] u-boot: reset")
        s.child.expect_exact("U-Boot 2023")
        again = s.boot()
        out["version after reset"] = s.run("version")
        out["boot (s)"], out["boot after reset (s)"] = boot, again
        yield out
    finally:
        s.close()


def test_version_dm_tree_flash_console_as_natively(native, under_hyp):
    for cmd in ("version", "dm tree", "flinfo", "coninfo"):
        assert under_hyp[cmd] == native[cmd], cmd
    assert under_hyp["version"][0].startswith("U-Boot 2023.01")


def test_bdinfo_as_natively_memory_the_vms(native, under_hyp):
    keep = lambda lines: [l for l in lines if not TREE_SIZED.match(l)]
    assert keep(under_hyp["bdinfo"]) == keep(native["bdinfo"])
    assert f"-> size     = 0x{RAM << 20:08x}" in under_hyp["bdinfo"]
    assert "flashsize   = 0x04000000" in under_hyp["bdinfo"]


def test_start_of_ram_is_the_vms_tree(tree, under_hyp):
    """md.l and crc32 of the start of RAM: the VM's own device tree, then
    zeros (RAM starts cleared), exactly."""
    dtb = open(tree, "rb").read()
    words = struct.unpack_from("<8I", dtb)
    want = "40000000: " + " ".join(f"{w:08x}" for w in words[:4])
    assert under_hyp["md.l 0x40000000 8"][0].startswith(want), under_hyp["md.l 0x40000000 8"]
    crc = zlib.crc32(dtb + bytes(0x10000 - len(dtb)))
    assert under_hyp["crc32 0x40000000 0x10000"] == \
        [f"crc32 for 40000000 ... 4000ffff ==> {crc:08x}"]


def test_sleep_1_takes_a_second(native, under_hyp):
    """The generic timer as U-Boot's clock: sleep 1 lasts about a second
    (a loose bound: not a speed test)."""
    assert under_hyp["sleep 1"] == native["sleep 1"] == []
    assert 0.9 <= under_hyp["sleep 1 (s)"] < 5


def test_reset_boots_again(under_hyp):
    assert under_hyp["version after reset"] == under_hyp["version"]


def test_beside_two_equivalence_guests(tmp_path):
    """U-Boot at its prompt, answering commands, while two equivalence
    guests run: theirs is their native output; poweroff stops U-Boot."""
    a, b = guest("tests/psr.elf"), guest("tests/thumb.elf")
    s = hyp_session(tmp_path, uboot(), a, b)
    try:
        s.boot()
        assert s.run("version")[0].startswith("U-Boot 2023.01")
        for _ in range(10):
            assert s.run("crc32 0x40000000 0x100000")[0].startswith("crc32 for 40000000")
        s.child.sendline("poweroff")
        s.child.expect_exact("[hyp] all VMs are off", timeout=120)
        s.child.expect(pexpect.EOF)
    finally:
        s.close()
    lines = s.lines()
    for elf, name in ((a, "psr"), (b, "thumb")):
        assert vm_lines(lines, name) == run_native(elf)[1], name
    assert "[hyp] u-boot: powered off" in lines


def test_bad_and_garbage_firmware(tmp_path):
    """Firmware images that are empty or too big are refused with a
    message; one of random bytes runs (its code found and rewritten as it
    goes, whatever it is) without harming trapvisor or the guest beside
    it, and the operator stops it from the monitor."""
    rnd = random.Random(8)
    (tmp_path / "garbage.bin").write_bytes(bytes(rnd.randrange(256) for _ in range(65536)))
    (tmp_path / "empty.bin").write_bytes(b"")
    (tmp_path / "huge.bin").write_bytes(bytes(16 * 1024 * 1024 + 4))
    psr = guest("tests/psr.elf")
    s = hyp_session(tmp_path, *(tmp_path / f for f in ("garbage.bin", "empty.bin", "huge.bin")),
                    psr, prefix="[garbage] ")
    try:
        s.child.expect_exact("[hyp] psr: powered off")
        # the garbage may have parked itself (a fault report) or run on
        if s.child.expect_exact(["[hyp] all VMs are off", pexpect.TIMEOUT], timeout=3):
            s.child.send("\x1dm")
            s.child.expect_exact("monitor> ")
            s.child.send("stop garbage\r")
            s.child.expect_exact("[hyp] all VMs are off", timeout=60)
        s.child.expect(pexpect.EOF)
    finally:
        s.close()
    lines = s.lines()
    assert "[hyp] empty: not started: firmware image of 0 bytes (1 to 16777216)" in lines
    assert "[hyp] huge: not started: firmware image of 16777220 bytes (1 to 16777216)" in lines
    assert vm_lines(lines, "psr") == run_native(psr)[1]
    assert not [l for l in lines if "PANIC" in l]
    assert [l for l in lines if l.startswith("[hyp] summary garbage: ")]
