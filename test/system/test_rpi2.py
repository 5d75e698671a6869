"""The Raspberry Pi board: its SD-card folder, and the raw kernel7.img
started the way QEMU starts a raw kernel on raspi2b (at 0x10000, ATAGS in
r2, the guest package as the initrd).  Run with BOARD=rpi2 (make test)."""
import os
import shutil
import struct
import subprocess

import pytest

from conftest import (BOARD, BUILD, HYP, MACHINE, PKG_PA, QEMU_COMMON, _spawn, guest,
                      hyp_lines, make_pkg, run_native, vm_lines)

pytestmark = pytest.mark.skipif(BOARD != "rpi2", reason="Raspberry Pi board only")
SDCARD = os.path.join(BUILD, "sdcard-rpi2")


def load_segments(elf):
    """(entry, [(paddr, bytes in the file)]) of an ELF32 little-endian image."""
    with open(elf, "rb") as f:
        data = f.read()
    entry, phoff = struct.unpack_from("<II", data, 0x18)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x2a)
    segs = []
    for i in range(phnum):
        p_type, off, _, paddr, filesz = struct.unpack_from("<IIIII", data, phoff + i * phentsize)
        if p_type == 1 and filesz:
            segs.append((paddr, data[off:off + filesz]))
    return entry, sorted(segs)


def config_txt():
    settings = {}
    with open(os.path.join(SDCARD, "config.txt")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=") if "=" in line else line.partition(" ")
                settings[key] = value
    return settings


def test_sdcard_folder():
    """kernel7.img is trapvisor as it must sit at 0x8000, where config.txt
    has the firmware load it; the package is the initramfs at PKG_PA; the
    UART clock, memory split and 32-bit mode are the README's."""
    entry, segs = load_segments(HYP)
    with open(os.path.join(SDCARD, "kernel7.img"), "rb") as f:
        img = f.read()
    base = segs[0][0]
    assert entry == base == 0x8000
    for paddr, data in segs:
        assert img[paddr - base:paddr - base + len(data)] == data, hex(paddr)
    cfg = config_txt()
    assert int(cfg["kernel_address"], 16) == base
    assert cfg["kernel"] == "kernel7.img" and cfg["arm_64bit"] == "0"
    assert cfg["initramfs"].split() == ["guests.pkg", "0x%08x" % int(PKG_PA, 16)]
    assert cfg["init_uart_clock"] == "48000000" and cfg["gpu_mem"] == "64"
    assert cfg["device_tree"] == ""
    with open(os.path.join(SDCARD, "guests.pkg"), "rb") as f:
        assert f.read(8) == b"TVPKG4\0\0"
    assert os.path.exists(os.path.join(SDCARD, "README.txt"))
    if shutil.which("mdir"):
        listing = subprocess.run(["mdir", "-b", "-i", SDCARD + ".img", "::"], check=True,
                                 capture_output=True, text=True).stdout.lower()
        for name in ("kernel7.img", "config.txt", "guests.pkg", "readme.txt"):
            assert name in listing, listing


def test_raw_image_with_atags_and_initrd(tmp_path):
    """QEMU loads a raw kernel at 0x10000 and passes ATAGS: trapvisor moves
    itself to 0x8000, reads the RAM size and the package's address there."""
    hello = guest("demo/hello.elf")
    pkg = make_pkg([hello], tmp_path)
    status, lines = _spawn(["qemu-system-arm", *MACHINE, "-m", "1024", *QEMU_COMMON,
                            "-kernel", os.path.join(SDCARD, "kernel7.img"), "-initrd", pkg], 60)
    assert status == 0, "\n".join(lines)
    out = hyp_lines(lines)
    mem = [l for l in out if l.startswith("host RAM")]
    assert mem and "from ATAGS" in mem[0] and "(initrd)" in mem[0], out
    assert vm_lines(lines, "hello") == run_native(hello)[1]
