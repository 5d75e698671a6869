/*
 * Loads and stores to virtual devices.  ARMv7 without the Virtualization
 * Extensions gives no syndrome for a data abort, so the instruction itself
 * is decoded: every single-register form (LDR/STR{B,H,D,SB,SH}, immediate
 * or register offset, pre/post-indexed, writeback, LDRT/STRT) and LDM/STM.
 */
#include "arch/arm/ldst.h"
#include "arch/arm/vexc.h"
#include "hyp/vmem.h"

static enum emu abort_at(struct vcpu *v, uint32_t fsr, uint32_t va, bool write)
{
	vexc_dabt(v, v->ctx.r[15], fsr | (write ? FSR_WNR : 0), va);
	return EMU_DONE;
}

/* Register offset of an LDR/STR: Rm shifted by an immediate. */
static uint32_t shifted_rm(const struct vcpu *v, uint32_t insn)
{
	uint32_t rm = reg_read(v, bits(insn, 3, 0)), n = bits(insn, 11, 7);

	switch (bits(insn, 6, 5)) {
	case 0: return rm << n;
	case 1: return n ? rm >> n : 0;
	case 2: return (uint32_t)((int32_t)rm >> (n ? n : 31));
	default:
		if (!n)
			return ((uint32_t)!!(v->ctx.cpsr & PSR_C) << 31) | (rm >> 1);
		return (rm >> n) | (rm << (32 - n));
	}
}

struct single {
	unsigned size;		/* 1, 2, 4 or 8 (doubleword) */
	bool load, sign;
	uint32_t offset;
};

/* Fills s for a single-register load/store; false if insn is none. */
static bool decode_single(const struct vcpu *v, uint32_t insn, struct single *s)
{
	if (bits(insn, 27, 26) == 1) {			/* LDR/STR/LDRB/STRB */
		if (bit(insn, 25) && bit(insn, 4))
			return false;			/* media instructions */
		s->size = bit(insn, 22) ? 1 : 4;
		s->load = bit(insn, 20);
		s->sign = false;
		s->offset = bit(insn, 25) ? shifted_rm(v, insn) : bits(insn, 11, 0);
		return true;
	}
	if (bits(insn, 27, 25) == 0 && bit(insn, 7) && bit(insn, 4) && bits(insn, 6, 5)) {
		unsigned op2 = bits(insn, 6, 5);
		s->offset = bit(insn, 22) ? (bits(insn, 11, 8) << 4) | bits(insn, 3, 0)
					  : reg_read(v, bits(insn, 3, 0));
		if (bit(insn, 20)) {
			s->load = true;
			s->size = op2 == 1 ? 2 : op2 == 2 ? 1 : 2;
			s->sign = op2 != 1;
		} else {
			s->load = op2 == 2;		/* LDRD sits in the store space */
			s->size = op2 == 1 ? 2 : 8;
			s->sign = false;
		}
		return true;
	}
	return false;
}

static uint32_t extend(uint32_t val, unsigned size, bool sign)
{
	if (size == 1)
		return sign ? (uint32_t)(int8_t)val : val & 0xff;
	if (size == 2)
		return sign ? (uint32_t)(int16_t)val : val & 0xffff;
	return val;
}

static enum emu single(struct vcpu *v, uint32_t insn, const struct single *s)
{
	unsigned rn = bits(insn, 19, 16), rt = bits(insn, 15, 12);
	bool pre = bit(insn, 24), wback = !pre || bit(insn, 21);
	uint32_t base = reg_read(v, rn);
	uint32_t addr = bit(insn, 23) ? base + s->offset : base - s->offset;
	uint32_t va = pre ? addr : base, vals[2], fsr;
	unsigned words = s->size == 8 ? 2 : 1, size = s->size == 8 ? 4 : s->size;
	bool user = !pre && bit(insn, 21);	/* LDRT & co: PL0's permissions */

	/* UNPREDICTABLE forms, not emulated: among them LDRD/STRD whose
	 * second register would be the PC (Rt = r14) */
	if (rt == 15 || (wback && rn == 15) || (s->size == 8 && (rt & 1 || rt == 14)))
		return EMU_UNDEF;
	if (user && s->size == 8)
		return EMU_UNDEF;		/* LDRD/STRD with P=0, W=1 */
	for (unsigned i = 0; i < words; i++) {
		uint32_t a = va + 4 * i;
		if (s->load) {
			fsr = user ? vmem_read_user(v, a, size, &vals[i]) : vmem_read(v, a, size, &vals[i]);
			if (fsr)
				return abort_at(v, fsr, a, false);
		} else {
			fsr = user ? vmem_write_user(v, a, size, v->ctx.r[rt + i])
				   : vmem_write(v, a, size, v->ctx.r[rt + i]);
			if (fsr)
				return abort_at(v, fsr, a, true);
		}
	}
	if (wback)
		v->ctx.r[rn] = addr;
	if (s->load)
		for (unsigned i = 0; i < words; i++)
			v->ctx.r[rt + i] = extend(vals[i], size, s->sign);
	return EMU_NEXT;
}

/* LDM/STM (no ^) touching a device: one word at a time, in order. */
static enum emu multiple(struct vcpu *v, uint32_t insn)
{
	unsigned rn = bits(insn, 19, 16), list = insn & 0xffff, n = __builtin_popcount(list), k = 0;
	bool load = bit(insn, 20), inc = bit(insn, 23), before = bit(insn, 24);
	uint32_t base = v->ctx.r[rn], vals[16], fsr;
	uint32_t start = inc ? base + (before ? 4 : 0) : base - 4 * n + (before ? 0 : 4);

	if (rn == 15 || n == 0 || (load && (list & 0x8000)))
		return EMU_UNDEF;
	for (unsigned i = 0; i < 16; i++) {
		if (!(list & (1u << i)))
			continue;
		uint32_t va = start + 4 * k++;
		if (load)
			fsr = vmem_read(v, va, 4, &vals[i]);
		else
			fsr = vmem_write(v, va, 4, reg_read(v, i));
		if (fsr)
			return abort_at(v, fsr, va, !load);
	}
	if (bit(insn, 21))
		v->ctx.r[rn] = inc ? base + 4 * n : base - 4 * n;
	if (load)
		for (unsigned i = 0; i < 15; i++)
			if (list & (1u << i))
				v->ctx.r[i] = vals[i];
	return EMU_NEXT;
}

/* LDRT & co, rewritten by the loader: from a virtual privileged mode the
 * hardware (PL0 with the guest's PL1 view) would not check PL0's rights. */
enum emu emu_ldst_user(struct vcpu *v, uint32_t insn)
{
	return a32_emulate_ldst(v, insn);
}

enum emu a32_emulate_ldst(struct vcpu *v, uint32_t insn)
{
	struct single s;

	/* Condition 1111 is the unconditional space (ARM ARM A5.7), which
	 * holds no LDR/STR/LDM/STM: its words that share their bits 27:25
	 * are Advanced SIMD VLDn/VSTn, PLD, barriers, RFE.  Decoding them as
	 * loads and stores emulated a VST1 to a device as an STR of its base
	 * register with writeback, silently.  Not emulated. */
	if (insn >> 28 == 0xf)
		return EMU_UNDEF;
	if (!cond_passed(v->ctx.cpsr, insn >> 28))
		return EMU_NEXT;	/* cannot fault: only for completeness */
	if (decode_single(v, insn, &s))
		return single(v, insn, &s);
	if (bits(insn, 27, 25) == 4 && !bit(insn, 22))
		return multiple(v, insn);
	return EMU_UNDEF;
}
