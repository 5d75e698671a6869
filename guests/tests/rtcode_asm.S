/*
 * rtcode: the only code rtcode.c copies from its own .text instead of
 * assembling it (copied_from_text()).  Never called where it is; both
 * routines are position independent: void f(uint32_t io[]).
 */
	.syntax	unified
	.arch	armv7-a
	.text

/* io[0] = CPSR, io[1] = CPSR in System mode */
	.arm
	.global	rtcode_text_a32, rtcode_text_a32_end
rtcode_text_a32:
	mrs	r1, cpsr
	cps	#0x1f
	mrs	r2, cpsr
	cps	#0x13
	str	r1, [r0]
	str	r2, [r0, #4]
	bx	lr
rtcode_text_a32_end:

/* io[0] = CPSR, io[1] = CPSR with IRQs unmasked (nothing is pending) */
	.thumb
	.balign	4
	.global	rtcode_text_t32, rtcode_text_t32_end
rtcode_text_t32:			@ a plain label: its address has bit 0 clear
	mrs	r1, cpsr
	cpsie	i
	mrs	r2, cpsr
	cpsid	i
	str	r1, [r0]
	str	r2, [r0, #4]
	bx	lr
rtcode_text_t32_end:
