/*
 * Trap fast paths: see fastpath.h.  Entered from entry.S with
 *     sp = &vcpu->ctx, the guest's r0-r12 saved there (and still live),
 *     r0 = SPSR (the guest's hardware CPSR: User mode),
 *     lr = the exception's return address.
 * A fast path either finishes the trap and returns straight to the guest
 * (FAST_DONE), or branches to the full path (und_entry_full,
 * svc_entry_full) before it has changed anything, which then handles the
 * trap from the start.  What the full path does after every trap (the
 * scheduler's look, virtual interrupt delivery, the MMU view) is not
 * needed after these: they take no time slice, change no interrupt line,
 * and the ones that unmask an interrupt that is pending, or change the
 * guest's privilege with its MMU on, are left to the full path.
 *
 * Covered:
 *   UND, A32, virtual PL1:
 *     MRC/MCR of a plain shadow register (cp15_fast[], built from the
 *       cp15 table: no access function needs to run);
 *     a rewritten MRS CPSR, MSR CPSR_c, CPSIE/CPSID without a mode
 *       change, and an exception return to User mode (MOVS PC, LR and
 *       SUBS PC, LR, #imm), decoded at load time (rewrite_entry.fast);
 *   SVC from virtual User mode with the guest's MMU off: the guest's SVC
 *     exception, taken as TakeSVCException() would.
 */
#include "arch/arm/entry.h"
#include "arch/arm/fastpath.h"

	.arch armv7-a
	.syntax unified
	.arm
	.text

#define PSR_T		0x20
#define PSR_F		0x40
#define PSR_I		0x80
#define PSR_EXEC	0x0700fc20	/* IT, J, T: the execution state bits */
#define SCTLR_TE_EE	0x42000000
#define SCTLR_V		0x2000
#define C_SCTLR_OFF	(FP_CP15 + FP_C_SCTLR * 4)
#define C_VBAR_OFF	(FP_CP15 + FP_C_VBAR * 4)

/* ---- the end of every fast path: count the trap, return to the guest ---- */
.macro FAST_DONE class
	add	r4, sp, #(FP_TRAPS + 8 * \class)
	ldrd	r6, r7, [r4]
	adds	r6, r6, #1
	adc	r7, r7, #0
	strd	r6, r7, [r4]
	ldmia	sp, {r0-r12}
	movs	pc, lr
.endm
#define TRAP_CP15	0		/* hyp/stats.h, checked in fast_kind.c */
#define TRAP_PSR	2
#define TRAP_CPS	3
#define TRAP_ERET	5
#define TRAP_SVC	7

/* ---- Undefined Instruction ---------------------------------------------- */
	.global	und_fast
