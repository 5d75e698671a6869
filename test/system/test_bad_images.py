"""Malformed guest images are refused with a message naming the file and
the problem; trapvisor and the other VMs go on."""
import pytest

from conftest import guest, hyp_lines, run_native, vm_lines

BAD = [
    ("notelf.elf", "not an ELF file"),
    ("truncated.elf", "runs past the end of the file"),
    ("outside.elf", "outside RAM"),
    ("entry.elf", "entry point 0x10000000 is outside RAM"),
    ("nosyms.elf", "no symbol table"),
]


@pytest.mark.parametrize("fname,why", BAD, ids=[b[0] for b in BAD])
def test_refused_with_message(fname, why, hyp):
    status, lines = hyp([guest("bad/" + fname)])
    name = fname[:-4]
    out = hyp_lines(lines)
    assert status == 0, "\n".join(lines)
    refusals = [l for l in out if l.startswith(f"{name}: ") and f"{fname} refused" in l]
    assert len(refusals) == 1 and why in refusals[0], "\n".join(out)
    assert out[-1] == "all VMs are off: powering off"


def test_bad_images_do_not_disturb_a_good_one(hyp):
    good = guest("demo/hello.elf")
    status, native = run_native(good)
    status, lines = hyp([guest("bad/" + b[0]) for b in BAD] + [good])
    assert status == 0, "\n".join(lines)
    assert vm_lines(lines, "hello") == native
    assert sum("refused" in l for l in hyp_lines(lines)) == len(BAD)
