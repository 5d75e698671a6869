#!/usr/bin/env python3
"""Packs guest images and their VM configuration into one file that QEMU
(or the Pi firmware) loads next to trapvisor.  trapvisor reads it with
hyp/pkg.c; the layout is documented in docs/DESIGN.md ("Guest package").

    mkpkg.py -o out.pkg a.elf b.bin ...      one VM per image, defaults
    mkpkg.py -o out.pkg -c vms.conf          VMs as a configuration says
    mkpkg.py --dump-dtb NAME -o x.dtb a.pkg  the device tree of VM NAME in a.pkg
                                             (to boot the firmware natively:
                                             qemu-system-arm ... -bios a.bin -dtb x.dtb)

An image is a guest ELF, or, if its name ends in .bin, a raw firmware
image (U-Boot's u-boot.bin, say) that the VM runs from its flash at 0x0,
as QEMU's -bios does.  Each firmware VM gets a flattened device tree of
its own machine (scripts/vmdt.py, compiled by dtc), which trapvisor puts
at the start of its RAM.

A configuration has one VM per line, `key=value` fields separated by
blanks; `#` starts a comment:

    name=os     image=build/guests/os/os.elf  ram=64  slice=5000  input=yes

image is required (relative to the current directory); name defaults to
the image's file name without .elf or .bin, ram (MiB) to 64, slice
(microseconds) to 5000, input (may own the console keyboard) to yes, shadow (KiB of
shadow translation tables, for a guest that turns its MMU on) to 256,
pmu (the VM may read and program the host's PMU cycle counter from its
virtual PL1 and PL0: for benchmarks; it also lets the VM time other VMs)
to no, restart (what trapvisor does when the VM crashes: never restart it,
or restart it on a crash) to never, restarts (how many crash restarts at
most, with restart=crash) to 3.

Files are packed as they are: trapvisor itself validates every image,
tree and value, so a broken one is refused at boot with a message naming
it.  The package layout (TVPKG4) is that of ENT below: a firmware VM has
FLAG_FIRMWARE and the offset and size of its DTB, an ELF VM 0 and 0.
"""
import argparse
import os
import struct
import sys

import vmdt

MAGIC = b"TVPKG4\0\0"
HDR = struct.Struct("<8sII")              # magic, count, total size
ENT = struct.Struct("<32s64sIIIIIIIII")  # name, file, offset, size, ram_mb, slice_us, flags,
                                          # shadow_kib, restart_max (0: never),
                                          # dtb_offset, dtb_size (0, 0: no DTB)
FLAG_INPUT = 1
FLAG_PMU = 2
FLAG_FIRMWARE = 4                         # the image is a raw firmware binary
DEFAULTS = {"ram": "64", "slice": "5000", "input": "yes", "shadow": "256", "pmu": "no",
            "restart": "never", "restarts": "3"}
KEYS = {"name", "image", "ram", "slice", "input", "shadow", "pmu", "restart", "restarts"}


def vm_name(path):
    base = os.path.basename(path)
    return base[:-4] if base.endswith((".elf", ".bin")) else base


def is_firmware(path):
    return path.endswith(".bin")


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
        n = int(vm[key], 0)
    except ValueError:
        fail(f"{where}: {key}={vm[key]} is not a number")
    if not 0 <= n < 1 << 32:
        fail(f"{where}: {key}={vm[key]} does not fit in 32 bits")
    return n


def align(data, n):
    """data padded with zeros to a multiple of n bytes"""
    return data + b"\0" * (-len(data) % n)


def dump_dtb(pkg, name, out):
    """Writes the DTB of VM name in package pkg to out."""
    try:
        data = open(pkg, "rb").read()
    except OSError as e:
        fail(f"cannot read package '{pkg}': {e.strerror}")
    if data[:8] != MAGIC:
        fail(f"{pkg}: not a {MAGIC[:6].decode()} guest package")
    count = HDR.unpack_from(data)[1]
    for i in range(count):
        e = ENT.unpack_from(data, HDR.size + ENT.size * i)
        if e[0].rstrip(b"\0").decode() == name:
            if not e[10]:
                fail(f"{pkg}: VM '{name}' has no device tree (not a firmware image)")
            with open(out, "wb") as f:
                f.write(data[e[9]:e[9] + e[10]])
            return
    fail(f"{pkg}: no VM named '{name}'")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", required=True)
    ap.add_argument("-c", "--config")
    ap.add_argument("--dump-dtb", metavar="NAME")
    ap.add_argument("images", nargs="*")
    a = ap.parse_args()
    if a.dump_dtb:
        if len(a.images) != 1:
            fail("--dump-dtb NAME -o OUT.dtb takes one package")
        return dump_dtb(a.images[0], a.dump_dtb, a.o)
    vms = parse_config(a.config) if a.config else []
    vms += [dict(DEFAULTS, image=p) for p in a.images]
    if not vms:
        fail("no guest: give images or a configuration")
    if len(vms) > 8:
        fail(f"{len(vms)} VMs: trapvisor runs at most 8")
    names = set()
    ents = []
    # offsets are from the start of the package; images 4-byte aligned,
    # DTBs 8-byte aligned (the alignment the devicetree spec asks for)
    data = align(HDR.size * b"\0" + ENT.size * len(vms) * b"\0", 8)
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
        ram_mb = number(vm, "ram", name)
        firmware = is_firmware(vm["image"])
        data = align(data, 4)
        offset = len(data)
        data += blob
        dtb_offset = dtb_size = 0
        if firmware:
            # for the ram= given: trapvisor checks it, and refuses the VM
            # with a message if it is out of range
            try:
                dtb = vmdt.dtb(name, ram_mb)
            except RuntimeError as e:
                fail(f"{name}: cannot compile its device tree: {e}")
            data = align(data, 8)
            dtb_offset, dtb_size = len(data), len(dtb)
            data += dtb
        ents.append(ENT.pack(name.encode()[:31], os.path.basename(vm["image"]).encode()[:63],
                             offset, len(blob), ram_mb, number(vm, "slice", name),
                             (FLAG_INPUT if vm["input"] == "yes" else 0) |
                             (FLAG_PMU if vm["pmu"] == "yes" else 0) |
                             (FLAG_FIRMWARE if firmware else 0),
                             number(vm, "shadow", name), restart_max, dtb_offset, dtb_size))
    head = HDR.pack(MAGIC, len(vms), len(data)) + b"".join(ents)
    out = head + data[len(head):]
    with open(a.o, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
