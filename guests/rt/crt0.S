/*
 * Guest entry.  QEMU (and trapvisor) start us at e_entry in SVC mode with
 * A, I and F masked, MMU and caches off.  Give every mode a stack, point
 * VBAR at our vectors, clear .bss, run main() and power off through PSCI.
 */
	.syntax	unified
	.arm

	.equ	STACK_EXC, 0x2000	/* each exception mode: handlers call printf */
	.equ	STACK_SVC, 0x4000	/* main() runs in SVC mode */
	.equ	STACK_SYS, 0x2000	/* shared by SYS and USR */

	.section .text.boot, "ax"
	.global	_start
	.type	_start, %function
_start:
	/* CPS changes only the mode: A, I and F stay masked as at entry */
	cps	#0x12			/* IRQ */
	ldr	sp, =stack_irq_top
	cps	#0x17			/* ABT */
	ldr	sp, =stack_abt_top
	cps	#0x1b			/* UND */
	ldr	sp, =stack_und_top
	cps	#0x11			/* FIQ */
	ldr	sp, =stack_fiq_top
	cps	#0x1f			/* SYS, and so USR */
	ldr	sp, =stack_sys_top
	cps	#0x13			/* back to SVC */
	ldr	sp, =stack_svc_top

	ldr	r0, =rt_vectors
	mcr	p15, 0, r0, c12, c0, 0	/* VBAR */
	isb

	/* .bss: whatever loaded us (or a SYSTEM_RESET) need not have cleared it */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	bl	rt_init
	bl	__libc_init_array	/* C constructors, newlib's exit hooks */
	mov	r0, #0
	mov	r1, #0
	bl	main
	bl	exit			/* newlib: atexit hooks, then _exit -> SYSTEM_OFF */
	b	.
	.size	_start, . - _start
	.ltorg

	/* Stacks: NOBITS, after .bss in the image (guest.ld), 8-byte aligned */
	.section .stack, "aw", %nobits
	.balign	8
	.space	STACK_EXC
	.global	stack_irq_top
stack_irq_top:
	.space	STACK_EXC
	.global	stack_abt_top
stack_abt_top:
	.space	STACK_EXC
	.global	stack_und_top
stack_und_top:
	.space	STACK_EXC
	.global	stack_fiq_top
stack_fiq_top:
	.space	STACK_SYS
	.global	stack_sys_top
stack_sys_top:
	.space	STACK_SVC
	.global	stack_svc_top
stack_svc_top:
