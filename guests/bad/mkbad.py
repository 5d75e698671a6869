#!/usr/bin/env python3
"""Makes the malformed guest images the loader tests feed to trapvisor:
each is a good guest ELF (the demo) with one thing broken.

    mkbad.py KIND IN OUT      IN broken as KIND says, written to OUT
    mkbad.py --list           the kinds, one a line, with what each breaks

test/system/test_bad_images.py has the message trapvisor must give for
each kind; docs/ROBUSTNESS.md the table of both.
"""
import struct
import sys

# (field, struct format) of each ELF32 structure, in order
EHDR = [("ident", "16s"), ("type", "H"), ("machine", "H"), ("version", "I"), ("entry", "I"),
        ("phoff", "I"), ("shoff", "I"), ("flags", "I"), ("ehsize", "H"), ("phentsize", "H"),
        ("phnum", "H"), ("shentsize", "H"), ("shnum", "H"), ("shstrndx", "H")]
PHDR = [(f, "I") for f in "type offset vaddr paddr filesz memsz flags align".split()]
SHDR = [(f, "I") for f in "name type flags addr offset size link info addralign entsize".split()]
SYM = [("name", "I"), ("value", "I"), ("size", "I"), ("info", "B"), ("other", "B"),
       ("shndx", "H")]
PT_LOAD, PT_NOTE, SHT_SYMTAB, SHF_EXECINSTR = 1, 4, 2, 0x4


