/*
 * thumb: the privileged instructions in their T32 encodings, at labels
 * thumb.c compares LRs against.  Everything here is Thumb-2; each
 * function is called from SVC mode (thumb.c, itself Thumb) and returns
 * in SVC mode.
 */
	.syntax	unified
	.arch	armv7-a
	.arch_extension sec
	.arch_extension virt
	.fpu	vfpv3-d16
	.thumb
	.text

	.equ	FLAGS, 0xa0000000		/* N and C, GE clear: a known SPSR */

	.macro	FUNC name
	.global	\name
	.type	\name, %function
	.thumb_func
\name:
	.endm
	/* a plain label: its address is the instruction's (bit 0 clear) */
	.macro	LABEL name
	.global	\name
\name:
	.endm

/*
 * void thumb_modes(uint32_t out[6][4]): CPS.W to IRQ, ABT, UND, FIQ, SYS,
 * then MSR CPSR_c back to SVC; in each, MRS CPSR, SP, LR, MRS SPSR (0 in
 * SYS, which has none).
 */
	.macro	IN_MODE mode, spsr=1
	cps	#\mode
	mrs	r1, cpsr
	mov	r2, sp
	mov	r3, lr
	.if \spsr
	mrs	r4, spsr
	.else
	movs	r4, #0
	.endif
	stmia	r0!, {r1-r4}
	.endm

FUNC thumb_modes
	push	{r4-r7, lr}
	mrs	r7, cpsr
	IN_MODE	0x12
	IN_MODE	0x17
	IN_MODE	0x1b
	IN_MODE	0x11
	IN_MODE	0x1f, 0
	msr	cpsr_c, r7			/* back to SVC */
	mrs	r1, cpsr
	mov	r2, sp
	mov	r3, lr
	mrs	r4, spsr
	stmia	r0!, {r1-r4}
	pop	{r4-r7, pc}

/* void thumb_cps(uint32_t out[5]): 16-bit CPSIE/CPSID, then CPSIE.W/CPSID.W */
FUNC thumb_cps
	cpsie	if
	mrs	r1, cpsr
	cpsid	f
	mrs	r2, cpsr
	cpsie.w	a
	mrs	r3, cpsr
	cpsid.w	aif
	stmia	r0!, {r1-r3}
	mrs	r1, cpsr
	str	r1, [r0]
	bx	lr

/* void thumb_vfp(uint32_t out[6]): VMRS/VMSR of FPEXC, FPSID, MVFR0/1 */
FUNC thumb_vfp
	push	{r4, lr}
	mrc	p15, 0, r4, c1, c0, 2		/* CPACR */
	orr	r1, r4, #0x00f00000		/* cp10, cp11: full access */
	mcr	p15, 0, r1, c1, c0, 2
	isb
	vmrs	r1, fpexc
	str	r1, [r0, #0]
	mov	r1, #0x40000000			/* EN */
	vmsr	fpexc, r1
	vmrs	r1, fpexc
	str	r1, [r0, #4]
	vmrs	r1, fpsid
	vmrs	r2, mvfr0
	vmrs	r3, mvfr1
	strd	r1, r2, [r0, #8]
	str	r3, [r0, #16]
	movs	r1, #0
	vmsr	fpexc, r1
	vmrs	r1, fpexc
	str	r1, [r0, #20]
	mcr	p15, 0, r4, c1, c0, 2
	isb
	pop	{r4, pc}

/* WFI and WFE, 16- and 32-bit; a WFI in an IT block whose condition holds */
FUNC thumb_wfi16
	dsb
	wfi
	bx	lr
FUNC thumb_wfi32
	dsb
	wfi.w
	bx	lr
FUNC thumb_wfi_it
	dsb
	cmp	r0, r0
	it	eq
	wfieq
	bx	lr
FUNC thumb_wfe
	wfe
	wfe.w
	bx	lr

/*
 * uint32_t thumb_irq_it(uint32_t cpsr): in an IT block, an MSR CPSR_c
 * that unmasks IRQs while one is pending (the timer's, left by
 * thumb.c): the IRQ is taken right after it, inside the block, and the
 * block's last instruction must still run when the handler returns.
 * Returns 1 if it did.
 */
FUNC thumb_irq_it
	push	{r4, r5, lr}
	movs	r5, #0
	cmp	r0, r0
	itt	eq
	msreq	cpsr_c, r0
LABEL thumb_irq_it_last
	moveq	r5, #1
	cpsid	i
	mov	r0, r5
	pop	{r4, r5, pc}

/* 300 16-bit CPS: more 16-bit UDFs than their 8-bit immediate tells apart */
FUNC thumb_many_cps
	.rept	150
	cpsie	f
	cpsid	f
	.endr
	bx	lr

/* void thumb_ldrt(uint32_t w[2]): LDRT/STRT, LDRBT/STRHT in T32 ([Rn, #imm8]) */
FUNC thumb_ldrt
	ldrt	r1, [r0, #4]
	strt	r1, [r0]
	ldrbt	r2, [r0, #1]
	strht	r2, [r0, #6]
	bx	lr

/* int32_t thumb_hvc(uint32_t fn): PSCI over HVC from Thumb */
FUNC thumb_hvc
	hvc	#0
	bx	lr

/* Flags and GE bits known: MSR APSR_nzcvqg is not sensitive (User mode has it) */
	.macro	SET_FLAGS
	mov	r3, #FLAGS
	msr	APSR_nzcvqg, r3
	.endm

/* SVC #0x42 from Thumb, to the runtime's A32 vectors */
FUNC thumb_svc
	push	{r4, lr}
	SET_FLAGS
LABEL thumb_svc_insn
	svc	#0x42
	pop	{r4, pc}

/* 16-bit UDF: LR_und is the next instruction, where the handler returns */
FUNC thumb_udf16
	SET_FLAGS
LABEL thumb_udf16_insn
	udf	#1
	bx	lr

/* 32-bit undefined instructions: LR_und is the second halfword, so the
 * handler resumes at catch_resume, the next instruction */
	.macro	UNDEF32 name, insn
FUNC \name
	ldr	r1, =catch_resume
	adr	r2, 1f
	str	r2, [r1]
	SET_FLAGS
LABEL \name\()_insn
	\insn
1:	bx	lr
	.endm

	UNDEF32	thumb_udf32, "udf.w #2"
	UNDEF32	thumb_smc, "smc #0"
	UNDEF32	thumb_mrs_banked, "mrs r0, sp_irq"
	UNDEF32	thumb_mrc_undef, "mrc p15, 0, r0, c4, c0, 0"
	.ltorg

/*
 * void thumb_it(uint32_t out[12]): sensitive instructions in IT blocks.
 * Each block mixes them with ordinary instructions whose condition is the
 * opposite, so an ITSTATE not advanced after an emulated one would show:
 * the next instruction would run with the wrong condition.  r6 is the
 * CPSR with F cleared, for MSR CPSR_c.
 */
FUNC thumb_it
	push	{r4-r7, lr}
	mrs	r6, cpsr
	bic	r6, r6, #0x40
	mov	r1, #0x11
	mov	r2, #0x22
	mov	r5, #0x55
	mov	r7, #0x77
	/* Z set: the EQ ones run */
	cmp	r0, r0
	itete	eq
	mrseq	r1, cpsr
	movne	r5, #5
	mcreq	p15, 0, r6, c13, c0, 4		/* TPIDRPRW: traps by itself */
	movne	r7, #7
	mrc	p15, 0, r2, c13, c0, 4
	stmia	r0!, {r1, r2, r5, r7}
	/* Z clear: the EQ ones do nothing, the NE ones run */
	mov	r1, #0x11
	mov	r2, #0x22
	mov	r4, #1
	cmp	r4, #0
	itete	eq
	mrseq	r1, cpsr
	movne	r5, #0x5a
	msreq	cpsr_c, r6
	movne	r7, #0x7a
	mrs	r2, cpsr			/* F still set */
	stmia	r0!, {r1, r2, r5, r7}
	/* Z clear, four sensitive ones in a row: NE, EQ, NE, EQ */
	mov	r1, #0x11
	mov	r2, #0x22
	mov	r5, #0x55
	cmp	r4, #0
	itete	ne
	mrsne	r1, cpsr
	mrseq	r2, cpsr
	msrne	cpsr_c, r6			/* F cleared */
	mrceq	p15, 0, r5, c1, c0, 0
	mrs	r7, cpsr
	stmia	r0!, {r1, r2, r5, r7}
	cpsid	f
	pop	{r4-r7, pc}

/*
 * void thumb_te(uint32_t log[8]): exceptions taken in Thumb (SCTLR.TE) to
 * the Thumb vectors below: an SVC, whose handler returns with SUBS PC,
 * LR, #0 in an IT block, and a UDF, whose handler saves LR and SPSR with
 * SRSDB and returns with RFEIA.  log: for each, CPSR, SPSR and LR in the
 * handler; then SCTLR.TE as read in the handler.
 */
FUNC thumb_te
	push	{r4-r7, lr}
	ldr	r1, =te_log
	str	r0, [r1]
	mrc	p15, 0, r4, c12, c0, 0		/* VBAR */
	mrc	p15, 0, r5, c1, c0, 0		/* SCTLR */
	ldr	r1, =thumb_vectors
	mcr	p15, 0, r1, c12, c0, 0
	orr	r1, r5, #0x40000000		/* TE */
	mcr	p15, 0, r1, c1, c0, 0
	isb
	SET_FLAGS
LABEL te_svc_insn
	svc	#7
LABEL te_udf_insn
	udf	#3
	mcr	p15, 0, r5, c1, c0, 0
	mcr	p15, 0, r4, c12, c0, 0
	isb
	pop	{r4-r7, pc}

	.balign	32				/* VBAR[4:0] are reserved */
thumb_vectors:
	b.w	te_bad				/* reset */
	b.w	te_und
	b.w	te_svc
	b.w	te_bad				/* prefetch abort */
	b.w	te_bad				/* data abort */
	b.w	te_bad
	b.w	te_bad				/* IRQ */
	b.w	te_bad				/* FIQ */

/* SVC mode, Thumb: the caller's frame is above SP */
te_svc:
	push	{r0-r3}
	ldr	r0, =te_log
	ldr	r0, [r0]
	mrs	r1, cpsr
	mrs	r2, spsr
	mov	r3, lr
	stmia	r0!, {r1-r3}
	pop	{r0-r3}
	cmp	r0, r0
	it	eq
	subseq	pc, lr, #0			/* ERET, last in its IT block */

/* UND mode, Thumb: LR and SPSR to the UND stack, back from there */
te_und:
	srsdb	sp!, #0x1b
	push	{r0-r3}
	ldr	r0, =te_log
	ldr	r0, [r0]
	adds	r0, r0, #12
	mrs	r1, cpsr
	mrs	r2, spsr
	ldr	r3, [sp, #16]			/* the LR SRS stored */
	stmia	r0!, {r1-r3}
	mrc	p15, 0, r1, c1, c0, 0
	lsrs	r1, r1, #30
	str	r1, [r0]
	pop	{r0-r3}
	rfeia	sp!

/* Anything else: say so and power off, rather than loop */
te_bad:
	ldr	r0, =0x84000008			/* PSCI SYSTEM_OFF */
	hvc	#0
	b	te_bad
	.ltorg

/* void thumb_ldm(uint32_t addr, uint32_t out[4]): LDM and LDRD from addr */
FUNC thumb_ldm
	push	{r4, lr}
	ldmia	r0, {r2, r3}
	ldrd	r4, r12, [r0]
	stmia	r1!, {r2, r3, r4}
	str	r12, [r1]
	pop	{r4, pc}

	.bss
	.balign	4
te_log:	.space	4
