"""Fault containment with hostile guests: a VM wedged in an exception loop
(garbage stack pointers, vectors where nothing is, vectors full of
garbage) or in a storm of traps that never moves on is stopped with one
[hyp] block and parked, or restarted as its restart policy says; the VMs
beside it print what they print alone natively."""
import re

from conftest import guest, hyp_lines, vm_lines
from hostile import (assert_neighbours_native, failure_blocks, run_config, symbol,
                     vm_report)


def check_block(block, reason, pc, mode, last_trap, vbar, policy):
    """One FAILED block: the reason, then PC, CPSR and virtual mode, the
    last trap, the registers, VBAR (on whichever line it is), the policy."""
    text = "\n".join(block)
    assert block[0] == "FAILED: " + reason, text
    assert re.match(rf"pc {pc:08x} cpsr [0-9a-f]{{8}}: virtual mode {mode}, masked AIF",
                    block[1]), text
    assert block[2] == "last trap: " + last_trap, text
    assert [l[:3] for l in block if re.match(r"r\d+ ", l)] == ["r0 ", "r4 ", "r8 ", "r12"], text
    assert f"VBAR {vbar:08x}" in text, text
    assert block[-1] == policy, text


def test_garbage_stack_pointers_exception_loop_parked(hyp):
    """SP of Abort and Undefined mode at 0xdeadbee0, handlers that push:
    the undefined instruction's handler aborts, the abort handler aborts
    inside itself at the same address for ever.  Parked, restart=never."""
    badsp = guest("hostile/badsp.elf")
    cp15, hello = guest("tests/cp15.elf"), guest("demo/hello.elf")
    status, lines = hyp([badsp, cp15, hello], timeout=60)
    assert status == 0, "\n".join(lines)
    abt, vectors = symbol(badsp, "badsp_abt"), symbol(badsp, "badsp_vectors")
    blocks = failure_blocks(lines, "badsp")
    assert len(blocks) == 1, "\n".join(hyp_lines(lines))
    check_block(blocks[0], f"exception loop: data abort at {abt:08x} (address deadbea8), "
                "16 times, each taken inside the handler of the last", abt, "abt",
                f"data abort at {abt:08x}, DFAR deadbea8", vectors, "parked (restart=never)")
    r12 = [l for l in blocks[0] if l.startswith("r12 ")][0].split()
    assert r12[2:] == ["deadbee0", f"{abt + 8:08x}", f"{abt:08x}"], r12   # SP, LR, PC
    assert len(vm_lines(lines, "badsp")) == 1
    assert any(l.startswith("summary badsp: failed,") for l in hyp_lines(lines))
    assert_neighbours_native(lines, cp15, hello)


def test_garbage_stack_pointers_restarted_twice_then_parked(tmp_path):
    """The same with restart=crash restarts=2 in a configuration file: it
    is restarted clean twice, fails the same way each time, and is parked
    after the third failure."""
    badsp = guest("hostile/badsp.elf")
    cp15, psr = guest("tests/cp15.elf"), guest("tests/psr.elf")
    status, lines = run_config(tmp_path, f"name=badsp image={badsp} restart=crash restarts=2\n"
                                         f"image={cp15}\nimage={psr}\n", timeout=60)
    assert status == 0, "\n".join(lines)
    abt, vectors = symbol(badsp, "badsp_abt"), symbol(badsp, "badsp_vectors")
    blocks = failure_blocks(lines, "badsp")
    policies = ["restarting (restart=crash: 1 of 2)", "restarting (restart=crash: 2 of 2)",
                "parked: restarted 2 times already (restarts=2)"]
    assert len(blocks) == 3, "\n".join(hyp_lines(lines))
    for block, policy in zip(blocks, policies):
        check_block(block, f"exception loop: data abort at {abt:08x} (address deadbea8), "
                    "16 times, each taken inside the handler of the last", abt, "abt",
                    f"data abort at {abt:08x}, DFAR deadbea8", vectors, policy)
    report = vm_report(lines, "badsp")
    assert report.count("restarted: RAM cleared, image reloaded, devices reset") == 2
    # each restart follows its block, before the next failure
    firsts = [i for i, l in enumerate(report) if l.startswith(("FAILED", "restarted:"))]
    assert [report[i].split(":")[0] for i in firsts] == \
        ["FAILED", "restarted", "FAILED", "restarted", "FAILED"], "\n".join(report)
    assert len(vm_lines(lines, "badsp")) == 3        # its first line, once per life
    assert any(l.startswith("summary badsp: failed (2 crash restarts),")
               for l in hyp_lines(lines)), "\n".join(hyp_lines(lines))
    assert_neighbours_native(lines, cp15, psr)


