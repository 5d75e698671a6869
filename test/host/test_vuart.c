/*
 * The virtual PL011's reset, transmit, receive and line control, checked
 * against values worked out by hand from the PL011 TRM (ARM DDI 0183)
 * register descriptions and from what QEMU 7.2's hw/char/pl011.c does where it departs from the TRM (trigger level 1,
 * TXRIS on every write, stale FIFO slots, LCR_H.FEN leaving UARTFR alone).
 */
#include "test/host/vuart_harness.h"

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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
