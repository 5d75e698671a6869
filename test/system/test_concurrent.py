"""Several VMs at once: round-robin slices on trapvisor's timer.  Each VM
prints, line for line, what it prints alone natively, however its slices
fall between the others'."""
import os
import re
import shutil

from conftest import equivalence_guests, hyp_lines, run_native, vm_lines, vm_name

TESTS = equivalence_guests()


def copies(tmp_path, n):
    """n guest ELFs: the equivalence guests, then renamed copies of them."""
    elfs = []
    for i in range(n):
        src = TESTS[i % len(TESTS)]
        if i < len(TESTS):
            elfs.append(src)
        else:
            dst = os.path.join(str(tmp_path), f"{vm_name(src)}{i}.elf")
            shutil.copy(src, dst)
            elfs.append(dst)
    return elfs


def check_concurrent(hyp, elfs):
    status, lines = hyp(elfs, timeout=300)
    assert status == 0, "\n".join(lines)
    natives = {}
    for elf in elfs:
        src = os.path.realpath(elf)
        key = open(src, "rb").read()
        if key not in natives:
            natives[key] = run_native(elf)[1]
        assert vm_lines(lines, vm_name(elf)) == natives[key], vm_name(elf) + "\n" + "\n".join(lines)
    out = hyp_lines(lines)
    assert out[-1] == "all VMs are off: powering off"
    # every VM got the CPU more than once: they really ran interleaved
    slices = [int(m.group(1)) for l in out for m in [re.search(r"in (\d+) slices", l)] if m]
    assert len(slices) == len(elfs) and min(slices) > 1, "\n".join(out)


def test_three_concurrent_vms(hyp, tmp_path):
    check_concurrent(hyp, copies(tmp_path, 3))


def test_eight_concurrent_vms(hyp, tmp_path):
    check_concurrent(hyp, copies(tmp_path, 8))
