/*
 * exc: instructions that take exceptions, at known labels (exc.c compares
 * LR against them), and the exception return forms.  All are called from
 * SVC mode and return in SVC mode.
 */
	.syntax	unified
	.arm
	.arch_extension sec
	.arch_extension virt
	.text

	.equ	NOWHERE, 0x0b000000
	.equ	FLAGS, 0xa0000000		/* N and C, GE clear: a known SPSR */

	.macro	FUNC name
	.global	\name
	.type	\name, %function
\name:
	.endm
	.macro	LABEL name
	.global	\name
\name:
	.endm

/* uint32_t exc_svc(void): SVC #0x123456 (exc.c's handler puts a result in r0) */
FUNC exc_svc
	push	{r4, lr}			/* the SVC overwrites LR_svc */
	mov	r0, #0
	msr	cpsr_fs, #FLAGS
LABEL exc_svc_insn
	svc	#0x123456
	pop	{r4, pc}

FUNC exc_udf
	msr	cpsr_fs, #FLAGS
LABEL exc_udf_insn
	udf	#0xbeef
	bx	lr

/* MRC from coprocessor 5, which does not exist */
FUNC exc_cop
	msr	cpsr_fs, #FLAGS
LABEL exc_cop_insn
	mrc	p5, 0, r0, c0, c0, 0
	bx	lr

FUNC exc_smc
	msr	cpsr_fs, #FLAGS
LABEL exc_smc_insn
	smc	#0
	bx	lr

FUNC exc_bkpt
	msr	cpsr_fs, #FLAGS
LABEL exc_bkpt_insn
	bkpt	#0x42
	bx	lr

/* uint32_t exc_load(uint32_t addr): r0 comes back unchanged if it aborts */
FUNC exc_load
	msr	cpsr_fs, #FLAGS
LABEL exc_load_insn
	ldr	r0, [r0]
	bx	lr

FUNC exc_store
	msr	cpsr_fs, #FLAGS
LABEL exc_store_insn
	str	r0, [r0]
	bx	lr

/* void exc_jump(uint32_t addr): BLX to addr; the abort handler resumes at 1: */
FUNC exc_jump
	push	{r4, lr}
	ldr	r1, =catch_resume
	adr	r2, 1f
	str	r2, [r1]
	msr	cpsr_fs, #FLAGS
	blx	r0
1:	pop	{r4, pc}

/*
 * uint32_t exc_unaligned(uint32_t addr): LDR from addr with SCTLR.A set
 * only around it (the handler may run C that is not alignment-clean).
 */
FUNC exc_unaligned
	mov	r1, r0
	ldr	r0, =0x0bad0bad
	mrc	p15, 0, r2, c1, c0, 0		/* SCTLR */
	orr	r3, r2, #2			/* A */
	mcr	p15, 0, r3, c1, c0, 0
	isb
	msr	cpsr_fs, #FLAGS
LABEL exc_unaligned_insn
	ldr	r0, [r1]
	mcr	p15, 0, r2, c1, c0, 0
	isb
	bx	lr
	.ltorg

/* LDRD needs word alignment whatever SCTLR.A says */
FUNC exc_ldrd
	mov	r1, r0
	push	{r4, r5}
	ldr	r4, =0x0bad0bad
	mov	r5, r4
	msr	cpsr_fs, #FLAGS
LABEL exc_ldrd_insn
	ldrd	r4, r5, [r1]
	mov	r0, r4
	pop	{r4, r5}
	bx	lr
	.ltorg

/*
 * void exc_user(void): to User mode with MOVS PC, LR, then an SVC, an
 * UNDEF, a data abort and a prefetch abort from there; SVC #2 asks exc.c's
 * handler to come back in SVC mode.
 */
FUNC exc_user
	push	{r4-r11, lr}
	ldr	r1, =(FLAGS | 0x10)		/* User, A, I, F clear */
	msr	spsr_fsxc, r1
	adr	lr, 1f
	movs	pc, lr
