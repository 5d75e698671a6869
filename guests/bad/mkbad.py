#!/usr/bin/env python3
"""Makes the malformed guest images the loader tests feed to trapvisor.

    mkbad.py truncate IN OUT      IN cut halfway through its first segment's data
    mkbad.py entry ADDR IN OUT    IN with e_entry = ADDR, nothing else changed
    mkbad.py notelf OUT           a few lines of text
"""
import struct
import sys

EHDR = struct.Struct("<16sHHIIIIIHHHHHH")   # ELF32 header
PHDR = struct.Struct("<IIIIIIII")           # ELF32 program header
PT_LOAD = 1


def elf32(data):
    if data[:4] != b"\x7fELF" or data[4] != 1 or data[5] != 1:
        sys.exit("mkbad: input is not a little-endian ELF32 file")
    return EHDR.unpack_from(data)


def truncate(src, dst):
    data = open(src, "rb").read()
    h = elf32(data)
    phoff, phentsize, phnum = h[5], h[9], h[10]
    for i in range(phnum):
        p_type, p_offset, _, _, p_filesz = PHDR.unpack_from(data, phoff + i * phentsize)[:5]
        if p_type == PT_LOAD and p_filesz >= 16:
            cut = p_offset + p_filesz // 2
            break
    else:
        sys.exit("mkbad: no loadable segment to cut")
    # the headers stay whole: only the segment data is short
    assert cut > phoff + phnum * phentsize
    open(dst, "wb").write(data[:cut])


def entry(addr, src, dst):
    data = bytearray(open(src, "rb").read())
    elf32(data)
    struct.pack_into("<I", data, 24, int(addr, 0))     # e_entry
    open(dst, "wb").write(data)


def notelf(dst):
    open(dst, "w").write("This is not an ELF file.\n"
                         "It is a few lines of text named like a guest image.\n")


def main(argv):
    if len(argv) == 4 and argv[1] == "truncate":
        truncate(argv[2], argv[3])
    elif len(argv) == 5 and argv[1] == "entry":
        entry(argv[2], argv[3], argv[4])
    elif len(argv) == 3 and argv[1] == "notelf":
        notelf(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
