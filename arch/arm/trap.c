/*
 * The trap path in C.  entry.S saved the guest's registers in its vCPU and
 * calls trap_entry() with what brought it here; each handler decides what
 * the guest sees, then the scheduler says which vCPU to resume.
 */
#include "arch/arm/a32.h"
#include "arch/arm/t32.h"
#include "arch/arm/scan.h"
#include "arch/arm/vexc.h"
#include "arch/arm/ldst.h"
#include "arch/arm/cpu.h"
#include "arch/arm/entry.h"
#include "hyp/vm.h"
#include "hyp/rewrite.h"
#include "hyp/codescan.h"
#include "hyp/vmem.h"
#include "hyp/mmio.h"
#include "hyp/irq.h"
#include "hyp/sched.h"
#include "hyp/trace.h"
#include "arch/arm/vmsa.h"
#include "arch/arm/layout.h"

/*
 * The guest-physical address of a PC the guest just executed from, by
 * the MMU itself (ATS1CPR on the tables the hardware is using, which map
 * it), rather than by walking the guest's tables again.
 */
static uint32_t pc_gpa(struct vcpu *v, uint32_t pc)
{
	uint32_t par, pa;

	CP15_WRITE(c7, 0, c8, 0, pc);		/* ATS1CPR */
	isb();
	par = CP15_READ(c7, 0, c4, 0);		/* PAR */
	if (par & 1)
		return 0xffffffffu;
	pa = (par & 2) ? (par & 0xff000000u) | (pc & 0x00ffffffu)	/* supersection */
		       : (par & 0xfffff000u) | (pc & 0xfffu);
	return vm_gpa_of(v->vm, pa);
}

/*
 * The instruction the guest just executed at pc, read through the tables
 * the hardware is using: it was fetched from them a moment ago, and what
 * User mode may fetch, PL1 may read (VMSAv7 has no execute-only).  A
 * 32-bit T32 instruction was fetched whole, its second halfword too.
 */
static uint32_t a32_at(uint32_t pc)
{
	return *(const volatile uint32_t *)(uintptr_t)pc;
}

static uint32_t t32_at(uint32_t pc)
{
	uint32_t hw1 = *(const volatile uint16_t *)(uintptr_t)pc;

	if (t32_insn_len(hw1) == 2)
		return hw1;
	return hw1 << 16 | *(const volatile uint16_t *)(uintptr_t)(pc + 2);
}

/* Which of trapvisor's UDFs insn is, if any: its kind, immediate in *imm. */
static int a32_udf_kind(uint32_t insn, uint32_t *imm)
{
	return a32_udf_imm(insn, imm) ? REWRITE_A32 : -1;
}

static int t32_udf_kind(uint32_t t, uint32_t *imm)
{
	if (!t32_udf_imm(t, imm))
		return -1;
	return t32_len(t) == 2 ? REWRITE_T16 : REWRITE_T32;
}

static void a32_next(struct vcpu *v, uint32_t pc, uint32_t insn)
{
	(void)insn;
	v->ctx.r[15] = pc + 4;
}

/* What the trap path needs of an instruction set (CPSR.T picks one). */
static const struct iset {
	uint32_t und_lr;			/* the UND exception's LR: pc + this */
	uint32_t (*at)(uint32_t pc);
	int (*udf)(uint32_t insn, uint32_t *imm);
	enum emu (*emulate)(struct vcpu *v, uint32_t insn);
	enum emu (*emulate_ldst)(struct vcpu *v, uint32_t insn);
	void (*next)(struct vcpu *v, uint32_t pc, uint32_t insn);	/* after EMU_NEXT */
} isets[2] = {
	{ 4, a32_at, a32_udf_kind, a32_emulate, a32_emulate_ldst, a32_next },
	{ 2, t32_at, t32_udf_kind, t32_emulate, t32_emulate_ldst, t32_next },
};

static const struct iset *iset_of(const struct vcpu *v)
{
	return &isets[!!(v->ctx.cpsr & PSR_T)];
}

/* The original of a UDF the loader put at pc; false if it is the guest's own. */
static bool rewritten(struct vcpu *v, const struct iset *is, uint32_t pc, uint32_t *insn)
{
	const struct rewrite_table *rt = &v->vm->rt;
	uint32_t imm;
	int kind = is->udf(*insn, &imm);
	int32_t i;

	/* the table holds guest-physical addresses: where the loader put them */
	if (kind < 0 || (i = rewrite_find(rt, (enum rewrite_kind)kind, imm, pc_gpa(v, pc))) < 0)
		return false;
	*insn = rt->e[i].orig;
	return true;
}

