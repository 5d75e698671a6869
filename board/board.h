/*
 * A host board is data: where its RAM, UART, interrupt controller and
 * guest package are, and how to power it off.  One board/NAME/board.c
 * defines `board`; nothing outside board/ knows which one was built.
 */
#ifndef BOARD_BOARD_H
#define BOARD_BOARD_H

#include <stdint.h>
#include <stdbool.h>

#define IRQ_NONE	0xffffffffu

/* A host interrupt controller (board/drivers): IDs are the driver's. */
struct irqchip {
	void (*init)(const uint32_t pa[2]);
	void (*enable)(unsigned irq);
	void (*disable)(unsigned irq);
	unsigned (*ack)(void);		/* a pending enabled interrupt, or IRQ_NONE */
	void (*eoi)(unsigned irq);
};

struct board {
	const char *name;
	uint32_t ram_base, ram_size;	/* host RAM, unless the firmware says */
	uint32_t reserved_end;		/* RAM below this is the firmware's */
	uint32_t pkg_pa;		/* the guest package, unless the firmware says */
	bool atags;			/* the firmware may pass ATAGS (RAM, initrd) */
	uint32_t uart_pa;		/* PL011 */
	uint32_t uart_clk_hz;		/* 0: leave the baud rate as firmware set it */
	unsigned uart_irq;		/* its interrupt ID */
	unsigned timer_irq;		/* the physical timer's interrupt ID */
	const struct irqchip *irqchip;
	uint32_t irqchip_pa[2];		/* its register blocks */
	void (*init)(void);		/* pins, clocks; before the console (or NULL) */
	void (*poweroff)(void);		/* never returns */
};

extern const struct board board;

/* trapvisor was entered in HYP mode (and dropped to SVC): on virt with
 * virtualization=on the firmware interface (PSCI) is then SMC, not HVC. */
extern bool board_entered_in_hyp;

#endif
