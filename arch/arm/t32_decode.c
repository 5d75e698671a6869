/*
 * The T32 instructions a guest kernel executes at PL1 that reach
 * trapvisor (t32.h): a decode table, searched in order, first match wins.
 * Each row turns the T32 encoding into the A32 instruction that does the
 * same (ARM ARM A8, the two encodings of one instruction) and a32_emulate
 * runs that, so both instruction sets share one set of semantics and one
 * set of trap counters.  Fields are moved, never reinterpreted: a T32
 * instruction and its A32 twin read the same registers, write the same
 * ones and take the same exceptions.  Anything not here is UNDEFINED for
 * the guest, as in A32.
 *
 * Not in T32 at all: LDM/STM with user registers or exception return
 * (LDM ^, STM ^) and the <op>S PC forms other than SUBS PC, LR, #imm8
 * (which is also T32's ERET, and MOVS PC, LR when imm8 is 0).
 */
#include <stddef.h>
#include "arch/arm/t32.h"

/* What t32_to_a32 gives for a row without an A32 twin: UDF #0. */
#define A32_NONE	0xe7f000f0u

struct t32_op {
	uint32_t mask, value;		/* over t; a 16-bit row's mask covers bits 31:16 too */
	uint32_t (*a32)(uint32_t t);	/* the A32 instruction that does the same */
	enum emu (*emulate)(struct vcpu *v, uint32_t t);	/* else: its own */
	enum trap_class cls;		/* counted for `emulate` (a32_emulate counts the rest) */
};

/* The coprocessor space (1110 110x, 1110 1110: LDC/STC, MCRR/MRRC, CDP,
 * MCR/MRC, VMRS/VMSR) is the A32 encoding with cond AL, bit for bit. */
static uint32_t same(uint32_t t)
{
	return t;
}

/* MRS Rd, CPSR|SPSR: 1111 0011 111R (1111) | 10(0)0 Rd (0000 0000) */
static uint32_t mrs(uint32_t t)
{
	return 0xe10f0000u | bit(t, 20) << 22 | bits(t, 11, 8) << 12;
}

/* MRS Rd, <banked>: 1111 0011 111R M1 | 10(0)0 Rd (00)1M (0000) */
static uint32_t mrs_banked(uint32_t t)
{
	return 0xe1000200u | bit(t, 20) << 22 | bits(t, 19, 16) << 16 | bits(t, 11, 8) << 12 |
	       bit(t, 4) << 8;
}

/* MSR <psr>_<fields>, Rn: 1111 0011 100R Rn | 10(0)0 mask (0000 0000).
 * Rn = PC is UNPREDICTABLE (and would read as the A32 PC): UNDEFINED. */
static uint32_t msr(uint32_t t)
{
	if (bits(t, 19, 16) == 15)
		return A32_NONE;
	return 0xe120f000u | bit(t, 20) << 22 | bits(t, 11, 8) << 16 | bits(t, 19, 16);
}

/* MSR <banked>, Rn: 1111 0011 100R Rn | 10(0)0 M1 (00)1M (0000) */
static uint32_t msr_banked(uint32_t t)
{
	return 0xe120f200u | bit(t, 20) << 22 | bits(t, 11, 8) << 16 | bit(t, 4) << 8 |
	       bits(t, 19, 16);
}

/* CPS.W and the 32-bit hints share 1111 0011 1010 (1111) | 10(0)0 (0) imod M A I F mode:
 * with imod and M both zero it is a hint (NOP, YIELD, WFE, WFI, SEV, DBG). */
static uint32_t cps_or_hint(uint32_t t)
{
	uint32_t imod = bits(t, 10, 9), m = bit(t, 8);

	if (!imod && !m)
		return 0xe320f000u | bits(t, 7, 0);
	return 0xf1000000u | imod << 18 | m << 17 | bits(t, 7, 5) << 6 | bits(t, 4, 0);
}

/* CPSIE/CPSID (16-bit): 1011 0110 011 im (0) A I F; im = 1 disables (imod 11). */
static uint32_t cps16(uint32_t t)
{
	return 0xf1000000u | (2 | bit(t, 4)) << 18 | bits(t, 2, 0) << 6;
}

/* The 16-bit hints: 1011 1111 op 0000 (WFE op 2, WFI op 3). */
static uint32_t hint16(uint32_t t)
{
	return 0xe320f000u | bits(t, 7, 4);
}

/* SUBS PC, LR, #imm8: 1111 0011 1101 1110 | 10(0)0 (1111) imm8 */
static uint32_t subs_pc_lr(uint32_t t)
{
	return 0xe25ef000u | bits(t, 7, 0);
}

/* SRS/RFE: 1110 100 op 0 W L Rn, op 00 (DB) or 11 (IA): A32's P = NOT U. */
static uint32_t block_pu(uint32_t t)
{
	return bit(t, 23) ? 1u << 23 : 1u << 24;
}

/* SRSDB/SRSIA SP{!}, #mode: hw2 = (11)(00 0000 000) mode */
static uint32_t srs(uint32_t t)
{
	return 0xf84d0500u | block_pu(t) | bit(t, 21) << 21 | bits(t, 4, 0);
}

/* RFEDB/RFEIA Rn{!}: hw2 = (11)(00 0000 0000 0000) */
static uint32_t rfe(uint32_t t)
{
	return 0xf8100a00u | block_pu(t) | bit(t, 21) << 21 | bits(t, 19, 16) << 16;
}