class Elf:
    """A little-endian ELF32 file, its fields read and written by name."""

    def __init__(self, data):
        if data[:4] != b"\x7fELF" or data[4] != 1 or data[5] != 1:
            sys.exit("mkbad: input is not a little-endian ELF32 file")
        self.data = bytearray(data)
        self.eh = self.get(EHDR, 0)

    @staticmethod
    def size(layout):
        return struct.calcsize("<" + "".join(f for _, f in layout))

    def get(self, layout, at):
        return dict(zip((n for n, _ in layout),
                        struct.unpack_from("<" + "".join(f for _, f in layout), self.data, at)))

    def put(self, layout, at, name, value):
        """Writes field name of the structure at offset at."""
        names = [n for n, _ in layout]
        i = names.index(name)
        struct.pack_into("<" + layout[i][1], self.data, at + self.size(layout[:i]), value)

    def set_eh(self, name, value):
        self.put(EHDR, 0, name, value)

    def ph_at(self, i):
        return self.eh["phoff"] + i * self.size(PHDR)

    def ph(self, i):
        return self.get(PHDR, self.ph_at(i))

    def set_ph(self, i, name, value):
        self.put(PHDR, self.ph_at(i), name, value)

    def sh_at(self, i):
        return self.eh["shoff"] + i * self.size(SHDR)

    def sh(self, i):
        return self.get(SHDR, self.sh_at(i))

    def set_sh(self, i, name, value):
        self.put(SHDR, self.sh_at(i), name, value)

    def load(self):
        """The index of the one PT_LOAD (the demo has one)."""
        loads = [i for i in range(self.eh["phnum"]) if self.ph(i)["type"] == PT_LOAD]
        if len(loads) != 1:
            sys.exit("mkbad: input must have exactly one PT_LOAD")
        return loads[0]

    def symtab(self):
        for i in range(self.eh["shnum"]):
            if self.sh(i)["type"] == SHT_SYMTAB:
                return i
        sys.exit("mkbad: input has no symbol table")

    def symbols(self):
        """(index, name, fields) of every symbol."""
        st = self.sh(self.symtab())
        strs = self.sh(st["link"])
        for i in range(st["size"] // self.size(SYM)):
            sym = self.get(SYM, st["offset"] + i * self.size(SYM))
            at = strs["offset"] + sym["name"]
            yield i, bytes(self.data[at:self.data.index(0, at)]).decode("latin-1"), sym

    def set_sym(self, i, name, value):
        self.put(SYM, self.sh(self.symtab())["offset"] + i * self.size(SYM), name, value)

    def add_ph(self, fields):
        """Appends a program header where the table ends, if nothing is there."""
        at = self.ph_at(self.eh["phnum"])
        first = min([self.ph(i)["offset"] for i in range(self.eh["phnum"])
                     if self.ph(i)["filesz"]] + [self.eh["shoff"]])
        if at + self.size(PHDR) > first or any(self.data[at:at + self.size(PHDR)]):
            sys.exit("mkbad: no room after the program headers")
        struct.pack_into("<" + "I" * len(PHDR), self.data, at, *(fields[n] for n, _ in PHDR))
        self.eh["phnum"] += 1
        self.set_eh("phnum", self.eh["phnum"])


def is_mapping(name, kinds="atd"):
    return len(name) >= 2 and name[0] == "$" and name[1] in kinds and name[2:3] in ("", ".")


def code_mapsyms(e, kinds="atd"):
    """(index, name, fields) of the mapping symbols of executable sections."""
    return [(i, name, s) for i, name, s in e.symbols() if is_mapping(name, kinds) and
            0 < s["shndx"] < e.eh["shnum"] and e.sh(s["shndx"])["flags"] & SHF_EXECINSTR]


def first_code_mapsym(e):
    """The first $a of an executable section, in symbol table order."""
    syms = code_mapsyms(e, "a")
    if not syms:
        sys.exit("mkbad: no $a mapping symbol")
    return syms[0]


# ---- the kinds: each changes one thing -------------------------------------


def segment_code_cut(e):
    """p_filesz cut 4 bytes into an A32 region (of at least 8 bytes) past
    the first 256 bytes: the rest of the code would be .bss."""
    i = e.load()
    p = e.ph(i)
    marks = sorted((s["value"], n, name) for n, name, s in code_mapsyms(e))
    for (addr, _, name), (nxt, _, _) in zip(marks, marks[1:]):
        if name[1] == "a" and addr >= p["vaddr"] + 0x100 and nxt - addr >= 8 and addr % 4 == 0:
            e.set_ph(i, "filesz", addr + 4 - p["vaddr"])
            return
    sys.exit("mkbad: no A32 region to cut in")


def second_segment(e, **change):
    """A second PT_LOAD: a copy of the first with fields changed."""
    ph = e.ph(e.load())
    ph.update(change)
    e.add_ph(ph)


def overlap_in_ram(e):
    p = e.ph(e.load())
    second_segment(e, offset=p["offset"] + 0x1000, vaddr=p["vaddr"] + 0x1000,
                   paddr=p["paddr"] + 0x1000, filesz=p["filesz"] - 0x1000,
                   memsz=p["memsz"] - 0x1000)


def entry_in_bss(e):
    p = e.ph(e.load())
    e.set_eh("entry", (p["paddr"] + p["filesz"] + 3) & ~3)


def rename_mapping_symbols(e):
    st = e.sh(e.symtab())
    strs = e.sh(st["link"])
    for _, name, s in e.symbols():
        if is_mapping(name):
            e.data[strs["offset"] + s["name"]] = ord("_")


def truncate(e):
    p = e.ph(e.load())
    at = p["offset"] + p["filesz"] // 2
    # the headers stay whole: only the segment data is short
    assert at > e.ph_at(e.eh["phnum"])
    del e.data[at:]


def ident(i, v):
    def change(e):
        e.data[i] = v
    return change


def eh(name, v):
    return lambda e: e.set_eh(name, v(e) if callable(v) else v)


def ph(name, v):
    return lambda e: e.set_ph(e.load(), name, v(e.ph(e.load())) if callable(v) else v)


def symtab(name, v):
    return lambda e: e.set_sh(e.symtab(), name, v)


def strtab(name, v):
    return lambda e: e.set_sh(e.sh(e.symtab())["link"], name, v)


def mapsym(name, v):
    return lambda e: e.set_sym(first_code_mapsym(e)[0], name, v)


def code_section(name, v):
    """Changes the section of the first $a."""
    return lambda e: e.set_sh(first_code_mapsym(e)[2]["shndx"], name, v)


def replace(data):
    def change(e):
        e.data[:] = data
    return change


def cut(n):
    def change(e):
        del e.data[n:]
    return change


NOTELF = (b"This is not an ELF file.\n"
          b"It is a few lines of text named like a guest image.\n")

# kind: (what is broken, how); each its own image
KINDS = {
    # the ELF header
    "notelf": ("a few lines of text", replace(NOTELF)),
    "empty": ("no bytes at all", replace(b"")),
    "short": ("its first 40 bytes: shorter than an ELF header", cut(40)),
    "class64": ("EI_CLASS 2 (ELFCLASS64)", ident(4, 2)),
    "bigendian": ("EI_DATA 2 (big-endian)", ident(5, 2)),
    "identversion": ("EI_VERSION 0", ident(6, 0)),
    "version": ("e_version 0", eh("version", 0)),
    "machine": ("e_machine 62 (x86-64)", eh("machine", 62)),
    "type": ("e_type 3 (ET_DYN)", eh("type", 3)),
    "ehsize": ("e_ehsize 64", eh("ehsize", 64)),
    "phentsize": ("e_phentsize 56", eh("phentsize", 56)),
    "shentsize": ("e_shentsize 64", eh("shentsize", 64)),
    # the program header table
    "phnum0": ("e_phnum 0", eh("phnum", 0)),
    "phalign": ("e_phoff 2 bytes on", eh("phoff", lambda e: e.eh["phoff"] + 2)),
    "phoff": ("e_phoff at the end of the file", eh("phoff", lambda e: len(e.data))),
    "phnum": ("e_phnum 65535: the table runs past the file", eh("phnum", 0xffff)),
    # the segment
    "noload": ("its PT_LOAD made a PT_NOTE", ph("type", PT_NOTE)),
    "filesz": ("p_memsz 16 bytes less than p_filesz", ph("memsz", lambda p: p["filesz"] - 16)),
    "truncated": ("cut halfway through the segment's data", truncate),
    "segoff": ("p_offset 0xfffff000 (offset + size wraps)", ph("offset", 0xfffff000)),
    "wrap": ("p_memsz 0xfffff000 (p_paddr + p_memsz wraps)", ph("memsz", 0xfffff000)),
    "huge": ("p_memsz 0x80000000", ph("memsz", 0x80000000)),
    "below": ("p_paddr 0x3fff0000: starts below RAM", ph("paddr", 0x3fff0000)),
    "pastend": ("p_paddr 0x43f00000: runs past the end of 64 MiB of RAM", ph("paddr", 0x43f00000)),
    "misaligned": ("p_paddr 0x40000002 (p_vaddr 0x40000000)", ph("paddr", 0x40000002)),
    "overlap": ("a second PT_LOAD: the first from 0x1000 on, over it in RAM", overlap_in_ram),
    "overlapva": ("a second PT_LOAD: the first at p_paddr 0x41000000, same p_vaddr",
                  lambda e: second_segment(e, paddr=0x41000000)),
    "codebss": ("p_filesz ends inside the code", segment_code_cut),
    # the entry point
    "entry": ("e_entry 0x10000000: outside RAM", eh("entry", 0x10000000)),
    "entrybss": ("e_entry just past the segment's file data (in its .bss)", entry_in_bss),
    "entryodd": ("e_entry 0x40000002: A32, not word aligned", eh("entry", 0x40000002)),
    # sections and symbols
    "shnum0": ("e_shnum 0", eh("shnum", 0)),
    "shalign": ("e_shoff 2 bytes on", eh("shoff", lambda e: e.eh["shoff"] + 2)),
    "shoff": ("e_shoff at the end of the file", eh("shoff", lambda e: len(e.data))),
    "symtab": (".symtab sh_size 0xfffffff0", symtab("size", 0xfffffff0)),
    "symentsize": (".symtab sh_entsize 24", symtab("entsize", 24)),
    "symlink": (".symtab sh_link 99: no such section", symtab("link", 99)),
    "symlinktype": (".symtab sh_link 1: .text, not a string table", symtab("link", 1)),
    "strtab": (".strtab sh_size 0xffffff00", strtab("size", 0xffffff00)),
    "nomapsyms": ("every $a/$t/$d renamed _a/_t/_d", rename_mapping_symbols),
    "mapsym": ("the first $a at 0x50000000, outside .text", mapsym("value", 0x50000000)),
    "mapshndx": ("the first $a in section 200", mapsym("shndx", 200)),
    "secwrap": (".text sh_size 0xfffffff0: wraps past 2^32", code_section("size", 0xfffffff0)),
}


def main(argv):
    if argv[1:] == ["--list"]:
        for k, (what, _) in KINDS.items():
            print(f"{k}\t{what}")
    elif len(argv) == 4 and argv[1] in KINDS:
        e = Elf(open(argv[2], "rb").read())
        KINDS[argv[1]][1](e)
        open(argv[3], "wb").write(e.data)
    else:
        sys.exit(__doc__ + "\nkinds: " + " ".join(KINDS))


if __name__ == "__main__":
    main(sys.argv)
