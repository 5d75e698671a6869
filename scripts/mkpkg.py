#!/usr/bin/env python3
"""Packs guest images and their VM configuration into one file that QEMU
(or the Pi firmware) loads next to trapvisor.  trapvisor reads it with
hyp/pkg.c; the layout is documented in docs/DESIGN.md ("Guest package").

    mkpkg.py -o out.pkg a.elf b.elf ...      one VM per image, defaults
    mkpkg.py -o out.pkg -c vms.conf          VMs as a configuration says

A configuration has one VM per line, `key=value` fields separated by
blanks; `#` starts a comment:

    name=os     image=build/guests/os/os.elf  ram=64  slice=5000  input=yes

image is required (relative to the current directory); name defaults to
the image's file name without .elf, ram (MiB) to 64, slice (microseconds)
to 5000, input (may own the console keyboard) to yes, shadow (KiB of
shadow translation tables, for a guest that turns its MMU on) to 256,
pmu (the VM may read and program the host's PMU cycle counter from its
virtual PL1 and PL0: for benchmarks; it also lets the VM time other VMs)
to no, restart (what trapvisor does when the VM crashes: never restart it,
or restart it on a crash) to never, restarts (how many crash restarts at
most, with restart=crash) to 3.

Files are packed as they are: trapvisor itself validates every image and
value, so a broken one is refused at boot with a message naming it.
"""
import argparse
import os
import struct
import sys

MAGIC = b"TVPKG3\0\0"
HDR = struct.Struct("<8sII")            # magic, count, total size
ENT = struct.Struct("<32s64sIIIIIII")  # name, file, offset, size, ram_mb, slice_us, flags,
                                        # shadow_kib, restart_max (0: never)
FLAG_INPUT = 1
FLAG_PMU = 2
DEFAULTS = {"ram": "64", "slice": "5000", "input": "yes", "shadow": "256", "pmu": "no",
            "restart": "never", "restarts": "3"}
KEYS = {"name", "image", "ram", "slice", "input", "shadow", "pmu", "restart", "restarts"}


def vm_name(path):
    base = os.path.basename(path)
    return base[:-4] if base.endswith(".elf") else base


def fail(msg):
    sys.exit(f"mkpkg: {msg}")


def parse_config(path):
    vms = []
    try:
        text = open(path).read()
    except OSError as e:
        fail(f"cannot read configuration '{path}': {e.strerror}")
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        vm = dict(DEFAULTS)
        for field in line.split():
            key, eq, val = field.partition("=")
            if not eq or key not in KEYS:
                fail(f"{path}:{n}: '{field}' is not one of {', '.join(sorted(KEYS))}=VALUE")
            vm[key] = val
        if "image" not in vm:
            fail(f"{path}:{n}: image= is missing")
        vms.append(vm)
    return vms


def number(vm, key, where):
    try:
        return int(vm[key], 0)
    except ValueError:
        fail(f"{where}: {key}={vm[key]} is not a number")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", required=True)
    ap.add_argument("-c", "--config")
    ap.add_argument("images", nargs="*")
    a = ap.parse_args()
    vms = parse_config(a.config) if a.config else []
    vms += [dict(DEFAULTS, image=p) for p in a.images]
    if not vms:
        fail("no guest: give images or a configuration")
    if len(vms) > 8:
        fail(f"{len(vms)} VMs: trapvisor runs at most 8")
    names = set()
    ents, data = [], b""
    off = HDR.size + ENT.size * len(vms)
    for vm in vms:
        name = vm.get("name") or vm_name(vm["image"])
        if name in names:
            fail(f"two VMs are named '{name}': give one a name= in a configuration")
        names.add(name)
        try:
            with open(vm["image"], "rb") as f:
                blob = f.read()
        except OSError as e:
            fail(f"cannot read guest image '{vm['image']}': {e.strerror}")
        for key in ("input", "pmu"):
            if vm[key] not in ("yes", "no"):
                fail(f"{name}: {key}={vm[key]}: yes or no")
        if vm["restart"] not in ("never", "crash"):
            fail(f"{name}: restart={vm['restart']}: never or crash")
        restart_max = number(vm, "restarts", name) if vm["restart"] == "crash" else 0
        if vm["restart"] == "crash" and restart_max < 1:
            fail(f"{name}: restarts={vm['restarts']}: at least 1 with restart=crash")
        off4 = (off + 3) & ~3
        data += b"\0" * (off4 - off) + blob
        ents.append(ENT.pack(name.encode()[:31], os.path.basename(vm["image"]).encode()[:63],
                             off4, len(blob), number(vm, "ram", name), number(vm, "slice", name),
                             (FLAG_INPUT if vm["input"] == "yes" else 0) |
                             (FLAG_PMU if vm["pmu"] == "yes" else 0),
                             number(vm, "shadow", name), restart_max))
        off = off4 + len(blob)
    out = HDR.pack(MAGIC, len(vms), off) + b"".join(ents) + data
    assert len(out) == off
    with open(a.o, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