def test_vectors_at_nothing_or_garbage(hyp):
    """VBAR 0, where its machine has nothing, then an undefined instruction
    (novec) or a jump to nothing (jump): the vector itself cannot be
    fetched, a loop at its own vector 0xc.  VBAR at a page of random words
    (garbvec): the garbage ends in a data abort inside the Data Abort
    vector's own garbage.  All three parked; the two VMs beside them, and
    each other's reports, untouched."""
    novec, jump, garbvec = (guest(f"hostile/{n}.elf") for n in ("novec", "jump", "garbvec"))
    exc, psr = guest("tests/exc.elf"), guest("tests/psr.elf")
    status, lines = hyp([novec, jump, garbvec, exc, psr], timeout=60)
    assert status == 0, "\n".join(lines)
    for name in ("novec", "jump"):
        blocks = failure_blocks(lines, name)
        assert len(blocks) == 1, "\n".join(hyp_lines(lines))
        check_block(blocks[0], "exception loop: prefetch abort at its own vector 0000000c, "
                    "16 times", 0xc, "abt", "prefetch abort at 0000000c, IFAR 0000000c", 0,
                    "parked (restart=never)")
        assert len(vm_lines(lines, name)) == 1
    blocks = failure_blocks(lines, "garbvec")
    assert len(blocks) == 1, "\n".join(hyp_lines(lines))
    check_block(blocks[0], "exception loop: data abort at 42000018 (address 3f46ac70), "
                "16 times, each taken inside the handler of the last", 0x42000018, "abt",
                "data abort at 42000018, DFAR 3f46ac70", 0x42000000, "parked (restart=never)")
    assert_neighbours_native(lines, exc, psr)
    assert hyp_lines(lines)[-1] == "all VMs are off: powering off"


def test_trap_storm_without_progress_parked(hyp):
    """MOVS PC, LR back to itself: with IRQs unmasked it waits for a timer
    interrupt 50 ms away and leaves on it, as natively (tens of thousands
    of traps at one place are not, then, a VM without progress); with A,
    I and F masked, for ever: after 4096 traps at the same place the VM
    is stopped, "no progress"."""
    storm = guest("hostile/storm.elf")
    hello, timer = guest("demo/hello.elf"), guest("tests/timer.elf")
    status, lines = hyp([storm, hello, timer], timeout=60)
    assert status == 0, "\n".join(lines)
    # natively the same three lines, then a spin for ever
    assert vm_lines(lines, "storm") == [
        "storm: MOVS PC, LR to itself with IRQs unmasked, the timer due in 50 ms",
        "storm: the timer's interrupt took it out of the loop (1 taken)",
        "storm: MOVS PC, LR with LR = its own address, for ever"], "\n".join(lines)
    blocks = failure_blocks(lines, "storm")
    assert len(blocks) == 1, "\n".join(hyp_lines(lines))
    pc = int(re.match(r"FAILED: no progress: the instruction at ([0-9a-f]{8}) trapped 4096 "
                      r"times in a row, back to itself each time with IRQ and FIQ masked$",
                      blocks[0][0]).group(1), 16)
    main = symbol(storm, "main")
    assert main < pc < main + 0x100, (hex(main), hex(pc))
    assert re.match(rf"pc {pc:08x} cpsr [0-9a-f]{{8}}: virtual mode svc, masked AIF", blocks[0][1])
    # the loader's UDF in place of the MOVS PC, LR (see docs/HOSTILE.md)
    assert re.match(rf"last trap: undefined instruction e7f[0-9a-f]{{3}}f[0-9a-f] at {pc:08x}$",
                    blocks[0][2]), blocks[0]
    assert blocks[0][-1] == "parked (restart=never)"
    summary = [l for l in hyp_lines(lines) if l.startswith("summary storm: failed,")]
    erets = int(re.search(r" eret (\d+)", summary[0]).group(1))
    print(f"\nstorm: {erets} exception returns trapped, {erets - 4096} of them while "
          "waiting for the timer")
    assert erets > 4096 + 1000, summary       # the unmasked wait trapped too
    assert_neighbours_native(lines, hello, timer)
