/*
 * The benchmarks' own exception paths, as short as a real kernel's fast
 * paths, so that what is measured is the exception and not a C wrapper:
 *   - bench_entry: the ELF entry; notes the counters at the guest's very
 *     first instruction (the boot-time figure), then the runtime's _start;
 *   - bench_vectors: SVC and IRQ handled here, everything else goes to
 *     the runtime's vectors;
 *   - bench_user(fn): runs fn() in User mode and comes back.
 */
	.syntax	unified
	.arm

	.section .text.boot, "ax"
	.global	bench_entry
bench_entry:
	mrc	p15, 0, r4, c9, c13, 0		@ PMCCNTR
	mrrc	p15, 1, r5, r6, c14		@ CNTVCT
	ldr	r0, =bench_boot
	stmia	r0, {r4-r6}
	b	_start

	.data
	.global	bench_boot
bench_boot:					@ PMCCNTR, CNTVCT (lo, hi)
	.word	0, 0, 0

	.text
	.balign	32
	.global	bench_vectors
bench_vectors:
	b	rt_vectors + 0x00
	b	rt_vectors + 0x04
	b	svc_vec
	b	rt_vectors + 0x0c
	b	rt_vectors + 0x10
	b	rt_vectors + 0x14
	b	irq_vec
	b	rt_vectors + 0x1c

/*
 * SVC, by r7: 0 returns at once (the round-trip micro-benchmark), -1
 * leaves bench_user, anything else is a system call handled in C:
 * r0 = bench_syscall(r7, r0).
 */
svc_vec:
	cmp	r7, #0
	movseq	pc, lr
	cmn	r7, #1
	beq	user_exit
	push	{r1-r3, r12, lr}
	mov	r1, r0
	mov	r0, r7
	bl	bench_syscall
	pop	{r1-r3, r12, lr}
	movs	pc, lr

/* IRQ: the counter is read at the handler's second instruction, so
 * bench_irq(t) is told t - 2, the time of its first. */
irq_vec:
	str	r12, [sp, #-4]
	mrc	p15, 0, r12, c9, c13, 0
	sub	sp, sp, #4
	push	{r0-r3, lr}
	sub	r0, r12, #2
	bl	bench_irq
	pop	{r0-r3, lr}
	ldr	r12, [sp], #4
	subs	pc, lr, #4

/* void bench_user(void (*fn)(void)): fn runs in User mode on its own stack. */
	.global	bench_user
bench_user:
	push	{r4-r11, lr}
	cps	#0x1f				@ System: sets the User SP
	ldr	sp, =user_stack_top
	cps	#0x10				@ User
	blx	r0
	mvn	r7, #0
	svc	#0				@ back to SVC mode at user_exit
user_exit:
	pop	{r4-r11, pc}

	.bss
	.balign	8
	.space	4096
user_stack_top:
