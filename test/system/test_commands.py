"""The commands the README gives, driven as a user would type them."""
import os
import re
import subprocess

import pexpect

from conftest import ROOT, _spawn, hyp_lines, run_native, vm_lines


def make(*args, timeout=180):
    return _spawn(["make", "-s", "--no-print-directory", *args], timeout)


def test_make_run_demo():
    status, lines = make("run")
    assert status == 0, "\n".join(lines)
    status, native = run_native(os.path.join(ROOT, "build/guests/demo/hello.elf"))
    assert vm_lines(lines, "hello") == native
    out = hyp_lines(lines)
    assert out[0].startswith("trapvisor on qemu-virt")
    summary = [l for l in out if l.startswith("summary hello: off after")]
    assert len(summary) == 1 and re.search(r"\d+ traps: .*svc 1", summary[0]), summary
    assert out[-1] == "all VMs are off: powering off"


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
    child = pexpect.spawn("make", ["-s", "--no-print-directory", "debug"], cwd=ROOT,
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
