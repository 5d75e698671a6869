/*
 * The virtual PL011's registers as a guest reads and writes them:
 * read-back, identification, reserved offsets, byte and halfword
 * accesses, misaligned ones, and the accounting, against the PL011 TRM
 * and QEMU 7.2's hw/char/pl011.c (see test_vuart.c).
 */
#include "test/host/vuart_harness.h"

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
