"""Fairness of the round-robin: N VMs that spin and count get about the
same share of the CPU.  The measured shares are printed (run pytest with
-s to see them); the assertion is deliberately loose, since wall-clock
behaviour of a shared CI machine is not a test of correctness."""
import re
import shutil

from conftest import guest, hyp_lines


def test_spinners_share_the_cpu(hyp, tmp_path):
    spin = guest("demo/spin.elf")
    elfs = []
    for i in range(3):
        dst = str(tmp_path / f"spin{i}.elf")
        shutil.copy(spin, dst)
        elfs.append(dst)
    status, lines = hyp(elfs, timeout=120)
    assert status == 0, "\n".join(lines)
    cpu = {}
    for l in hyp_lines(lines):
        m = re.match(r"summary (spin\d): off after \d+ ms, cpu (\d+) ms in (\d+) slices", l)
        if m:
            cpu[m.group(1)] = int(m.group(2))
    assert len(cpu) == 3, "\n".join(lines)
    total = sum(cpu.values())
    shares = {k: v / total for k, v in cpu.items()}
    print("\nfairness: CPU shares of 3 spinning VMs:",
          ", ".join(f"{k} {100 * s:.1f}%" for k, s in sorted(shares.items())))
    # each spinner ran for the same 3 s of guest time; none may starve
    assert min(shares.values()) > 0.2, shares
