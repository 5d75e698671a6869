#!/usr/bin/env python3
"""Packs guest images and their VM configuration into one file that QEMU
(or the Pi firmware) loads next to trapvisor.  trapvisor reads it with
hyp/pkg.c; the layout is documented in docs/DESIGN.md ("Guest package").

    mkpkg.py -o out.pkg a.elf b.elf ...

Each image becomes one VM named after its file (basename without .elf).
Files are packed as they are: trapvisor itself validates every image, so a
broken one is refused at boot with a message naming it.
"""
import argparse, os, struct, sys

MAGIC = b"TVPKG2\0\0"
HDR = struct.Struct("<8sII")            # magic, count, total size
ENT = struct.Struct("<32s64sIIIIII")   # name, file, offset, size, ram_mb, slice_us, flags, reserved
DEFAULT_RAM_MB = 64
DEFAULT_SLICE_US = 5000


def vm_name(path):
    base = os.path.basename(path)
    return base[:-4] if base.endswith(".elf") else base


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", required=True)
    ap.add_argument("images", nargs="+")
    a = ap.parse_args()
    blobs = []
    for p in a.images:
        try:
            with open(p, "rb") as f:
                blobs.append((vm_name(p), os.path.basename(p), f.read()))
        except OSError as e:
            sys.exit(f"mkpkg: cannot read guest image '{p}': {e.strerror}")
    off = HDR.size + ENT.size * len(blobs)
    ents, data = [], b""
    for name, fname, blob in blobs:
        off4 = (off + 3) & ~3
        data += b"\0" * (off4 - off) + blob
        name_b = name.encode()[:31]
        ents.append(ENT.pack(name_b, fname.encode()[:63], off4, len(blob), DEFAULT_RAM_MB, DEFAULT_SLICE_US, 0, 0))
        off = off4 + len(blob)
    out = HDR.pack(MAGIC, len(blobs), off) + b"".join(ents) + data
    assert len(out) == off
    with open(a.o, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