/* HVC #imm16: 1111 0111 1110 imm4 | 1000 imm12, imm16 = imm4:imm12;
 * A32 splits the same imm16 as imm12:imm4. */
static uint32_t hvc(uint32_t t)
{
	uint32_t imm16 = bits(t, 19, 16) << 12 | bits(t, 11, 0);

	return 0xe1400070u | (imm16 >> 4) << 8 | (imm16 & 0xf);
}

/* SMC #imm4: 1111 0111 1111 imm4 | 1000 (0000 0000 0000) */
static uint32_t smc(uint32_t t)
{
	return 0xe1600070u | bits(t, 19, 16);
}

/* LDRT & co: T32 has them with a positive offset and no writeback, which
 * A32 does not; they run as the load/store operation they are. */
static enum emu ldst_user(struct vcpu *v, uint32_t t)
{
	return t32_emulate_ldst(v, t);
}

#define T16(mask, value)	(0xffff0000u | (mask)), (value)

static const struct t32_op t32_ops[] = {
	{ T16(0xffe8, 0xb660), .a32 = cps16 },		/* CPSIE, CPSID */
	{ T16(0xff0f, 0xbf00), .a32 = hint16 },		/* WFE, WFI (not IT: mask 0) */
	{ 0xffffd000, 0xf3af8000, .a32 = cps_or_hint },	/* CPS.W, WFE.W, WFI.W */
	{ 0xffe0d020, 0xf3e08000, .a32 = mrs },		/* MRS Rd, CPSR/SPSR */
	{ 0xffe0d020, 0xf3e08020, .a32 = mrs_banked },	/* MRS Rd, <banked> */
	{ 0xffe0d020, 0xf3808000, .a32 = msr },		/* MSR <psr>_<f>, Rn */
	{ 0xffe0d020, 0xf3808020, .a32 = msr_banked },	/* MSR <banked>, Rn */
	{ 0xffffd000, 0xf3de8000, .a32 = subs_pc_lr },	/* SUBS PC, LR, #imm8; ERET */
	{ 0xffd00000, 0xe8000000, .a32 = srs },		/* SRSDB */
	{ 0xffd00000, 0xe9800000, .a32 = srs },		/* SRSIA */
	{ 0xffd00000, 0xe8100000, .a32 = rfe },		/* RFEDB */
	{ 0xffd00000, 0xe9900000, .a32 = rfe },		/* RFEIA */
	{ 0xfff0f000, 0xf7e08000, .a32 = hvc },
	{ 0xfff0f000, 0xf7f08000, .a32 = smc },
	{ 0xfe000000, 0xec000000, .a32 = same },	/* LDC/STC, MCRR/MRRC */
	{ 0xff000000, 0xee000000, .a32 = same },	/* CDP, MCR/MRC, VMRS/VMSR */
	{ 0xfe800f00, 0xf8000e00, .emulate = ldst_user, .cls = TRAP_LDSTM },	/* LDRT, STRT, -B, -H, -SB, -SH */
	/* indirect branches of code found at run time (emul_branch.c) */
	{ T16(0xff00, 0x4700), .emulate = t32_emu_branch, .cls = TRAP_BRANCH },	/* BX, BLX */
	{ T16(0xfd00, 0x4400), .emulate = t32_emu_branch, .cls = TRAP_BRANCH },	/* ADD, MOV PC */
	{ 0xfff0ffe0, 0xe8d0f000, .emulate = t32_emu_branch, .cls = TRAP_BRANCH },	/* TBB, TBH */
	{ 0xff70f000, 0xf850f000, .emulate = t32_emu_branch, .cls = TRAP_BRANCH },	/* LDR.W PC */
};

static const struct t32_op *find(uint32_t t)
{
	for (unsigned i = 0; i < sizeof(t32_ops) / sizeof(t32_ops[0]); i++)
		if ((t & t32_ops[i].mask) == t32_ops[i].value)
			return &t32_ops[i];
	return NULL;
}

uint32_t t32_to_a32(uint32_t t)
{
	const struct t32_op *op = find(t);

	return op && op->a32 ? op->a32(t) : A32_NONE;
}

uint32_t it_advance(uint32_t cpsr)
{
	uint32_t it = itstate(cpsr);

	it = (it & 7) ? (it & 0xe0) | ((it << 1) & 0x1f) : 0;
	return (cpsr & ~PSR_IT) | (it & 0xfc) << 8 | (it & 3) << 25;
}

enum emu t32_emulate(struct vcpu *v, uint32_t t)
{
	const struct t32_op *op;

	/* In an IT block the instruction has the block's condition; one
	 * that fails it does nothing (ITSTATE still advances: t32_next). */
	if (!cond_passed(v->ctx.cpsr, it_cond(v->ctx.cpsr)))
		return EMU_NEXT;
	if (!(op = find(t)))
		return EMU_UNDEF;
	if (op->a32)
		return a32_emulate(v, op->a32(t));
	v->traps[op->cls]++;
	return op->emulate(v, t);
}

void t32_next(struct vcpu *v, uint32_t pc, uint32_t t)
{
	v->ctx.r[15] = pc + t32_len(t);
	v->ctx.cpsr = it_advance(v->ctx.cpsr);
}
