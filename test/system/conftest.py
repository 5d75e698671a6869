"""Helpers for the QEMU system tests: run a guest natively or under
trapvisor and collect what it printed.  `make test` builds everything
before pytest runs; these helpers never build."""
import glob
import os
import re
import subprocess

import pexpect
import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(ROOT, "build")
# The host board trapvisor runs on (BOARD=rpi2 pytest ...: QEMU raspi2b);
# the guests' native reference runs are always on virt, their machine.
BOARD = os.environ.get("BOARD", "virt")
HYP = os.path.join(BUILD, f"trapvisor-{BOARD}.elf")
NATIVE = ["-M", "virt", "-cpu", "cortex-a15"]
BOARDS = {  # QEMU machine, PKG_PA (board/NAME/board.mk)
    "virt": (NATIVE, "0x41000000"),
    "rpi2": (["-M", "raspi2b", "-no-reboot"], "0x01000000"),
}
MACHINE, PKG_PA = BOARDS[BOARD]
QEMU_COMMON = ["-nographic", "-monitor", "none", "-serial", "stdio"]
LINE = re.compile(r"^\[([^\]]+)\] ?(.*)$")


def equivalence_guests():
    """build/guests/tests/*.elf"""
    return sorted(glob.glob(os.path.join(BUILD, "guests", "tests", "*.elf")))


def guest(path):
    """A built guest ELF, by its path under build/guests."""
    p = os.path.join(BUILD, "guests", path)
    assert os.path.exists(p), f"{p} not built: run the tests with `make test`"
    return p


def _spawn(argv, timeout):
    """Runs argv to completion under a pty; returns (exit status, lines)."""
    child = pexpect.spawn(argv[0], argv[1:], timeout=timeout, encoding="utf-8",
                          codec_errors="replace", cwd=ROOT)
    try:
        child.expect(pexpect.EOF)
    except pexpect.TIMEOUT:
        child.terminate(force=True)
        raise AssertionError(f"{' '.join(argv)} did not finish in {timeout} s; "
                             f"output so far:\n{child.before}")
    child.close()
    out = child.before.replace("\r\n", "\n").replace("\r", "")
    return child.exitstatus, out.split("\n")[:-1] if out.endswith("\n") else out.split("\n")


def run_native(elf, timeout=60):
    """The guest alone on QEMU virt, as its author would run it (RAM as a
    trapvisor VM has by default)."""
    status, lines = _spawn(["qemu-system-arm", *NATIVE, "-m", "64", *QEMU_COMMON,
                            "-kernel", elf], timeout)
    return status, lines


def make_pkg(elfs, tmp_path):
    pkg = os.path.join(str(tmp_path), "run.pkg")
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "mkpkg.py"), "-o", pkg,
                    *elfs], check=True)
    return pkg


def hyp_argv(pkg, machine=MACHINE):
    """The QEMU command line that boots trapvisor with guest package pkg."""
    return ["qemu-system-arm", *machine, "-m", "1024", *QEMU_COMMON,
            "-kernel", HYP, "-device", f"loader,file={pkg},addr={PKG_PA},force-raw=on"]


def run_hyp(elfs, tmp_path, timeout=120, machine=MACHINE):
    """trapvisor with one VM per ELF; returns (exit status, all lines)."""
    return _spawn(hyp_argv(make_pkg(elfs, tmp_path), machine), timeout)


def vm_lines(lines, name):
    """What VM `name` printed, without the prefix."""
    out = []
    for ln in lines:
        m = LINE.match(ln)
        if m and m.group(1) == name:
            out.append(m.group(2))
    return out


def hyp_lines(lines):
    return vm_lines(lines, "hyp")


def vm_name(elf):
    base = os.path.basename(elf)
    return base[:-4] if base.endswith(".elf") else base


@pytest.fixture
def native():
    return run_native


@pytest.fixture
def hyp(tmp_path):
    return lambda elfs, timeout=120, machine=MACHINE: run_hyp(elfs, tmp_path, timeout, machine)
