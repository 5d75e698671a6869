/*
 * trapvisor entry.  Runs at the physical load address with the MMU off,
 * so everything up to the jump to high_start is position independent.
 *
 *   0. keep r2 (the firmware's ATAGS or device tree) in TPIDRPRW, which
 *      is trapvisor's own; send every core but core 0 to the board's
 *      parking place (QEMU starts an ELF on all of a Pi's four cores);
 *      let the board do what must come first (board_early: the Pi
 *      leaves the Secure state QEMU starts it in);
 *   1. come down from HYP to SVC if the firmware left us in HYP (Pi);
 *   2. if loaded elsewhere than linked for (QEMU's raw kernel at 0x10000
 *      on a Pi), copy the image to its place and go on from there;
 *   3. invalidate caches and TLBs (real silicon boots with garbage there);
 *   4. build a boot translation table: trapvisor's 16 MiB at HYP_VA, plus
 *      an identity map of the section we are executing from;
 *   5. MMU and caches on, jump to HYP_VA, set the stacks, zero .bss, C.
 */
#include "arch/arm/layout.h"
#include "arch/arm/mmu_bits.h"

	.arch armv7-a
	.arch_extension virt
	.arch_extension sec
	.syntax unified
	.arm

	.section .text.boot, "ax"
	.global _start
_start:
	cpsid	aif
	mov	r0, #1				@ PMCR.E, PMCNTENSET.C: the cycle
	mcr	p15, 0, r0, c9, c12, 0		@ counter runs from the first
	mov	r0, #0x80000000			@ instruction (the boot-time
	mcr	p15, 0, r0, c9, c12, 1		@ benchmark; VMs with pmu=yes)
	mcr	p15, 0, r2, c13, c0, 4		@ TPIDRPRW: r2 for hyp_main
	mrc	p15, 0, r0, c0, c0, 5		@ MPIDR
	ands	r0, r0, #0xff			@ Aff0: the core in its cluster
	bne	board_park_secondary		@ board/NAME/entry.S, never returns
	mrs	r12, cpsr
	and	r12, r12, #0x1f			@ r12: the mode we were entered in
	bl	board_early			@ board/NAME/entry.S
	cmp	r12, #0x1a			@ HYP?
	bne	in_svc

	/* In HYP: set what only HYP can, then return to SVC. */
	mov	r0, #0
	mov	r1, #0
	mcrr	p15, 4, r0, r1, c14		@ CNTVOFF = 0: virtual count == physical
	mov	r0, #3
	mcr	p15, 4, r0, c14, c1, 0		@ CNTHCTL: PL1 may use the physical timer
	mov	r0, #0
	mcr	p15, 4, r0, c1, c1, 0		@ HCR: no traps to HYP
	mcr	p15, 4, r0, c1, c1, 3		@ HSTR
	movw	r0, #0x33ff
	mcr	p15, 4, r0, c1, c1, 2		@ HCPTR: cp10/cp11 not trapped
	adr	r0, in_svc
	msr	elr_hyp, r0
	mov	r0, #0x1d3			@ SVC, A/I/F masked
	msr	spsr_cxsf, r0			@ (SPSR_hyp: the banked form is UNPREDICTABLE in Hyp)
	eret

in_svc:
	adr	r10, _start			@ where we really are (PA)
	ldr	r0, =_start_pa			@ where we belong
	cmp	r10, r0
	bne	relocate
	ldr	r11, =_start			@ where we are linked (VA)
	sub	r11, r10, r11			@ r11 = PA - VA
	mrc	p15, 0, r9, c1, c0, 0		@ SCTLR as the firmware left it

	bic	r0, r9, #SCTLR_M
	bic	r0, r0, #SCTLR_C
	bic	r0, r0, #SCTLR_I
	mcr	p15, 0, r0, c1, c0, 0
	isb
	bl	dcache_inval_all
	mov	r0, #0
	mcr	p15, 0, r0, c7, c5, 0		@ ICIALLU
	mcr	p15, 0, r0, c7, c5, 6		@ BPIALL
	mcr	p15, 0, r0, c8, c7, 0		@ TLBIALL
	dsb
	isb

	/* Boot table at boot_l1 (its PA = VA + r11): clear it first. */
	ldr	r4, =boot_l1
	add	r4, r4, r11
	mov	r0, r4
	add	r1, r4, #0x4000
	mov	r2, #0
