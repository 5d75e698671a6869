"""Malformed guest images (build/guests/bad: the demo with one thing broken,
guests/bad/mkbad.py) are refused with a message naming the file, the
field, its value and why; trapvisor and the other VMs go on.  The table
in docs/ROBUSTNESS.md ("Malformed guest images") is this one."""
import os
import struct
import subprocess
from types import SimpleNamespace

import pytest

from conftest import ROOT, guest, hyp_lines, run_native, vm_lines

EHDR = struct.Struct("<16sHHIIIIIHHHHHH")
PHDR = struct.Struct("<8I")
SHDR = struct.Struct("<10I")
SYM = struct.Struct("<IIIBBH")
RAM = "RAM 0x40000000-0x43ffffff"           # a VM's default 64 MiB
END = "runs past the end of the file"


def facts(path):
    """What the messages quote from an image: its size, its headers, first
    segment, symbol and string tables and the $a mapping symbols of its
    code, (index, value, section), as far as the image has them whole."""
    d = open(path, "rb").read()
    f = SimpleNamespace(size=len(d))
    try:
        read(d, f)
    except (struct.error, StopIteration, ValueError, IndexError):
        pass                                # a broken image: what was read
    return f


def read(d, f):
    """Fills f from the ELF image d; raises where d is broken."""
    if len(d) < EHDR.size or d[:4] != b"\x7fELF":
        return
    eh = EHDR.unpack_from(d)
    f.entry, f.phoff, f.shoff, f.phnum, f.shnum = eh[4], eh[5], eh[6], eh[10], eh[12]
    f.poff, f.vaddr, f.paddr, f.filesz, f.memsz = PHDR.unpack_from(d, f.phoff)[1:6]
    f.sh = [SHDR.unpack_from(d, f.shoff + SHDR.size * i) for i in range(f.shnum)]
    f.symtab = next(i for i, s in enumerate(f.sh) if s[1] == 2)
    f.symoff, f.strtab = f.sh[f.symtab][4], f.sh[f.symtab][6]
    f.stroff = f.sh[f.strtab][4]
    f.code_a = []
    for i in range(f.sh[f.symtab][5] // SYM.size):
        name, value, _, _, _, shndx = SYM.unpack_from(d, f.symoff + SYM.size * i)
        at = f.stroff + name
        nm = d[at:d.index(b"\0", at)]
        if (nm == b"$a" or nm.startswith(b"$a.")) and 0 < shndx < f.shnum and f.sh[shndx][2] & 4:
            f.code_a.append((i, value, shndx))


def code_cut(h, b):
    """codebss: p_filesz ends 4 bytes into the A32 region of a $a."""
    cut = b.vaddr + b.filesz
    sym = max(i for i, v, _ in h.code_a if v == cut - 4)
    return f"$a code at 0x{cut:08x} (mapping symbol {sym}) is in no segment's file data"


def first_a_section(h):
    sec = h.sh[h.code_a[0][2]]
    return h.code_a[0][2], sec[3], sec[3] + sec[5] - 1


# kind (file name without .elf) -> the reason, from the demo's facts h and
# the broken image's own b
BAD = [
    # the ELF header
    ("notelf", lambda h, b: "not an ELF file: it starts 54 68 69 73, not with the ELF magic "
                            "7f 45 4c 46"),
    ("empty", lambda h, b: "not an ELF file: 0 bytes, fewer than the 4 of the ELF magic"),
    ("short", lambda h, b: "truncated ELF header: the file is 40 bytes, an ELF32 header 52"),
    ("class64", lambda h, b: "EI_CLASS 2 (ELFCLASS64), not ELFCLASS32 (1): guests are 32-bit"),
    ("bigendian", lambda h, b: "EI_DATA 2 (big-endian), not ELFDATA2LSB (1): guests are "
                               "little-endian"),
    ("identversion", lambda h, b: "EI_VERSION 0, not EV_CURRENT (1)"),
    ("version", lambda h, b: "e_version 0, not EV_CURRENT (1)"),
    ("machine", lambda h, b: "e_machine 62 (x86-64), not EM_ARM (40): not a 32-bit ARM image"),
    ("type", lambda h, b: "e_type 3 (ET_DYN, a shared object or PIE), not ET_EXEC (2): only "
                          "executables linked at fixed addresses are loaded"),
    ("ehsize", lambda h, b: "e_ehsize 64, not 52 (the size of an ELF32 header)"),
    ("phentsize", lambda h, b: "e_phentsize 56, not 32 (the size of an ELF32 program header)"),
    ("shentsize", lambda h, b: "e_shentsize 64, not 40 (the size of an ELF32 section header)"),
    # the program header table
    ("phnum0", lambda h, b: "e_phnum 0: no program headers, nothing to load"),
    ("phalign", lambda h, b: f"e_phoff {h.phoff + 2:#x} is not a multiple of 4"),
    ("phoff", lambda h, b: f"program header table (e_phoff {h.size:#x}, e_phnum 1 x 32 bytes) "
                           f"{END} ({h.size:#x} bytes)"),
    ("phnum", lambda h, b: f"program header table (e_phoff {h.phoff:#x}, e_phnum 65535 x 32 "
                           f"bytes) {END} ({h.size:#x} bytes)"),
    # the segment
    ("noload", lambda h, b: "no PT_LOAD segment with contents (e_phnum 1): nothing to load"),
    ("filesz", lambda h, b: f"segment 0: p_filesz {h.filesz:#x} is larger than p_memsz "
                            f"{h.filesz - 16:#x}"),
    ("truncated", lambda h, b: f"segment 0: p_offset {h.poff:#x} + p_filesz {h.filesz:#x} "
                               f"{END} ({b.size:#x} bytes)"),
    ("segoff", lambda h, b: f"segment 0: p_offset 0xfffff000 + p_filesz {h.filesz:#x} {END} "
                            f"({h.size:#x} bytes)"),
    ("wrap", lambda h, b: "segment 0: p_paddr 0x40000000 + p_memsz 0xfffff000 wraps past "
                          "0xffffffff"),
    ("huge", lambda h, b: f"segment 0 at 0x40000000-0xbfffffff runs past the end of {RAM}"),
    ("below", lambda h, b: f"segment 0 at 0x3fff0000-0x{0x3fff0000 + h.memsz - 1:08x} starts "
                           f"below {RAM}"),
    ("pastend", lambda h, b: f"segment 0 at 0x43f00000-0x{0x43f00000 + h.memsz - 1:08x} runs "
                             f"past the end of {RAM}"),
    ("outside", lambda h, b: f"segment 0 at 0x60000000-0x{0x60000000 + b.memsz - 1:08x} is "
                             f"outside {RAM}"),
    ("misaligned", lambda h, b: "segment 0: p_vaddr 0x40000000 and p_paddr 0x40000002 differ "
                                "by a non-multiple of 4, so its code would be misaligned in RAM"),
    ("overlap", lambda h, b: "segments 0 and 1 overlap in guest-physical memory at "
                             f"0x40001000-0x{0x40000000 + h.filesz - 1:08x}"),
    ("overlapva", lambda h, b: "segments 0 and 1 overlap in virtual addresses at "
                               f"0x40000000-0x{0x40000000 + h.filesz - 1:08x}: the mapping "
                               "symbols cannot say which holds the code"),
    ("codebss", code_cut),
    # the entry point
    ("entry", lambda h, b: f"entry point 0x10000000 is outside {RAM}"),
    ("entrybss", lambda h, b: f"entry point 0x{(h.paddr + h.filesz + 3) & ~3:08x} is in no "
                              "segment's file data: the VM would start in zeroed RAM"),
    ("entryodd", lambda h, b: "entry point 0x40000002 is A32 (bit 0 clear) but not a multiple "
                              "of 4"),
    # sections and symbols
    ("shnum0", lambda h, b: "e_shnum 0: no section headers, so no symbol table with the "
                            "$a/$t/$d mapping symbols that tell code from data"),
    ("shalign", lambda h, b: f"e_shoff {h.shoff + 2:#x} is not a multiple of 4"),
    ("shoff", lambda h, b: f"section header table (e_shoff {h.size:#x}, e_shnum {h.shnum} x 40 "
                           f"bytes) {END} ({h.size:#x} bytes)"),
    ("nosyms", lambda h, b: "no symbol table: the $a/$t/$d mapping symbols are needed to tell "
                            "code from data (do not strip guest images)"),
    ("symtab", lambda h, b: f"symbol table (section {h.symtab}): sh_offset {h.symoff:#x} + "
                            f"sh_size 0xfffffff0 {END} ({h.size:#x} bytes)"),
    ("symentsize", lambda h, b: f"symbol table (section {h.symtab}): sh_entsize 24, not 16 "
                                "(the size of an ELF32 symbol)"),
    ("symlink", lambda h, b: f"symbol table (section {h.symtab}): sh_link 99 is not a section "
                             f"(e_shnum {h.shnum})"),
    ("symlinktype", lambda h, b: f"symbol table (section {h.symtab}): sh_link 1 is a section "
                                 "of type 1, not a string table (SHT_STRTAB, 3)"),
    ("strtab", lambda h, b: f"string table (section {h.strtab}): sh_offset {h.stroff:#x} + "
                            f"sh_size 0xffffff00 {END} ({h.size:#x} bytes)"),
    ("nomapsyms", lambda h, b: "no $a/$t/$d mapping symbols in the code: cannot tell code "
                               "from data"),
    ("mapsym", lambda h, b: "mapping symbol $a (symbol {}) at 0x50000000 is outside its "
                            "section {} (0x{:08x}-0x{:08x})".format(h.code_a[0][0],
                                                                    *first_a_section(h))),
    ("mapshndx", lambda h, b: f"mapping symbol $a (symbol {h.code_a[0][0]}): st_shndx 200 is "
                              f"not a section (e_shnum {h.shnum})"),
    ("secwrap", lambda h, b: "section {} (0xfffffff0 bytes at 0x{:08x}) wraps past "
                             "0xffffffff".format(*first_a_section(h)[:2])),
]
KINDS = [k for k, _ in BAD]


def refusal(kind):
    """The line trapvisor must print for build/guests/bad/KIND.elf."""
    path = guest(f"bad/{kind}.elf")
    why = dict(BAD)[kind](facts(guest("demo/hello.elf")), facts(path))
    return f"{kind}: {kind}.elf refused: {why}"


def test_every_kind_is_here():
    """Each kind mkbad.py makes (and the two guests.mk makes otherwise)
    has its expected message above."""
    out = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "guests/bad/mkbad.py"),
                          "--list"], check=True, capture_output=True, text=True).stdout
    made = {line.split("\t")[0] for line in out.splitlines()} | {"outside", "nosyms"}
    assert made == set(KINDS)
    assert len(KINDS) == len(set(KINDS))


