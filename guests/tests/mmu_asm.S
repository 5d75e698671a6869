/*
 * mmu: what has to be assembly: one access made in User mode, and a call
 * into code that may not be executable.  Called from SVC mode; they return
 * in SVC mode.
 */
	.syntax	unified
	.arm
	.text

	.equ	USR_MASKED, 0x1d0		/* User mode, A, I and F masked */

	.macro	FUNC name
	.global	\name
	.type	\name, %function
\name:
	.endm

/*
 * uint32_t mmu_user_ldr(uint32_t va): LDR r0, [r0] in User mode, then
 * SVC #0, which mmu.c's handler returns from in SVC mode.  If the load
 * aborts, the abort handler resumes at the SVC and r0 is still va.
 */
FUNC mmu_user_ldr
	push	{r4, lr}			/* the SVC overwrites LR_svc */
	mov	r1, #USR_MASKED
	msr	spsr_fsxc, r1
	adr	lr, 1f
	movs	pc, lr
1:	ldr	r0, [r0]
	svc	#0
	pop	{r4, pc}

/* void mmu_user_str(uint32_t va, uint32_t v): STR r1, [r0] in User mode */
FUNC mmu_user_str
	push	{r4, lr}
	mov	r2, #USR_MASKED
	msr	spsr_fsxc, r2
	adr	lr, 1f
	movs	pc, lr
1:	str	r1, [r0]
	svc	#0
	pop	{r4, pc}

/*
 * uint32_t mmu_call(uint32_t va): BLX to va (a BX LR there); 1 if it came
 * back, 0 if the fetch aborted: returning past the faulting instruction
 * would fault again, so catch.c resumes at 2: through catch_resume.
 */
FUNC mmu_call
	push	{r4, lr}
	ldr	r4, =catch_resume
	adr	r1, 2f
	str	r1, [r4]
	blx	r0
	mov	r0, #0
	str	r0, [r4]			/* returned: nothing to resume */
	mov	r0, #1
	pop	{r4, pc}
2:	mov	r0, #0
	pop	{r4, pc}

/* reached through the high vector page mmu_space.c builds: counts, then
 * takes the exception through the ordinary (VBAR) vector */
	.macro	HIVEC name, offset
FUNC \name
	push	{r0, r1}
	ldr	r0, =hivec_hits
	ldr	r1, [r0]
	add	r1, r1, #1
	str	r1, [r0]
	pop	{r0, r1}
	b	rt_vectors + \offset
	.endm
	HIVEC	hivec_und, 0x04
	HIVEC	hivec_dabt, 0x10
	.ltorg

	.data
	.global	hivec_hits
hivec_hits:
	.word	0
