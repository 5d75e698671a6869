/*
 * psr: the mode switching sequences, in assembly so that nothing but the
 * instructions under test runs while in another mode.  Every routine is
 * called from SVC mode and returns in SVC mode.
 */
	.syntax	unified
	.arm
	.arch_extension virt
	.text

	.equ	MASKS, 0xc0			/* I and F: keep them masked */

/* Modes visited, in this order, by psr_banks; index = position */
	.macro	EACH_MODE m
	\m	0x13, 0
	\m	0x12, 1
	\m	0x17, 2
	\m	0x1b, 3
	\m	0x11, 4
	\m	0x1f, 5
	.endm

/*
 * void psr_banks(uint32_t out[6][4]): per mode: CPSR read in that mode, SP,
 * then LR and SPSR read back after all modes were given different ones.
 */
	.macro	SET_BANK mode, i
	msr	cpsr_c, #(\mode | MASKS)
	mrs	r1, cpsr
	str	r1, [r0, #(\i * 16)]
	str	sp, [r0, #(\i * 16 + 4)]
	ldr	lr, =(0x1e000000 + (\mode << 8) + \i)
	.if	\mode != 0x1f			/* no SPSR in System mode */
	ldr	r1, =(((\i + 1) << 28) | (\i << 16) | 0x1d0)
	msr	spsr_fsxc, r1
	.endif
	.endm
	.macro	GET_BANK mode, i
	msr	cpsr_c, #(\mode | MASKS)
	str	lr, [r0, #(\i * 16 + 8)]
	.if	\mode != 0x1f
	mrs	r1, spsr
	.else
	mov	r1, #0
	.endif
	str	r1, [r0, #(\i * 16 + 12)]
	.endm

	.global	psr_banks
psr_banks:
	push	{r4, lr}
	msr	cpsr_fs, #0x90000000		/* N, V; GE clear */
	EACH_MODE SET_BANK
	EACH_MODE GET_BANK
	msr	cpsr_c, #(0x13 | MASKS)
	pop	{r4, pc}
	.ltorg

/*
 * void psr_fiq_regs(uint32_t out[10]): r8-r12 set in SVC and in FIQ mode,
 * then read back in SVC mode and in FIQ mode.
 */
	.global	psr_fiq_regs
psr_fiq_regs:
	push	{r4-r11, lr}
	ldr	r8, =0x5c000008
	add	r9, r8, #1
	add	r10, r8, #2
	add	r11, r8, #3
	add	r12, r8, #4
	msr	cpsr_c, #(0x11 | MASKS)		/* FIQ: its own r8-r12 */
	ldr	r8, =0xf1000008
	add	r9, r8, #1
	add	r10, r8, #2
	add	r11, r8, #3
	add	r12, r8, #4
	msr	cpsr_c, #(0x13 | MASKS)
	stmia	r0!, {r8-r12}
	msr	cpsr_c, #(0x11 | MASKS)
	stmia	r0!, {r8-r12}
	msr	cpsr_c, #(0x13 | MASKS)
	pop	{r4-r11, pc}
	.ltorg

/*
 * void psr_flags(uint32_t out[6]): MSR CPSR_f/_s/_fs and APSR forms, each
 * followed by MRS CPSR.
 */
	.global	psr_flags
psr_flags:
	msr	cpsr_fs, #0			/* NZCVQ and GE clear */
	mrs	r1, cpsr
	str	r1, [r0], #4
	msr	cpsr_f, #0xff000000		/* NZCVQ; IT/J are not written by MSR */
	mrs	r1, cpsr
	str	r1, [r0], #4
	msr	cpsr_s, #0x000f0000		/* GE[3:0] */
	mrs	r1, cpsr
	str	r1, [r0], #4
	ldr	r2, =0x50050000
	msr	APSR_nzcvqg, r2
	mrs	r1, cpsr
	str	r1, [r0], #4
	ldr	r2, =0x300001d3			/* every field: same mode and masks */
	msr	cpsr_fsxc, r2
	mrs	r1, cpsr
	str	r1, [r0], #4
	msr	cpsr_fs, #0
	mrs	r1, cpsr
	str	r1, [r0], #4
	bx	lr
	.ltorg

/*
 * void psr_spsr_fields(uint32_t out[6]): SPSR_svc written a field at a time.
 */
	.global	psr_spsr_fields
psr_spsr_fields:
	mov	r2, #0
	msr	spsr_fsxc, r2
	mrs	r1, spsr
	str	r1, [r0], #4
	mov	r2, #0xdf
	msr	spsr_c, r2
	mrs	r1, spsr
	str	r1, [r0], #4
	ldr	r2, =0xffff0200			/* only bits 15:8 are taken */
	msr	spsr_x, r2
	mrs	r1, spsr
	str	r1, [r0], #4
	ldr	r2, =0x000f0000
	msr	spsr_s, r2
	mrs	r1, spsr
	str	r1, [r0], #4
	msr	spsr_f, #0xf8000000
	mrs	r1, spsr
	str	r1, [r0], #4
	ldr	r2, =0x1d3
	msr	spsr_fsxc, r2
	mrs	r1, spsr
	str	r1, [r0], #4
	bx	lr
	.ltorg

/*
 * void psr_cps(uint32_t out[8]): CPS forms, MRS CPSR after each.  Starts
 * from SVC with A, I, F masked; no interrupt source is set up, so
 * unmasking takes nothing.
 */
	.global	psr_cps
psr_cps:
	msr	cpsr_fs, #0x20000000		/* C */
	cpsie	i
	mrs	r1, cpsr
	str	r1, [r0], #4
	cpsie	af
	mrs	r1, cpsr
	str	r1, [r0], #4
	cpsid	f
	mrs	r1, cpsr
	str	r1, [r0], #4
	cpsid	aif
	mrs	r1, cpsr
	str	r1, [r0], #4
	cps	#0x1f				/* System: same stack-less code */
	mrs	r1, cpsr
	str	r1, [r0], #4
	cpsie	if, #0x1b			/* Undefined, I and F clear */
	mrs	r1, cpsr
	str	r1, [r0], #4
	cpsid	if, #0x13			/* back to SVC, masked */
	mrs	r1, cpsr
	str	r1, [r0], #4
	cpsie	a
	cpsid	a
	mrs	r1, cpsr
	str	r1, [r0], #4
	bx	lr

/*
 * void psr_cond(uint32_t out[5]): conditional MRS and MSR with Z set: the
 * NE ones must do nothing, the EQ ones must run.
 */
	.global	psr_cond
psr_cond:
	push	{r4, lr}
	mrs	r4, spsr			/* keep SPSR_svc */
	ldr	r2, =0x100001d3
	msr	spsr_fsxc, r2
	msr	cpsr_fs, #0x40000000		/* Z */
	mov	r1, #0x5a
	mrsne	r1, cpsr			/* not executed */
	str	r1, [r0], #4
	msrne	cpsr_c, #0xdf			/* not executed: still SVC */
	mrs	r1, cpsr
	str	r1, [r0], #4
	mov	r3, #0x10
	msrne	spsr_fsxc, r3			/* not executed */
	mrsne	r1, spsr			/* not executed */
	mrseq	r1, spsr			/* executed */
	str	r1, [r0], #4
	mov	r1, #0xa5
	mrseq	r1, cpsr			/* executed */
	str	r1, [r0], #4
	msreq	cpsr_f, #0x80000000		/* executed: N, Z clear */
	mrs	r1, cpsr
	str	r1, [r0], #4
	msr	spsr_fsxc, r4
	pop	{r4, pc}
	.ltorg

/*
 * void psr_user(uint32_t out[5]): to User mode with MSR CPSR_c, try the
 * privileged forms there, come back with SVC #0x10 (psr.c's handler
 * returns to SVC mode).
 */
	.global	psr_user
psr_user:
	push	{r4-r11, lr}			/* LR_svc: the SVC overwrites it */
	msr	cpsr_fs, #0x40000000		/* Z */
	msr	cpsr_c, #0x10			/* User, I and F clear */
	mrs	r1, cpsr
	str	r1, [r0], #4
	str	sp, [r0], #4			/* SP_usr = SP_sys */
	msr	cpsr_c, #0xd3			/* at PL0 only APSR is written */
	mrs	r1, cpsr
	str	r1, [r0], #4
	cpsid	if				/* a NOP at PL0 */
	ldr	r2, =0x80000013
	msr	cpsr_fsxc, r2			/* only the flags are taken */
	mrs	r1, cpsr
	str	r1, [r0], #4
	svc	#0x10
	mrs	r1, cpsr
	str	r1, [r0], #4
	pop	{r4-r11, pc}
	.ltorg

/*
 * Banked register access (Virtualization Extensions encodings); QEMU's
 * cortex-a15 has no EL2 on virt, so each may be UNDEFINED: psr.c catches.
 * uint32_t psr_banked_N(void) returns what was read (0xb0b0b0b0 if nothing).
 */
	.macro	BANKED name, insn
	.global	\name, \name\()_insn
\name:
	ldr	r0, =0xb0b0b0b0
	msr	cpsr_fs, #0x20000000
\name\()_insn:
	\insn
	bx	lr
	.endm
	BANKED	psr_mrs_sp_usr, "mrs r0, sp_usr"
	BANKED	psr_mrs_lr_irq, "mrs r0, lr_irq"
	BANKED	psr_mrs_spsr_abt, "mrs r0, spsr_abt"
	BANKED	psr_mrs_r8_fiq, "mrs r0, r8_fiq"
	BANKED	psr_msr_spsr_irq, "msr spsr_irq, r0"
	BANKED	psr_msr_lr_abt, "msr lr_abt, r0"
	.ltorg
