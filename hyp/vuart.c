/*
 * Virtual PL011 UART (ARM DDI 0183), identical as a guest sees it to
 * QEMU 7.2's hw/char/pl011.c on -M virt.  The model follows QEMU rather
 * than the TRM wherever the two differ, because a guest must print and
 * read exactly as it does natively on QEMU.  The differences that matter:
 *
 *  - transmission is instantaneous: UARTFR.TXFE is always 1, TXFF and
 *    BUSY always 0; UARTCR.UARTEN/TXE/RXE are stored but not enforced;
 *  - TXRIS is set on every UARTDR write and only UARTICR clears it (it
 *    is 0 after power-on, where the TRM would have it set);
 *  - the receive trigger level is always 1 character whatever UARTIFLS
 *    says (QEMU disables the IFLS decoding so that Linux, which reads
 *    only on interrupt, sees every character): RXRIS is set when the
 *    FIFO count becomes exactly 1 and cleared when a DR read leaves it
 *    at 0; no receive timeout, no error or modem status interrupts;
 *  - the receive FIFO is a 16-slot ring whose slots are never cleared:
 *    a DR read with the FIFO empty returns the stale slot at the read
 *    position (0 if it was never written), and in 7.2 the read position
 *    advances through all 16 slots even with the FIFO disabled;
 *  - a write to UARTLCR_H that changes FEN empties the FIFO but, in 7.2,
 *    leaves UARTFR.RXFE/RXFF and RXRIS as they were;
 *  - no reset method: QEMU 7.2 sets these values once at creation, so a
 *    guest system reset does not reset the UART (the owner decides
 *    whether to call vuart_reset() then);
 *  - accesses of 1, 2 or 4 bytes reach the register handlers unchanged
 *    (pl011_ops has no .valid/.impl sizes in 7.2): the register is chosen
 *    by off >> 2, a write uses the low size bytes as the whole new value,
 *    a read returns the low size bytes of the register whatever byte lane
 *    was addressed.  So a byte store to any of DR's four bytes transmits
 *    it and a byte load from any of them pops the FIFO.
 */
#include <stddef.h>
#include "hyp/vuart.h"
#include "hyp/mmio.h"
#include "board/drivers/pl011.h"

#define PAGE_SIZE	0x1000u

/* The receive trigger level QEMU actually uses, for every UARTIFLS value */
#define RX_TRIGGER	1u

/* PL011 r1p3 identification as QEMU presents it: UARTPeriphID0-3, UARTPCellID0-3 */
static const uint8_t pl011_id[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

static void note(struct vuart *u, enum vuart_notice what, uint32_t off)
{
	if (what != VUART_DMA_UNIMP)
		u->bad_accesses++;
	if (u->notice)
		u->notice(u->owner, what, off);
}

void vuart_reset(struct vuart *u)
{
	/* what QEMU 7.2's pl011_init() sets on a zeroed device; all else is 0 */
	u->st = (struct vuart_state){
		.fr = FR_TXFE | FR_RXFE,
		.cr = 0x300,		/* TXE | RXE */
		.ifls = 0x12,		/* both FIFO levels at 1/2 */
	};
}

static unsigned fifo_depth(const struct vuart_state *s)
{
	return (s->lcr_h & LCR_H_FEN) ? VUART_FIFO_DEPTH : 1;
}

bool vuart_rx_room(const struct vuart *u)
{
	return u->st.rx_count < fifo_depth(&u->st);	/* pl011_can_receive */
}

bool vuart_irq_line(const struct vuart *u)
{
	return (u->st.ris & u->st.imsc & INT_ALL) != 0;	/* pl011_update, IRQ 0 */
}

/* pl011_put_fifo: callers have checked there is room. */
static void rx_put(struct vuart_state *s, uint32_t dr)
{
	s->rx_fifo[(s->rx_pos + s->rx_count) % VUART_FIFO_DEPTH] = dr;
	s->rx_count++;
	s->fr &= ~FR_RXFE;
	/* 7.2 tests the mode, not the depth: one character fills a disabled FIFO */
	if (!(s->lcr_h & LCR_H_FEN) || s->rx_count == VUART_FIFO_DEPTH)
		s->fr |= FR_RXFF;
	/* equality, not >=: a RXRIS cleared by UARTICR stays clear until the FIFO refills from empty */
	if (s->rx_count == RX_TRIGGER)
		s->ris |= INT_RX;
}

bool vuart_rx(struct vuart *u, uint8_t c)
{
	if (!vuart_rx_room(u)) {
		u->rx_refused++;
		return false;
	}
	rx_put(&u->st, c);
	u->rx_bytes++;
	return true;
}

/*
 * QEMU queues a break (DR with BE set and data 0) without asking whether
 * the FIFO has room, which can corrupt its ring; here the break waits for
 * room like a character, which is what a guest would see from a break
 * sent while it keeps up.
 */
bool vuart_rx_break(struct vuart *u)
{
	if (!vuart_rx_room(u)) {
		u->rx_refused++;
		return false;
	}
	rx_put(&u->st, DR_BE);
	return true;
}

/* UARTDR read (pl011_read, case UARTDR) */
static uint32_t dr_read(struct vuart_state *s)
{
	uint32_t c;

	s->fr &= ~FR_RXFF;
	c = s->rx_fifo[s->rx_pos];	/* stale when empty, as in QEMU */
	if (s->rx_count > 0) {
		s->rx_count--;
		/* 7.2 walks all 16 slots even with the FIFO disabled */
		s->rx_pos = (s->rx_pos + 1) % VUART_FIFO_DEPTH;
	}
	if (s->rx_count == 0)
		s->fr |= FR_RXFE;
	if (s->rx_count == RX_TRIGGER - 1)
		s->ris &= ~INT_RX;
	s->rsr = c >> 8;		/* FE/PE/BE/OE of this character, even a stale one */
	return c;
}

static uint32_t reg_read(struct vuart *u, uint32_t off)
{
	struct vuart_state *s = &u->st;
	uint32_t reg = off & ~3u;

	if (reg >= UARTPERIPHID0 && reg <= UARTPCELLID3)
		return pl011_id[(reg - UARTPERIPHID0) / 4];
	switch (reg) {
	case UARTDR:	return dr_read(s);
	case UARTRSR:	return s->rsr;
	case UARTFR:	return s->fr;
	case UARTILPR:	return s->ilpr;
	case UARTIBRD:	return s->ibrd;
	case UARTFBRD:	return s->fbrd;
	case UARTLCR_H:	return s->lcr_h;
	case UARTCR:	return s->cr;
	case UARTIFLS:	return s->ifls;
	case UARTIMSC:	return s->imsc;
	case UARTRIS:	return s->ris;
	case UARTMIS:	return s->ris & s->imsc;
	case UARTDMACR:	return s->dmacr;
	default:
		/* reserved, test registers and the write-only UARTICR */
		note(u, VUART_BAD_READ, off);
		return 0;
	}
}

static void lcr_h_write(struct vuart *u, uint32_t v)
{
	struct vuart_state *s = &u->st;

	/*
	 * Changing FEN empties the receive FIFO (the characters in it are
	 * lost).  QEMU 7.2 resets only the count and position: UARTFR keeps
	 * its RXFE/RXFF until the next character or DR read, and RXRIS stays.
	 * BRK only asks the host serial line for a break: nothing to see.
	 */
	if ((s->lcr_h ^ v) & LCR_H_FEN) {
		u->rx_dropped += s->rx_count;
		s->rx_count = 0;
		s->rx_pos = 0;
	}
	s->lcr_h = v;
}

static void reg_write(struct vuart *u, uint32_t off, uint32_t v)
{
	struct vuart_state *s = &u->st;

	switch (off & ~3u) {
	case UARTDR:
		/* sent at once, whatever UARTCR says; TXRIS on every byte */
		u->tx_bytes++;
		if (u->tx)
			u->tx(u->owner, (uint8_t)v);
		s->ris |= INT_TX;
		break;
	case UARTRSR:	s->rsr = 0; break;	/* UARTECR: any value clears */
	case UARTFR:	break;			/* read-only, ignored without complaint */
	case UARTILPR:	s->ilpr = v; break;
	case UARTIBRD:	s->ibrd = v; break;	/* 7.2 keeps all 32 bits */
	case UARTFBRD:	s->fbrd = v; break;
	case UARTLCR_H:	lcr_h_write(u, v); break;
	case UARTCR:	s->cr = v; break;
	case UARTIFLS:	s->ifls = v; break;	/* no effect on the trigger */
	case UARTIMSC:	s->imsc = v; break;
	case UARTICR:	s->ris &= ~v; break;
	case UARTDMACR:
		s->dmacr = v;
		if (v & DMACR_RXTX)
			note(u, VUART_DMA_UNIMP, off);
		break;
	default:
		/* reserved, UARTRIS, UARTMIS and the identification registers */
		note(u, VUART_BAD_WRITE, off);
		break;
	}
}

int vuart_access(struct vuart *u, uint32_t off, unsigned size, int write, uint32_t *val)
{
	uint32_t mask;

	/*
	 * QEMU's memory core refuses a misaligned access to the region
	 * (pl011_ops does not allow unaligned ones) and the CPU takes a
	 * synchronous external abort; the other cases cannot come from an
	 * A32 or T32 load or store that hit this page.
	 */
	if ((size != 1 && size != 2 && size != 4) || (off & (size - 1)) ||
	    off >= PAGE_SIZE) {
		note(u, VUART_BAD_ACCESS, off);
		if (!write)
			*val = 0;
		return VUART_FSR_EXT;
	}
	mask = mmio_size_mask(size);
	if (write)
		reg_write(u, off, *val & mask);
	else
		*val = reg_read(u, off) & mask;
	return 0;
}
