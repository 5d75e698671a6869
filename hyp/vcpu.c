/*
 * vCPU register state: banked registers and mode changes.
 *
 * ctx holds the registers of the current virtual mode.  A mode change
 * stores the outgoing mode's SP/LR (and FIQ's r8-r12) into its bank and
 * loads the incoming one's, exactly what the hardware's banking does.
 */
#include <string.h>
#include "hyp/vcpu.h"
#include "hyp/vm.h"
#include "arch/arm/cp15.h"
#include "arch/arm/entry.h"

/* Bank of each mode, indexed by mode & 0xf; -1: not a mode a vCPU has.
 * Monitor and Hyp do not exist on the virtual CPU (as on QEMU virt
 * without EL2/EL3), so writes selecting them are ignored like bad modes. */
static const signed char bank_of[16] = {
	[PSR_MODE_USR & 0xf] = BANK_USR, [PSR_MODE_FIQ & 0xf] = BANK_FIQ,
	[PSR_MODE_IRQ & 0xf] = BANK_IRQ, [PSR_MODE_SVC & 0xf] = BANK_SVC,
	[PSR_MODE_MON & 0xf] = -1,       [PSR_MODE_ABT & 0xf] = BANK_ABT,
	[PSR_MODE_HYP & 0xf] = -1,       [PSR_MODE_UND & 0xf] = BANK_UND,
	[PSR_MODE_SYS & 0xf] = BANK_USR,
	[0x4] = -1, [0x5] = -1, [0x8] = -1, [0x9] = -1, [0xc] = -1, [0xd] = -1, [0xe] = -1,
};

int mode_bank(uint32_t mode)
{
	if ((mode & 0x10) == 0)
		return -1;
	return bank_of[mode & 0xf];
}

bool mode_valid(uint32_t mode)
{
	return mode_bank(mode) >= 0;
}

void vcpu_set_mode(struct vcpu *v, uint32_t mode)
{
	uint32_t old = vcpu_mode(v);
	int ob = mode_bank(old), nb = mode_bank(mode);

	v->ctx.cpsr = (v->ctx.cpsr & ~PSR_MODE_MASK) | mode;
	if (ob == nb)
		return;
	v->bank[ob].sp = v->ctx.r[13];
	v->bank[ob].lr = v->ctx.r[14];
	if (ob == BANK_FIQ || nb == BANK_FIQ) {
		/* r8-r12 are banked only between FIQ and everything else. */
		uint32_t *save = ob == BANK_FIQ ? v->r8_12_fiq : v->r8_12_usr;
		uint32_t *load = nb == BANK_FIQ ? v->r8_12_fiq : v->r8_12_usr;
		memcpy(save, &v->ctx.r[8], 5 * sizeof(uint32_t));
		memcpy(&v->ctx.r[8], load, 5 * sizeof(uint32_t));
	}
	v->ctx.r[13] = v->bank[nb].sp;
	v->ctx.r[14] = v->bank[nb].lr;
}

/* Writes the whole CPSR (exception entry/return); an invalid mode
 * leaves the mode unchanged, as QEMU does for these UNPREDICTABLE cases. */
void vcpu_write_cpsr(struct vcpu *v, uint32_t cpsr)
{
	uint32_t mode = cpsr & PSR_MODE_MASK;

	if (!mode_valid(mode))
		mode = vcpu_mode(v);
	vcpu_set_mode(v, mode);
	v->ctx.cpsr = (cpsr & ~PSR_MODE_MASK) | mode;
}

uint32_t *vcpu_spsr(struct vcpu *v)
{
	int b = mode_bank(vcpu_mode(v));

	return b == BANK_USR ? NULL : &v->bank[b].spsr;
}

/*
 * Register reg (8..14) of mode `mode`, wherever it lives now: in ctx if
 * that mode's copy is the one in use, else in its bank.
 */
uint32_t *vcpu_banked_reg(struct vcpu *v, uint32_t mode, int reg)
{
	int cur = mode_bank(vcpu_mode(v)), b = mode_bank(mode);
	bool fiq_regs = b == BANK_FIQ, cur_fiq = cur == BANK_FIQ;

	if (reg < 13) {
		if (fiq_regs == cur_fiq)
			return &v->ctx.r[reg];
		return (fiq_regs ? v->r8_12_fiq : v->r8_12_usr) + (reg - 8);
	}
	if (b == cur)
		return &v->ctx.r[reg];
	return reg == 13 ? &v->bank[b].sp : &v->bank[b].lr;
}

/*
 * Power-on state, as QEMU's -kernel leaves an ELF: SVC mode, A/I/F
 * masked, r0-r2 = 0 (in fact every register 0), PC at the entry point,
 * Thumb state if its bit 0 is set.  The flags are UNKNOWN at reset in the
 * ARM ARM; QEMU leaves Z set (its reset zeroes the register that holds
 * NOT Z), and a guest that prints its CPSR must see the same.
 * Shadow registers are poisoned first so that one the reset table
 * forgets is visible.
 */
void vcpu_reset(struct vcpu *v, uint32_t entry)
{
	memset(&v->ctx, 0, sizeof(v->ctx));
	memset(v->bank, 0, sizeof(v->bank));
	memset(v->r8_12_usr, 0, sizeof(v->r8_12_usr));
	memset(v->r8_12_fiq, 0, sizeof(v->r8_12_fiq));
	for (int i = 0; i < CP15_NR; i++)
		v->cp15[i] = VCPU_POISON;
	cp15_reset(v);
	v->fpexc = 0;
	memset(v->vfp_d, 0, sizeof(v->vfp_d));	/* QEMU resets them to zero */
	v->vfp_fpscr = 0;
	v->ctx.cpsr = PSR_Z | PSR_MODE_SVC | PSR_A | PSR_I | PSR_F | ((entry & 1) ? PSR_T : 0);
	v->ctx.r[15] = entry & ~1u;
	v->state = VCPU_RUNNABLE;
	v->wfi = false;
	v->last_trap_kind = TRAP_ENTRY_NONE;
	v->last_trap_pc = v->last_trap_info = 0;
	v->xloop.n = 0;
	v->retries = 0;
}
