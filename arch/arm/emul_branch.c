/*
 * Indirect branches of code found at run time.  hyp/codescan.c makes
 * every branch whose target is computed (other than a return) trap, so
 * that the code it goes to is scanned before it runs; here the branch is
 * then done as the hardware would have done it.  Returns the new PC with
 * EMU_DONE; the scan happens on the way back to the guest.
 */
#include "arch/arm/a32.h"
#include "arch/arm/t32.h"
#include "arch/arm/vexc.h"
#include "hyp/vmem.h"

void bx_write_pc(struct vcpu *v, uint32_t target)
{
	if (target & 1) {
		v->ctx.cpsr |= PSR_T;
		v->ctx.r[15] = target & ~1u;
	} else {
		v->ctx.cpsr &= ~PSR_T;
		v->ctx.r[15] = target & ~3u;
	}
}

/* A load the branch needed aborted: the guest takes it at the branch. */
static enum emu load_abort(struct vcpu *v, uint32_t fsr, uint32_t va)
{
	vexc_dabt(v, v->ctx.r[15], fsr, va);
	return EMU_DONE;
}

/* ---- A32 ------------------------------------------------------------------- */

/* BX, BLX, BXJ (register); BXJ is BX (no Jazelle). */
enum emu emu_bx_reg(struct vcpu *v, uint32_t insn)
{
	uint32_t target = reg_read(v, bits(insn, 3, 0));

	if (!bits(insn, 5, 4))
		return EMU_UNDEF;
	if (bits(insn, 5, 4) == 3)
		v->ctx.r[14] = v->ctx.r[15] + 4;
	bx_write_pc(v, target);
	return EMU_DONE;
}

/* <op> PC, ...: ALUWritePC(), which interworks in A32 (ARMv7). */
enum emu emu_dp_pc(struct vcpu *v, uint32_t insn)
{
	uint32_t r;

	if (bits(insn, 24, 23) == 2 || !dp_result(v, insn, &r))
		return EMU_UNDEF;		/* the misc space, compares */
	bx_write_pc(v, r);
	return EMU_DONE;
}

/* ---- T32 ------------------------------------------------------------------- */

static uint32_t t32_reg(const struct vcpu *v, unsigned n)
{
	return n == 15 ? v->ctx.r[15] + 4 : v->ctx.r[n];
}

/* A branch ends any IT block it is the last instruction of. */
static void t32_branch(struct vcpu *v, uint32_t target, bool interwork)
{
	v->ctx.cpsr = it_advance(v->ctx.cpsr);
	if (interwork)
		bx_write_pc(v, target);
	else
		v->ctx.r[15] = target & ~1u;
}

/* BX, BLX (register), 16-bit: 0100 0111 L Rm 000 */
static enum emu t16_bx(struct vcpu *v, uint32_t t)
{
	uint32_t target = t32_reg(v, bits(t, 6, 3));

	if (bit(t, 7))
		v->ctx.r[14] = (v->ctx.r[15] + 2) | 1;
	t32_branch(v, target, true);
	return EMU_DONE;
}

/* ADD PC, Rm and MOV PC, Rm: 0100 01op D Rm Rdn, Rd = D:Rdn = 15 (BranchWritePC) */
static enum emu t16_hi_pc(struct vcpu *v, uint32_t t)
{
	uint32_t m = t32_reg(v, bits(t, 6, 3));

	if ((bit(t, 7) << 3 | bits(t, 2, 0)) != 15)
		return EMU_UNDEF;
	t32_branch(v, bit(t, 9) ? m : t32_reg(v, 15) + m, false);
	return EMU_DONE;
}

/* LDR.W PC, ...: immediate (T3, T4), register (T2) and literal forms. */
static enum emu t32_ldr_pc(struct vcpu *v, uint32_t t)
{
	unsigned rn = bits(t, 19, 16);
	uint32_t base = rn == 15 ? t32_reg(v, 15) & ~3u : v->ctx.r[rn], addr = base, val, fsr;
	bool wback = false, index = true;

	if (rn == 15 || bit(t, 23)) {				/* imm12, literal */
		addr = rn == 15 && !bit(t, 23) ? base - bits(t, 11, 0) : base + bits(t, 11, 0);
	} else if (bit(t, 11)) {				/* imm8: P U W */
		uint32_t off = bits(t, 7, 0);
		index = bit(t, 10);
		wback = bit(t, 8);
		addr = bit(t, 9) ? base + off : base - off;
		if (!index && !wback)
			return EMU_UNDEF;
	} else if (!bits(t, 11, 6)) {				/* register, LSL #imm2 */
		addr = base + (v->ctx.r[bits(t, 3, 0)] << bits(t, 5, 4));
	} else {
		return EMU_UNDEF;
	}
	if ((fsr = vmem_read(v, index ? addr : base, 4, &val)))
		return load_abort(v, fsr, index ? addr : base);
	if (wback)
		v->ctx.r[rn] = addr;
	t32_branch(v, val, true);
	return EMU_DONE;
}

/* TBB [Rn, Rm], TBH [Rn, Rm, LSL #1]: 1110 1000 1101 Rn | 1111 0000 000H Rm */
static enum emu t32_tb(struct vcpu *v, uint32_t t)
{
	bool half = bit(t, 4);
	uint32_t va = t32_reg(v, bits(t, 19, 16)) + (v->ctx.r[bits(t, 3, 0)] << half), n, fsr;

	if ((fsr = vmem_read(v, va, half ? 2 : 1, &n)))
		return load_abort(v, fsr, va);
	t32_branch(v, t32_reg(v, 15) + 2 * n, false);
	return EMU_DONE;
}

/* The T32 decode table's rows for these (t32_decode.c). */
enum emu t32_emu_branch(struct vcpu *v, uint32_t t)
{
	if (t <= 0xffff)
		return (t & 0xff00) == 0x4700 ? t16_bx(v, t) : t16_hi_pc(v, t);
	if ((t & 0xfff0ffe0u) == 0xe8d0f000u)
		return t32_tb(v, t);
	return t32_ldr_pc(v, t);
}
