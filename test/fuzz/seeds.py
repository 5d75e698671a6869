#!/usr/bin/python3
"""Writes the seed corpora of the fuzz harnesses: test/fuzz/corpus/<target>/.

The seeds are what a guest really does, so the fuzzers start from the
interesting places: instruction words come from arm-none-eabi-as, the ELF
images from arm-none-eabi-ld, the register and descriptor values are the
ones guests use.  Each seed follows its harness's input layout (said at
the top of each test/fuzz/fuzz_*.c).  Run from the top directory:
    /usr/bin/python3 test/fuzz/seeds.py
"""
import hashlib
import os
import struct
import subprocess
import tempfile

OUT = "test/fuzz/corpus"
RAM = 0x40000000
UART = 0x09000000
MODES = {"usr": 0, "fiq": 1, "irq": 2, "svc": 3, "abt": 4, "und": 5, "sys": 6}
ASM_HEAD = ".syntax unified\n.arm\n.fpu vfpv4\n.arch_extension virt\n.arch_extension sec\n"


def u32(*words):
    return b"".join(struct.pack("<I", w & 0xffffffff) for w in words)


def write(target, data):
    """One seed, named by its content so that rerunning changes nothing."""
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def assemble(lines, tmp):
    """The A32 words of the given instructions, in order."""
    src, obj, binf = (os.path.join(tmp, n) for n in ("a.s", "a.o", "a.bin"))
    with open(src, "w") as f:
        f.write(ASM_HEAD + "\n".join(lines) + "\n")
    subprocess.run(["arm-none-eabi-as", "-march=armv7-a", "-o", obj, src], check=True)
    subprocess.run(["arm-none-eabi-objcopy", "-O", "binary", "-j", ".text", obj, binf],
                   check=True)
    data = open(binf, "rb").read()
    return [struct.unpack_from("<I", data, i)[0] for i in range(0, len(data), 4)]


# ---- the vCPU (test/fuzz/vcpu_input.c, in its order) -------------------------

def vcpu(mode="svc", regs=None, cpsr=0x600001c0, dev_value=0x41, svc_sp=RAM + 0x5000):
    r = [RAM + 0x100 + 0x10 * i for i in range(8)] if regs is None else regs
    cp15 = [0x00c50078, 0x00f00000, 0, 0x55555555, RAM,	# SCTLR CPACR TTBCR DACR VBAR
            0, 0x3, 1, 0, 1000, 0, 2000, 0, 0, 0x40000000]	# CSSELR CNTKCTL timers PMUSERENR FPEXC
    banks = [RAM + 0x8000, RAM + 0x200,			# usr: sp lr
             8, 9, 10, 11, 12, RAM + 0x7000, RAM + 0x300, 0x600000d3,	# fiq: r8-r14 spsr
             RAM + 0x6000, RAM + 0x400, 0x20000013,		# irq
             svc_sp, RAM + 0x500, 0x00000010,			# svc: spsr says usr
             RAM + 0x4000, RAM + 0x600, 0x000001d3,		# abt
             RAM + 0x3000, RAM + 0x700, 0x0000001f,		# und
             RAM + 0x8000, RAM + 0x200]				# sys
    usr_r8_12 = [0x88, 0x99, 0xaa, 0xbb, 0xcc]
    return (u32(dev_value, 1000, 0, 1100, 0, 0x77) + u32(*cp15) + u32(*banks) +
            u32(*usr_r8_12) + bytes([MODES[mode]]) + u32(*r) + u32(RAM + 0x100, cpsr))


# ---- fuzz_a32: a count byte, the words, the vCPU ------------------------------

