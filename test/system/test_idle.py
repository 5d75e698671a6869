"""trapvisor sleeps when every VM waits: a VM that spends its time in WFI
between timer ticks costs wake-ups per tick, not a busy loop."""
import re

from conftest import guest, hyp_lines, run_native, vm_lines


def test_sleeping_vm_lets_trapvisor_sleep(hyp):
    ticker = guest("demo/ticker.elf")
    status, lines = hyp([ticker])
    assert status == 0, "\n".join(lines)
    assert vm_lines(lines, "ticker") == run_native(ticker)[1]
    idle = [l for l in hyp_lines(lines) if l.startswith("idle:")]
    m = re.match(r"idle: asleep (\d+) ms, woken (\d+) times$", idle[0]) if idle else None
    assert m, "\n".join(lines)
    # 10 ticks: one wake-up each, a few more for a tick that lands while
    # trapvisor is busy.  Before the idle loop was fixed it woke thousands
    # of times (its timer was left set for a slice that had ended).
    print(f"\nidle: ticker alone: asleep {m.group(1)} ms, woken {m.group(2)} times")
    assert 10 <= int(m.group(2)) <= 30, idle[0]
