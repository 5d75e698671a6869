/*
 * Board entry hooks for QEMU virt, called by arch/arm/boot.S with the MMU
 * off (position independent, no stack).
 *
 * board_park_secondary: cores other than core 0 (-smp > 1).  trapvisor
 * uses one core, so the others sleep with everything masked.
 * board_early: nothing to do; QEMU starts us in Non-secure SVC or HYP.
 */
	.syntax	unified
	.arm
	.section .text.boot, "ax"
	.global	board_park_secondary
board_park_secondary:
	cpsid	aif
1:	wfi
	b	1b

	.global	board_early
board_early:
	bx	lr