A32_ALONE = [
    "mrs r0, cpsr", "mrs r1, spsr", "msr cpsr_c, r2", "msr cpsr_c, #0xd2",
    "msr cpsr_fsxc, r3", "msr spsr_fsxc, r3", "msr apsr_nzcvq, r4", "cpsid i", "cpsie aif",
    "cps #0x12", "cpsid if, #0x1b", "subs pc, lr, #4", "movs pc, lr", "eret",
    "ldm sp, {r0-r3}^", "ldm sp!, {r0, pc}^", "stmdb sp, {r0-r14}^", "srsdb sp!, #0x13",
    "rfeia r0!", "wfi", "wfe", "hvc #0", "smc #0", "mrc p15, 0, r0, c1, c0, 0",
    "mcr p15, 0, r1, c12, c0, 0", "mrc p15, 0, r0, c0, c0, 0", "mcr p15, 0, r0, c8, c7, 0",
    "mcr p15, 0, r0, c7, c8, 0", "mrrc p15, 0, r0, r1, c2", "mrrc p15, 1, r0, r1, c14",
    "mcr p15, 0, r0, c14, c2, 0", "mrc p15, 0, r0, c14, c3, 1", "mcr p15, 0, r0, c2, c0, 2",
    "mcr p15, 0, r0, c1, c0, 2", "mrc p15, 1, r0, c0, c0, 0", "mrc p15, 0, r0, c15, c0, 0",
    "vmrs r0, fpexc", "vmsr fpexc, r0", "vmrs r0, fpsid", "ldrt r0, [r1]",
    "strbt r2, [r1], #1", "ldrht r0, [r1]", "ldrsbt r0, [r1], #1", "mrs r0, sp_usr",
    "msr lr_irq, r0", "addsne pc, r0, r1", "subs pc, r0, r1, lsl #2", "rsbs pc, r0, #8",
    "udf #1",
]
A32_USER = ["mrs r0, cpsr", "msr cpsr_fsxc, r3", "cpsid i", "cps #0x13", "subs pc, lr, #4",
            "mcr p15, 0, r0, c1, c0, 0", "mrc p15, 0, r0, c13, c0, 2", "ldm sp, {r0-r3}^",
            "srsdb sp!, #0x13", "vmrs r0, fpexc", "mcr p15, 0, r0, c14, c3, 1"]
A32_SEQUENCES = [
    ("svc", ["cps #0x1b", "mrs r0, spsr", "msr spsr_fsxc, r1", "subs pc, lr, #0"]),
    ("svc", ["srsdb sp!, #0x13", "rfeia sp!"]),
    ("irq", ["stmdb sp, {r0-r14}^", "ldm sp, {r0-r14}^", "movs pc, lr"]),
    ("fiq", ["msr cpsr_c, #0xd3", "mrs r8, cpsr", "msr cpsr_c, #0xd1", "mrs r9, spsr"]),
    ("svc", ["mcr p15, 0, r0, c14, c1, 0", "cps #0x10", "mrrc p15, 0, r0, r1, c14"]),
]


def a32_seeds(tmp):
    def seed(mode, words, **kw):
        write("fuzz_a32", bytes([len(words) - 1]) + u32(*words) + vcpu(mode, **kw))

    for insn, w in zip(A32_ALONE, assemble(A32_ALONE, tmp)):
        seed("svc", [w])
    for insn, w in zip(A32_USER, assemble(A32_USER, tmp)):
        seed("usr", [w], cpsr=0x60000000)
    for mode, seq in A32_SEQUENCES:
        seed(mode, assemble(seq, tmp))
    # the second word of SRS / RFE past the end of RAM (64 KiB): an abort
    # after the first access went through
    srs, rfe = assemble(["srsdb sp!, #0x13", "rfeia r0"], tmp)
    seed("svc", [srs], svc_sp=RAM + 0x10004)
    seed("svc", [rfe], regs=[RAM + 0xfffc] + [RAM] * 7)
    return A32_ALONE


# ---- fuzz_ldst: the word, the vCPU -------------------------------------------

LDST = [
    "ldr r0, [r1]", "str r0, [r1, #4]", "ldrb r0, [r1, #0x18]", "strb r0, [r1]",
    "ldrh r0, [r1, #2]", "strh r0, [r1], #2", "ldrsb r0, [r1, r2]", "ldrsh r0, [r1, -r2]",
    "ldrd r2, r3, [r1]", "strd r2, r3, [r1, #8]!", "ldr r0, [r1, r2, lsl #2]",
    "ldr r0, [r1, r2, ror #3]", "ldr r0, [r1, r2, rrx]", "ldr r0, [r1], #4",
    "ldr r0, [r1, #-4]!", "ldm r1, {r0, r2, r3}", "stmdb r1!, {r2-r5}", "ldmib r1!, {r0, r2}",
    "ldr r0, [pc, #-8]", "ldrt r0, [r1]", "strt r0, [r1], #4", "ldrne r0, [r1]",
    "stm r1, {r0-r15}", "ldrd r0, r1, [r2], -r3",
]


def ldst_seeds(tmp):
    for w in assemble(LDST, tmp):
        for base in (UART, RAM + 0x40, 0):
            regs = [0x41, base, 4, 8, 0x55, 0x66, 0x77, 0x88]
            write("fuzz_ldst", u32(w) + vcpu("svc", regs=regs, dev_value=0x1ff))


# ---- fuzz_elf: images from the real linker ------------------------------------

ELF_PROGRAMS = {
    "mixed": ["_start:", "mrs r0, cpsr", "cpsid i", "ldr r1, =0x09000018", "mov r2, #65",
              "str r2, [r1]", "wfi", "blx thumb_fn", "subs pc, lr, #4", ".ltorg",
              ".thumb", ".thumb_func", "thumb_fn:", "nop", "bx lr",
              ".data", ".word 1", ".bss", ".space 64"],
    "kernel": ["_start:"] + A32_ALONE[:24] + [".word 0xe10f0000", ".data", ".word 2, 3"],
    # more sensitive instructions than fuzz_elf's rewrite table holds (32)
    "too_many": ["_start:"] + A32_ALONE * 2,
    "thumb_cps": [".thumb", ".thumb_func", "_start:", "cpsid i", "bx lr"],
    "thumb_entry": [".thumb", ".thumb_func", "_start:", "nop", "blx arm_fn", ".arm",
                    "arm_fn:", "mcr p15, 0, r0, c1, c0, 0", "cps #0x13", "bx lr"],
}
# .data loaded somewhere else than it runs (p_paddr != p_vaddr) in one of them
LINKER = "SECTIONS { . = 0x40000000; .text : { *(.text) } . = ALIGN(16); " \
         ".data : %s { *(.data) } .bss : { *(.bss) } }"


def elf_seeds(tmp):
    for name, lines in ELF_PROGRAMS.items():
        src, obj, elf, lds = (os.path.join(tmp, name + e) for e in (".s", ".o", ".elf", ".ld"))
        with open(src, "w") as f:
            f.write(ASM_HEAD + ".global _start\n" + "\n".join(lines) + "\n")
        with open(lds, "w") as f:
            f.write(LINKER % ("AT(0x40001000)" if name == "kernel" else ""))
        subprocess.run(["arm-none-eabi-as", "-march=armv7-a", "-o", obj, src], check=True)
        subprocess.run(["arm-none-eabi-ld", "-T", lds, "-z", "max-page-size=16",
                        "--no-warn-rwx-segments", "-o", elf, obj], check=True)
        write("fuzz_elf", open(elf, "rb").read())


# ---- fuzz_vmsa: d1, d2, va, SCTLR, TTBR0, TTBR1, TTBCR, DACR -------------------

def vmsa_seeds():
    regs = [1, RAM | 0x59, RAM + 0x8000, 0, 0x55555555]
    walks = [
        (RAM | 0xc02, 0, 0x12345678, {}),			# section, client
        (RAM | 0xc02 | 1 << 15, 0, 0x12345678, {"dacr": 0xffffffff}),	# manager
        (0x45000000 | 1 << 18 | 0x5 << 20 | 0xc02, 0, 0x12345678, {}),	# supersection
        (RAM + 0x4001, RAM | 0x32, 0x00345678, {}),		# small page
        (RAM + 0x4001, 0x40010000 | 0x8031, 0x00345678, {}),	# large page, XN
        (RAM + 0x4001, 0, 0x00345678, {}),			# page fault
        (0, 0, 0x12345678, {}),					# section fault
        (RAM | 0x1e2, 0, 0x12345678, {}),			# domain 15: no access
        (RAM | 0x802, 0, 0xc0000000, {"ttbcr": 2}),		# TTBR1
        (RAM | 0x802, 0, 0x00100000, {"ttbcr": 0x12}),		# PD0
        (RAM | 0x802, 0, 0x00100000, {"sctlr": 1 << 29}),	# AFE, AP[0] clear
        (RAM + 0x4001, RAM | 0x22, 0x00345678, {"sctlr": 1 << 29}),	# the same, small page
        (RAM | 0x802, 0, 0x00100000, {"ttbr0": 0x10000000}),	# walk outside RAM
        (0x20000001, 0, 0x00100000, {}),			# L2 outside RAM
    ]
    names = ["sctlr", "ttbr0", "ttbr1", "ttbcr", "dacr"]
    for d1, d2, va, change in walks:
        r = [change.get(n, v) for n, v in zip(names, regs)]
        write("fuzz_vmsa", u32(d1, d2, va, *r))


# ---- fuzz_vgic and fuzz_vuart: operations of what(1) offset(2) value(4) ----------

def op(what, off, val=0):
    return struct.pack("<BHI", what, off, val & 0xffffffff)


def vgic_seeds():
    D, C, LEVEL, W, B1 = 0, 1, 2, 0x20, 0	# what: kind, write bit, size index 0 = 1 byte
    S4 = 2 << 2					# size index 2: 4 bytes
    enable = op(D | W | S4, 0x000, 1) + op(C | W | S4, 0x00, 1) + op(C | W | S4, 0x04, 0xff)
    write("fuzz_vgic", enable + op(D | W | S4, 0x104, 0xffffffff) + op(LEVEL, 33, 1) +
          op(C | S4, 0x0c) + op(LEVEL, 33, 0) + op(C | W | S4, 0x10, 33))
    write("fuzz_vgic", enable + op(D | W | S4, 0xf00, 0x02000003) + op(C | S4, 0x0c) +
          op(C | S4, 0x18) + op(C | W | S4, 0x10, 3) + op(C | S4, 0x14))
    write("fuzz_vgic", enable + op(D | W | B1, 0x400 + 27, 0x80) + op(D | W | S4, 0xc04, 0x2) +
          op(D | W | S4, 0x100, 1 << 27) + op(LEVEL, 27, 1) + op(C | W | S4, 0x08, 3) +
          op(C | S4, 0x0c) + op(C | W | S4, 0x00, 0x209) + op(C | W | S4, 0x10, 27) +
          op(C | W | S4, 0x1000, 27))
    write("fuzz_vgic", enable + op(D | W | S4, 0x080, 0xffff) + op(D | W | B1, 0xf20 + 5, 1) +
          op(C | W | S4, 0x00, 0x7) + op(C | S4, 0x0c) + op(C | W | S4, 0xd0, 0x10))
    write("fuzz_vgic", op(D | S4, 0xfe0) + op(D | (1 << 2), 0xfe8) + op(D | S4, 0x004) +
          op(C | S4, 0xfc) + op(D | (7 << 2), 0x000) + op(3 | 0x80, 0))


def vuart_seeds():
    R4, W4, W1, R1 = 2 << 2, 2 << 2 | 0x10, 0x10, 0
    RX, BRK = 2, 2 | 0x10
    write("fuzz_vuart", op(W4, 0x000, ord("h")) + op(W1, 0x000, ord("i")) + op(R4, 0x018) +
          op(R4, 0x03c) + op(W4, 0x044, 0x20))
    write("fuzz_vuart", op(W4, 0x02c, 0x70) + b"".join(op(RX, 0, c) for c in b"hello") +
          op(R4, 0x018) + op(R4, 0x000) + op(R1, 0x001) + op(W4, 0x02c, 0x60))
    write("fuzz_vuart", op(W4, 0x038, 0x10) + op(RX, 0, 0x61) + op(RX, 0, 0x62) + op(R4, 0x040) +
          op(R4, 0x000) + op(BRK, 0) + op(R4, 0x000) + op(R4, 0x004) + op(W4, 0x004, 0))
    write("fuzz_vuart", op(R4, 0xfe0) + op(R4, 0xffc) + op(W4, 0x048, 3) + op(R4, 0x050) +
          op(W4, 0x050, 1) + op(R4, 0x002) + op(3 << 2, 0x000) + op(R4, 0x1000) + op(3 | 0x80, 0))


