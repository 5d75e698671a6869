"""Code written at run time in A32 and in T32 (issue 8): guests/tests/rtcode.c
assembles routines full of sensitive instructions at run time (MRS/MSR of
CPSR and SPSR, CPS, WFI/WFE, LDM/STM ^, MOVS PC, LR, SUBS PC, LR, SRS/RFE,
conditional ones, ones in IT blocks), into a page it keeps writing data
to, a malloc'd buffer and one buffer it rewrites a thousand times, with
literal words that look like sensitive instructions beside them; it does
the cache maintenance ARMv7 asks for and runs them.

Natively the guest checks itself against the architecture.  Under
trapvisor (dynamic scanning, hyp/codescan.c, turned on by its cache
maintenance) it must print the same, line for line, and trapvisor must
have found that code at run time."""
import re

import pytest

from conftest import guest, hyp_lines, run_hyp, run_native, vm_lines

ELF = "tests/rtcode.elf"
LITERALS = "e10f0000 b662b672 8000f3ef"

# What ARMv7 gives, as the guest prints it: CPSR mode/T/F/I/A bits (1d3:
# SVC with A, I, F masked, as crt0 leaves main; 1df: System; 153: I clear)
ARCHITECTURE = [
    "rtcode: caller CPSR 1d3",
    "rtcode: a32 MRS r1, CPSR: 1d3",
    "rtcode: a32 MSR CPSR_c to System: 1df, SP SP_usr, MSR CPSR_c back: 1d3",
    "rtcode: a32 MSR CPSR_c I clear: 153, I set again: 1d3",
    "rtcode: a32 CPS #0x1f: 1df, CPS #0x13: 1d3, CPSIE i: 153, CPSID i: 1d3",
    "rtcode: a32 MSR/MRS SPSR_svc: 900001d3, SPSR_irq: 60000110 (in mode 1d2)",
    "rtcode: a32 Z set: MRSNE r2 -> 0ee, MSREQ CPSR_c to System -> 1df",
    "rtcode: a32 Z clear: MRSNE r2 -> 1d3, MSREQ CPSR_c to System -> 1d3",
    "rtcode: a32 LDM {sp, lr}^ then STM {sp, lr}^: 4a5a6a7a 4b5b6b7b, "
    "in System: 4a5a6a7a 4b5b6b7b",
    "rtcode: a32 MOVS PC, LR: flags 8, 1df; back 1d3",
    "rtcode: a32 SUBS PC, LR, #4 with SPSR.T: T32 code ran (5a), flags 4, 1d3",
    "rtcode: a32 SRSDB sp!, RFEIA sp!: flags 2, 1d3, SP moved by 0",
    f"rtcode: a32 literals after BX LR, loaded: {LITERALS}",
    "rtcode: t32 MRS r1, r8, r12, CPSR: 1d3 1d3 1d3",
    "rtcode: t32 MSR CPSR_c to System: 1df, SP SP_usr, MSR CPSR_c back: 1d3",
    "rtcode: t32 CPS.W #0x1f: 1df, CPS.W #0x13: 1d3, CPSIE i: 153, CPSID i: 1d3, "
    "CPSIE f: 193, CPSID f: 1d3",
    "rtcode: t32 MSR/MRS SPSR_svc: 900001d3, SPSR_irq: 60000110 (in mode 1d2)",
    "rtcode: t32 ITET NE, Z set: MRSNE r2 -> 0ee, MSREQ CPSR_c to System -> 1df, MOVNE r1 -> 00",
    "rtcode: t32 ITET NE, Z clear: MRSNE r2 -> 1d3, MSREQ CPSR_c to System -> 1d3, "
    "MOVNE r1 -> 77",
    "rtcode: t32 SUBS PC, LR, #0 with SPSR.T clear: A32 code ran (a5), flags 3, 1d3",
    f"rtcode: t32 literal pool after BX LR, loaded: {LITERALS}",
    "rtcode: virtual timer interrupt pending: 1",
    "rtcode: a32 WFI returned 1, SEV; WFE returned 2, CPSR 1d3",
    "rtcode: t32 WFI returned 1, WFI.W 2, SEV; WFE 3, SEV; WFE.W 4, CPSR 1d3",
    "rtcode: timer off, pending 0",
    "rtcode: a32 overwritten in place, MRS / MOV / CPS,MRS,CPS / MRS: 1d3 05a 1df 1d3",
    "rtcode: t32 overwritten in place, MRS / MOVS,NOP / CPS,MRS,CPS / CPSIE,MRS,CPSID / MRS: "
    "1d3 05a 1df 153 1d3",
    "rtcode: one address, A32 MRS / T32 CPS,MRS,CPS / A32 CPS,MRS,CPS / T32 CPSIE,MRS,CPSID: "
    "1d3 1df 1df 153",
    "rtcode: literal words read back from memory: 0 of 6 changed",
    "rtcode: MMU on, written flat, run at a virtual alias: a32 1d3 1df, then t32 1d3 153",
    "rtcode: back in 1d3",
]


