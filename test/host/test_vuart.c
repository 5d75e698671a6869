/*
 * The virtual PL011, checked against values worked out by hand from the
 * PL011 TRM (ARM DDI 0183) register descriptions and from what QEMU 7.2's
 * hw/char/pl011.c does where it departs from the TRM (trigger level 1,
 * TXRIS on every write, stale FIFO slots, LCR_H.FEN leaving UARTFR alone).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "hyp/vuart.h"

/* Offsets, TRM table 3-1 */
enum { DR = 0x000, RSR = 0x004, FR = 0x018, ILPR = 0x020, IBRD = 0x024, FBRD = 0x028,
       LCR_H = 0x02c, CR = 0x030, IFLS = 0x034, IMSC = 0x038, RIS = 0x03c, MIS = 0x040,
       ICR = 0x044, DMACR = 0x048 };

/* UARTFR values the guest should read */
#define FR_IDLE		0x90	/* TXFE | RXFE */
#define FR_DATA		0x80	/* TXFE: some data, not full */
#define FR_FULL		0xc0	/* TXFE | RXFF */

#define FEN_8BIT	0x70	/* LCR_H: WLEN = 8 bits, FEN */
#define NOFEN_8BIT	0x60	/* LCR_H: WLEN = 8 bits */

static struct vuart u;
static int owner_tag;
static uint8_t txbuf[64];
static unsigned txlen;
static struct { enum vuart_notice what; uint32_t off; } notes[16];
static unsigned nnotes;

static void tx_cb(void *owner, uint8_t c)
{
	assert_ptr_equal(owner, &owner_tag);
	assert_true(txlen < sizeof(txbuf));
	txbuf[txlen++] = c;
}

static void notice_cb(void *owner, enum vuart_notice what, uint32_t off)
{
	assert_ptr_equal(owner, &owner_tag);
	assert_true(nnotes < 16);
	notes[nnotes].what = what;
	notes[nnotes++].off = off;
}

static int setup(void **state)
{
	(void)state;
	memset(&u, 0x5a, sizeof(u));		/* reset must not rely on a zeroed struct */
	u.tx = tx_cb;
	u.notice = notice_cb;
	u.owner = &owner_tag;
	u.tx_bytes = u.rx_bytes = u.rx_dropped = u.rx_refused = u.bad_accesses = 0;
	vuart_reset(&u);
	txlen = 0;
	nnotes = 0;
	return 0;
}

static uint32_t acc(uint32_t off, unsigned size, int write, uint32_t v)
{
	assert_int_equal(vuart_access(&u, off, size, write, &v), 0);
	return v;
}

static uint32_t rd(uint32_t off) { return acc(off, 4, 0, 0xdeadbeef); }
static void wr(uint32_t off, uint32_t v) { acc(off, 4, 1, v); }

static void rx_all(const char *s)
{
	while (*s)
		assert_true(vuart_rx(&u, (uint8_t)*s++));
}

/* ---- reset --------------------------------------------------------------- */

static void test_reset_values(void **state)
{
	(void)state;
	assert_int_equal(rd(RSR), 0);
	assert_int_equal(rd(FR), FR_IDLE);
	assert_int_equal(rd(ILPR), 0);
	assert_int_equal(rd(IBRD), 0);
	assert_int_equal(rd(FBRD), 0);
	assert_int_equal(rd(LCR_H), 0);
	assert_int_equal(rd(CR), 0x300);	/* TXE | RXE, UARTEN clear */
	assert_int_equal(rd(IFLS), 0x12);	/* 1/2 full both ways */
	assert_int_equal(rd(IMSC), 0);
	assert_int_equal(rd(RIS), 0);		/* QEMU: TXRIS clear at reset */
	assert_int_equal(rd(MIS), 0);
	assert_int_equal(rd(DMACR), 0);
	assert_false(vuart_irq_line(&u));
	assert_true(vuart_rx_room(&u));
	/* FIFO slots start at 0: an empty DR read gives 0 and keeps RXFE */
	assert_int_equal(rd(DR), 0);
	assert_int_equal(rd(FR), FR_IDLE);
	assert_int_equal(nnotes, 0);
}