static void trap_undef(struct vcpu *v)
{
	const struct iset *is = iset_of(v);
	uint32_t pc = v->ctx.r[15] - is->und_lr, insn;

	v->ctx.r[15] = pc;
	v->last_trap_pc = pc;
	insn = v->last_trap_info = is->at(pc);
	rewritten(v, is, pc, &insn);
	switch (is->emulate(v, insn)) {
	case EMU_NEXT:
		is->next(v, pc, insn);
		break;
	case EMU_UNDEF:
		vexc_undef(v, pc);
		break;
	case EMU_DONE:
		break;
	}
}

/* The guest's own SVC: straight to its SVC vector. */
static void trap_svc(struct vcpu *v)
{
	v->traps[TRAP_SVC]++;
	v->last_trap_pc = v->ctx.r[15];
	v->last_trap_info = 0;
	vexc_svc(v, v->ctx.r[15]);
}

/* DFSR/IFSR fault status, FS[4] (bit 10) folded in as bit 4. */
static uint32_t fault_status(uint32_t fsr)
{
	return (fsr & 0xf) | ((fsr >> 6) & 0x10);
}

static bool is_translation_or_permission(uint32_t fs)
{
	return fs == 0x05 || fs == 0x07 || fs == 0x0d || fs == 0x0f || fs == 0x09 || fs == 0x0b;
}

/*
 * A translation, domain or permission fault the hardware took while the
 * guest's MMU is on: filled from the guest's tables, or the guest's own
 * fault.  Returns true when dealt with; false with *gpa when the address
 * translated to something other than RAM.
 */
static bool guest_mmu_abort(struct vcpu *v, uint32_t va, unsigned acc, uint32_t wnr,
			    uint64_t *gpa)
{
	uint32_t fsr, pc = v->ctx.r[15];

	switch (vmmu_abort(v, va, acc, &fsr, gpa)) {
	case VMMU_FILLED:
		return true;
	case VMMU_FAULT:
		if (acc == VMSA_X)
			vexc_pabt(v, pc, fsr, va);
		else
			vexc_dabt(v, pc, fsr | wnr, va);
		return true;
	case VMMU_STUCK:
		vcpu_fail(v, "shadow table fault at 0x%08lx repeats: trapvisor bug",
			  (unsigned long)va);
		return true;
	case VMMU_NOT_RAM:
	case VMMU_CODE_WRITE:
		break;
	}
	return false;
}

/*
 * Instruction fetch trapvisor's tables refused: not shadowed yet, or
 * outside the guest's RAM, where its machine has nothing executable.
 * BKPT (a debug event) and anything else go to the guest as the hardware
 * reported them.
 */
static void trap_pabt(struct vcpu *v)
{
	uint32_t ifsr = read_ifsr(), ifar = read_ifar(), pc = v->ctx.r[15];
	uint64_t gpa = ifar;

	v->last_trap_pc = pc;
	v->last_trap_info = ifar;
	if (!is_translation_or_permission(fault_status(ifsr))) {
		vexc_pabt(v, pc, ifsr, ifar);
		return;
	}
	if (v->vm->mmu.shadowed && guest_mmu_abort(v, ifar, VMSA_X, 0, &gpa))
		return;
	if (in_hole(ifar) && !(gpa >> 32) && vm_ram_ptr(v->vm, (uint32_t)gpa, 4))
		vcpu_fail(v, "the guest runs code at 0x%08lx, in trapvisor's range "
			  "(0x%08x-0x%08x): not supported", (unsigned long)ifar,
			  HOLE_START, HOLE_END - 1);
	else
		vexc_pabt(v, pc, FSR_SYNC_EXT, ifar);
}

/*
 * Data access trapvisor's tables refused: not shadowed yet, a virtual
 * device (emulated), guest RAM mapped into trapvisor's range or a write
 * to a page of scanned code (emulated too: code and data share pages,
 * codescan.c), or nothing (the guest takes the synchronous external abort its
 * machine would give).  Other faults (alignment, ...) are the guest's own.
 */
