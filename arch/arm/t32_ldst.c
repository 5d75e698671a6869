/*
 * T32 loads and stores that reach trapvisor: a device access by Thumb
 * code (data abort), or LDRT & co (rewritten by the loader).  Each form
 * is decoded into the load/store operation of ldst.h, which A32 shares:
 * single registers (16-bit immediate, register, SP- and PC-relative
 * forms; 32-bit imm12, imm8 with P/U/W, register, literal, LDRT & co),
 * LDRD/STRD, LDM/STM, PUSH/POP.  Loads into the PC (a branch from a
 * device) and the exclusives are not emulated: EMU_UNDEF.
 */
#include "arch/arm/t32.h"
#include "arch/arm/ldst.h"

/* A register as a T32 load/store reads it: the PC is the instruction's
 * address + 4, word-aligned (literal addressing, ARM ARM Align(PC, 4)). */
static uint32_t t32_reg(const struct vcpu *v, unsigned n)
{
	return n == 15 ? (v->ctx.r[15] + 4) & ~3u : v->ctx.r[n];
}

/* An offset addressed single access: [Rn, #offset] */
static enum emu one(struct vcpu *v, unsigned rn, unsigned rt, unsigned size, bool load,
		    bool sign, uint32_t offset)
{
	struct ldst_one op = { .rn = rn, .rt = rt, .size = size, .load = load, .sign = sign,
			       .index = true, .add = true, .base = t32_reg(v, rn),
			       .offset = offset };

	return ldst_one(v, &op);
}

/* 0101 opB Rm Rn Rt: STR, STRH, STRB, LDRSB, LDR, LDRH, LDRB, LDRSH [Rn, Rm] */
static enum emu reg16(struct vcpu *v, uint32_t t)
{
	static const struct { uint8_t size, load, sign; } by_opb[8] = {
		{ 4, 0, 0 }, { 2, 0, 0 }, { 1, 0, 0 }, { 1, 1, 1 },
		{ 4, 1, 0 }, { 2, 1, 0 }, { 1, 1, 0 }, { 2, 1, 1 },
	};
	unsigned b = bits(t, 11, 9);

	return one(v, bits(t, 5, 3), bits(t, 2, 0), by_opb[b].size, by_opb[b].load,
		   by_opb[b].sign, v->ctx.r[bits(t, 8, 6)]);
}

/* 011B L imm5 Rn Rt: STR/LDR [Rn, #imm5 * 4], STRB/LDRB [Rn, #imm5] */
static enum emu imm16(struct vcpu *v, uint32_t t)
{
	unsigned size = bit(t, 12) ? 1 : 4;

	return one(v, bits(t, 5, 3), bits(t, 2, 0), size, bit(t, 11), false,
		   bits(t, 10, 6) * size);
}

/* 1000 L imm5 Rn Rt: STRH/LDRH [Rn, #imm5 * 2] */
static enum emu half16(struct vcpu *v, uint32_t t)
{
	return one(v, bits(t, 5, 3), bits(t, 2, 0), 2, bit(t, 11), false, bits(t, 10, 6) * 2);
}

/* 1001 L Rt imm8: STR/LDR [SP, #imm8 * 4] */
static enum emu sp16(struct vcpu *v, uint32_t t)
{
	return one(v, 13, bits(t, 10, 8), 4, bit(t, 11), false, bits(t, 7, 0) * 4);
}

/* 0100 1 Rt imm8: LDR [PC, #imm8 * 4] */
static enum emu literal16(struct vcpu *v, uint32_t t)
{
	return one(v, 15, bits(t, 10, 8), 4, true, false, bits(t, 7, 0) * 4);
}

static enum emu many(struct vcpu *v, unsigned rn, unsigned list, bool load, bool inc,
		     bool wback)
{
	struct ldst_many op = { .rn = rn, .list = list, .load = load, .inc = inc,
				.before = !inc, .wback = wback };

	/* a PC loaded from a device, SP or PC stored: not emulated */
	if (rn == 15 || !list || (list & (load ? 0x8000 : 0xa000)))
		return EMU_UNDEF;
	return ldst_many(v, &op);
}

/* 1100 L Rn list: STMIA Rn!, LDMIA Rn{!} (no writeback when Rn is loaded) */
static enum emu ldstm16(struct vcpu *v, uint32_t t)
{
	unsigned rn = bits(t, 10, 8), list = t & 0xff;
	bool load = bit(t, 11);

	return many(v, rn, list, load, true, !load || !(list & (1u << rn)));
}

/* 1011 L10 R list: PUSH {list, LR} (STMDB SP!), POP {list, PC} (LDMIA SP!) */
static enum emu pushpop16(struct vcpu *v, uint32_t t)
{
	bool load = bit(t, 11);
	unsigned list = (t & 0xff) | bit(t, 8) << (load ? 15 : 14);

	return many(v, 13, list, load, load, true);
}

/*
 * 1111 100S 0/1 size L Rn | ...: LDR/STR{B,H}, LDRS{B,H}, any addressing:
 * Rn = PC literal (U in bit 23); bit 23 imm12; then hw2 1 P U W imm8
 * (P U W = 110: LDRT & co), or 0 00000 imm2 Rm.
 */
static enum emu single32(struct vcpu *v, uint32_t t)
{
	static const uint8_t size_of[4] = { 1, 2, 4, 0 };
	struct ldst_one op = { .rn = bits(t, 19, 16), .rt = bits(t, 15, 12),
			       .size = size_of[bits(t, 22, 21)], .load = bit(t, 20),
			       .sign = bit(t, 24), .index = true, .add = true };

	if (!op.size || (op.sign && (!op.load || op.size == 4)) || op.rt == 15)
		return EMU_UNDEF;
	op.base = t32_reg(v, op.rn);
	if (op.rn == 15) {
		if (!op.load)
			return EMU_UNDEF;
		op.add = bit(t, 23);
		op.offset = bits(t, 11, 0);
	} else if (bit(t, 23)) {
		op.offset = bits(t, 11, 0);
	} else if (bit(t, 11)) {
		op.index = bit(t, 10);
		op.add = bit(t, 9);
		op.wback = bit(t, 8);
		op.user = op.index && op.add && !op.wback;
		op.offset = bits(t, 7, 0);
		if (!op.index && !op.wback)
			return EMU_UNDEF;
	} else if (!bits(t, 10, 6)) {
		op.offset = v->ctx.r[bits(t, 3, 0)] << bits(t, 5, 4);
	} else {
		return EMU_UNDEF;
	}
	return ldst_one(v, &op);
}

/* 1110 100P U1WL Rn | Rt Rt2 imm8: LDRD/STRD (P = W = 0: the exclusives) */
static enum emu dual32(struct vcpu *v, uint32_t t)
{
	struct ldst_one op = { .rn = bits(t, 19, 16), .rt = bits(t, 15, 12), .rt2 = bits(t, 11, 8),
			       .size = 4, .dual = true, .load = bit(t, 20), .index = bit(t, 24),
			       .add = bit(t, 23), .wback = bit(t, 21), .offset = bits(t, 7, 0) * 4 };

	if ((!op.index && !op.wback) || op.rt == 15 || op.rt2 == 15 || (op.wback && op.rn == 15))
		return EMU_UNDEF;
	op.base = t32_reg(v, op.rn);
	return ldst_one(v, &op);
}

/* 1110 100 op 0WL Rn | list: LDM/STM IA (op 01) and DB (op 10) */
static enum emu many32(struct vcpu *v, uint32_t t)
{
	uint32_t op = bits(t, 24, 23);

	if (op != 1 && op != 2)
		return EMU_UNDEF;		/* SRS, RFE: never a device access */
	return many(v, bits(t, 19, 16), t & 0xffff, bit(t, 20), op == 1, bit(t, 21));
}

#define T16(mask, value)	(0xffff0000u | (mask)), (value)

static const struct {
	uint32_t mask, value;
	enum emu (*run)(struct vcpu *v, uint32_t t);
} forms[] = {
	{ T16(0xf000, 0x5000), reg16 },
	{ T16(0xe000, 0x6000), imm16 },
	{ T16(0xf000, 0x8000), half16 },
	{ T16(0xf000, 0x9000), sp16 },
	{ T16(0xf800, 0x4800), literal16 },
	{ T16(0xf000, 0xc000), ldstm16 },
	{ T16(0xf600, 0xb400), pushpop16 },
	{ 0xfe000000, 0xf8000000, single32 },
	{ 0xfe400000, 0xe8400000, dual32 },
	{ 0xfe400000, 0xe8000000, many32 },
};

enum emu t32_emulate_ldst(struct vcpu *v, uint32_t t)
{
	for (unsigned i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if ((t & forms[i].mask) == forms[i].value)
			return forms[i].run(v, t);
	return EMU_UNDEF;
}