static void test_reset_keeps_wiring_and_accounting(void **state)
{
	(void)state;
	wr(LCR_H, FEN_8BIT);
	wr(IMSC, 0x30);
	wr(DR, 'x');
	rx_all("ab");
	vuart_reset(&u);
	assert_int_equal(rd(LCR_H), 0);
	assert_int_equal(rd(IMSC), 0);
	assert_int_equal(rd(RIS), 0);
	assert_int_equal(rd(FR), FR_IDLE);
	assert_false(vuart_irq_line(&u));
	assert_ptr_equal(u.tx, tx_cb);
	assert_ptr_equal(u.owner, &owner_tag);
	assert_int_equal(u.tx_bytes, 1);
	assert_int_equal(u.rx_bytes, 2);
	wr(DR, 'y');
	assert_int_equal(txlen, 2);
	assert_int_equal(txbuf[1], 'y');
}

/* ---- transmit ------------------------------------------------------------ */

static void test_tx_bytes_in_order(void **state)
{
	(void)state;
	wr(DR, 'H');
	wr(DR, 'i');
	wr(DR, 0x0d);
	wr(DR, 0x0a);
	wr(DR, 0x1ff);			/* only the data byte goes out */
	assert_int_equal(txlen, 5);
	assert_memory_equal(txbuf, "Hi\r\n\xff", 5);
	assert_int_equal(u.tx_bytes, 5);
	/* instantaneous transmitter: never BUSY or TXFF, always TXFE */
	assert_int_equal(rd(FR), FR_IDLE);
}

static void test_tx_ignores_uarten_txe(void **state)
{
	(void)state;
	wr(CR, 0);			/* UARTEN, TXE, RXE all clear */
	wr(DR, 'z');
	assert_int_equal(txlen, 1);
	assert_int_equal(txbuf[0], 'z');
	assert_int_equal(rd(RIS), 0x20);
}

static void test_tx_interrupt_raw_masked_clear(void **state)
{
	(void)state;
	wr(DR, 'a');
	assert_int_equal(rd(RIS), 0x20);	/* TXRIS */
	assert_int_equal(rd(MIS), 0);
	assert_false(vuart_irq_line(&u));
	wr(IMSC, 0x20);				/* TXIM */
	assert_int_equal(rd(MIS), 0x20);
	assert_true(vuart_irq_line(&u));
	wr(ICR, 0x20);				/* TXIC */
	assert_int_equal(rd(RIS), 0);
	assert_int_equal(rd(MIS), 0);
	assert_false(vuart_irq_line(&u));
	wr(DR, 'b');				/* set again by every write */
	assert_int_equal(rd(RIS), 0x20);
	assert_true(vuart_irq_line(&u));
	wr(ICR, 0x10);				/* RXIC does not touch TXRIS */
	assert_int_equal(rd(RIS), 0x20);
	wr(IMSC, 0);
	assert_false(vuart_irq_line(&u));
	assert_int_equal(rd(RIS), 0x20);	/* masking leaves the raw bit */
}

static void test_no_tx_callback(void **state)
{
	(void)state;
	u.tx = NULL;
	wr(DR, 'q');
	assert_int_equal(u.tx_bytes, 1);
	assert_int_equal(txlen, 0);
	assert_int_equal(rd(RIS), 0x20);
}

/* ---- receive ------------------------------------------------------------- */

static void test_rx_fifo_16_with_fen(void **state)
{
	(void)state;
	wr(LCR_H, FEN_8BIT);
	for (int i = 0; i < 16; i++) {
		assert_true(vuart_rx_room(&u));
		assert_true(vuart_rx(&u, (uint8_t)('A' + i)));
		assert_int_equal(rd(FR), i < 15 ? FR_DATA : FR_FULL);
	}
	assert_false(vuart_rx_room(&u));
	assert_false(vuart_rx(&u, 'Q'));		/* refused, FIFO unchanged */
	assert_int_equal(u.rx_refused, 1);
	assert_int_equal(u.rx_bytes, 16);
	/* no overrun: QEMU never offers a byte the FIFO cannot take */
	assert_int_equal(rd(RSR), 0);
	assert_int_equal(rd(RIS) & 0x400, 0);		/* OERIS */
	for (int i = 0; i < 16; i++) {
		assert_int_equal(rd(DR), 'A' + i);
		assert_int_equal(rd(FR), i < 15 ? FR_DATA : FR_IDLE);
		assert_true(vuart_rx_room(&u));
	}
}

