/* Control flow of one instruction: see flow.h.  Encodings: ARM ARM A5 (A32), A6 (T32). */
#include "arch/arm/flow.h"

static uint32_t field(uint32_t x, unsigned hi, unsigned lo)
{
	return (x >> lo) & ((2u << (hi - lo)) - 1);
}

static int32_t sext(uint32_t x, unsigned bits)
{
	return (int32_t)(x << (32 - bits)) >> (32 - bits);
}

static void set(struct flow *f, enum flow_kind kind, bool cont)
{
	f->kind = kind;
	f->cont = cont;
}

static void branch(struct flow *f, uint32_t target, bool thumb, bool call, bool cont)
{
	set(f, FLOW_BRANCH, cont || call);
	f->call = call;
	f->target = target;
	f->thumb = thumb;
}

/* The unconditional space (cond 1111): BLX (immediate) branches, RFE is an
 * exception return; the rest (CPS, SRS, PLD, barriers, SIMD) goes on. */
static void a32_uncond(uint32_t insn, uint32_t pc, struct flow *f)
{
	if ((insn & 0xfe000000u) == 0xfa000000u)
		branch(f, pc + 8 + (uint32_t)(sext(insn & 0xffffff, 24) * 4) + field(insn, 24, 24) * 2,
		       true, true, true);
	else if ((insn & 0xfe50ffffu) == 0xf8100a00u)
		set(f, FLOW_STOP, false);
}

/* Data processing with Rd = PC (bits 27:26 = 00, 15:12 = 1111). */
static void a32_dp_pc(uint32_t insn, bool cond, struct flow *f)
{
	bool imm = field(insn, 25, 25), s = field(insn, 20, 20);
	uint32_t op = field(insn, 24, 21);

	if (!imm && field(insn, 7, 7) && field(insn, 4, 4)) {
		set(f, FLOW_STOP, false);		/* multiply, extra load/store: UNPREDICTABLE */
		return;
	}
	if ((op >> 2) == 2) {				/* TST..CMN, or the misc space with S=0 */
		if (!s && imm && !(op & 1))		/* MOVW, MOVT to PC: UNPREDICTABLE */
			set(f, FLOW_STOP, false);
		return;					/* MSR, hints, compares: no branch */
	}
	if (s)
		set(f, FLOW_STOP, false);		/* <op>S PC: an exception return */
	else if ((insn & 0x0fffffffu) == 0x01a0f00eu)
		set(f, FLOW_RETURN, cond);		/* MOV PC, LR */
	else
		set(f, FLOW_INDIRECT, cond);
}

void a32_flow(uint32_t insn, uint32_t pc, struct flow *f)
{
	bool cond = insn >> 28 != 0xe;			/* may not execute: goes on too */

	*f = (struct flow){ .kind = FLOW_NEXT, .cont = true };
	if (insn >> 28 == 0xf) {
		a32_uncond(insn, pc, f);
		return;
	}
	if (field(insn, 27, 25) == 5) {			/* B, BL */
		branch(f, pc + 8 + (uint32_t)(sext(insn & 0xffffff, 24) * 4), false,
		       field(insn, 24, 24), cond);
	} else if ((insn & 0x0ffffff0u) == 0x012fff10u) {	/* BX */
		set(f, (insn & 15) == 14 ? FLOW_RETURN : FLOW_INDIRECT, cond);
	} else if ((insn & 0x0fffffd0u) == 0x012fff10u) {	/* BLX, BXJ (register) */
		set(f, FLOW_INDIRECT, cond || field(insn, 5, 5));
		f->call = field(insn, 5, 5);
	} else if ((insn & 0x0ff000f0u) == 0x07f000f0u) {	/* UDF */
		set(f, FLOW_STOP, false);
	} else if (field(insn, 27, 26) == 1 && field(insn, 20, 20) && field(insn, 15, 12) == 15 &&
		   !(field(insn, 25, 25) && field(insn, 4, 4))) {	/* LDR PC */
		set(f, (insn & 0x0fffffffu) == 0x049df004u ? FLOW_RETURN : FLOW_INDIRECT, cond);
	} else if (field(insn, 27, 25) == 4 && field(insn, 20, 20) && field(insn, 15, 15)) {
		set(f, field(insn, 22, 22) ? FLOW_STOP : FLOW_RETURN, cond);	/* LDM with PC */
	} else if (field(insn, 27, 26) == 0 && field(insn, 15, 12) == 15) {
		a32_dp_pc(insn, cond, f);
	}
}

/* ---- T32 ------------------------------------------------------------------ */

static void t16_flow(uint32_t t, uint32_t pc, bool in_it, struct flow *f)
{
	unsigned rd = field(t, 7, 7) << 3 | field(t, 2, 0);

	if ((t & 0xf000) == 0xd000) {
		if (field(t, 11, 8) == 0xe)			/* UDF */
			set(f, FLOW_STOP, false);
		else if (field(t, 11, 8) != 0xf)		/* B<c> (SVC: on) */
			branch(f, pc + 4 + (uint32_t)(sext(t & 0xff, 8) * 2), true, false, true);
	} else if ((t & 0xf800) == 0xe000) {		/* B */
		branch(f, pc + 4 + (uint32_t)(sext(t & 0x7ff, 11) * 2), true, false, in_it);
	} else if ((t & 0xf500) == 0xb100) {		/* CBZ, CBNZ */
		branch(f, pc + 4 + (field(t, 9, 9) << 6 | field(t, 7, 3) << 1), true, false, true);
	} else if ((t & 0xff00) == 0x4700) {		/* BX, BLX (register) */
		bool link = field(t, 7, 7);
		set(f, !link && field(t, 6, 3) == 14 ? FLOW_RETURN : FLOW_INDIRECT, in_it || link);
		f->call = link;
	} else if ((t & 0xfd00) == 0x4400 && rd == 15) {	/* ADD PC, Rm; MOV PC, Rm */
		set(f, (t & 0xff78) == 0x4670 && field(t, 6, 3) == 14 ? FLOW_RETURN : FLOW_INDIRECT,
		    in_it);
	} else if ((t & 0xff00) == 0xbd00) {		/* POP {..., PC} */
		set(f, FLOW_RETURN, in_it);
	} else if ((t & 0xff00) == 0xbf00 && (t & 0xf)) {	/* IT */
		f->it = true;
		f->it_count = 4 - (unsigned)__builtin_ctz(t & 0xf);
	}
}

/* B.W, BL, BLX: imm32 from S:I1:I2:imm10:imm11 (T4 and BL) or S:J2:J1:imm6:imm11 (T3). */
static int32_t t32_branch_imm(uint32_t hw1, uint32_t hw2, bool t3)
{
	uint32_t s = field(hw1, 10, 10), j1 = field(hw2, 13, 13), j2 = field(hw2, 11, 11);

	if (t3)
		return sext(s << 20 | j2 << 19 | j1 << 18 | field(hw1, 5, 0) << 12 |
			    field(hw2, 10, 0) << 1, 21);
	return sext(s << 24 | (!(j1 ^ s)) << 23 | (!(j2 ^ s)) << 22 | field(hw1, 9, 0) << 12 |
		    field(hw2, 10, 0) << 1, 25);
}

static void t32_control(uint32_t hw1, uint32_t hw2, uint32_t pc, bool in_it, struct flow *f)
{
	switch (hw2 & 0x5000) {
	case 0x0000:
		if (field(hw1, 9, 6) < 0xe)			/* B<c>.W */
			branch(f, pc + 4 + (uint32_t)t32_branch_imm(hw1, hw2, true), true, false,
			       true);
		else if (hw1 == 0xf3de && (hw2 & 0xff00) == 0x8f00)	/* SUBS PC, LR; ERET */
			set(f, FLOW_STOP, false);
		else if ((hw1 & 0xfff0) == 0xf3c0 && (hw2 & 0xff00) == 0x8f00)	/* BXJ */
			set(f, FLOW_INDIRECT, in_it);
		else if ((hw1 & 0xfff0) == 0xf7f0 && (hw2 & 0xf000) == 0xa000)	/* UDF.W */
			set(f, FLOW_STOP, false);
		break;
	case 0x1000:					/* B.W */
		branch(f, pc + 4 + (uint32_t)t32_branch_imm(hw1, hw2, false), true, false, in_it);
		break;
	case 0x5000:					/* BL */
		branch(f, pc + 4 + (uint32_t)t32_branch_imm(hw1, hw2, false), true, true, true);
		break;
	default:					/* BLX (immediate): to A32 */
		branch(f, ((pc + 4) & ~3u) + (uint32_t)t32_branch_imm(hw1, hw2, false), false,
		       true, true);
		break;
	}
}

void t32_flow(uint32_t t, uint32_t pc, bool in_it, struct flow *f)
{
	uint32_t hw1 = t >> 16, hw2 = t & 0xffff;

	*f = (struct flow){ .kind = FLOW_NEXT, .cont = true, .thumb = true };
	if (t <= 0xffff) {
		t16_flow(t, pc, in_it, f);
	} else if ((hw1 & 0xf800) == 0xf000 && (hw2 & 0x8000)) {
		t32_control(hw1, hw2, pc, in_it, f);
	} else if ((hw1 & 0xff70) == 0xf850 && (hw2 & 0xf000) == 0xf000) {	/* LDR.W PC */
		set(f, t == 0xf85dfb04u ? FLOW_RETURN : FLOW_INDIRECT, in_it);
	} else if ((hw1 & 0xfe50) == 0xe810 && (hw2 & 0x8000)) {	/* LDM.W with PC; RFE */
		bool rfe = field(hw1, 8, 7) == 0 || field(hw1, 8, 7) == 3;
		set(f, rfe ? FLOW_STOP : FLOW_RETURN, !rfe && in_it);
	} else if ((hw1 & 0xfff0) == 0xe8d0 && (hw2 & 0xffe0) == 0xf000) {	/* TBB, TBH */
		set(f, FLOW_INDIRECT, in_it);
	}
}

/* ---- literal pools ---------------------------------------------------------- */

static bool literal(uint32_t base, bool add, uint32_t imm, unsigned n, uint32_t *addr,
		    unsigned *len)
{
	*addr = add ? base + imm : base - imm;
	*len = n;
	return true;
}

bool a32_literal(uint32_t insn, uint32_t pc, uint32_t *addr, unsigned *len)
{
	uint32_t base = (pc + 8) & ~3u;
	bool add = field(insn, 23, 23);

	if (insn >> 28 == 0xf || field(insn, 19, 16) != 15)
		return false;
	if (field(insn, 27, 25) == 2 && field(insn, 20, 20))		/* LDR, LDRB */
		return literal(base, add, insn & 0xfff, field(insn, 22, 22) ? 1 : 4, addr, len);
	if (field(insn, 27, 25) == 0 && field(insn, 22, 22) && field(insn, 7, 7) &&
	    field(insn, 4, 4) && field(insn, 6, 5)) {			/* LDRH, LDRSB, LDRSH, LDRD */
		uint32_t imm = field(insn, 11, 8) << 4 | field(insn, 3, 0), op2 = field(insn, 6, 5);
		if (field(insn, 20, 20))
			return literal(base, add, imm, op2 == 1 ? 2 : op2 == 2 ? 1 : 2, addr, len);
		return op2 == 2 && literal(base, add, imm, 8, addr, len);
	}
	if ((insn & 0x0f300e00u) == 0x0d100a00u)			/* VLDR */
		return literal(base, add, (insn & 0xff) * 4, field(insn, 8, 8) ? 8 : 4, addr, len);
	return false;
}

bool t32_literal(uint32_t t, uint32_t pc, uint32_t *addr, unsigned *len)
{
	uint32_t base = (pc + 4) & ~3u, hw1 = t >> 16;

	if (t <= 0xffff)
		return (t & 0xf800) == 0x4800 && literal(base, true, (t & 0xff) * 4, 4, addr, len);
	if ((hw1 & 0xfe0f) == 0xf80f && (hw1 & 0x10)) {		/* LDR{B,H,SB,SH}.W literal */
		static const unsigned size[4] = { 1, 2, 4, 4 };
		return literal(base, field(hw1, 7, 7), t & 0xfff, size[field(hw1, 6, 5)], addr, len);
	}
	if ((hw1 & 0xfe5f) == 0xe85f)					/* LDRD literal */
		return literal(base, field(hw1, 7, 7), (t & 0xff) * 4, 8, addr, len);
	if ((hw1 & 0xff3f) == 0xed1f && (t & 0xe00) == 0xa00)		/* VLDR */
		return literal(base, field(hw1, 7, 7), (t & 0xff) * 4, field(t, 8, 8) ? 8 : 4,
			       addr, len);
	return false;
}
