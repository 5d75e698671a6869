/*
 * Exception entry and exit: the trap path.
 *
 * While a guest runs, the banked SP of every exception mode (SVC, UND,
 * ABT, IRQ) points at the current vCPU's struct cpu_ctx, so an exception
 * from the guest saves its registers straight into the vCPU with no
 * stack.  An exception taken from trapvisor itself (a bug) goes to
 * hyp_fault and panics.
 *
 * Then SVC mode runs the C handler on trapvisor's own stack; the handler
 * returns the vCPU to resume (maybe another), and guest_resume enters it.
 */
#include "arch/arm/entry.h"

	.arch armv7-a
	.syntax unified
	.arm

	.section .text.vectors, "ax"
	.align	5
	.global vectors
vectors:
	b	hyp_reset
	b	und_entry
	b	svc_entry
	b	pabt_entry
	b	dabt_entry
	b	hyp_reset			@ HYP trap: never taken at PL1
	b	irq_entry
	b	fiq_entry

/*
 * The same without the fast paths, for a traced vCPU (hyp/trace.c): every
 * trap of it reaches the C path, where it is logged.
 */
	.align	5
	.global vectors_traced
vectors_traced:
	b	hyp_reset
	b	und_traced
	b	svc_traced
	b	pabt_entry
	b	dabt_entry
	b	hyp_reset
	b	irq_entry
	b	fiq_entry

/*
 * \lroff turns the exception LR into the guest's preferred return
 * address (ARM ARM B1.8.3), except for UND, where it depends on T and is
 * done in C.  r0-r12 go to the vCPU first, so that a fast path
 * (fastpath.S) has registers to work with; one that cannot finish the
 * trap goes on at NAME_full with the guest's r0-r12 saved and LR intact.
 * (A trapvisor bug taken here overwrites the current vCPU's r0-r12 before
 * the panic: its report still shows the values it had.)
 */
.macro GUEST_ENTRY name, lroff, class, fast
\name:
	.if \lroff
	sub	lr, lr, #\lroff
	.endif
	stmia	sp, {r0-r12}
	mrs	r0, spsr
	tst	r0, #0xf			@ User mode (0x10) has these clear
	bne	hyp_fault_\name
	.ifnb \fast
	b	\fast
	.endif
	.global	\name\()_full
\name\()_full:
	mrs	r0, spsr
	str	lr, [sp, #CTX_PC]
	add	r1, sp, #CTX_SP
	stmia	r1, {sp, lr}^			@ the User-mode SP and LR
	ldr	r2, [sp, #CTX_CPSR]
	GUEST_CPSR r1, r2, r0, r3
	str	r1, [sp, #CTX_CPSR]
	sub	r0, sp, #4			@ struct vcpu *
	mov	r1, #\class
	cps	#0x13
	ldr	sp, =svc_stack_top
	bl	trap_entry
	b	guest_resume

hyp_fault_\name:
	ldr	r0, [sp]			@ r1-r12 are as they were
	ldr	sp, =fault_stack_top
	push	{r0-r12, lr}
	mov	r0, #\class
	mov	r1, sp
	mrs	r2, spsr
	bl	hyp_fault
	b	.
.endm

	GUEST_ENTRY und_entry,  0, TRAP_ENTRY_UND, und_fast
	GUEST_ENTRY svc_entry,  0, TRAP_ENTRY_SVC, svc_fast
	GUEST_ENTRY pabt_entry, 4, TRAP_ENTRY_PABT
	GUEST_ENTRY dabt_entry, 8, TRAP_ENTRY_DABT
	GUEST_ENTRY irq_entry,  4, TRAP_ENTRY_IRQ
	GUEST_ENTRY und_traced, 0, TRAP_ENTRY_UND
	GUEST_ENTRY svc_traced, 0, TRAP_ENTRY_SVC

/* FIQs are kept masked while guests run; one here is a bug. */
fiq_entry:
	ldr	sp, =fault_stack_top
	push	{r0-r12, lr}
	mov	r0, #TRAP_ENTRY_FIQ
	mov	r1, sp
	mrs	r2, spsr
	bl	hyp_fault
	b	.

hyp_reset:
	ldr	sp, =fault_stack_top
	push	{r0-r12, lr}
	mov	r0, #TRAP_ENTRY_RESET
	mov	r1, sp
	mrs	r2, cpsr
	bl	hyp_fault
	b	.

/*
 * void guest_resume(struct vcpu *v): enter the guest.  Never returns.
 * Called in SVC mode with IRQs masked.  The hardware CPSR is the guest's
 * with the virtual bits replaced: User mode, IRQs and aborts taken (they
 * are trapvisor's), FIQs masked.
 */
	.global guest_resume
guest_resume:
	add	r0, r0, #4			@ &vcpu->ctx
	ldr	r1, [r0, #CTX_CPSR]
	HW_SPSR r1, r1, r3
	msr	spsr_cxsf, r1
	add	r1, r0, #CTX_SP
	ldmia	r1, {sp, lr}^
	nop					@ no banked access right after LDM ^
	ldr	lr, [r0, #CTX_PC]
	mov	sp, r0				@ next entry saves here
	ldmia	sp, {r0-r12}
	movs	pc, lr

/*
 * void arch_set_frame(struct cpu_ctx *ctx): point the banked SP of every
 * exception mode at ctx (done when the current vCPU changes).
 */
	.global arch_set_frame
arch_set_frame:
	mrs	r1, cpsr
	cps	#0x17
	mov	sp, r0
	cps	#0x1b
	mov	sp, r0
	cps	#0x12
	mov	sp, r0
	msr	cpsr_c, r1
	bx	lr
	.ltorg