static void test_rx_one_without_fen(void **state)
{
	(void)state;
	wr(LCR_H, NOFEN_8BIT);
	assert_true(vuart_rx(&u, 'a'));
	assert_int_equal(rd(FR), FR_FULL);	/* the holding register is full */
	assert_false(vuart_rx_room(&u));
	assert_false(vuart_rx(&u, 'b'));
	assert_int_equal(rd(DR), 'a');
	assert_int_equal(rd(FR), FR_IDLE);
	assert_true(vuart_rx(&u, 'b'));
	assert_int_equal(rd(DR), 'b');
	assert_int_equal(u.rx_bytes, 2);
	assert_int_equal(u.rx_refused, 1);
}

static void test_rx_interrupt_at_one_char_and_drain(void **state)
{
	(void)state;
	wr(LCR_H, FEN_8BIT);
	wr(IFLS, 0x24);				/* RXIFLSEL 7/8: QEMU ignores it */
	wr(IMSC, 0x10);				/* RXIM */
	assert_true(vuart_rx(&u, 'x'));
	assert_int_equal(rd(RIS), 0x10);
	assert_int_equal(rd(MIS), 0x10);
	assert_true(vuart_irq_line(&u));
	assert_true(vuart_rx(&u, 'y'));
	assert_int_equal(rd(DR), 'x');		/* one left: still raised */
	assert_int_equal(rd(RIS), 0x10);
	assert_true(vuart_irq_line(&u));
	assert_int_equal(rd(DR), 'y');		/* drained below the trigger */
	assert_int_equal(rd(RIS), 0);
	assert_false(vuart_irq_line(&u));
}

static void test_rx_icr_then_more_data_does_not_reraise(void **state)
{
	(void)state;
	wr(LCR_H, FEN_8BIT);
	wr(IMSC, 0x10);
	rx_all("abc");
	assert_int_equal(rd(RIS), 0x10);
	wr(ICR, 0x10);
	assert_int_equal(rd(RIS), 0);
	assert_false(vuart_irq_line(&u));
	/* RXRIS is set only when the count reaches exactly the trigger (1) */
	assert_true(vuart_rx(&u, 'd'));
	assert_int_equal(rd(RIS), 0);
	assert_int_equal(rd(DR), 'a');
	assert_int_equal(rd(DR), 'b');
	assert_int_equal(rd(DR), 'c');
	assert_int_equal(rd(DR), 'd');
	assert_int_equal(rd(RIS), 0);
	assert_true(vuart_rx(&u, 'e'));		/* from empty: raised again */
	assert_int_equal(rd(RIS), 0x10);
	assert_true(vuart_irq_line(&u));
}

static void test_rx_and_tx_combined_line(void **state)
{
	(void)state;
	wr(DR, '>');
	assert_true(vuart_rx(&u, 'k'));
	assert_int_equal(rd(RIS), 0x30);
	assert_false(vuart_irq_line(&u));
	wr(IMSC, 0x10);
	assert_int_equal(rd(MIS), 0x10);
	assert_true(vuart_irq_line(&u));
	wr(IMSC, 0x7ff);			/* every source */
	assert_int_equal(rd(IMSC), 0x7ff);
	assert_int_equal(rd(MIS), 0x30);
	wr(IMSC, 0xfffff800);			/* bits above RIMIS: nothing to unmask */
	assert_int_equal(rd(IMSC), 0xfffff800);
	assert_int_equal(rd(MIS), 0);
	assert_false(vuart_irq_line(&u));
	wr(IMSC, 0x30);
	wr(ICR, 0xffffffff);
	assert_int_equal(rd(RIS), 0);
	assert_false(vuart_irq_line(&u));
	assert_int_equal(rd(DR), 'k');		/* ICR leaves the FIFO alone */
}

