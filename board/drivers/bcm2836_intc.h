/*
 * The Raspberry Pi 2/3 interrupt controllers, as one: the BCM2836 ARM
 * local block (per-core timer and mailbox interrupts, and a line from the
 * GPU's controller) and the BCM2835 "legacy" controller behind that line
 * (the peripherals: UART, ...).  There is no GIC on this host.
 *
 * Interrupt IDs: 0-31 are bits of core 0's local IRQ source register
 * (1: the physical timer, secure or non-secure, whichever state trapvisor
 * runs in), 32 + n is GPU interrupt n (0-63; the PL011 is 57, so 89).
 */
#ifndef BOARD_DRIVERS_BCM2836_INTC_H
#define BOARD_DRIVERS_BCM2836_INTC_H

#include "board/board.h"

#define BCM_IRQ_TIMER		1
#define BCM_IRQ_GPU(n)		(32 + (n))

/* pa[0]: the legacy controller (0x3F00B200), pa[1]: the local block */
extern const struct irqchip bcm2836_irqchip;

#endif
