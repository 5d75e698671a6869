/*
 * MRS, MSR, their banked forms, and CPS: the instructions that read and
 * write the CPSR/SPSR.  At PL0 the hardware would silently ignore the
 * privileged fields (MSR/CPS) or show User mode (MRS), so the loader
 * rewrites them to trap, and they are emulated here on the virtual CPSR.
 */
#include <stddef.h>
#include "arch/arm/a32.h"

/* ARM ARM CPSRWriteByInstr(), on the vCPU.  bytemask: f s x c. */
void cpsr_write_by_instr(struct vcpu *v, uint32_t value, uint32_t bytemask, bool excpt_return)
{
	bool priv = vcpu_privileged(v);
	uint32_t mask = 0, mode = vcpu_mode(v);

	if (bytemask & 8)
		mask |= excpt_return ? PSR_NZCVQ | PSR_IT_LO : PSR_NZCVQ;
	if (bytemask & 4)
		mask |= PSR_GE;
	if (bytemask & 2)
		mask |= PSR_E | (excpt_return ? PSR_IT_HI : 0) | (priv ? PSR_A : 0);
	if (bytemask & 1) {
		mask |= (priv ? PSR_I | PSR_F : 0) | (excpt_return ? PSR_T : 0);
		/* a bad mode is UNPREDICTABLE: like QEMU, keep the old one */
		if (priv && mode_valid(value & PSR_MODE_MASK))
			mode = value & PSR_MODE_MASK;
	}
	vcpu_set_mode(v, mode);
	v->ctx.cpsr = (v->ctx.cpsr & ~mask) | (value & mask);
}

/* MRS Rd, CPSR | SPSR.  The execution state bits read as zero (A8.8.109). */
enum emu emu_mrs(struct vcpu *v, uint32_t insn)
{
	unsigned rd = bits(insn, 15, 12);
	uint32_t val;

	if (bit(insn, 22)) {
		uint32_t *spsr = vcpu_spsr(v);
		if (!spsr)
			return EMU_UNDEF;
		val = *spsr;
	} else {
		val = v->ctx.cpsr & ~(PSR_T | PSR_IT | PSR_J);
	}
	if (rd != 15)
		v->ctx.r[rd] = val;
	return EMU_NEXT;
}

static uint32_t msr_operand(const struct vcpu *v, uint32_t insn)
{
	if (bit(insn, 25)) {			/* immediate: imm8 ROR 2*rot */
		uint32_t imm = insn & 0xff, rot = bits(insn, 11, 8) * 2;
		return rot ? (imm >> rot) | (imm << (32 - rot)) : imm;
	}
	return reg_read(v, bits(insn, 3, 0));
}

/* MSR CPSR_<fields>, or SPSR_<fields> (register or immediate). */
enum emu emu_msr(struct vcpu *v, uint32_t insn)
{
	uint32_t fields = bits(insn, 19, 16), val = msr_operand(v, insn);

	if (bit(insn, 22)) {
		uint32_t *spsr = vcpu_spsr(v), mask = 0;
		if (!spsr)
			return EMU_UNDEF;
		for (int i = 0; i < 4; i++)
			if (fields & (1u << i))
				mask |= 0xffu << (8 * i);
		*spsr = (*spsr & ~mask) | (val & mask);
		return EMU_NEXT;
	}
	cpsr_write_by_instr(v, val, fields, false);
	return EMU_NEXT;
}

/*
 * Banked register selected by SYSm = M:M1 (ARM ARM B9.2.3): its mode and
 * register number (16 = SPSR).  False for encodings naming nothing this
 * vCPU has (Monitor, Hyp, reserved).
 */
static bool banked_decode(uint32_t insn, uint32_t *mode, int *reg)
{
	unsigned sysm = (bit(insn, 8) << 4) | bits(insn, 19, 16);
	static const uint8_t pair_mode[4] = { PSR_MODE_IRQ, PSR_MODE_SVC, PSR_MODE_ABT, PSR_MODE_UND };

	if (bit(insn, 22)) {			/* SPSR_<mode> */
		*reg = 16;
		if (sysm == 14) { *mode = PSR_MODE_FIQ; return true; }
		if (sysm >= 16 && sysm <= 22 && !(sysm & 1)) {
			*mode = pair_mode[(sysm - 16) / 2];
			return true;
		}
		return false;
	}
	if (sysm <= 6) { *mode = PSR_MODE_USR; *reg = 8 + sysm; return true; }
	if (sysm >= 8 && sysm <= 14) { *mode = PSR_MODE_FIQ; *reg = sysm; return true; }
	if (sysm >= 16 && sysm <= 23) {
		*mode = pair_mode[(sysm - 16) / 2];
		*reg = (sysm & 1) ? 13 : 14;
		return true;
	}
	return false;
}

/* The banked register, or NULL where the access is UNPREDICTABLE
 * (User mode, the current mode's own register): QEMU UNDEFs those. */
static uint32_t *banked_target(struct vcpu *v, uint32_t insn)
{
	uint32_t mode, cur = vcpu_mode(v);
	int reg;

	if (!vcpu_privileged(v) || !banked_decode(insn, &mode, &reg))
		return NULL;
	if (mode_bank(mode) == mode_bank(cur))
		return NULL;
	if (reg == 16)
		return &v->bank[mode_bank(mode)].spsr;
	if (mode == PSR_MODE_USR && reg < 13 && cur != PSR_MODE_FIQ)
		return NULL;			/* r8_usr is r8 outside FIQ mode */
	return vcpu_banked_reg(v, mode, reg);
}

enum emu emu_mrs_banked(struct vcpu *v, uint32_t insn)
{
	uint32_t *r = banked_target(v, insn);
	unsigned rd = bits(insn, 15, 12);

	if (!r || rd == 15)
		return EMU_UNDEF;
	v->ctx.r[rd] = *r;
	return EMU_NEXT;
}

enum emu emu_msr_banked(struct vcpu *v, uint32_t insn)
{
	uint32_t *r = banked_target(v, insn);
	unsigned rn = bits(insn, 3, 0);

	if (!r || rn == 15)
		return EMU_UNDEF;
	*r = v->ctx.r[rn];
	return EMU_NEXT;
}

/* CPS<effect> <iflags>{, #mode}: a NOP in User mode (A8.8.35). */
enum emu emu_cps(struct vcpu *v, uint32_t insn)
{
	uint32_t imod = bits(insn, 19, 18), flags = insn & (PSR_A | PSR_I | PSR_F);
	uint32_t mode = insn & PSR_MODE_MASK;

	if (!vcpu_privileged(v))
		return EMU_NEXT;
	if (imod == 2)
		v->ctx.cpsr &= ~flags;
	else if (imod == 3)
		v->ctx.cpsr |= flags;
	if (bit(insn, 17) && mode_valid(mode))
		vcpu_set_mode(v, mode);
	return EMU_NEXT;
}
