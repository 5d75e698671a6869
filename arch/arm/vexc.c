/*
 * Taking an exception on the vCPU, as the ARM ARM pseudocode does it
 * (B1.8.3-B1.8.10, TakeUndefInstrException() and friends): save CPSR in
 * the target mode's SPSR, set LR from the preferred return address, switch
 * mode, mask, clear IT/J, take T and E from SCTLR, and jump to the guest's
 * vector.  trapvisor never runs guest code here: it only edits the vCPU.
 */
#include "arch/arm/vexc.h"
#include "arch/arm/mmu_bits.h"
#include "hyp/vcpu.h"

struct vexc_kind {
	uint32_t mode;
	uint32_t vector;	/* offset in the vector table */
	uint32_t lr_arm;	/* LR = preferred return address + this */
	uint32_t lr_thumb;
	uint32_t mask;		/* CPSR mask bits set on entry */
};

enum { VX_UND, VX_SVC, VX_PABT, VX_DABT, VX_IRQ, VX_FIQ };

static const struct vexc_kind kinds[] = {
	[VX_UND]  = { PSR_MODE_UND, 0x04, 4, 2, PSR_I },
	[VX_SVC]  = { PSR_MODE_SVC, 0x08, 0, 0, PSR_I },
	[VX_PABT] = { PSR_MODE_ABT, 0x0c, 4, 4, PSR_I | PSR_A },
	[VX_DABT] = { PSR_MODE_ABT, 0x10, 8, 8, PSR_I | PSR_A },
	[VX_IRQ]  = { PSR_MODE_IRQ, 0x18, 4, 4, PSR_I | PSR_A },
	[VX_FIQ]  = { PSR_MODE_FIQ, 0x1c, 4, 4, PSR_I | PSR_F | PSR_A },
};

static void take(struct vcpu *v, int kind, uint32_t pref)
{
	const struct vexc_kind *k = &kinds[kind];
	uint32_t old = v->ctx.cpsr, sctlr = v->cp15[C_SCTLR];
	uint32_t lr = pref + ((old & PSR_T) ? k->lr_thumb : k->lr_arm);
	uint32_t base = (sctlr & SCTLR_V) ? 0xffff0000 : v->cp15[C_VBAR];

	vcpu_set_mode(v, k->mode);
	v->bank[mode_bank(k->mode)].spsr = old;
	v->ctx.r[14] = lr;
	v->ctx.cpsr &= ~(PSR_IT | PSR_J | PSR_T | PSR_E);
	v->ctx.cpsr |= k->mask;
	if (sctlr & SCTLR_TE)
		v->ctx.cpsr |= PSR_T;
	if (sctlr & SCTLR_EE)
		v->ctx.cpsr |= PSR_E;
	v->ctx.r[15] = base + k->vector;
}

void vexc_undef(struct vcpu *v, uint32_t pc)
{
	v->traps[TRAP_UNDEF]++;
	take(v, VX_UND, pc);
}

void vexc_svc(struct vcpu *v, uint32_t next_pc)
{
	take(v, VX_SVC, next_pc);
}

void vexc_pabt(struct vcpu *v, uint32_t pc, uint32_t ifsr, uint32_t ifar)
{
	v->traps[TRAP_PABT]++;
	v->cp15[C_IFSR] = ifsr;
	v->cp15[C_IFAR] = ifar;
	take(v, VX_PABT, pc);
}

void vexc_dabt(struct vcpu *v, uint32_t pc, uint32_t dfsr, uint32_t dfar)
{
	v->traps[TRAP_DABT]++;
	v->cp15[C_DFSR] = dfsr;
	v->cp15[C_DFAR] = dfar;
	take(v, VX_DABT, pc);
}

void vexc_irq(struct vcpu *v, uint32_t next_pc)
{
	take(v, VX_IRQ, next_pc);
}

void vexc_fiq(struct vcpu *v, uint32_t next_pc)
{
	take(v, VX_FIQ, next_pc);
}
