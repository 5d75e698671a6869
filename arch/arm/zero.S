/*
 * void mem_zero(void *p, size_t n): zeroes a VM's RAM before it is
 * loaded.  p 8-byte aligned, n a multiple of 128 (RAM comes in MiB).
 * Eight registers per store: a quarter of newlib's memset instructions,
 * which is most of trapvisor's boot time (see docs/BENCHMARKS.md).
 */
	.syntax	unified
	.arm
	.text
	.global	mem_zero
mem_zero:
	push	{r4-r9}
	mov	r2, #0
	mov	r3, #0
	mov	r4, #0
	mov	r5, #0
	mov	r6, #0
	mov	r7, #0
	mov	r8, #0
	mov	r9, #0
1:	subs	r1, r1, #128
	stmiahs	r0!, {r2-r9}
	stmiahs	r0!, {r2-r9}
	stmiahs	r0!, {r2-r9}
	stmiahs	r0!, {r2-r9}
	bhi	1b
	pop	{r4-r9}
	bx	lr
