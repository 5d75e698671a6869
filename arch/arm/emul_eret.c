/*
 * Exception returns and the other instructions that use another mode's
 * registers: <op>S PC, ERET, RFE, SRS, LDM/STM with user registers.  All
 * are UNPREDICTABLE at PL0, so the loader rewrites them to trap.
 */
#include "arch/arm/a32.h"
#include "arch/arm/vexc.h"
#include "hyp/vmem.h"

void exception_return(struct vcpu *v, uint32_t pc, uint32_t spsr)
{
	cpsr_write_by_instr(v, spsr, 0xf, true);
	v->ctx.r[15] = pc & ((v->ctx.cpsr & PSR_T) ? ~1u : ~3u);
}

/* The current mode's SPSR for an exception return; NULL in User/System. */
static uint32_t *return_spsr(struct vcpu *v)
{
	return vcpu_spsr(v);
}

/* ---- <op>S PC, Rn, <operand2> -------------------------------------------- */

static uint32_t shift(uint32_t val, unsigned type, unsigned amount, bool carry_in)
{
	switch (type) {
	case 0: return amount >= 32 ? 0 : val << amount;			/* LSL */
	case 1: return amount >= 32 ? 0 : val >> amount;			/* LSR */
	case 2: return amount >= 32 ? (uint32_t)((int32_t)val >> 31)		/* ASR */
				    : (uint32_t)((int32_t)val >> amount);
	default:
		if (amount == 0)						/* RRX */
			return ((uint32_t)carry_in << 31) | (val >> 1);
		amount &= 31;							/* ROR */
		return amount ? (val >> amount) | (val << (32 - amount)) : val;
	}
}

static uint32_t operand2(const struct vcpu *v, uint32_t insn, bool c)
{
	if (bit(insn, 25)) {
		uint32_t imm = insn & 0xff, rot = bits(insn, 11, 8) * 2;
		return rot ? (imm >> rot) | (imm << (32 - rot)) : imm;
	}
	uint32_t rm = reg_read(v, bits(insn, 3, 0)), type = bits(insn, 6, 5);
	if (bit(insn, 4)) {				/* shifted by register */
		unsigned amount = reg_read(v, bits(insn, 11, 8)) & 0xff;
		if (amount == 0)
			return rm;
		if (type == 3)				/* ROR by a multiple of 32 */
			amount = (amount & 31) ? amount & 31 : 0;
		return amount ? shift(rm, type, amount, c) : rm;
	}
	unsigned imm5 = bits(insn, 11, 7);
	if (imm5 == 0 && (type == 1 || type == 2))	/* LSR/ASR #32 */
		imm5 = 32;
	return shift(rm, type, imm5, c);
}

bool dp_result(const struct vcpu *v, uint32_t insn, uint32_t *result)
{
	bool c = v->ctx.cpsr & PSR_C;
	uint32_t a, b, r;

	/* not data processing: multiplies and extra loads/stores */
	if (!bit(insn, 25) && bit(insn, 7) && bit(insn, 4))
		return false;
	a = reg_read(v, bits(insn, 19, 16));
	b = operand2(v, insn, c);
	switch (bits(insn, 24, 21)) {
	case 0x0: r = a & b; break;
	case 0x1: r = a ^ b; break;
	case 0x2: r = a - b; break;
	case 0x3: r = b - a; break;
	case 0x4: r = a + b; break;
	case 0x5: r = a + b + c; break;
	case 0x6: r = a - b - !c; break;
	case 0x7: r = b - a - !c; break;
	case 0xc: r = a | b; break;
	case 0xd: r = b; break;
	case 0xe: r = a & ~b; break;
	case 0xf: r = ~b; break;
	default: return false;			/* TST/TEQ/CMP/CMN with Rd=PC */
	}
	*result = r;
	return true;
}

enum emu emu_dp_eret(struct vcpu *v, uint32_t insn)
{
	uint32_t *spsr = return_spsr(v), r;

	if (!spsr || !dp_result(v, insn, &r))
		return EMU_UNDEF;
	exception_return(v, r, *spsr);
	return EMU_DONE;
}

/* ERET outside Hyp mode is SUBS PC, LR, #0 (ARM ARM B9.3.3). */
enum emu emu_eret(struct vcpu *v, uint32_t insn)
{
	uint32_t *spsr = return_spsr(v);

	(void)insn;
	if (!spsr)
		return EMU_UNDEF;
	exception_return(v, v->ctx.r[14], *spsr);
	return EMU_DONE;
}

/* ---- memory forms ---------------------------------------------------------- */

/* A data abort from an emulated access: the guest sees it at this insn. */
static enum emu abort_at(struct vcpu *v, uint32_t fsr, uint32_t va, bool write)
{
	vexc_dabt(v, v->ctx.r[15], fsr | (write ? FSR_WNR : 0), va);
	return EMU_DONE;
}

static uint32_t block_start(uint32_t base, uint32_t insn, unsigned bytes)
{
	bool inc = bit(insn, 23), before = bit(insn, 24);

	if (inc)
		return before ? base + 4 : base;
	return before ? base - bytes : base - bytes + 4;
}

