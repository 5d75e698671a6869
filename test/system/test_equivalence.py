"""The acid test: every test guest prints, line for line, the same under
trapvisor as natively on the same QEMU machine."""
import re

import pytest

from conftest import equivalence_guests, hyp_lines, run_native, vm_lines, vm_name

TESTS = equivalence_guests()


def test_there_are_test_guests():
    assert len(TESTS) >= 5, "the equivalence guests are not built"


@pytest.mark.parametrize("elf", TESTS, ids=[vm_name(t) for t in TESTS])
def test_same_output_as_native(elf, hyp):
    status, native = run_native(elf)
    assert status == 0, f"native run failed:\n" + "\n".join(native)
    assert native and native[-1].endswith("done"), "native run did not finish:\n" + "\n".join(native)

    status, lines = hyp([elf])
    name = vm_name(elf)
    got = vm_lines(lines, name)
    assert status == 0, "\n".join(lines)
    assert got == native, "trapvisor output differs from native:\n" + "\n".join(lines)
    hyp_out = hyp_lines(lines)
    assert f"{name}: powered off" in hyp_out
    assert any(l.startswith(f"summary {name}: off after") for l in hyp_out)
    assert not any("FAILED" in l or "PANIC" in l for l in hyp_out), "\n".join(hyp_out)


def test_all_guests_in_one_run(hyp):
    """Several VMs in one trapvisor: each prints what it prints alone.  At
    most 8 VMs per run: the guests are split into as few runs as that
    takes, of about the same size."""
    runs = -(-len(TESTS) // 8)
    for k in range(runs):
        group = TESTS[k::runs]
        status, lines = hyp(group, timeout=300)
        assert status == 0, "\n".join(lines)
        for elf in group:
            status, native = run_native(elf)
            assert vm_lines(lines, vm_name(elf)) == native, vm_name(elf)
        assert hyp_lines(lines)[-1] == "all VMs are off: powering off"


def test_guest_os_same_as_native(hyp):
    """The small preemptive guest OS (its own vectors, User-mode tasks each
    in its own address space, SVC system calls, timer interrupts through
    the vGIC) prints what it prints natively, including the two tasks it
    kills for touching its PL1-only memory."""
    from conftest import guest
    elf = guest("os/os.elf")
    status, native = run_native(elf)
    assert status == 0 and native[-1] == "os: all tasks done", "\n".join(native)
    assert "os: D: write() of the kernel's memory returns -1" in native
    killed = [l for l in native if " killed: " in l]
    assert [l.split(", pc")[0] for l in killed] == [
        "os: D (pid 4) killed: data abort at 0x40000000, DFSR 0x0000000d",
        f"os: E (pid 5) killed: prefetch abort at {killed[-1].split()[-1]}, IFSR 0x0000000d"]
    status, lines = hyp([elf])
    assert status == 0
    assert vm_lines(lines, "os") == native, "\n".join(lines)
    out = hyp_lines(lines)
    summary = [l for l in out if l.startswith("summary os:")][0]
    assert re.search(r", ([1-9]\d*) virqs", summary), summary
    # the kills were the guest OS's doing: two aborts delivered to it
    shadow = [l for l in out if l.startswith("summary os: shadow tables:")]
    assert shadow and shadow[0].endswith(", 2 faults to the guest"), out
