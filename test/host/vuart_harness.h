/*
 * Shared by the virtual PL011 host tests (test_vuart.c: reset, transmit,
 * receive, line control; test_vuart_regs.c: read-back, reserved offsets,
 * access sizes, accounting): the register offsets as the TRM gives them,
 * the UART under test with callbacks that record what it sends and
 * notices, and one-line accessors that assert the access succeeds.
 */
#ifndef TEST_HOST_VUART_HARNESS_H
#define TEST_HOST_VUART_HARNESS_H

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

static inline void tx_cb(void *owner, uint8_t c)
{
	assert_ptr_equal(owner, &owner_tag);
	assert_true(txlen < sizeof(txbuf));
	txbuf[txlen++] = c;
}

static inline void notice_cb(void *owner, enum vuart_notice what, uint32_t off)
{
	assert_ptr_equal(owner, &owner_tag);
	assert_true(nnotes < 16);
	notes[nnotes].what = what;
	notes[nnotes++].off = off;
}

static inline int setup(void **state)
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

static inline uint32_t acc(uint32_t off, unsigned size, int write, uint32_t v)
{
	assert_int_equal(vuart_access(&u, off, size, write, &v), 0);
	return v;
}

static inline uint32_t rd(uint32_t off) { return acc(off, 4, 0, 0xdeadbeef); }
static inline void wr(uint32_t off, uint32_t v) { acc(off, 4, 1, v); }

static inline void rx_all(const char *s)
{
	while (*s)
		assert_true(vuart_rx(&u, (uint8_t)*s++));
}

#endif
