/*
 * Virtual PL011 UART (ARM DDI 0183), behaving as a guest sees QEMU 7.2's
 * hw/char/pl011.c on -M virt: the UART at 0x09000000 whose combined
 * interrupt UARTINTR is SPI 1, INTID 33.
 *
 * Self-contained (no other trapvisor header) so that the host tests build
 * it as is.  The owner:
 *   - sets tx, owner (and optionally notice), then calls vuart_reset();
 *   - forwards every guest access to the 4 KiB page to vuart_access();
 *   - feeds typed input with vuart_rx(), keeping a refused byte and
 *     offering it again once vuart_rx_room() says so (QEMU's chardev does
 *     the same through pl011_can_receive: input waits, it is never lost);
 *   - after each access or input, drives the interrupt line from
 *     vuart_irq_line().
 */
#ifndef HYP_VUART_H
#define HYP_VUART_H

#include <stdbool.h>
#include <stdint.h>

#define VUART_FIFO_DEPTH	16	/* receive FIFO entries with UARTLCR_H.FEN */
#define VUART_FSR_EXT		0x008	/* DFSR: synchronous external abort */

/* Things QEMU reports with -d guest_errors / -d unimp; the guest sees no effect. */
enum vuart_notice {
	VUART_BAD_READ,		/* read of an offset with no readable register: reads 0 */
	VUART_BAD_WRITE,	/* write to an offset with no writable register: ignored */
	VUART_BAD_ACCESS,	/* misaligned access or size not 1/2/4: external abort */
	VUART_DMA_UNIMP,	/* UARTDMACR.RXDMAE/TXDMAE set: there is no DMA behind */
};

/* What the guest can observe; vuart_reset() sets it to the power-on state. */
struct vuart_state {
	/*
	 * UARTFR.  QEMU keeps the flags as state updated on FIFO events rather
	 * than deriving them from the FIFO, and a guest can tell the
	 * difference (see the LCR_H write), so they are kept the same way.
	 */
	uint32_t fr;
	uint32_t rsr;		/* UARTRSR: error bits of the last DR read */
	uint32_t ilpr, ibrd, fbrd, lcr_h, cr, ifls, dmacr;	/* as written */
	uint32_t imsc;		/* UARTIMSC */
	uint32_t ris;		/* UARTRIS: only RXRIS and TXRIS are ever set */
	/* receive FIFO: DR values (data in 7:0, FE/PE/BE/OE in 11:8) */
	uint32_t rx_fifo[VUART_FIFO_DEPTH];
	unsigned rx_pos, rx_count;
};

struct vuart {
	struct vuart_state st;
	void (*tx)(void *owner, uint8_t c);	/* each byte the guest transmits */
	void (*notice)(void *owner, enum vuart_notice what, uint32_t off);	/* may be NULL */
	void *owner;
	/* accounting, not guest-visible; vuart_reset() keeps it */
	uint64_t tx_bytes;	/* DR writes */
	uint64_t rx_bytes;	/* characters accepted by vuart_rx() */
	uint64_t rx_dropped;	/* accepted characters discarded unread by a FIFO reset */
	uint64_t rx_refused;	/* vuart_rx() calls refused because the FIFO was full */
	uint64_t bad_accesses;	/* VUART_BAD_READ/WRITE/ACCESS events */
};

/* Power-on state; keeps tx, notice, owner and the accounting. */
void vuart_reset(struct vuart *u);
/*
 * One guest access: off is the offset in the 4 KiB page, size 1, 2 or 4,
 * *val the value written (low size bytes used) or read (zero-extended).
 * Returns 0, or VUART_FSR_EXT for a misaligned access, an offset outside
 * the page or an impossible size, where QEMU's memory core refuses it.
 */
int vuart_access(struct vuart *u, uint32_t off, unsigned size, int write, uint32_t *val);
/* A byte typed at the console for this VM; false if the receive FIFO is full. */
bool vuart_rx(struct vuart *u, uint8_t c);
/* A break condition on the line (QEMU: CHR_EVENT_BREAK); false if the FIFO is full. */
bool vuart_rx_break(struct vuart *u);
bool vuart_rx_room(const struct vuart *u);
/* UARTINTR level: UARTRIS & UARTIMSC != 0 */
bool vuart_irq_line(const struct vuart *u);

#endif
