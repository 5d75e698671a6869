/*
 * MRS, MSR and CPS: the instructions that read and
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
 * MRS/MSR <banked register> belong to the Virtualization Extensions
 * (ARM ARM B9.3.9): the virtual CPU, like QEMU virt's Cortex-A15 without
 * EL2, does not have them, so they are UNDEFINED.
 */
enum emu emu_banked_undef(struct vcpu *v, uint32_t insn)
{
	(void)v; (void)insn;
	return EMU_UNDEF;
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