1:	str	r2, [r0], #4
	cmp	r0, r1
	blo	1b

	/* Identity section for the code running now. */
	lsr	r5, r10, #20
	lsl	r0, r5, #20
	ldr	r1, =SECT_HYP
	orr	r0, r0, r1
	str	r0, [r4, r5, lsl #2]

	/* HYP_VA .. HYP_VA + HYP_SIZE -> our sections. */
	ldr	r6, =HYP_VA
	lsr	r6, r6, #20			@ first index
	lsl	r0, r5, #20			@ PA of our first section
	orr	r0, r0, r1
	mov	r2, #(HYP_SIZE >> 20)
2:	str	r0, [r4, r6, lsl #2]
	add	r0, r0, #SECTION_SIZE
	add	r6, r6, #1
	subs	r2, r2, #1
	bne	2b

	mov	r0, #0
	mcr	p15, 0, r0, c2, c0, 2		@ TTBCR: TTBR0 covers everything
	mcr	p15, 0, r0, c13, c0, 1		@ CONTEXTIDR: ASID 0
	ldr	r0, =0x55555555
	mcr	p15, 0, r0, c3, c0, 0		@ DACR: every domain client
	orr	r0, r4, #TTBR_WBWA
	mcr	p15, 0, r0, c2, c0, 0		@ TTBR0
	isb
	mrc	p15, 0, r0, c1, c0, 0
	ldr	r1, =(SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_Z)
	orr	r0, r0, r1
	ldr	r1, =(SCTLR_A | SCTLR_V | SCTLR_TRE | SCTLR_AFE | SCTLR_TE)
	bic	r0, r0, r1
	mcr	p15, 0, r0, c1, c0, 0
	isb
	ldr	pc, =high_start

/*
 * Copy the image (up to __load_end) from r10 to r0, caches off, and go on
 * at in_svc there.  The copy loop must not overwrite itself, so it goes
 * through a scratch place above both ranges: there first, running the
 * second copy from there.
 */
	.macro	COPY from, to, bytes		@ word by word; clobbers r3, r6
	mov	r6, \bytes
9:	ldr	r3, [\from], #4
	str	r3, [\to], #4
	subs	r6, r6, #4
	bne	9b
	.endm
relocate:
	mrc	p15, 0, r1, c1, c0, 0
	bic	r1, r1, #(SCTLR_C | SCTLR_M)
	mcr	p15, 0, r1, c1, c0, 0		@ data cache off: copy to memory
	isb
	ldr	r1, =__load_end
	ldr	r2, =_start
	sub	r2, r1, r2			@ bytes to copy (a multiple of 4)
	cmp	r10, r0
	movhi	r4, r10
	movls	r4, r0
	add	r4, r4, r2
	add	r4, r4, #0x1000
	bic	r4, r4, #0xff
	bic	r4, r4, #0xf00			@ r4: scratch, 4 KiB aligned, above both
	mov	r1, r10
	mov	r5, r4
	COPY	r1, r5, r2
	adr	r1, relocate_from_scratch
	sub	r1, r1, r10			@ its offset in the image
	add	r1, r4, r1
	bx	r1
relocate_from_scratch:				@ running at r4 now
	mov	r1, r4
	mov	r5, r0
	COPY	r1, r5, r2
	mov	r1, #0
	mcr	p15, 0, r1, c7, c5, 0		@ ICIALLU: new code at the new place
	dsb
	isb
	adr	r1, in_svc
	sub	r1, r1, r4			@ its offset in the image
	add	r0, r0, r1
	bx	r0
	.ltorg

/*
 * Invalidate the whole data cache by set/way (ARM ARM B2.2.7).  Real
 * Cortex-A7/A15 power up with random cache contents; QEMU has no caches.
 * Uses only r0-r8 and no memory: runs with the MMU off.
 */
dcache_inval_all:
	mrc	p15, 1, r0, c0, c0, 1		@ CLIDR
	ands	r3, r0, #0x07000000		@ LoC
	lsr	r3, r3, #23			@ LoC * 2
	beq	5f
	mov	r8, #0				@ level * 2
1:	add	r2, r8, r8, lsr #1		@ level * 3
	lsr	r1, r0, r2
	and	r1, r1, #7			@ cache type at this level
	cmp	r1, #2
	blt	4f				@ no data cache here
	mcr	p15, 2, r8, c0, c0, 0		@ CSSELR
	isb
	mrc	p15, 1, r1, c0, c0, 0		@ CCSIDR
	and	r2, r1, #7
	add	r2, r2, #4			@ log2(line bytes)
	movw	r4, #0x3ff
	ands	r4, r4, r1, lsr #3		@ max way
	clz	r5, r4				@ way shift
	movw	r7, #0x7fff
	ands	r7, r7, r1, lsr #13		@ max set
2:	mov	r6, r4				@ way
3:	orr	r1, r8, r6, lsl r5
	orr	r1, r1, r7, lsl r2
	mcr	p15, 0, r1, c7, c6, 2		@ DCISW
	subs	r6, r6, #1
	bge	3b
	subs	r7, r7, #1
	bge	2b
4:	add	r8, r8, #2
	cmp	r3, r8
	bgt	1b
5:	dsb
	isb
	bx	lr
	.ltorg

	.text
high_start:
	/* Exception modes point at the boot vCPU's frame until a VM runs. */
	ldr	r0, =boot_vcpu + 4
	cps	#0x17
	mov	sp, r0
	cps	#0x1b
	mov	sp, r0
	cps	#0x12
	mov	sp, r0
	cps	#0x11
	mov	sp, r0
	cps	#0x13
	ldr	sp, =svc_stack_top
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR
	isb

	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	mov	r0, r11				@ PA - VA
	mov	r1, r12				@ boot mode
	bl	hyp_main
	b	.

	.section .pgtbl, "aw", %nobits
	.align	14
	.global boot_l1
boot_l1:
	.space	0x4000

	.section .stack, "aw", %nobits
	.align	4
	.space	0x4000
	.global svc_stack_top
svc_stack_top:
	.space	0x1000
	.global fault_stack_top
fault_stack_top:
