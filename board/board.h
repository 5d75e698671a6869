/*
 * A host board is data: where its RAM, UART, interrupt controller and
 * guest package are, and how to power it off.  One board/NAME/board.c
 * defines `board`; nothing outside board/ knows which one was built.
 */
#ifndef BOARD_BOARD_H
#define BOARD_BOARD_H

#include <stdint.h>
#include <stdbool.h>

struct board {
	const char *name;
	uint32_t ram_base, ram_size;	/* host RAM */
	uint32_t pkg_pa;		/* where the guest package is loaded */
	uint32_t uart_pa;		/* PL011 */
	uint32_t uart_clk_hz;		/* 0: leave the baud rate as firmware set it */
	unsigned uart_irq;		/* its interrupt ID */
	unsigned timer_irq;		/* the non-secure physical timer's interrupt ID */
	uint32_t gicd_pa, gicc_pa;	/* GICv2; 0 if the board has none */
	void (*poweroff)(void);		/* never returns */
};

extern const struct board board;

/* trapvisor was entered in HYP mode (and dropped to SVC): on virt with
 * virtualization=on the firmware interface (PSCI) is then SMC, not HVC. */
extern bool board_entered_in_hyp;

#endif
