"""The benchmark guests and the pmu= VM option they need: with pmu=yes a
VM reads and programs the PMU cycle counter from its virtual PL1 and from
User mode; without it PMU registers are UNDEFINED.  Figures are not
asserted here: they belong to `make bench` (docs/BENCHMARKS.md)."""
import re

from test_config import mkpkg, run_config
from conftest import guest, run_native, vm_lines

NAMES = ["boot", "mrc", "mcr", "mrs", "msr", "cps", "tlbi", "hvc", "uart-dr", "gic-read",
         "wfi", "virq", "iar-eoir", "svc", "proc-switch", "tlbi-mmu", "shadow-fill"]


def results(lines):
    return {m.group(1): int(m.group(2))
            for m in (re.match(r"bench: (\S+) (\d+) \d+$", l) for l in lines) if m}


def test_micro_bench_runs_under_pmu_yes(tmp_path):
    micro = guest("bench/micro.elf")
    status, lines = run_config(tmp_path, f"name=micro image={micro} pmu=yes input=no\n")
    out = vm_lines(lines, "micro")
    assert status == 0, "\n".join(lines)
    got = results(out)
    assert set(NAMES) <= set(got), "\n".join(out)
    # the counter ran in User mode: every operation cost something
    assert all(got[n] > 0 for n in NAMES if n != "virq"), got
    # the two address spaces of the MMU part, as natively
    _, native = run_native(micro)
    space = [l for l in native if l.startswith("mmu: ")]
    assert space and space == [l for l in out if l.startswith("mmu: ")]
    assert "micro: done" in out


def test_pmu_registers_undefined_without_pmu_yes(tmp_path):
    # macro.elf touches the PMU first in main(), with its vectors in place
    status, lines = run_config(tmp_path, f"name=macro image={guest('bench/macro.elf')} "
                                         "input=no\n")
    out = vm_lines(lines, "macro")
    assert "*** unexpected undefined instruction exception" in out, "\n".join(lines)
    assert not any(l.startswith("bench: ") for l in out)


def test_pmu_value_checked(tmp_path):
    r = mkpkg(tmp_path, f"image={guest('demo/hello.elf')} pmu=maybe\n")
    assert r.returncode != 0
    assert "pmu=maybe: yes or no" in r.stderr
