/*
 * The guest's vector table (VBAR points here) and the common entry path:
 * save r0-r12, LR and SPSR of the exception mode as a struct exc_frame on
 * that mode's stack, call rt_exception(kind, frame) in C, then return the
 * way the architecture's exception return does: CPSR := SPSR, PC := ret.
 */
	.syntax	unified
	.arm

	.section .text.vectors, "ax"
	.balign	32			/* VBAR bits [4:0] are reserved */
	.global	rt_vectors
rt_vectors:
	b	rst_entry		/* 0x00: only reached by a branch to VBAR */
	b	und_entry		/* 0x04 */
	b	svc_entry		/* 0x08 */
	b	pabt_entry		/* 0x0c */
	b	dabt_entry		/* 0x10 */
	b	hyp_entry		/* 0x14: not used at PL1 */
	b	irq_entry		/* 0x18 */
	b	fiq_entry		/* 0x1c */

/* struct exc_frame: r0-r12 at 0, lr at 52, spsr at 56, ret at 60 */
	.macro	EXC_ENTRY name, kind
\name:
	sub	sp, sp, #64		/* keeps SP 8-byte aligned for C */
	stmia	sp, {r0-r12}
	str	lr, [sp, #52]
	mrs	r0, spsr
	str	r0, [sp, #56]
	mov	r0, #\kind
	mov	r1, sp
	bl	rt_exception
	ldr	r0, [sp, #56]
	msr	spsr_fsxc, r0
	ldr	lr, [sp, #60]
	ldmia	sp, {r0-r12}
	add	sp, sp, #64
	movs	pc, lr
	.endm

	EXC_ENTRY rst_entry, 0
	EXC_ENTRY und_entry, 1
	EXC_ENTRY svc_entry, 2
	EXC_ENTRY pabt_entry, 3
	EXC_ENTRY dabt_entry, 4
	EXC_ENTRY hyp_entry, 5
	EXC_ENTRY irq_entry, 6
	EXC_ENTRY fiq_entry, 7