static uint32_t block_wback(uint32_t base, uint32_t insn, unsigned bytes)
{
	return bit(insn, 23) ? base + bytes : base - bytes;
}

/* Where User mode's register n is right now. */
static uint32_t *user_reg(struct vcpu *v, unsigned n)
{
	return n < 8 ? &v->ctx.r[n] : vcpu_banked_reg(v, PSR_MODE_USR, n);
}

/*
 * LDM with S: with PC in the list an exception return (registers of the
 * current mode, then CPSR <- SPSR); without, a load of User registers.
 */
enum emu emu_ldm_user(struct vcpu *v, uint32_t insn)
{
	unsigned rn = bits(insn, 19, 16), list = insn & 0xffff;
	unsigned n = __builtin_popcount(list);
	bool eret = list & 0x8000;
	uint32_t base = v->ctx.r[rn], addr, vals[16], *spsr = return_spsr(v);
	unsigned k = 0;

	if (!vcpu_privileged(v) || rn == 15 || n == 0 || (eret && !spsr))
		return EMU_UNDEF;
	addr = block_start(base, insn, 4 * n);
	if (addr & 3)
		return abort_at(v, FSR_ALIGNMENT, addr, false);
	for (unsigned i = 0; i < 16; i++) {
		if (!(list & (1u << i)))
			continue;
		uint32_t fsr = vmem_read(v, addr + 4 * k, 4, &vals[i]);
		if (fsr)
			return abort_at(v, fsr, addr + 4 * k, false);
		k++;
	}
	if (bit(insn, 21) && eret)
		v->ctx.r[rn] = block_wback(base, insn, 4 * n);
	for (unsigned i = 0; i < 15; i++)
		if (list & (1u << i))
			*(eret ? &v->ctx.r[i] : user_reg(v, i)) = vals[i];
	if (!eret)
		return EMU_NEXT;
	exception_return(v, vals[15], *spsr);
	return EMU_DONE;
}

/* STM with S: stores the User-mode registers. */
enum emu emu_stm_user(struct vcpu *v, uint32_t insn)
{
	unsigned rn = bits(insn, 19, 16), list = insn & 0xffff;
	unsigned n = __builtin_popcount(list), k = 0;
	uint32_t base = v->ctx.r[rn], addr;

	if (!vcpu_privileged(v) || rn == 15 || n == 0)
		return EMU_UNDEF;
	addr = block_start(base, insn, 4 * n);
	if (addr & 3)
		return abort_at(v, FSR_ALIGNMENT, addr, true);
	for (unsigned i = 0; i < 16; i++) {
		if (!(list & (1u << i)))
			continue;
		uint32_t val = i == 15 ? v->ctx.r[15] + 8 : *user_reg(v, i);
		uint32_t fsr = vmem_write(v, addr + 4 * k, 4, val);
		if (fsr)
			return abort_at(v, fsr, addr + 4 * k, true);
		k++;
	}
	return EMU_NEXT;
}

/* SRS{DA,IA,DB,IB} SP{!}, #mode: LR and SPSR to another mode's stack. */
enum emu emu_srs(struct vcpu *v, uint32_t insn)
{
	uint32_t mode = insn & PSR_MODE_MASK, *spsr = vcpu_spsr(v), *sp, addr, fsr;
	bool inc = bit(insn, 23), higher = bit(insn, 24) == bit(insn, 23);

	if (!spsr || !mode_valid(mode))
		return EMU_UNDEF;
	sp = vcpu_banked_reg(v, mode, 13);
	addr = (inc ? *sp : *sp - 8) + (higher ? 4 : 0);
	if (addr & 3)
		return abort_at(v, FSR_ALIGNMENT, addr, true);
	if ((fsr = vmem_write(v, addr, 4, v->ctx.r[14])))
		return abort_at(v, fsr, addr, true);
	if ((fsr = vmem_write(v, addr + 4, 4, *spsr)))
		return abort_at(v, fsr, addr + 4, true);
	if (bit(insn, 21))
		*sp = inc ? *sp + 8 : *sp - 8;
	return EMU_NEXT;
}

/* RFE{DA,IA,DB,IB} Rn{!}: PC and CPSR from memory. */
enum emu emu_rfe(struct vcpu *v, uint32_t insn)
{
	unsigned rn = bits(insn, 19, 16);
	bool inc = bit(insn, 23), higher = bit(insn, 24) == bit(insn, 23);
	uint32_t base = v->ctx.r[rn], addr, pc, cpsr, fsr;

	if (!vcpu_privileged(v) || rn == 15)
		return EMU_UNDEF;
	addr = (inc ? base : base - 8) + (higher ? 4 : 0);
	if (addr & 3)
		return abort_at(v, FSR_ALIGNMENT, addr, false);
	if ((fsr = vmem_read(v, addr, 4, &pc)))
		return abort_at(v, fsr, addr, false);
	if ((fsr = vmem_read(v, addr + 4, 4, &cpsr)))
		return abort_at(v, fsr, addr + 4, false);
	if (bit(insn, 21))
		v->ctx.r[rn] = inc ? base + 8 : base - 8;
	exception_return(v, pc, cpsr);
	return EMU_DONE;
}
