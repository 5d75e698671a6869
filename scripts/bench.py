#!/usr/bin/env python3
"""`make bench`: every benchmark guest natively and under trapvisor, in
one invocation, on QEMU with -icount shift=0 (the PMU cycle counter then
counts instructions retired: deterministic).  Prints one table, native
vs virtualized with the ratio; with --docs also writes docs/BENCHMARKS.md
and docs/bench.png (gnuplot).

The guests are in guests/bench (see bench.h for the line format); `make
bench` builds them and trapvisor first.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BUILD = os.path.join(ROOT, "build")
BENCH = os.path.join(BUILD, "bench")
GUESTS = os.path.join(BUILD, "guests", "bench")
ICOUNT = ["-icount", "shift=0"]
COMMON = ["-nographic", "-monitor", "none", "-serial", "stdio"]
NATIVE = ["-M", "virt", "-cpu", "cortex-a15", "-m", "64"]
BOARDS = {  # QEMU machine for trapvisor, guest package address (board.mk)
    "virt": (["-M", "virt", "-cpu", "cortex-a15"], "0x41000000"),
    "rpi2": (["-M", "raspi2b", "-no-reboot"], "0x01000000"),
}
RESULT = re.compile(r"^(?:\[(\S+)\] )?bench: (\S+) (\d+) (\d+)$")
GAP = re.compile(r"^\[(\S+)\] gap: (\d+) (\d+)$")
SLICE_US = 1000         # the VM-switch run: short slices, many switches

# name: (what is measured, section, target in instructions or None)
ROWS = [
    ("mrc", "MRC of a shadow register (DACR)", "trap", 60),
    ("mcr", "MCR of a shadow register (TPIDRPRW)", "trap", 60),
    ("mrs", "MRS Rd, CPSR (rewritten)", "trap", 80),
    ("msr", "MSR CPSR_c, Rn (rewritten)", "trap", 80),
    ("cps", "CPSID i (rewritten)", "trap", 80),
    ("tlbi", "TLBIMVA, guest MMU off", "trap", None),
    ("tlbi-mmu", "TLBIMVA, guest MMU on", "trap", None),
    ("wfi", "WFI with an interrupt pending", "trap", None),
    ("hvc", "HVC PSCI_VERSION", "trap", None),
    ("svc", "SVC from virtual User mode to the guest's vector and back", "exception", 150),
    ("virq", "virtual timer expiry to the guest IRQ handler's first instruction", "exception", None),
    ("iar-eoir", "GICC_IAR read + GICC_EOIR write", "exception", None),
    ("uart-dr", "MMIO: UART data register write", "mmio", None),
    ("gic-read", "MMIO: GIC distributor register read", "mmio", None),
    ("vm-switch", "VM switch: slice end to the next VM's first instruction", "switch", 400),
    ("proc-switch", "guest process switch, MMU on (CONTEXTIDR, TTBR0, CONTEXTIDR, load)", "switch", None),
    ("shadow-fill", "shadow page fault: first load after TLBIMVA", "switch", None),
    ("crc32", "compute: CRC-32 of 256 KiB, 4 times", "macro", None),
    ("syscalls", "4096 system calls from User mode (C handler)", "macro", None),
    ("irq-heavy", "CRC-32 of 64 KiB, timer interrupt every 16 us", "macro", None),
    ("os-boot", "demo guest OS boot: kernel_main to the first task", "macro", None),
]


def qemu(argv, timeout=120):
    r = subprocess.run(["qemu-system-arm", *argv], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                       timeout=timeout, cwd=ROOT)
    return r.stdout.decode(errors="replace").replace("\r", "").split("\n")


def results(lines, vm=None):
    out = {}
    for ln in lines:
        m = RESULT.match(ln)
        if m and m.group(1) == vm:
            total = int(m.group(3))     # the guests print 32-bit differences
            out[m.group(2)] = (total - (1 << 32) if total >= 1 << 31 else total, int(m.group(4)))
    return out


def native(elf):
    return results(qemu([*NATIVE, *COMMON, *ICOUNT, "-kernel", elf]))


def hyp(board, vms, tag):
    """trapvisor with VMs [(name, elf, extra config)]; returns its lines."""
    machine, pkg_pa = BOARDS[board]
    conf = os.path.join(BENCH, f"{tag}.conf")
    pkg = os.path.join(BENCH, f"{tag}.pkg")
    with open(conf, "w") as f:
        for name, elf, extra in vms:
            f.write(f"name={name} image={elf} ram=64 input=no pmu=yes {extra}\n")
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "mkpkg.py"), "-o", pkg,
                    "-c", conf], check=True, cwd=ROOT)
    lines = qemu([*machine, "-m", "1024", *COMMON, *ICOUNT,
                  "-kernel", os.path.join(BUILD, f"trapvisor-{board}.elf"),
                  "-device", f"loader,file={pkg},addr={pkg_pa},force-raw=on"])
    with open(os.path.join(BENCH, f"{tag}-{board}.log"), "w") as f:
        f.write("\n".join(lines))
    return lines


def vm_switches(lines):
    """Each VM's gaps (before, after); a switch is one VM's `before` to the
    first `after` of another VM that falls inside that gap."""
    gaps = {}
    for ln in lines:
        m = GAP.match(ln)
        if m:
            gaps.setdefault(m.group(1), []).append((int(m.group(2)), int(m.group(3))))
    out = []
    for vm, mine in gaps.items():
        others = sorted(a for o, g in gaps.items() if o != vm for _, a in g)
        for before, after in mine:
            inside = [a for a in others if before < a < after]
            if inside:
                out.append(inside[0] - before)
    return out


def fmt(x):
    if x is None:
        return "-"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.1f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--board", default=os.environ.get("BOARD", "virt"), choices=BOARDS)
    ap.add_argument("--docs", action="store_true", help="write docs/BENCHMARKS.md and docs/bench.png")
    a = ap.parse_args()
    measured_at = commit()      # before this run rewrites the tracked docs
    os.makedirs(BENCH, exist_ok=True)

    nat, virt = {}, {}
    for g in ("micro", "macro", "os"):
        elf = os.path.join(GUESTS, f"{g}.elf")
        nat.update(native(elf))
        lines = hyp(a.board, [(g, elf, "")], g)
        virt.update(results(lines, g))
        if g == "micro":
            summary = [ln for ln in lines if ln.startswith("[hyp] micro:") and "KiB" in ln]
    sw_elf = os.path.join(GUESTS, "switch.elf")
    loop = native(sw_elf).get("switch-loop")
    switches = vm_switches(hyp(a.board, [("sw1", sw_elf, f"slice={SLICE_US}"),
                                         ("sw2", sw_elf, f"slice={SLICE_US}")], "switch"))

    table = []
    for name, what, section, target in ROWS:
        n = nat.get(name)
        v = virt.get(name)
        if name == "vm-switch":
            v = (statistics.median(switches), 1) if switches else None
        nv = n[0] / n[1] if n else None
        vv = v[0] / v[1] if v else None
        ratio = vv / nv if nv and vv is not None and nv > 0 else None
        table.append((name, what, section, nv, vv, ratio, target))

    boot = virt.get("boot")
    boot_cnt = virt.get("boot-cntvct")
    loop_len = loop[0] / loop[1] if loop else None
    print(render(table, boot, boot_cnt, switches, loop_len, summary, a.board, markdown=False))
    if a.docs:
        write_docs(table, boot, boot_cnt, switches, loop_len, summary, a.board, measured_at)


def render(table, boot, boot_cnt, switches, loop_len, summary, board, markdown):
    out = []
    head = ("benchmark", "native", "trapvisor", "ratio", "target")
    if markdown:
        out.append("| " + " | ".join(["what", "native", "trapvisor", "trapvisor - native",
                                      "ratio", "target"]) + " |")
        out.append("|---|--:|--:|--:|--:|--:|")
    else:
        out.append(f"{head[0]:<14}{head[1]:>10}{head[2]:>12}{head[3]:>10}{head[4]:>8}  "
                   "(instructions under -icount, per operation)")
    for name, what, section, nv, vv, ratio, target in table:
        r = f"{ratio:,.1f}x" if ratio is not None else "-"
        t = f"<= {target}" if target else ""
        if name == "crc32":
            t = "<= 1.01x"
        if markdown:
            extra = fmt(vv - nv) if nv is not None and vv is not None else "-"
            out.append(f"| `{name}`: {what} | {fmt(nv)} | {fmt(vv)} | {extra} | {r} | {t} |")
        else:
            out.append(f"{name:<14}{fmt(nv):>10}{fmt(vv):>12}{r:>10}{t:>10}")
    if not markdown:
        out.append("")
    if boot:
        out.append(f"boot to the first guest instruction ({board}): {boot[0]:,} instructions, "
                   f"{boot_cnt[0] / 62500:.1f} ms of virtual time (CNTVCT {boot_cnt[0]:,})")
    if switches:
        out.append(f"VM switches measured: {len(switches)}, min {min(switches):,}, "
                   f"median {statistics.median(switches):,.0f}, max {max(switches):,}"
                   + (f" (each includes up to one {loop_len:.0f}-instruction turn of the "
                      "measuring loop on both sides)" if loop_len else ""))
    for ln in summary:
        out.append(ln.replace("[hyp] ", "trapvisor: "))
    return "\n".join(out)


def sizes(board):
    r = subprocess.run(["arm-none-eabi-size", os.path.join(BUILD, f"trapvisor-{board}.elf")],
                       stdout=subprocess.PIPE, check=True, cwd=ROOT)
    text, data, bss = r.stdout.decode().split("\n")[1].split()[:3]
    return int(text), int(data), int(bss)


def commit():
    r = subprocess.run(["git", "describe", "--always", "--dirty"], stdout=subprocess.PIPE,
                       cwd=ROOT)
    return r.stdout.decode().strip() or "unknown"


def write_docs(table, boot, boot_cnt, switches, loop_len, summary, board, measured_at):
    docs = os.path.join(ROOT, "docs")
    dat = os.path.join(BENCH, "ratios.dat")
    with open(dat, "w") as f:
        for name, _, _, _, _, ratio, _ in table:
            if ratio is not None:
                f.write(f"\"{name}\" {ratio:.3f}\n")
    png = os.path.join(docs, "bench.png")
    plot = f"""set terminal pngcairo size 1000,520 font ",10"
set output "{png}"
set title "trapvisor: virtualized / native, instructions under -icount (log scale)"
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.7
set logscale y 10
set yrange [0.5:*]
set grid ytics
set xtics rotate by -40
set ylabel "virtualized / native"
unset key
plot "{dat}" using 2:xtic(1) lc rgb "#3a6ea5"
"""
    subprocess.run(["gnuplot"], input=plot.encode(), check=True)
    text, data, bss = sizes(board)
    with open(os.path.join(ROOT, "scripts", "bench.md.in")) as f:
        template = f.read()
    body = template.format(commit=measured_at, board=board,
                           table=render(table, boot, boot_cnt, switches, loop_len, summary,
                                        board, markdown=True),
                           text=text, data=data, bss=bss)
    with open(os.path.join(docs, "BENCHMARKS.md"), "w") as f:
        f.write(body)
    print(f"bench: wrote docs/BENCHMARKS.md and docs/bench.png")


if __name__ == "__main__":
    main()