1:
LABEL exc_user_svc_insn
	svc	#1
LABEL exc_user_udf_insn
	udf	#7
	ldr	r0, =NOWHERE
LABEL exc_user_ldr_insn
	ldr	r0, [r0]
	ldr	r1, =catch_resume		/* User may write its own RAM */
	adr	r2, 2f
	str	r2, [r1]
	blx	r0
2:
LABEL exc_user_back_insn
	svc	#2
	pop	{r4-r11, pc}
	.ltorg

/*
 * Exception returns from SVC mode to System mode with flags Z and C:
 * uint32_t exc_ret_X(void) returns the CPSR read where it landed, or
 * 0xbad0000N if it landed off the mark.
 */
	.equ	SPSR_SYS, 0x600001df		/* Z, C, A I F masked, System */

	.macro	LAND
	b	9f				/* one instruction early */
8:	mrs	r0, cpsr			/* the mark */
	msr	cpsr_c, #0xd3			/* back to SVC: A unchanged */
	pop	{r4, pc}
9:	ldr	r0, =0xbad00001
	msr	cpsr_c, #0xd3
	pop	{r4, pc}
	.endm

	.macro	SET_SPSR val
	ldr	r1, =\val
	msr	spsr_fsxc, r1
	ldr	r0, =0xbad00002			/* what a landing past the mark returns */
	.endm

FUNC exc_ret_subs
	push	{r4, lr}
	SET_SPSR SPSR_SYS
	adr	lr, 8f + 4
	subs	pc, lr, #4
	LAND
	.ltorg

FUNC exc_ret_movs
	push	{r4, lr}
	SET_SPSR SPSR_SYS
	adr	lr, 8f
	movs	pc, lr
	LAND
	.ltorg

/* ERET at PL1 (not Hyp mode) is SUBS PC, LR, #0 */
FUNC exc_ret_eret
	push	{r4, lr}
	SET_SPSR SPSR_SYS
	adr	lr, 8f
	eret
	LAND
	.ltorg

/* LDM with PC and ^: CPSR := SPSR; r0 gets 0x1d1d1d1d on the way */
FUNC exc_ret_ldm
	push	{r4, lr}
	SET_SPSR SPSR_SYS
	adr	r1, 8f
	ldr	r0, =0x1d1d1d1d
	push	{r0, r1}
	mov	r0, #0
	ldmfd	sp!, {r0, pc}^
	LAND
	.ltorg

/* void exc_ret_ldm_r0(uint32_t *out): r0 as the LDM ^ above loads it, seen in SYS */
FUNC exc_ret_ldm_r0
	push	{r4, lr}
	mov	r4, r0
	SET_SPSR SPSR_SYS
	adr	r1, 1f
	ldr	r0, =0x1d1d1d1d
	push	{r0, r1}
	mov	r0, #0
	ldmfd	sp!, {r0, pc}^
1:	str	r0, [r4]
	msr	cpsr_c, #0xd3
	pop	{r4, pc}
	.ltorg

/*
 * uint32_t exc_ret_rfe(uint32_t out[2]): SRSDB SP!, #0x13 stores LR and
 * SPSR on the SVC stack (out gets what it stored), RFEIA SP! returns.
 */