static void trap_dabt(struct vcpu *v)
{
	uint32_t dfsr = read_dfsr(), dfar = read_dfar(), pc = v->ctx.r[15];
	uint32_t wnr = dfsr & FSR_WNR, insn;
	const struct iset *is;
	bool code;
	uint64_t gpa = dfar;

	v->last_trap_pc = pc;
	v->last_trap_info = dfar;
	if (!is_translation_or_permission(fault_status(dfsr))) {
		vexc_dabt(v, pc, dfsr & ~(1u << 12), dfar);
		return;
	}
	if (v->vm->mmu.shadowed && guest_mmu_abort(v, dfar, wnr ? VMSA_W : VMSA_R, wnr, &gpa))
		return;
	code = !(gpa >> 32) && codescan_is_scanned(v->vm, (uint32_t)gpa);
	if (gpa >> 32 || (!mmio_device_at(v->vm, (uint32_t)gpa) && !code &&
			  !(in_hole(dfar) && vm_ram_ptr(v->vm, (uint32_t)gpa, 1)))) {
		vexc_dabt(v, pc, FSR_SYNC_EXT | wnr, dfar);
		return;
	}
	v->traps[TRAP_MMIO]++;
	is = iset_of(v);
	insn = is->at(pc);
	switch (is->emulate_ldst(v, insn)) {
	case EMU_NEXT:
		is->next(v, pc, insn);
		break;
	case EMU_UNDEF:
		if (code)	/* not emulated: the page is unscanned and written natively */
			codescan_written(v->vm, (uint32_t)gpa);
		else
			vcpu_fail(v, "device access by 0x%08lx at 0x%08lx: instruction not "
				  "emulated", (unsigned long)insn, (unsigned long)pc);
		break;
	case EMU_DONE:
		break;
	}
}

static void trap_irq(struct vcpu *v)
{
	v->traps[TRAP_IRQ]++;
	irq_handle();
}

static void (*const trap_handlers[TRAP_ENTRY_NR])(struct vcpu *) = {
	[TRAP_ENTRY_UND] = trap_undef,
	[TRAP_ENTRY_SVC] = trap_svc,
	[TRAP_ENTRY_PABT] = trap_pabt,
	[TRAP_ENTRY_DABT] = trap_dabt,
	[TRAP_ENTRY_IRQ] = trap_irq,
};

/*
 * An instruction that traps and is then run again, not completed (a
 * shadow table filled, say), a few times is normal; the same trap at the
 * same instruction and address thousands of times in a row, with nothing
 * else trapping in between, is a VM that cannot make progress, whatever
 * the reason: it is contained rather than left spinning.  (A loop that
 * runs the instruction again after it completed traps at another address,
 * or traps elsewhere in between.)
 *
 * An undefined-instruction trap is different: its instruction always
 * completes (emulated, or a virtual exception taken), so coming back to
 * it means the guest branched or returned to itself on purpose, say
 * MOVS PC, LR with LR at itself to wait for an interrupt whose handler
 * takes it elsewhere.  Natively that loop ends when the interrupt comes;
 * it is wedged for good only while IRQ and FIQ are both masked.
 */
#define RETRY_MAX	4096

static bool interruptible(const struct vcpu *v)
{
	return (v->ctx.cpsr & (PSR_I | PSR_F)) != (PSR_I | PSR_F);
}

static void check_progress(struct vcpu *v)
{
	bool und = v->last_trap_kind == TRAP_ENTRY_UND;

	if (v->state != VCPU_RUNNABLE || v->ctx.r[15] != v->last_trap_pc ||
	    (und && interruptible(v))) {
		v->retries = 0;
		return;
	}
	if (v->retry_pc != v->last_trap_pc || v->retry_info != v->last_trap_info) {
		v->retry_pc = v->last_trap_pc;
		v->retry_info = v->last_trap_info;
		v->retries = 0;
	}
	if (++v->retries < RETRY_MAX)
		return;
	v->retries = 0;
	if (und)
		vcpu_fail(v, "no progress: the instruction at %08lx trapped %d times in a row, "
			  "back to itself each time with IRQ and FIQ masked",
			  (unsigned long)v->last_trap_pc, RETRY_MAX);
	else
		vcpu_fail(v, "no progress: the instruction at %08lx trapped %d times "
			  "in a row without completing", (unsigned long)v->last_trap_pc, RETRY_MAX);
}

struct vcpu *trap_entry(struct vcpu *v, unsigned cls)
{
	uint64_t before[TRAP_NR];

	if (v->trace)
		trace_before(v, before);
	if (cls != TRAP_ENTRY_IRQ)
		v->last_trap_kind = cls;
	trap_handlers[cls](v);
	if (cls != TRAP_ENTRY_IRQ)
		check_progress(v);
	if (v->trace)
		trace_trap(v, cls, before);
	v = sched_next(v);
	codescan_resume(v);
	return v;
}