static void test_dr_read_empty_returns_stale_slot(void **state)
{
	(void)state;
	wr(LCR_H, FEN_8BIT);
	rx_all("0123456789abcdef");		/* slots 0..15 */
	for (int i = 0; i < 16; i++)
		rd(DR);
	/* read position wrapped to slot 0, which still holds '0' */
	assert_int_equal(rd(DR), '0');
	assert_int_equal(rd(FR), FR_IDLE);
	assert_int_equal(rd(RSR), 0);
	assert_int_equal(rd(DR), '0');		/* nothing consumed: same slot */
}

static void test_fifo_disabled_walks_all_slots(void **state)
{
	(void)state;
	/*
	 * QEMU 7.2 advances the read position through the 16 slots even with
	 * the FIFO disabled: after 'a' is read the empty read sees slot 1,
	 * never written (0); after 16 characters it is back at 'a'.
	 */
	assert_true(vuart_rx(&u, 'a'));
	assert_int_equal(rd(DR), 'a');
	assert_int_equal(rd(DR), 0);
	for (int i = 1; i < 16; i++) {
		assert_true(vuart_rx(&u, (uint8_t)('a' + i)));
		assert_int_equal(rd(DR), 'a' + i);
	}
	assert_int_equal(rd(DR), 'a');
	assert_int_equal(rd(FR), FR_IDLE);
}

static void test_empty_read_clears_rxris(void **state)
{
	(void)state;
	assert_true(vuart_rx(&u, 'm'));
	assert_int_equal(rd(DR), 'm');
	assert_true(vuart_rx(&u, 'n'));		/* 0 -> 1: RXRIS */
	wr(LCR_H, FEN_8BIT);			/* empties the FIFO, RXRIS stays */
	assert_int_equal(rd(RIS), 0x10);
	rd(DR);					/* count 0 after a read: cleared */
	assert_int_equal(rd(RIS), 0);
}

static void test_break_sets_be_and_rsr(void **state)
{
	(void)state;
	wr(LCR_H, FEN_8BIT);
	assert_true(vuart_rx_break(&u));
	assert_true(vuart_rx(&u, 'z'));
	assert_int_equal(rd(RIS), 0x10);	/* a break is an entry like any */
	assert_int_equal(rd(DR), 0x400);	/* BE, data 0 */
	assert_int_equal(rd(RSR), 0x4);		/* BE */
	assert_int_equal(rd(DR), 'z');		/* RSR follows the last read */
	assert_int_equal(rd(RSR), 0);
	assert_true(vuart_rx_break(&u));
	rd(DR);
	assert_int_equal(rd(RSR), 0x4);
	wr(RSR, 0xffffffff);			/* UARTECR: any write clears */
	assert_int_equal(rd(RSR), 0);
	assert_int_equal(u.rx_bytes, 1);
}

static void test_break_waits_for_room(void **state)
{
	(void)state;
	assert_true(vuart_rx(&u, 'a'));		/* FIFO off: full with one */
	assert_false(vuart_rx_break(&u));
	assert_int_equal(rd(DR), 'a');
	assert_true(vuart_rx_break(&u));
	assert_int_equal(rd(DR), 0x400);
}

/* ---- line control and FIFO reset ----------------------------------------- */

static void test_lcr_h_fen_change_empties_fifo_keeps_flags(void **state)
{
	(void)state;
	wr(LCR_H, NOFEN_8BIT);
	assert_true(vuart_rx(&u, 'a'));		/* slot 0 */
	assert_int_equal(rd(FR), FR_FULL);
	wr(LCR_H, FEN_8BIT);
	/* 7.2: count and position reset, UARTFR and RXRIS untouched */
	assert_int_equal(rd(LCR_H), FEN_8BIT);
	assert_int_equal(rd(FR), FR_FULL);
	assert_int_equal(rd(RIS), 0x10);
	assert_true(vuart_rx_room(&u));
	assert_int_equal(u.rx_dropped, 1);
	/* a read now consumes nothing but returns slot 0 and fixes the flags */
	assert_int_equal(rd(DR), 'a');
	assert_int_equal(rd(FR), FR_IDLE);
	assert_int_equal(rd(RIS), 0);
}

static void test_lcr_h_other_bits_keep_fifo(void **state)
{
	(void)state;
	wr(LCR_H, FEN_8BIT);
	rx_all("xyz");
	wr(LCR_H, FEN_8BIT | 0x02);		/* PEN */
	wr(LCR_H, FEN_8BIT | 0x01);		/* BRK on */
	wr(LCR_H, FEN_8BIT);			/* BRK off */
	assert_int_equal(u.rx_dropped, 0);
	assert_int_equal(txlen, 0);		/* a break sends nothing */
	assert_int_equal(rd(DR), 'x');
	assert_int_equal(rd(DR), 'y');
	assert_int_equal(rd(DR), 'z');
}

static void test_fen_off_then_refill(void **state)
{
	(void)state;
	wr(LCR_H, FEN_8BIT);
	rx_all("abcd");
	rd(DR);					/* position 1, count 3 */
	wr(LCR_H, NOFEN_8BIT);			/* back to slot 0, empty */
	assert_int_equal(u.rx_dropped, 3);
	assert_int_equal(rd(FR), FR_DATA);	/* stale: RXFE not set yet */
	assert_true(vuart_rx(&u, 'Z'));		/* goes to slot 0 */
	assert_int_equal(rd(FR), FR_FULL);
	assert_int_equal(rd(DR), 'Z');
	assert_int_equal(rd(DR), 'b');		/* empty: slot 1 still holds 'b' */
}

/* ---- register read-back -------------------------------------------------- */

static void test_register_readback(void **state)
{
	(void)state;
	/* QEMU 7.2 stores these words whole: no field masking */
	wr(ILPR, 0xffffffff);
	wr(IBRD, 0x12345678);
	wr(FBRD, 0xffffffff);
	wr(CR, 0x0000ff81);
	wr(IFLS, 0xabcdef01);
	wr(DMACR, 0xfffffff8);			/* DMA enables clear: no notice */
	assert_int_equal(rd(ILPR), 0xffffffff);
	assert_int_equal(rd(IBRD), 0x12345678);
	assert_int_equal(rd(FBRD), 0xffffffff);
	assert_int_equal(rd(CR), 0x0000ff81);
	assert_int_equal(rd(IFLS), 0xabcdef01);
	assert_int_equal(rd(DMACR), 0xfffffff8);
	wr(LCR_H, 0xffffff00 | FEN_8BIT);
	assert_int_equal(rd(LCR_H), 0xffffff70);
	wr(FR, 0);				/* read-only: ignored, not logged */
	assert_int_equal(rd(FR), FR_IDLE);
	assert_int_equal(nnotes, 0);
	assert_int_equal(txlen, 0);
}

static void test_dmacr_enable_is_noticed(void **state)
{
	(void)state;
	wr(DMACR, 0x3);				/* RXDMAE | TXDMAE */
	assert_int_equal(rd(DMACR), 0x3);
	assert_int_equal(nnotes, 1);
	assert_int_equal(notes[0].what, VUART_DMA_UNIMP);
	assert_int_equal(notes[0].off, DMACR);
	assert_int_equal(u.bad_accesses, 0);	/* not a guest error */
}

static void test_id_registers(void **state)
{
	(void)state;
	static const uint32_t id[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

	for (int i = 0; i < 8; i++)
		assert_int_equal(rd(0xfe0 + 4 * i), id[i]);
	/* UARTPeriphID: part 0x011, designer ARM (0x41); UARTPCellID: 0xB105F00D */
	assert_int_equal(((rd(0xfe4) & 0xf) << 8) | rd(0xfe0), 0x011);
	assert_int_equal((rd(0xfe8) & 0xf) << 4 | rd(0xfe4) >> 4, 0x41);
	wr(0xfe0, 0xff);			/* read-only: logged, ignored */
	assert_int_equal(rd(0xfe0), 0x11);
	assert_int_equal(nnotes, 1);
	assert_int_equal(notes[0].what, VUART_BAD_WRITE);
	assert_int_equal(notes[0].off, 0xfe0);
}

/* ---- reserved offsets ---------------------------------------------------- */

static void test_reserved_reads_are_zero_and_logged(void **state)
{
	(void)state;
	static const uint32_t offs[] = { 0x008, 0x00c, 0x010, 0x014, 0x01c, ICR,
					 0x04c, 0x080, 0x100, 0xfdc };
	const unsigned n = sizeof(offs) / sizeof(offs[0]);

	wr(DR, '!');				/* RIS non-zero: ICR must not return it */
	for (unsigned i = 0; i < n; i++)
		assert_int_equal(rd(offs[i]), 0);
	assert_int_equal(nnotes, n);
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(notes[i].what, VUART_BAD_READ);
		assert_int_equal(notes[i].off, offs[i]);
	}
	assert_int_equal(u.bad_accesses, n);
}

static void test_reserved_writes_are_ignored_and_logged(void **state)
{
	(void)state;
	static const uint32_t offs[] = { 0x008, 0x01c, RIS, MIS, 0x04c, 0xffc };
	const unsigned n = sizeof(offs) / sizeof(offs[0]);

	wr(DR, '!');
	wr(IMSC, 0x20);
	for (unsigned i = 0; i < n; i++)
		wr(offs[i], 0xffffffff);
	assert_int_equal(nnotes, n);
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(notes[i].what, VUART_BAD_WRITE);
		assert_int_equal(notes[i].off, offs[i]);
	}
	assert_int_equal(rd(RIS), 0x20);	/* writing RIS/MIS changes nothing */
	assert_int_equal(rd(MIS), 0x20);
	assert_int_equal(rd(IMSC), 0x20);
	assert_int_equal(txlen, 1);
}

/* ---- access sizes -------------------------------------------------------- */

static void test_byte_and_halfword_writes(void **state)
{
	(void)state;
	acc(DR, 1, 1, 0x41);			/* STRB to UARTDR */
	acc(DR + 1, 1, 1, 0x42);		/* any byte of DR is DR */
	acc(DR + 2, 2, 1, 0x1243);		/* STRH: low byte sent */
	acc(DR, 1, 1, 0xffffff44);		/* only the stored byte counts */
	assert_int_equal(txlen, 4);
	assert_memory_equal(txbuf, "ABCD", 4);
	assert_int_equal(rd(RIS), 0x20);
	/* a narrow write replaces the whole register with the narrow value */
	wr(IMSC, 0x7ff);
	acc(IMSC, 1, 1, 0x10);
	assert_int_equal(rd(IMSC), 0x10);
	acc(IMSC + 1, 1, 1, 0x30);		/* lane ignored: IMSC = 0x30 */
	assert_int_equal(rd(IMSC), 0x30);
	acc(ICR + 2, 2, 1, 0x20);		/* clears TXRIS (bit 5), not bit 21 */
	assert_int_equal(rd(RIS), 0);
}

static void test_byte_and_halfword_reads(void **state)
{
	(void)state;
	assert_int_equal(acc(FR, 1, 0, 0), 0x90);
	assert_int_equal(acc(FR + 1, 1, 0, 0), 0x90);	/* low byte, whatever lane */
	assert_int_equal(acc(CR, 2, 0, 0), 0x300);
	assert_int_equal(acc(CR, 1, 0, 0), 0x00);
	assert_int_equal(acc(CR + 1, 1, 0, 0), 0x00);
	assert_int_equal(acc(CR + 2, 2, 0, 0), 0x300);
	assert_int_equal(acc(0xfe4, 1, 0, 0), 0x10);
	assert_int_equal(acc(0xffe, 2, 0, 0), 0xb1);
	/* a byte read of any DR lane pops the FIFO */
	rx_all("p");
	assert_int_equal(acc(DR + 3, 1, 0, 0xdead), 'p');
	assert_int_equal(rd(FR), FR_IDLE);
	assert_true(vuart_rx_break(&u));
	assert_int_equal(acc(DR, 1, 0, 0), 0x00);	/* BE is above the byte */
	assert_int_equal(rd(RSR), 0x4);
	assert_int_equal(nnotes, 0);
}

