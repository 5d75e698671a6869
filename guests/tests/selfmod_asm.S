/*
 * Own code with a literal that looks like an instruction: selfmod.c
 * declares all of this as code (cleans it to PoU, invalidates it from
 * the I-cache) and checks the literal comes back unchanged.
 */
	.syntax unified
	.arm
	.text
	.global selfmod_literal, selfmod_text_end
selfmod_literal:
	ldr	r0, 1f
	bx	lr
1:	.word	0xe10f0000		@ "mrs r0, cpsr", as data
selfmod_text_end:
