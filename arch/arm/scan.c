/*
 * Which guest instructions must be made to trap.  A guest kernel runs in
 * User mode, where some instructions that matter to it do not trap:
 *
 *   MRS Rd, CPSR           reads User mode instead of the virtual mode
 *   MSR CPSR_c/_x, ...     silently ignores the mode and A/I/F bits
 *   CPS                    is a NOP
 *   WFI, WFE               would sleep the real CPU
 *
 * and others are UNPREDICTABLE at PL0 (QEMU makes them UNDEFINED, real
 * silicon may not): MRS/MSR SPSR and the banked forms, LDM/STM with user
 * registers, LDM {..pc}^, <op>S PC, SRS, RFE, ERET.  The loader rewrites
 * every one of them into a UDF so that QEMU and silicon both trap.
 *
 * What is not here traps by itself at PL0 when it must (MRC/MCR to PL1
 * registers, VMRS/VMSR of FPEXC, HVC, SMC, SVC) or behaves identically
 * (MSR APSR_nzcvq, SETEND, the PL0-visible counters and thread IDs).
 * T32 has the same classes, less LDM/STM with user registers and the
 * <op>S PC forms other than SUBS PC, LR, #imm8, which it does not have.
 */
#include "arch/arm/scan.h"

struct pattern {
	uint32_t mask, value;
};

/* A32 encodings, ARM ARM A5 (cond field masked out except where 1111). */
static const struct pattern a32_sensitive[] = {
	{ 0x0fbf0fff, 0x010f0000 },	/* MRS Rd, CPSR / SPSR */
	{ 0x0fb00eff, 0x01000200 },	/* MRS Rd, <banked reg> */
	{ 0x0fb0fef0, 0x0120f200 },	/* MSR <banked reg>, Rn */
	{ 0x0ffffffe, 0x0320f002 },	/* WFE, WFI */
	{ 0xfff1fe20, 0xf1000000 },	/* CPS */
	{ 0x0fffffff, 0x0160006e },	/* ERET */
	{ 0xfe5fffe0, 0xf84d0500 },	/* SRS */
	{ 0xfe50ffff, 0xf8100a00 },	/* RFE */
	{ 0x0e500000, 0x08500000 },	/* LDM ^ (user registers, or exception return) */
	{ 0x0e500000, 0x08400000 },	/* STM ^ (user registers) */
	/* unprivileged loads/stores: at PL0 they cannot check PL0's rights
	 * for a guest in a virtual privileged mode */
	{ 0x0f200000, 0x04200000 },	/* LDRT, STRT, LDRBT, STRBT (immediate) */
	{ 0x0f200010, 0x06200000 },	/* the same (register) */
	{ 0x0f2000f0, 0x002000b0 },	/* LDRHT, STRHT */
	{ 0x0f3000f0, 0x003000d0 },	/* LDRSBT */
	{ 0x0f3000f0, 0x003000f0 },	/* LDRSHT */
};

/*
 * MSR to the CPSR that touches the control (mode, I, F) or extension
 * (A, E) byte, or any MSR to the SPSR.  MSR APSR_nzcvq/_g is left alone:
 * flags and GE behave the same in User mode.
 */
static bool a32_msr_sensitive(uint32_t insn)
{
	bool reg = (insn & 0x0fb0fff0) == 0x0120f000;
	bool imm = (insn & 0x0fb0f000) == 0x0320f000 && (insn & 0x000f0000);

	if (!reg && !imm)
		return false;
	return (insn & (1u << 22)) || (insn & 0x00030000);
}

/*
 * <op>S PC, ...: a data-processing instruction with S set writing the PC
 * is an exception return.  Excludes TST/TEQ/CMP/CMN (no destination) and
 * the multiplies and extra loads/stores that share the encoding space.
 */
static bool a32_dp_eret(uint32_t insn)
{
	uint32_t op = (insn >> 21) & 0xf;

	if ((insn & 0x0c10f000) != 0x0010f000 || (insn >> 28) == 0xf)
		return false;
	if (!(insn & (1u << 25)) && (insn & 0x90) == 0x90)
		return false;
	return op < 8 || op > 11;
}

