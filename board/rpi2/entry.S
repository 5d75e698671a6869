/*
 * Board entry hooks for the Pi, called by arch/arm/boot.S with the MMU
 * off (position independent, no stack).
 *
 * board_park_secondary: cores 1-3 of a Pi.  On the real board the firmware holds them in its
 * stub at 0x0-0xFF, which trapvisor never touches; QEMU -M raspi2b starts
 * an ELF on all four, and they come here.  Either way a core waits for
 * an address in its mailbox 3, as the firmware's stub does: here asleep
 * in WFI, woken by the mailbox interrupt (unmasked at the BCM2836 local
 * block, masked at the core, so WFI returns and nothing is taken).
 * trapvisor runs on core 0 alone and never writes a mailbox.
 */
	.syntax	unified
	.arm

	.arch_extension sec
	.equ	LOCAL_BASE, 0x40000000
	.equ	MBOX_INT_CTRL0, 0x50		@ + 4 * core: bit 3 = mailbox 3 IRQ
	.equ	MBOX3_RDCLR0, 0xcc		@ + 16 * core: read, write-1-to-clear

	.section .text.boot, "ax"
	.global	board_park_secondary
board_park_secondary:				@ r0: the core number (1-3)
	cpsid	aif
	ldr	r1, =LOCAL_BASE
	add	r2, r1, #MBOX_INT_CTRL0
	mov	r3, #(1 << 3)
	str	r3, [r2, r0, lsl #2]
	add	r2, r1, #MBOX3_RDCLR0
1:	wfi
	ldr	r3, [r2, r0, lsl #4]
	cmp	r3, #0
	beq	1b
	str	r3, [r2, r0, lsl #4]		@ clear it, then go there
	bx	r3
	.ltorg

/*
 * board_early (r12: the mode we were entered in; keeps r4-r12).  The
 * firmware enters in Non-secure HYP; QEMU -M raspi2b enters an ELF in
 * Secure SVC, a raw kernel in Non-secure SVC.  Secure SVC is left for
 * Non-secure SVC through Monitor mode, as the firmware's own stub does,
 * so that trapvisor always runs Non-secure, as on the board (and as
 * QEMU's checks for User mode expect: alignment, for one, follows the
 * Non-secure SCTLR).  Which state SVC is in, only a try tells: reading
 * SCR is UNDEFINED in Non-secure state.
 */
	.global	board_early
board_early:
	cmp	r12, #0x13			@ SVC?
	bxne	lr
	adr	r0, probe_vectors
	mcr	p15, 0, r0, c12, c0, 0		@ VBAR, for the try only
	isb
	mov	r1, #1
	mrc	p15, 0, r0, c1, c1, 0		@ SCR; Non-secure: probe_und, r1 = 0
	cmp	r1, #0
	bxeq	lr
	adr	r0, monitor_vectors
	mcr	p15, 0, r0, c12, c0, 1		@ MVBAR
	isb
	smc	#0				@ to monitor_smc, back in NS SVC
	bx	lr

	.balign	32
probe_vectors:
	b	.
	b	probe_und			@ 0x04: undefined instruction
	b	.
	b	.
	b	.
	b	.
	b	.
	b	.
probe_und:
	mov	r1, #0
	movs	pc, lr				@ past the MRC, back in SVC

	.balign	32
monitor_vectors:
	b	.
	b	.
	b	monitor_smc			@ 0x08: SMC
	b	.
	b	.
	b	.
	b	.
	b	.
monitor_smc:
	mrc	p15, 0, r3, c13, c0, 4		@ TPIDRPRW (Secure): the firmware's r2
	mov	r1, #0x31			@ SCR: NS, and A/F writable from NS
	mcr	p15, 0, r1, c1, c1, 0
	isb
	mcr	p15, 0, r3, c13, c0, 4		@ TPIDRPRW (Non-secure, now NS is set)
	ldr	r1, =0x00040c00			@ NSACR: VFP (cp10, cp11), ACTLR.SMP
	mcr	p15, 0, r1, c1, c1, 2
	movs	pc, lr				@ to SVC, now Non-secure
	.ltorg