static void test_misaligned_and_bad_sizes_abort(void **state)
{
	(void)state;
	uint32_t v = 'X';

	assert_int_equal(vuart_access(&u, DR + 1, 2, 1, &v), VUART_FSR_EXT);
	assert_int_equal(vuart_access(&u, DR + 2, 4, 1, &v), VUART_FSR_EXT);
	assert_int_equal(vuart_access(&u, DR, 3, 1, &v), VUART_FSR_EXT);
	assert_int_equal(vuart_access(&u, DR, 8, 1, &v), VUART_FSR_EXT);
	assert_int_equal(vuart_access(&u, 0x1000, 4, 1, &v), VUART_FSR_EXT);
	assert_int_equal(txlen, 0);		/* nothing reached a register */
	assert_int_equal(rd(RIS), 0);
	rx_all("q");
	v = 0x1234;
	assert_int_equal(vuart_access(&u, FR + 2, 4, 0, &v), VUART_FSR_EXT);
	assert_int_equal(v, 0);
	assert_int_equal(vuart_access(&u, DR + 3, 2, 0, &v), VUART_FSR_EXT);
	assert_int_equal(rd(DR), 'q');		/* the aborted read popped nothing */
	assert_int_equal(nnotes, 7);
	for (unsigned i = 0; i < nnotes; i++)
		assert_int_equal(notes[i].what, VUART_BAD_ACCESS);
	assert_int_equal(u.bad_accesses, 7);
}

/* ---- accounting ---------------------------------------------------------- */

static void test_accounting(void **state)
{
	(void)state;
	wr(LCR_H, FEN_8BIT);
	rx_all("hello");
	wr(DR, 'o');
	wr(DR, 'k');
	rd(DR);
	wr(LCR_H, NOFEN_8BIT);			/* 4 unread characters dropped */
	assert_true(vuart_rx(&u, '1'));
	assert_false(vuart_rx(&u, '2'));
	assert_false(vuart_rx(&u, '2'));
	assert_int_equal(u.tx_bytes, 2);
	assert_int_equal(u.rx_bytes, 6);
	assert_int_equal(u.rx_dropped, 4);
	assert_int_equal(u.rx_refused, 2);
	assert_int_equal(u.bad_accesses, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup(f, setup)
		T(test_reset_values),
		T(test_reset_keeps_wiring_and_accounting),
		T(test_tx_bytes_in_order),
		T(test_tx_ignores_uarten_txe),
		T(test_tx_interrupt_raw_masked_clear),
		T(test_no_tx_callback),
		T(test_rx_fifo_16_with_fen),
		T(test_rx_one_without_fen),
		T(test_rx_interrupt_at_one_char_and_drain),
		T(test_rx_icr_then_more_data_does_not_reraise),
		T(test_rx_and_tx_combined_line),
		T(test_dr_read_empty_returns_stale_slot),
		T(test_fifo_disabled_walks_all_slots),
		T(test_empty_read_clears_rxris),
		T(test_break_sets_be_and_rsr),
		T(test_break_waits_for_room),
		T(test_lcr_h_fen_change_empties_fifo_keeps_flags),
		T(test_lcr_h_other_bits_keep_fifo),
		T(test_fen_off_then_refill),
		T(test_register_readback),
		T(test_dmacr_enable_is_noticed),
		T(test_id_registers),
		T(test_reserved_reads_are_zero_and_logged),
		T(test_reserved_writes_are_ignored_and_logged),
		T(test_byte_and_halfword_writes),
		T(test_byte_and_halfword_reads),
		T(test_misaligned_and_bad_sizes_abort),
		T(test_accounting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