und_fast:
	tst	r0, #PSR_T
	bne	und_entry_full
	ldr	r1, [sp, #CTX_CPSR]		@ r1: the virtual CPSR
	tst	r1, #0xf			@ virtual User mode: the full path
	beq	und_entry_full
	ldr	r2, [lr, #-4]			@ r2: the instruction (just fetched: mapped)
	sub	r3, lr, #4
	str	r2, [sp, #FP_LAST_INFO]		@ last trap: the instruction, its PC
	str	r3, [sp, #FP_LAST_PC]
	mov	r3, #TRAP_ENTRY_UND
	str	r3, [sp, #FP_LAST_KIND]
	lsr	r3, r2, #24
	cmp	r3, #0xee			@ AL, coprocessor move: MRC/MCR?
	beq	fast_cp15
	cmp	r3, #0xe7			@ AL, media space: UDF?
	bne	und_entry_full
	and	r3, r2, #0xf0
	cmp	r3, #0xf0
	andeq	r3, r2, #0x00f00000
	cmpeq	r3, #0x00f00000
	beq	fast_udf
	b	und_entry_full

/* MRC/MCR p15, opc1, Rt, CRn, CRm, opc2 */
fast_cp15:
	and	r3, r2, #0xf10
	cmp	r3, #0xf10			@ p15, and bit 4: a register move
	bne	und_entry_full
	ubfx	r3, r2, #16, #4			@ CRn
	ubfx	r4, r2, #21, #3			@ opc1
	orr	r3, r4, r3, lsl #3
	and	r4, r2, #0xf			@ CRm
	orr	r3, r4, r3, lsl #4
	ubfx	r4, r2, #5, #3			@ opc2
	orr	r3, r4, r3, lsl #3		@ CP15_KEY14
	ldr	r4, =cp15_fast
	ldrb	r3, [r4, r3]
	ubfx	r5, r2, #12, #4			@ Rt
	cmp	r5, #13				@ SP, LR, PC: the full path
	bhs	und_entry_full
	add	r6, sp, #FP_CP15
	tst	r2, #(1 << 20)
	beq	1f
	tst	r3, #CP15_FAST_R		@ MRC
	beq	und_entry_full
	and	r3, r3, #CP15_FAST_SLOT
	ldr	r7, [r6, r3, lsl #2]
	str	r7, [sp, r5, lsl #2]
	FAST_DONE TRAP_CP15
1:	tst	r3, #CP15_FAST_W		@ MCR
	beq	und_entry_full
	and	r3, r3, #CP15_FAST_SLOT
	ldr	r7, [sp, r5, lsl #2]
	str	r7, [r6, r3, lsl #2]
	FAST_DONE TRAP_CP15

/*
 * UDF #i is the loader's if rewrite entry i says it put one at this very
 * place.  The entry's address is guest-physical: the PC itself while the
 * guest's MMU is off (udf_mmu_on otherwise).
 */
fast_udf:
	ubfx	r3, r2, #8, #12
	and	r4, r2, #0xf
	orr	r3, r4, r3, lsl #4		@ i = imm12:imm4
	ldr	r5, [sp, #FP_VM]		@ r5: struct vm *
	ldr	r6, [r5, #FP_VM_RT_COUNT]
	cmp	r3, r6
	bhs	und_entry_full
	ldr	r6, [r5, #FP_VM_RT_E]
	add	r6, r6, r3, lsl #4		@ r6: &rt.e[i], 16 bytes each
	sub	r8, lr, #4			@ r8: the guest-physical PC, MMU off
	ldrb	r7, [r5, #FP_VM_MMU_ON]
	cmp	r7, #0
	bne	udf_mmu_on
udf_check:
	ldr	r7, [r6, #FP_RT_ADDR]
	cmp	r7, r8
	bne	und_entry_full			@ the guest's own UDF
	ldr	r2, [r6, #FP_RT_FAST]		@ r2: rewrite_entry.fast
	ands	r3, r2, #0xf			@ r3: its kind (FAST_NONE for T32 entries)
	beq	und_entry_full
	ubfx	r4, r2, #8, #4			@ its condition
	cmp	r4, #0xe
	bne	fast_cond
fast_kind_go:
	cmp	r3, #FAST_KINDS
	ldrlo	pc, [pc, r3, lsl #2]
	b	und_entry_full
	.word	und_entry_full			@ FAST_NONE
	.word	fast_mrs
	.word	fast_msr_reg
	.word	fast_msr_imm
	.word	fast_cpsie
	.word	fast_cpsid
	.word	fast_eret

/* MMU on: the guest-physical PC from the host-physical one, which the
 * MMU itself gives (ATS1CPR: the shadow maps it, it was just fetched). */
udf_mmu_on:
	mcr	p15, 0, r8, c7, c8, 0		@ ATS1CPR
	isb
	mrc	p15, 0, r7, c7, c4, 0		@ PAR
	tst	r7, #3				@ a fault, or a supersection: the full path
	bne	und_entry_full
	bfc	r7, #0, #12
	bfi	r7, r8, #0, #12			@ host-physical PC
	ldr	r8, [r5, #FP_VM_RAM_PA]
	sub	r8, r7, r8
	add	r8, r8, #0x40000000		@ GUEST_RAM_BASE
	b	udf_check

/*
 * A conditional one: the guest's flags (SPSR) are put in trapvisor's own
 * CPSR and the condition is tested by a branch with that condition.  One
 * that fails does nothing (not even count), as in a32_emulate().
 */
fast_cond:
	msr	cpsr_f, r0
	add	pc, pc, r4, lsl #3
	nop
	.irp	c, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le
	b\c	fast_kind_go
	b	fast_cond_failed
	.endr
fast_cond_failed:
	ldmia	sp, {r0-r12}
	movs	pc, lr

/* MRS Rd, CPSR: the execution state bits read as zero */
fast_mrs:
	GUEST_CPSR r4, r1, r0, r3
	ldr	r3, =PSR_EXEC
	bic	r4, r4, r3
	ubfx	r5, r2, #4, #4
	str	r4, [sp, r5, lsl #2]
	FAST_DONE TRAP_PSR

/*
 * r1: the old virtual CPSR, r5: the new one.  One that unmasks I or F
 * while that line is up goes to the full path, which delivers it.
 */
.macro FAST_MASKS class
	bic	r6, r1, r5			@ the mask bits cleared
	tst	r6, #(PSR_I | PSR_F)
	bne	fast_unmask
	str	r5, [sp, #CTX_CPSR]
	FAST_DONE \class
.endm

/* MSR CPSR_c: I and F; a mode change goes to the full path */
fast_msr_imm:
	lsr	r4, r2, #12
	b	1f
fast_msr_reg:
	ubfx	r5, r2, #4, #4
	ldr	r4, [sp, r5, lsl #2]
1:	eor	r5, r4, r1
	tst	r5, #0x1f
	bne	und_entry_full
	bic	r5, r1, #(PSR_I | PSR_F)
	and	r4, r4, #(PSR_I | PSR_F)
	orr	r5, r5, r4
	FAST_MASKS TRAP_PSR

fast_cpsie:
	lsr	r4, r2, #12
	bic	r5, r1, r4
	FAST_MASKS TRAP_CPS
fast_cpsid:
	lsr	r4, r2, #12
	orr	r5, r1, r4
	FAST_MASKS TRAP_CPS

/*
 * To the full path when \bit of \reg says that interrupt is (to be)
 * unmasked (\skip: the branch taken when it is not) and its line, byte
 * \line of the struct vm in r7, is up: the full path delivers it.
 */
.macro FULL_IF_PENDING reg, bit, skip, line
	tst	\reg, #\bit
	\skip	1f
	ldrb	r8, [r7, #\line]
	cmp	r8, #0
	bne	und_entry_full
1:
.endm

/* Something unmasked (r6): with nothing pending on it, done here too. */
fast_unmask:
	ldr	r7, [sp, #FP_VM]
	FULL_IF_PENDING r6, PSR_I, beq, FP_VM_IRQ_OUT
	FULL_IF_PENDING r6, PSR_F, beq, FP_VM_FIQ_OUT
	str	r5, [sp, #CTX_CPSR]
	and	r3, r2, #0xf
	cmp	r3, #FAST_CPSIE			@ the class, by the kind
	bhs	3f
	FAST_DONE TRAP_PSR
3:	FAST_DONE TRAP_CPS

/*
 * Exception return to User mode: CPSR := SPSR_<mode>, PC := LR_<mode> -
 * imm.  The current mode's SP and LR are the hardware's User ones; they go
 * to the mode's bank and User's come back.  Not here: returns from FIQ
 * (r8-r12), to another privileged mode, to Thumb, with an interrupt to
 * deliver, or with the guest's MMU on (the PL0 view must be loaded).
 */
fast_eret:
	and	r3, r1, #0xf
	adr	r4, eret_bank
	ldrb	r3, [r4, r3]			@ bank of the current mode, 0xff: none here
	cmp	r3, #0xff
	beq	und_entry_full
	add	r4, sp, #FP_BANK
	add	r3, r3, r3, lsl #1
	add	r3, r4, r3, lsl #2		@ r3: &bank[current]
	ldr	r5, [r3, #8]			@ r5: SPSR, the CPSR to return to
	and	r6, r5, #0x1f
	cmp	r6, #0x10
	bne	und_entry_full
	ldr	r6, =PSR_EXEC
	tst	r5, r6
	bne	und_entry_full
	ldr	r7, [sp, #FP_VM]
	ldrb	r8, [r7, #FP_VM_MMU_ON]
	cmp	r8, #0
	bne	und_entry_full
	FULL_IF_PENDING r5, PSR_I, bne, FP_VM_IRQ_OUT
	FULL_IF_PENDING r5, PSR_F, bne, FP_VM_FIQ_OUT
	stmia	r3, {sp, lr}^			@ SP_<mode>, LR_<mode> to the bank
	ldr	r6, [r3, #4]
	sub	lr, r6, r2, lsr #12		@ the return address
	ldmia	r4, {sp, lr}^			@ bank[USR] (r4 is still &bank[0])
	nop					@ no banked access right after LDM ^
	str	r5, [sp, #CTX_CPSR]
	HW_SPSR r6, r5, r3
	msr	spsr_cxsf, r6
	FAST_DONE TRAP_ERET

/* Bank index by mode[3:0] for the modes fast_eret returns from. */
eret_bank:
	.byte	0xff, 0xff, 4, 1		@ USR, FIQ, IRQ (4), SVC (1)
	.byte	0xff, 0xff, 0xff, 2		@ -, -, MON, ABT (2)
	.byte	0xff, 0xff, 0xff, 3		@ -, -, HYP, UND (3)
	.byte	0xff, 0xff, 0xff, 0xff		@ -, -, -, SYS
	.balign	4

/* ---- Supervisor Call ------------------------------------------------------ */
/*
 * From virtual User mode, the guest's MMU off: TakeSVCException() on the
 * vCPU.  SPSR_svc := CPSR, LR_svc := the next instruction, mode SVC, I
 * masked, IT/J/T/E cleared, T and E from SCTLR (both 0 here, or the full
 * path), PC := the vector.
 */
	.global	svc_fast
svc_fast:
	ldr	r1, [sp, #CTX_CPSR]
	and	r2, r1, #0x1f
	cmp	r2, #0x10
	bne	svc_entry_full
	ldr	r5, [sp, #FP_VM]
	ldrb	r6, [r5, #FP_VM_MMU_ON]
	cmp	r6, #0
	bne	svc_entry_full
	ldr	r6, [sp, #C_SCTLR_OFF]
	tst	r6, #SCTLR_TE_EE
	bne	svc_entry_full
	str	lr, [sp, #FP_LAST_PC]
	mov	r2, #TRAP_ENTRY_SVC
	str	r2, [sp, #FP_LAST_KIND]
	tst	r6, #SCTLR_V
	ldreq	r8, [sp, #C_VBAR_OFF]
	movwne	r8, #0
	movtne	r8, #0xffff
	add	r8, r8, #8			@ r8: the SVC vector
	GUEST_CPSR r4, r1, r0, r3		@ r4: the full CPSR
	add	r9, sp, #FP_BANK
	stmia	r9, {sp, lr}^			@ bank[USR]: User's SP and LR
	str	r4, [r9, #(FP_BANK_SIZE + 8)]	@ bank[SVC].spsr
	str	lr, [r9, #(FP_BANK_SIZE + 4)]	@ LR_svc, loaded with SP_svc:
	add	r9, r9, #FP_BANK_SIZE
	ldmia	r9, {sp, lr}^			@ now the hardware User SP and LR
	nop
	ldr	r3, =(PSR_EXEC | 0x21f)		@ IT, J, T, E, mode
	bic	r4, r4, r3
	orr	r4, r4, #(0x13 | PSR_I)		@ SVC, IRQs masked
	str	r4, [sp, #CTX_CPSR]
	HW_SPSR r6, r4, r3
	msr	spsr_cxsf, r6
	mov	lr, r8
	FAST_DONE TRAP_SVC
	.ltorg