@pytest.mark.parametrize("kind", KINDS)
def test_refused_with_message(kind, hyp):
    status, lines = hyp([guest(f"bad/{kind}.elf")])
    out = hyp_lines(lines)
    assert status == 0, "\n".join(lines)
    assert [ln for ln in out if " refused: " in ln] == [refusal(kind)], "\n".join(out)
    assert out[-1] == "all VMs are off: powering off"


@pytest.fixture(scope="module")
def hello_native():
    status, lines = run_native(guest("demo/hello.elf"))
    assert status == 0
    return lines


# trapvisor runs at most 8 VMs: 7 broken ones and the demo in each run, the
# demo in the middle (the broken ones before and after it are all refused)
GROUPS = [KINDS[i:i + 7] for i in range(0, len(KINDS), 7)]


@pytest.mark.parametrize("group", GROUPS, ids=[g[0] + "..." for g in GROUPS])
def test_bad_images_do_not_disturb_a_good_one(group, hyp, hello_native):
    good = guest("demo/hello.elf")
    images = [guest(f"bad/{k}.elf") for k in group]
    status, lines = hyp(images[:3] + [good] + images[3:])
    out = hyp_lines(lines)
    assert status == 0, "\n".join(lines)
    assert vm_lines(lines, "hello") == hello_native
    assert [ln for ln in out if " refused: " in ln] == [refusal(k) for k in group]
    assert out[-1] == "all VMs are off: powering off"