def native():
    status, lines = run_native(guest(ELF))
    assert status == 0 and lines and lines[-1] == "rtcode: done", "\n".join(lines)
    return lines


@pytest.fixture(scope="module")
def under_trapvisor(tmp_path_factory):
    """One trapvisor run for the tests below: (status, all lines, or the
    error if it did not finish: today it hangs, see test_same_as_native)."""
    try:
        status, lines = run_hyp([guest(ELF)], tmp_path_factory.mktemp("rtcode"), timeout=30)
    except AssertionError as e:
        return None, [], str(e)
    return status, lines, None


def test_native_run_is_what_the_architecture_says():
    lines = native()
    m = re.fullmatch(r"rtcode: (\d+) checks, (\d+) not as ARMv7 specifies", lines[-2])
    assert m and int(m.group(1)) >= 35 and m.group(2) == "0", "\n".join(lines)
    missing = [l for l in ARCHITECTURE if l not in lines]
    assert not missing, "\n".join(missing)
    # code run again between data stores to its page and to its literal
    # (sensitive-looking words each time, no maintenance: only data changed)
    assert sum(bool(re.fullmatch(r"rtcode: (a32|t32) run 1000 times between data stores to "
                                 r"its page and its literal: 1000 as expected, last literal "
                                 r"[0-9a-f]{8}", l)) for l in lines) == 2, "\n".join(lines)
    rewrites = next(l for l in lines if "rewritten 1000 times" in l)
    m = re.search(r"checksum (\w+), expected (\w+), 0 wrong$", rewrites)
    assert m and m.group(1) == m.group(2), rewrites


def test_same_as_native(under_trapvisor):
    """Line for line as natively; the summary says the code was found at
    run time (without dynamic scanning the T32 routines ran unrewritten,
    MRS read the real User-mode CPSR)."""
    status, lines, error = under_trapvisor
    assert error is None, error
    assert status == 0, "\n".join(lines)
    assert vm_lines(lines, "rtcode") == native(), "\n".join(lines)
    out = hyp_lines(lines)
    assert "rtcode: powered off" in out
    assert not any("FAILED" in l or "PANIC" in l for l in out), "\n".join(out)
    m = re.search(r"summary rtcode: code found at run time: (\d+) pages scanned, (\d+) "
                  r"instructions rewritten", "\n".join(out))
    assert m and int(m.group(1)) > 0 and int(m.group(2)) >= 1000, "\n".join(out)


def test_literal_words_read_back_unchanged(under_trapvisor):
    """The words next to the run-time code that look like sensitive
    instructions are data: loaded by the code, stored over by the guest
    and loaded again, read by the guest from memory, they are what it
    wrote.  (Natively: test_native_run_is_what_the_architecture_says.)"""
    status, lines, error = under_trapvisor
    got = vm_lines(lines, "rtcode")
    for want in (f"rtcode: a32 literals after BX LR, loaded: {LITERALS}",
                 f"rtcode: t32 literal pool after BX LR, loaded: {LITERALS}",
                 "rtcode: literal words read back from memory: 0 of 6 changed"):
        assert want in got, (error or "") + "\n".join(lines)
    stores = [l for l in got if "run 1000 times between data stores" in l]
    assert len(stores) == 2 and all(": 1000 as expected," in l for l in stores), \
        "\n".join(lines)
