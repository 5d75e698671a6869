"""The commands the README gives, driven as a user would type them."""
import io
import os
import re
import subprocess

import pexpect

from conftest import ROOT, _spawn, guest, hyp_lines, run_native, vm_lines


def make(*args, timeout=180):
    return _spawn(["make", "-s", "--no-print-directory", *args], timeout)


def test_make_run_demo():
    """`make run`: five VMs at once (configs/demo.conf), the keyboard with
    echo; the others print what they print natively; U-Boot (Ctrl-] 4)
    takes commands and powers off."""
    child = pexpect.spawn("make", ["-s", "--no-print-directory", "run"], cwd=ROOT,
                          timeout=120, encoding="utf-8", codec_errors="replace")
    child.logfile_read = io.StringIO()
    try:
        child.expect_exact("[hyp] input -> echo (Ctrl-] h for the console keys)")
        child.expect_exact("[echo] echo> ")
        child.expect_exact("[ticker] ticker: tick 2")
        child.send("hi there\r")
        child.expect_exact("[echo] you typed: hi there")
        child.expect_exact("[hyp] os: powered off")
        child.expect_exact("[ticker] ticker: done")
        child.send("off\r")
        child.expect_exact("[hyp] echo: powered off")
        child.send("\x1d4")
        child.expect_exact("[hyp] input -> u-boot")
        child.send("\r")
        child.expect_exact("[u-boot] => ", timeout=60)
        child.send("version\r")
        child.expect_exact("[u-boot] U-Boot 2023.01")
        child.send("poweroff\r")
        child.expect_exact("[hyp] all VMs are off: powering off")
        child.expect(pexpect.EOF)
    finally:
        child.terminate(force=True)
    lines = child.logfile_read.getvalue().replace("\r", "").split("\n")
    for name, elf in (("os", "os/os.elf"), ("ticker", "demo/ticker.elf"),
                      ("hello", "demo/hello.elf")):
        assert vm_lines(lines, name) == run_native(guest(elf))[1], name
    out = hyp_lines(lines)
    assert out[0].startswith("trapvisor on qemu-virt")
    for name in ("echo", "os", "ticker", "hello", "u-boot"):
        assert [l for l in out if l.startswith(f"summary {name}: off after")], name


def test_make_run_guests_relative_and_absolute_paths(tmp_path):
    rel = "build/guests/demo/hello.elf"
    ab = str(tmp_path / "hello2.elf")
    subprocess.run(["cp", os.path.join(ROOT, rel), ab], check=True)
    status, lines = make("run", f"GUESTS={rel} {ab}")
    assert status == 0, "\n".join(lines)
    assert vm_lines(lines, "hello") and vm_lines(lines, "hello") == vm_lines(lines, "hello2")


def test_make_run_native():
    status, lines = make("run-native", "GUEST=build/guests/demo/hello.elf")
    assert status == 0
    status, native = run_native(os.path.join(ROOT, "build/guests/demo/hello.elf"))
    assert lines[-len(native):] == native


def test_make_debug_waits_for_gdb():
    """`make debug` halts QEMU until gdb attaches and continues."""
    child = pexpect.spawn("make", ["-s", "--no-print-directory", "debug",
                                   "GUESTS=build/guests/demo/hello.elf"], cwd=ROOT,
                          timeout=60, encoding="utf-8")
    try:
        child.expect(r"gdb-multiarch (\S+trapvisor-virt\.elf) -ex 'target remote :1234'")
        elf = child.match.group(1)
        # nothing runs before gdb says so
        idx = child.expect([r"\[hyp\]", pexpect.TIMEOUT], timeout=2)
        assert idx == 1
        gdb = subprocess.run(["gdb-multiarch", "-batch", "-nx", os.path.join(ROOT, elf),
                              "-ex", "target remote :1234", "-ex", "print/x $pc",
                              "-ex", "continue"],
                             capture_output=True, text=True, timeout=60)
        assert re.search(r"\$1 = 0x40000000", gdb.stdout), gdb.stdout + gdb.stderr
        child.expect(r"\[hyp\] all VMs are off")
    finally:
        child.terminate(force=True)
