/*
 * misc: Thumb-2 code, entered and left by interworking branches.  Nothing
 * here is sensitive: it runs as it is under trapvisor.
 */
	.syntax	unified
	.thumb
	.text

/* uint32_t thumb_sumsq(uint32_t n): sum of i*i for i = 1..n, odd i doubled */
	.global	thumb_sumsq
	.type	thumb_sumsq, %function
	.thumb_func
thumb_sumsq:
	movs	r1, #0			/* sum */
	cbz	r0, 2f
1:	mul	r2, r0, r0
	tst	r0, #1
	it	ne
	lslne	r2, r2, #1
	add	r1, r1, r2
	subs	r0, r0, #1
	bne	1b
2:	mov	r0, r1
	bx	lr
	.size	thumb_sumsq, . - thumb_sumsq

/* uint32_t thumb_bits(uint32_t x): rbit(x) ^ (clz(x) << 24) ^ ubfx(x, 4, 12) */
	.global	thumb_bits
	.type	thumb_bits, %function
	.thumb_func
thumb_bits:
	rbit	r1, r0
	clz	r2, r0
	eor	r1, r1, r2, lsl #24
	ubfx	r2, r0, #4, #12
	eors	r0, r1, r2
	bx	lr
	.size	thumb_bits, . - thumb_bits

/* uint32_t thumb_apply(uint32_t (*fn)(uint32_t), uint32_t x): fn(x) + 1, fn in A32 */
	.global	thumb_apply
	.type	thumb_apply, %function
	.thumb_func
thumb_apply:
	push	{r4, lr}
	mov	r4, r0
	mov	r0, r1
	blx	r4
	adds	r0, r0, #1
	pop	{r4, pc}
	.size	thumb_apply, . - thumb_apply
