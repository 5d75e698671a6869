"""The monitor shell (Ctrl-] m), driven as an operator would: every
command, on VMs that run, wait and spin, while they go on printing."""
import io
import re

import pexpect

from conftest import ROOT, guest, hyp_argv, make_pkg, run_native, vm_lines


def monitor(child, cmd, *expect):
    child.send(cmd + "\r")
    for e in expect:
        child.expect(e)


def test_every_monitor_command(tmp_path):
    echo, ticker, masked = guest("demo/echo.elf"), guest("demo/ticker.elf"), guest("demo/masked.elf")
    argv = hyp_argv(make_pkg([echo, ticker, masked], tmp_path))
    child = pexpect.spawn(argv[0], argv[1:], timeout=30, encoding="utf-8", cwd=ROOT)
    child.logfile_read = io.StringIO()
    try:
        child.expect_exact("[masked] masked: spinning with interrupts masked")
        child.sendcontrol("]")
        child.send("m")
        child.expect_exact('[hyp] monitor: "help" for commands')
        monitor(child, "help", re.escape("[hyp]   trace   VM on|off"), re.escape("[hyp]   exit"))
        monitor(child, "vms", r"\[hyp\]  # name +state +cpu%",
                r"\[hyp\]  2 masked +running +(\d+)\.\d")
        assert int(child.match.group(1)) >= 20      # it spins: most of the CPU
        monitor(child, "pause masked", re.escape("[hyp] masked: paused"))
        monitor(child, "vms", r"\[hyp\]  2 masked +paused ")
        monitor(child, "regs masked", re.escape("[hyp] masked: paused"),
                r"\[hyp\] masked:   pc [0-9a-f]{8} cpsr [0-9a-f]{8}: virtual mode svc, masked AIF",
                r"\[hyp\] masked:   r12 ")
        monitor(child, "trace ticker on", re.escape("[hyp] ticker: trace on"),
                r"\[hyp\] ticker: trace: wfx: undefined instruction [0-9a-f]{8} at",
                r"\[hyp\] ticker: trace: mmio: data abort at [0-9a-f]{8}, DFAR 0801000c")
        monitor(child, "trace ticker off", re.escape("[hyp] ticker: trace off"))
        monitor(child, "resume masked", re.escape("[hyp] masked: resumed"))
        monitor(child, "restart ticker",
                re.escape("[hyp] ticker: restarted: RAM cleared, image reloaded, devices reset"),
                re.escape("[ticker] ticker: one tick every 500 ms"))
        monitor(child, "stats", r"\[hyp\] up \d+ ms, asleep \d+ ms", r"\[hyp\] traps \d+")
        monitor(child, "stop masked", re.escape("[hyp] masked: stopped by the operator"),
                re.escape("[hyp] masked: powered off"))
        monitor(child, "stop masked", re.escape("[hyp] monitor: masked is off already"))
        monitor(child, "bogus", re.escape("[hyp] monitor: unknown command 'bogus'"))
        monitor(child, "pause", re.escape("[hyp] monitor: usage: pause VM"))
        monitor(child, "regs nobody", re.escape("[hyp] monitor: no VM 'nobody'"))
        monitor(child, "vms", r"\[hyp\]  0 echo +running")
        monitor(child, "exit", re.escape("[hyp] monitor: closed"))
        child.send("off\r")                         # the keyboard is echo's again
        child.expect_exact("[hyp] echo: powered off")
        child.expect_exact("[hyp] all VMs are off: powering off", timeout=60)
        child.expect(pexpect.EOF)
    finally:
        child.terminate(force=True)
    lines = child.logfile_read.getvalue().replace("\r", "").split("\n")
    # Everything trapvisor printed while the monitor was open fits 80
    # columns (the prompt lines, with what was typed, included).
    start = next(i for i, l in enumerate(lines) if "[hyp] monitor: \"help\"" in l)
    end = next(i for i, l in enumerate(lines) if l == "[hyp] monitor: closed")
    session = [l for l in lines[start:end + 1] if l.startswith("[hyp]")]
    assert len(session) > 40 and all(len(l) <= 80 for l in session), \
        [l for l in session if len(l) > 80]
    # ticker, restarted, ran its whole program once more: the native lines.
    native = run_native(ticker)[1]
    assert vm_lines(lines, "ticker")[-len(native):] == native
    assert any(l.startswith("[hyp] summary masked: off after") for l in lines)
