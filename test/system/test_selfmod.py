"""Code written at run time: guests/tests/selfmod.c writes routines full
of sensitive instructions, declares them code the way ARMv7 requires
(DCCMVAU, then ICIMVAU or ICIALLU), which turns dynamic scanning on for
it (hyp/codewatch.c, hyp/codescan.c), and runs them.  Its output equals
the native run's line for line (test_equivalence.py checks that alone);
here it runs beside another guest, and trapvisor's count of what it
found is checked against what the guest did."""
import re

from conftest import guest, hyp_lines, run_native, vm_lines


def test_run_time_code_rescanned_beside_another_vm(hyp):
    selfmod, psr = guest("tests/selfmod.elf"), guest("tests/psr.elf")
    status, lines = hyp([selfmod, psr])
    assert status == 0, "\n".join(lines)
    for elf, name in ((selfmod, "selfmod"), (psr, "psr")):
        st, native = run_native(elf)
        assert st == 0 and native[-1].endswith("done"), "\n".join(native)
        assert vm_lines(lines, name) == native, "\n".join(lines)
    out = hyp_lines(lines)
    assert not [l for l in out if "FAILED" in l], "\n".join(out)
    loaded = next(l for l in out if l.startswith("selfmod: 64 MiB"))
    at_load = int(re.search(r"(\d+) instructions rewritten", loaded).group(1))
    m = re.search(r"summary selfmod: code found at run time: (\d+) pages scanned, (\d+) "
                  r"instructions rewritten, (\d+) pages written again, (\d+) copies, "
                  r"(\d+) in its table", "\n".join(out))
    assert m, "\n".join(out)
    scanned, rewritten, written, copies, table = map(int, m.groups())
    # 1000 generated routines, one MRS each, into one buffer: each rewrite
    # of the buffer unscans its page, each run scans it again
    assert scanned >= 1000 and written >= 999
    assert rewritten >= 1000 + 1 + 1 + 3 + 4 + 1 + 3
    # entries of unscanned pages are freed and reused
    assert table - at_load <= 16, f"{table} entries for {at_load} at load"
    # psr writes no code: it never scans any
    assert not any(l.startswith("summary psr: code found") for l in out)