bool a32_is_sensitive(uint32_t insn)
{
	for (unsigned i = 0; i < sizeof(a32_sensitive) / sizeof(a32_sensitive[0]); i++) {
		const struct pattern *p = &a32_sensitive[i];
		if ((insn & p->mask) != p->value)
			continue;
		/* only CPS, SRS, RFE live in the unconditional space */
		if ((insn >> 28) == 0xf && (p->value >> 28) != 0xf)
			continue;
		return true;
	}
	if ((insn >> 28) == 0xf)
		return false;
	return a32_msr_sensitive(insn) || a32_dp_eret(insn);
}

/* UDF #imm16, ARM ARM A8.8.247 encoding A1: 1110 0111 1111 imm12 1111 imm4. */
uint32_t a32_udf(uint32_t imm16)
{
	return 0xe7f000f0u | ((imm16 & 0xfff0) << 4) | (imm16 & 0xf);
}

bool a32_udf_imm(uint32_t insn, uint32_t *imm16)
{
	if ((insn & 0xfff000f0) != 0xe7f000f0)
		return false;
	*imm16 = ((insn >> 4) & 0xfff0) | (insn & 0xf);
	return true;
}

/* UDF #imm8, T32 encoding T1: 1101 1110 imm8 (t32.h: a 16-bit one alone). */
uint32_t t32_udf16(uint32_t imm8)
{
	return 0xde00u | (imm8 & 0xff);
}

/* UDF.W #imm16, encoding T2: 1111 0111 1111 imm4 | 1010 imm12 (as hw1:hw2). */
uint32_t t32_udf32(uint32_t imm16)
{
	return 0xf7f0a000u | ((imm16 & 0xf000) << 4) | (imm16 & 0xfff);
}

bool t32_udf_imm(uint32_t t, uint32_t *imm)
{
	if ((t & 0xffffff00) == 0xde00) {
		*imm = t & 0xff;
		return true;
	}
	if ((t & 0xfff0f000) == 0xf7f0a000) {
		*imm = ((t >> 4) & 0xf000) | (t & 0xfff);
		return true;
	}
	return false;
}

/* A 32-bit T32 instruction starts with 0b11101, 0b11110 or 0b11111. */
unsigned t32_insn_len(uint16_t hw1)
{
	return (hw1 >> 11) >= 0x1d ? 4 : 2;
}

bool t32_is_sensitive(uint16_t hw1, uint16_t hw2)
{
	if (t32_insn_len(hw1) == 2) {
		if ((hw1 & 0xffe8) == 0xb660)			/* CPS */
			return true;
		return hw1 == 0xbf20 || hw1 == 0xbf30;		/* WFE, WFI */
	}
	if ((hw2 & 0xd000) == 0x8000) {
		if ((hw1 & 0xffe0) == 0xf3e0)			/* MRS, banked MRS */
			return true;
		if ((hw1 & 0xffe0) == 0xf380)			/* MSR: not APSR_nzcvq/g alone */
			return (hw1 & 0x10) || (hw2 & 0x20) || (hw2 & 0x0300);
		if (hw1 == 0xf3af && (hw2 & 0x0700))		/* CPS */
			return true;
		if (hw1 == 0xf3af && (hw2 & 0xfe) == 0x02)	/* WFE, WFI */
			return true;
		if (hw1 == 0xf3de && (hw2 & 0xff00) == 0x8f00)	/* SUBS PC, LR, #imm; ERET */
			return true;
	}
	/* LDRT, STRT and the B/H/SB/SH forms: 1111 100S 0 size L Rn | Rt 1110 imm8;
	 * not with Rn = PC (LDR literal, whose imm12 may look the same), nor
	 * Rt = PC (memory hints, UNPREDICTABLE otherwise) */
	if ((hw1 & 0xfe80) == 0xf800 && (hw1 & 0xf) != 0xf && (hw2 & 0x0f00) == 0x0e00 &&
	    (hw2 >> 12) != 0xf)
		return true;
	if (((hw1 & 0xffdf) == 0xe80d || (hw1 & 0xffdf) == 0xe98d) && (hw2 & 0xffe0) == 0xc000)
		return true;					/* SRS */
	if (((hw1 & 0xffd0) == 0xe810 || (hw1 & 0xffd0) == 0xe990) && hw2 == 0xc000)
		return true;					/* RFE */
	return false;
}
