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
#include "hyp/vm.h"

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

static const char *const kind_name[] = {
	[VX_UND] = "undefined instruction", [VX_SVC] = "SVC",
	[VX_PABT] = "prefetch abort", [VX_DABT] = "data abort",
};

static uint32_t vector_base(const struct vcpu *v)
{
	return (v->cp15[C_SCTLR] & SCTLR_V) ? 0xffff0000 : v->cp15[C_VBAR];
}

/*
 * A guest wedged in an exception loop: the same synchronous exception, at
 * the same instruction and address, taken again and again from the mode
 * it enters, before anything else happened.  Such an exception was raised
 * inside its own handler (a vector pointing at nothing or at garbage, a
 * handler faulting on a garbage SP): an aborted or undefined instruction
 * changes nothing, so the next round is the same and the CPU would spin
 * there for ever.  A handler that gets anywhere takes some other
 * exception or returns, and starts the count again.  SVC counts only
 * when it is the vector itself: an SVC loop elsewhere is a program.
 * Returns true, with the VM failed, when the guest must not go on.
 */
#define XLOOP_MAX	16

static bool xloop(struct vcpu *v, int kind, uint32_t pc, uint32_t far)
{
	uint32_t vec = vector_base(v) + kinds[kind].vector;

	if (vcpu_mode(v) != kinds[kind].mode || (kind == VX_SVC && pc != vec)) {
		v->xloop.n = 0;
		return false;
	}
	if (v->xloop.n && v->xloop.kind == (uint32_t)kind && v->xloop.pc == pc &&
	    v->xloop.far == far) {
		if (++v->xloop.n < XLOOP_MAX)
			return false;
		v->xloop.n = 0;
		if (pc == vec)
			vcpu_fail(v, "exception loop: %s at its own vector %08lx, %d times",
				  kind_name[kind], (unsigned long)pc, XLOOP_MAX);
		else
			vcpu_fail(v, "exception loop: %s at %08lx (address %08lx), %d times, "
				  "each taken inside the handler of the last", kind_name[kind],
				  (unsigned long)pc, (unsigned long)far, XLOOP_MAX);
		return true;
	}
	v->xloop.kind = kind;
	v->xloop.pc = pc;
	v->xloop.far = far;
	v->xloop.n = 1;
	return false;
}

static void take(struct vcpu *v, int kind, uint32_t pref)
{
	const struct vexc_kind *k = &kinds[kind];
	uint32_t old = v->ctx.cpsr, sctlr = v->cp15[C_SCTLR];
	uint32_t lr = pref + ((old & PSR_T) ? k->lr_thumb : k->lr_arm);
	uint32_t base = vector_base(v);

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
	if (xloop(v, VX_UND, pc, 0))
		return;
	v->traps[TRAP_UNDEF]++;
	take(v, VX_UND, pc);
}

void vexc_svc(struct vcpu *v, uint32_t next_pc)
{
	if (xloop(v, VX_SVC, next_pc - ((v->ctx.cpsr & PSR_T) ? 2 : 4), 0))
		return;
	take(v, VX_SVC, next_pc);
}

void vexc_pabt(struct vcpu *v, uint32_t pc, uint32_t ifsr, uint32_t ifar)
{
	if (xloop(v, VX_PABT, pc, ifar))
		return;
	v->traps[TRAP_PABT]++;
	v->cp15[C_IFSR] = ifsr;
	v->cp15[C_IFAR] = ifar;
	take(v, VX_PABT, pc);
}

void vexc_dabt(struct vcpu *v, uint32_t pc, uint32_t dfsr, uint32_t dfar)
{
	if (xloop(v, VX_DABT, pc, dfar))
		return;
	v->traps[TRAP_DABT]++;
	v->cp15[C_DFSR] = dfsr;
	v->cp15[C_DFAR] = dfar;
	take(v, VX_DABT, pc);
}

/* Interrupts are something else happening: a loop count starts again. */
void vexc_irq(struct vcpu *v, uint32_t next_pc)
{
	v->xloop.n = 0;
	take(v, VX_IRQ, next_pc);
}

void vexc_fiq(struct vcpu *v, uint32_t next_pc)
{
	v->xloop.n = 0;
	take(v, VX_FIQ, next_pc);
}
