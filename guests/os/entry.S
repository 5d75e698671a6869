/*
 * Boot, vector table and the one trap path of the OS kernel.
 *
 * The kernel runs in SVC mode with IRQs masked the whole time (every
 * exception masks I on entry), so it is never interrupted and needs a
 * single kernel stack: each entry from a User-mode task pushes a
 * struct frame (os.h) at the same place at the top of that stack, the C
 * handler may replace the frame's contents with another task's context,
 * and trap_return resumes whatever the frame then holds.
 */
	.syntax	unified
	.arm

	.equ	MODE_IRQ, 0x12
	.equ	MODE_SVC, 0x13
	.equ	MODE_UND, 0x1b
	.equ	FRAME_REGS, 64		/* r0-r12, sp, lr, pad; SRS adds pc, cpsr */

	.section .text.boot, "ax"
	.global	_start
	.type	_start, %function
_start:
	/* UND only ever runs fault_common, which never returns; ABT needs
	 * no stack: aborts are handled on SVC mode's, as IRQs are */
	cps	#MODE_UND
	ldr	sp, =fault_stack_top
	/* IRQ mode needs no stack: irq_entry saves straight onto SVC's */
	cps	#MODE_SVC
	ldr	sp, =kstack_top

	ldr	r0, =os_vectors
	mcr	p15, 0, r0, c12, c0, 0	/* VBAR */
	isb

	ldr	r0, =__bss_start	/* .bss is not in the image: clear it */
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	/* kernel_main fills this frame with the first task's context */
	sub	sp, sp, #(FRAME_REGS + 8)
	mov	r0, sp
	bl	kernel_main
	b	trap_return
	.ltorg

	.section .text.vectors, "ax"
	.balign	32			/* VBAR bits [4:0] are reserved */
os_vectors:
	b	fault_reset
	b	fault_und
	b	svc_entry
	b	pabt_entry
	b	dabt_entry
	b	fault_hyp
	b	irq_entry
	b	fault_fiq

	/* SVC from a task: LR_svc is already the return address */
svc_entry:
	srsdb	sp!, #MODE_SVC		/* push pc, cpsr of the task */
	sub	sp, sp, #FRAME_REGS
	stmia	sp, {r0-r14}^		/* the User-mode registers */
	mov	r0, sp
	bl	kernel_svc
	b	trap_return

	/* IRQ (only ever taken from User mode): handled on the SVC stack */
irq_entry:
	sub	lr, lr, #4		/* LR_irq is the interrupted pc + 4 */
	srsdb	sp!, #MODE_SVC		/* onto SVC mode's stack, not IRQ's */
	cps	#MODE_SVC
	sub	sp, sp, #FRAME_REGS
	stmia	sp, {r0-r14}^
	mov	r0, sp
	bl	kernel_irq
	b	trap_return

	/* aborts: a task that faults is killed (kernel_abort), so they save
	 * its frame exactly as an IRQ does, on SVC mode's stack */
	.macro	ABORT_ENTRY name, lr_offset, kind
\name:
	sub	lr, lr, #\lr_offset	/* back to the faulting instruction */
	srsdb	sp!, #MODE_SVC
	cps	#MODE_SVC
	sub	sp, sp, #FRAME_REGS
	stmia	sp, {r0-r14}^
	mov	r0, sp
	mov	r1, #\kind
	bl	kernel_abort		/* kills the task, picks the next */
	b	trap_return
	.endm
	ABORT_ENTRY pabt_entry, 4, 3	/* LR_abt is the faulting pc + 4 */
	ABORT_ENTRY dabt_entry, 8, 4	/* LR_abt is the faulting pc + 8 */

	.global	trap_return
trap_return:
	ldmia	sp, {r0-r14}^		/* User registers of (maybe another) task */
	nop				/* no banked access right after LDM ^ */
	add	sp, sp, #FRAME_REGS
	rfeia	sp!			/* pc, cpsr: back to User mode */

	/* anything else is a bug in a task or in the kernel: report, power off */
fault_reset:	mov	r0, #0
		b	fault_common
fault_und:	mov	r0, #1
		b	fault_common
fault_hyp:	mov	r0, #5
		b	fault_common
fault_fiq:	mov	r0, #7
fault_common:
	ldr	sp, =fault_stack_top	/* FIQ/reset have no stack of their own */
	mov	r1, lr
	mrs	r2, spsr
	bl	kernel_fault		/* does not return */
	b	.
	.ltorg

	.section .bss.stacks, "aw", %nobits
	.balign	8
	.space	0x2000
kstack_top:
	.space	0x800
fault_stack_top:
