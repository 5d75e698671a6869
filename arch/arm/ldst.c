/*
 * Loads and stores to virtual devices.  ARMv7 without the Virtualization
 * Extensions gives no syndrome for a data abort, so the instruction itself
 * is decoded: every A32 single-register form (LDR/STR{B,H,D,SB,SH},
 * immediate or register offset, pre/post-indexed, writeback, LDRT/STRT)
 * and LDM/STM.  The accesses themselves (ldst_one, ldst_many) serve the
 * T32 decoder (t32_ldst.c) too.
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

/* Fills op for an A32 single-register load/store; false if insn is none. */
static bool decode_one(const struct vcpu *v, uint32_t insn, struct ldst_one *op)
{
	if (bits(insn, 27, 26) == 1) {			/* LDR/STR/LDRB/STRB */
		if (bit(insn, 25) && bit(insn, 4))
			return false;			/* media instructions */
		op->size = bit(insn, 22) ? 1 : 4;
		op->load = bit(insn, 20);
		op->sign = false;
		op->offset = bit(insn, 25) ? shifted_rm(v, insn) : bits(insn, 11, 0);
	} else if (bits(insn, 27, 25) == 0 && bit(insn, 7) && bit(insn, 4) && bits(insn, 6, 5)) {
		unsigned op2 = bits(insn, 6, 5);
		op->offset = bit(insn, 22) ? (bits(insn, 11, 8) << 4) | bits(insn, 3, 0)
					   : reg_read(v, bits(insn, 3, 0));
		if (bit(insn, 20)) {
			op->load = true;
			op->size = op2 == 2 ? 1 : 2;
			op->sign = op2 != 1;
		} else {
			op->load = op2 == 2;		/* LDRD sits in the store space */
			op->dual = op2 != 1;
			op->size = op->dual ? 4 : 2;
			op->sign = false;
		}
	} else {
		return false;
	}
	op->rn = bits(insn, 19, 16);
	op->rt = bits(insn, 15, 12);
	op->rt2 = op->rt + 1;
	op->index = bit(insn, 24);
	op->add = bit(insn, 23);
	op->wback = !op->index || bit(insn, 21);
	op->user = !op->index && bit(insn, 21);
	op->base = reg_read(v, op->rn);
	return true;
}

/*
 * What A32 makes UNPREDICTABLE here is UNDEFINED for the guest, among it
 * LDRD/STRD whose second register would be the PC (Rt = r14): a device
 * load wrote the PC, a store sent the trapping PC (found by fuzz_ldst).
 */
static bool a32_one_valid(const struct ldst_one *op)
{
	if (op->rt == 15 || (op->wback && op->rn == 15) ||
	    (op->dual && (op->rt & 1 || op->rt == 14)))
		return false;
	return !(op->user && op->dual);		/* LDRD/STRD with P=0, W=1 */
}

static uint32_t extend(uint32_t val, unsigned size, bool sign)
{
	if (size == 1)
		return sign ? (uint32_t)(int8_t)val : val & 0xff;
	if (size == 2)
		return sign ? (uint32_t)(int16_t)val : val & 0xffff;
	return val;
}

enum emu ldst_one(struct vcpu *v, const struct ldst_one *op)
{
	uint32_t addr = op->add ? op->base + op->offset : op->base - op->offset;
	uint32_t va = op->index ? addr : op->base, vals[2], fsr;
	const unsigned regs[2] = { op->rt, op->rt2 }, n = op->dual ? 2 : 1;

	for (unsigned i = 0; i < n; i++) {
		uint32_t a = va + 4 * i;
		if (op->load) {
			fsr = op->user ? vmem_read_user(v, a, op->size, &vals[i])
				       : vmem_read(v, a, op->size, &vals[i]);
			if (fsr)
				return abort_at(v, fsr, a, false);
		} else {
			fsr = op->user ? vmem_write_user(v, a, op->size, v->ctx.r[regs[i]])
				       : vmem_write(v, a, op->size, v->ctx.r[regs[i]]);
			if (fsr)
				return abort_at(v, fsr, a, true);
		}
	}
	if (op->wback)
		v->ctx.r[op->rn] = addr;
	if (op->load)
		for (unsigned i = 0; i < n; i++)
			v->ctx.r[regs[i]] = extend(vals[i], op->size, op->sign);
	return EMU_NEXT;
}

/* LDM/STM (no ^) touching a device: one word at a time, in order. */
enum emu ldst_many(struct vcpu *v, const struct ldst_many *op)
{
	unsigned n = __builtin_popcount(op->list), k = 0;
	uint32_t base = v->ctx.r[op->rn], vals[16], fsr;
	uint32_t start = op->inc ? base + (op->before ? 4 : 0) : base - 4 * n + (op->before ? 0 : 4);

	for (unsigned i = 0; i < 16; i++) {
		if (!(op->list & (1u << i)))
			continue;
		uint32_t va = start + 4 * k++;
		if (op->load)
			fsr = vmem_read(v, va, 4, &vals[i]);
		else
			fsr = vmem_write(v, va, 4, i == 15 ? op->pc : v->ctx.r[i]);
		if (fsr)
			return abort_at(v, fsr, va, !op->load);
	}
	if (op->wback)
		v->ctx.r[op->rn] = op->inc ? base + 4 * n : base - 4 * n;
	if (op->load)
		for (unsigned i = 0; i < 15; i++)
			if (op->list & (1u << i))
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
	struct ldst_one one = { 0 };

	/* Condition 1111 is the unconditional space (ARM ARM A5.7), which
	 * holds no LDR/STR/LDM/STM: its words that share their bits 27:25
	 * are Advanced SIMD VLDn/VSTn, PLD, barriers, RFE.  Decoding them as
	 * loads and stores emulated a VST1 to a device as an STR of its base
	 * register with writeback, silently.  Not emulated. */
	if (insn >> 28 == 0xf)
		return EMU_UNDEF;
	if (!cond_passed(v->ctx.cpsr, insn >> 28))
		return EMU_NEXT;	/* cannot fault: only for completeness */
	if (decode_one(v, insn, &one))
		return a32_one_valid(&one) ? ldst_one(v, &one) : EMU_UNDEF;
	if (bits(insn, 27, 25) == 4 && !bit(insn, 22)) {
		struct ldst_many many = {
			.rn = bits(insn, 19, 16), .list = insn & 0xffff, .load = bit(insn, 20),
			.inc = bit(insn, 23), .before = bit(insn, 24), .wback = bit(insn, 21),
			.pc = reg_read(v, 15),
		};
		if (many.rn == 15 || !many.list || (many.load && (many.list & 0x8000)))
			return EMU_UNDEF;
		return ldst_many(v, &many);
	}
	return EMU_UNDEF;
}

/* LDR PC, ...: an indirect branch of code found at run time (emul_branch.c);
 * LoadWritePC() interworks. */
enum emu emu_ldr_pc(struct vcpu *v, uint32_t insn)
{
	struct ldst_one one = { 0 };
	uint32_t addr, va, val, fsr;

	if (!decode_one(v, insn, &one) || one.size != 4 || one.dual || one.user || one.rt != 15 ||
	    !one.load || (one.wback && one.rn == 15))
		return EMU_UNDEF;
	addr = one.add ? one.base + one.offset : one.base - one.offset;
	va = one.index ? addr : one.base;
	if ((fsr = vmem_read(v, va, 4, &val)))
		return abort_at(v, fsr, va, false);
	if (one.wback)
		v->ctx.r[one.rn] = addr;
	bx_write_pc(v, val);
	return EMU_DONE;
}
