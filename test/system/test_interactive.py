"""What several VMs side by side look like to a person at the console:
keyboard focus, and a VM that spins with interrupts masked."""
import io
import shutil

import pexpect

from conftest import ROOT, guest, hyp_argv, make_pkg, run_native, vm_lines


def spawn_hyp(elfs, tmp_path):
    argv = hyp_argv(make_pkg(elfs, tmp_path))
    return pexpect.spawn(argv[0], argv[1:], timeout=30, encoding="utf-8", cwd=ROOT)


def test_keyboard_focus_moves_between_vms(tmp_path):
    echo = guest("demo/echo.elf")
    echo2 = str(tmp_path / "echo2.elf")
    shutil.copy(echo, echo2)
    child = spawn_hyp([echo, echo2], tmp_path)
    try:
        child.expect_exact("[hyp] input -> echo (Ctrl-] h for the console keys)")
        child.expect_exact("[echo] echo> ")
        child.send("hello\r")
        child.expect_exact("[echo] you typed: hello")
        child.sendcontrol("]")
        child.send("1")
        child.expect_exact("[hyp] input -> echo2")
        child.send("abc\r")
        child.expect_exact("[echo2] you typed: abc")
        child.send("off\r")
        child.expect_exact("[hyp] echo2: powered off")
        child.sendcontrol("]")
        child.send("7")
        child.expect_exact("[hyp] input: there is no VM 7")
        child.sendcontrol("]")
        child.send("0")
        child.expect_exact("[hyp] input -> echo")
        child.send("off\r")
        child.expect_exact("[hyp] all VMs are off: powering off")
        child.expect(pexpect.EOF)
    finally:
        child.terminate(force=True)


def test_masked_spinner_does_not_stop_the_others(tmp_path):
    """A VM that masks its interrupts and spins forever is preempted: the
    others run to completion with their native output."""
    hello = guest("demo/hello.elf")
    cp15 = guest("tests/cp15.elf")
    child = spawn_hyp([guest("demo/masked.elf"), hello, cp15], tmp_path)
    child.logfile_read = io.StringIO()
    try:
        child.expect_exact("[hyp] hello: powered off")
        child.expect_exact("[hyp] cp15: powered off")
    finally:
        child.terminate(force=True)
    lines = child.logfile_read.getvalue().replace("\r", "").split("\n")
    assert vm_lines(lines, "masked") == ["masked: spinning with interrupts masked"]
    assert vm_lines(lines, "hello") == run_native(hello)[1]
    assert vm_lines(lines, "cp15") == run_native(cp15)[1]