def vflash_seeds():
    """Image length, then ops as fuzz_vgic's; what: bits 3:2 size, 4 write, 6:5 area."""
    R1, R2, R4, W1, W2, W4 = 0, 1 << 2, 2 << 2, 0x10, 0x10 | 1 << 2, 0x10 | 2 << 2
    B0, B0END, B1, B1END = 0, 1 << 5, 2 << 5, 3 << 5
    both = lambda c: c << 16 | c	# a command to both x16 devices
    # U-Boot's CFI probe of bank 0 and its ID read
    write("fuzz_vflash", bytes([64]) + op(W4, 0, both(0xf0)) + op(W4, 0, both(0xff)) +
          op(W4, 0x154, both(0x98)) + op(R4, 0x40) + op(R4, 0x44) + op(R4, 0x48) + op(R4, 0x9c) +
          op(R2, 0xb4) + op(R1, 0xc1) + op(W4, 0, both(0xff)) + op(W4, 0, both(0x90)) +
          op(R4, 0) + op(R4, 4) + op(W4, 0, both(0xff)) + op(R4, 0x3c))
    # U-Boot's saveenv on bank 1: erase, buffered write, word program, unlock
    write("fuzz_vflash", bytes([6]) + op(B1 | W4, 0x100, both(0x60)) + op(B1 | W4, 0x100, both(0xd0)) +
          op(B1 | W4, 0, both(0x20)) + op(B1 | R4, 0) + op(B1 | W4, 0, both(0xd0)) +
          op(B1 | W4, 0, both(0x70)) + op(B1 | R4, 0) + op(B1 | W4, 0, both(0x50)) +
          op(B1 | W4, 0, both(0xe8)) + op(B1 | W4, 0, both(1)) + op(B1 | W4, 0, 0x12345678) +
          op(B1 | W4, 4, 0x9abcdef0) + op(B1 | W4, 0, both(0xd0)) + op(B1 | R4, 0) +
          op(B1 | W4, 0, both(0x40)) + op(B1 | W4, 8, 0xcafe) + op(B1 | W4, 0, both(0xff)))
    # misaligned and narrow accesses around the bank boundary and the end of flash
    write("fuzz_vflash", bytes([0]) + op(B1 | W4, 0, both(0x70)) + op(B0END | R4, 0xfffe) +
          op(B0END | R2, 0xffff) + op(B0END | W2, 0xffff, 0x7090) + op(B0 | R4, 2) +
          op(B1END | R4, 0xfffe) + op(B1END | W1, 0xffff, 0x98) + op(B1END | R2, 0xffff) +
          op(B0 | 3 << 2, 0) + op(2, 0) + op(B1 | W1, 3, 0x90) + op(B1 | R1, 5))


def scan_seeds(words):
    for i in range(0, len(words), 6):
        write("fuzz_scan", u32(*words[i:i + 6]))
    write("fuzz_scan", struct.pack("<8H", 0xb672, 0xbf30, 0xf3ef, 0x8000, 0xf3de, 0x8f00,
                                   0xe8bd, 0x8001))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        a32_seeds(tmp)
        ldst_seeds(tmp)
        elf_seeds(tmp)
        scan_seeds(assemble(A32_ALONE + LDST, tmp))
    vmsa_seeds()
    vgic_seeds()
    vuart_seeds()
    vflash_seeds()


if __name__ == "__main__":
    main()