FUNC exc_ret_rfe
	push	{r4, lr}
	mov	r4, r0
	SET_SPSR SPSR_SYS
	adr	lr, 8f
	srsdb	sp!, #0x13
	ldr	r1, [sp]
	ldr	r2, [sp, #4]
	adr	r3, 8f
	sub	r1, r1, r3			/* LR relative to the mark: 0 */
	stmia	r4, {r1, r2}
	rfeia	sp!
	LAND
	.ltorg

/*
 * void exc_srs_irq(uint32_t out[3]): SRSDB #0x12 (no writeback) from SVC
 * stores LR_svc and SPSR_svc below SP_irq: out gets the two words relative
 * to stack_irq_top and whether SP_irq moved.
 */
FUNC exc_srs_irq
	push	{r4, lr}
	ldr	r4, =stack_irq_top
	mov	r1, #0
	str	r1, [r4, #-8]
	str	r1, [r4, #-4]
	ldr	r1, =0x800f0150
	msr	spsr_fsxc, r1
	ldr	lr, =0x4c4c4c4c
	srsdb	sp, #0x12
	ldr	r1, [r4, #-8]
	ldr	r2, [r4, #-4]
	msr	cpsr_c, #0xd2			/* SP_irq: did SRS write it back? */
	mov	r3, sp
	msr	cpsr_c, #0xd3
	sub	r3, r3, r4
	stmia	r0, {r1-r3}
	pop	{r4, pc}
	.ltorg

/*
 * void exc_ret_thumb(void): MOVS PC, LR into Thumb code in System mode;
 * it makes a 16-bit SVC #3 that exc.c's handler turns into a return to
 * SVC mode at exc_ret_thumb_back.
 */
FUNC exc_ret_thumb
	push	{r4-r11, lr}
	ldr	r1, =(0x600001df | 0x20)	/* System, T */
	msr	spsr_fsxc, r1
	adr	lr, thumb_land
	movs	pc, lr
LABEL exc_ret_thumb_back
	pop	{r4-r11, pc}
	.ltorg

	.thumb
thumb_land:
	movs	r0, #3
LABEL exc_thumb_svc_insn
	svc	#3
	b	.				/* not reached */
	.arm

/*
 * void exc_user_regs(uint32_t out[4]): STM/LDM with ^ from SVC mode on
 * SP_usr and LR_usr: save them, load new ones, look at them from SYS mode,
 * restore.  out: new SP, new LR as SYS sees them; then restored SP and LR
 * relative to the saved ones (0, 0).
 */
FUNC exc_user_regs
	push	{r4-r11, lr}
	sub	sp, sp, #16
	stmia	sp, {r13, r14}^			/* saved SP_usr, LR_usr */
	ldr	r1, =0x5b5b0000
	ldr	r2, =0x1b1b0000
	add	r3, sp, #8
	stmia	r3, {r1, r2}
	ldmia	r3, {r13, r14}^
	nop					/* no banked access right after */
	msr	cpsr_c, #0xdf			/* SYS: the User registers */
	str	sp, [r0]
	str	lr, [r0, #4]
	msr	cpsr_c, #0xd3
	ldmia	sp, {r13, r14}^			/* restore */
	nop
	stmia	r3, {r13, r14}^
	nop
	ldmia	sp, {r1, r2}
	ldr	r4, [r3]
	sub	r4, r4, r1
	ldr	r5, [r3, #4]
	sub	r5, r5, r2
	str	r4, [r0, #8]
	str	r5, [r0, #12]
	add	sp, sp, #16
	pop	{r4-r11, pc}
	.ltorg

/*
 * void exc_fiq_user_regs(uint32_t out[10]): in FIQ mode, STM {r8-r12}
 * stores FIQ's own registers, STM {r8-r12}^ the User ones.
 */
FUNC exc_fiq_user_regs
	push	{r4-r11, lr}
	ldr	r8, =0x05e00008
	add	r9, r8, #1
	add	r10, r8, #2
	add	r11, r8, #3
	add	r12, r8, #4
	msr	cpsr_c, #0xd1			/* FIQ */
	ldr	r8, =0x0f100008
	add	r9, r8, #1
	add	r10, r8, #2
	add	r11, r8, #3
	add	r12, r8, #4
	stmia	r0, {r8-r12}
	add	r0, r0, #20
	stmia	r0, {r8-r12}^
	nop
	msr	cpsr_c, #0xd3
	pop	{r4-r11, pc}
	.ltorg
