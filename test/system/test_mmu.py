"""Guests that turn their MMU on: the shadow tables under pressure.  The
equivalence of each MMU guest alone and beside others is in
test_equivalence.py and test_concurrent.py; here the shadow pool is made
small enough to be recycled, and its bounds are checked."""
import re

from conftest import guest, hyp_lines, run_native, vm_lines
from test_config import run_config


def test_small_shadow_pool_is_recycled_not_exhausted(tmp_path):
    """48 KiB: one context and 16 second-level tables for a guest that maps
    32 MiB with 4 KiB pages and switches between 8 ASIDs."""
    mmu2 = guest("tests/mmu2.elf")
    status, lines = run_config(tmp_path, f"name=mmu2 image={mmu2} shadow=48\n")
    assert status == 0, "\n".join(lines)
    assert vm_lines(lines, "mmu2") == run_native(mmu2)[1]
    stats = [l for l in hyp_lines(lines) if l.startswith("summary mmu2: shadow tables:")]
    m = re.search(r"(\d+) fills, (\d+) pool recycles, (\d+) context evictions", stats[0]) \
        if stats else None
    assert m, "\n".join(lines)
    print(f"\nshadow pool of 48 KiB: {m.group(1)} fills, {m.group(2)} recycles, "
          f"{m.group(3)} context evictions")
    assert int(m.group(2)) >= 1 and int(m.group(3)) >= 8


def test_shadow_pool_size_is_checked(tmp_path):
    hello = guest("demo/hello.elf")
    status, lines = run_config(tmp_path, f"name=small image={hello} shadow=32\n"
                                         f"name=hello image={hello}\n")
    assert status == 0, "\n".join(lines)
    assert "small: not started: shadow tables 32 KiB (48 to 1024)" in hyp_lines(lines)
    assert vm_lines(lines, "hello") == run_native(hello)[1]
