/*
 * fuzz_vuart: the virtual PL011 (hyp/vuart.c) under a sequence of guest
 * register accesses (any offset up to a little past its page, any size)
 * and console input (characters, breaks).  Each operation is 7 bytes:
 * what (1), offset (2), value (4).
 *
 * After each one: an access succeeds exactly when the contract in
 * vuart.h says; a read fits its size (and reads 0 when refused); the
 * receive FIFO never holds more than its depth; input is refused exactly
 * when vuart_rx_room() says so; the transmitter is always ready; only
 * RXRIS and TXRIS are ever raised; the interrupt line is RIS & IMSC; every
 * transmitted byte and every complaint reaches the owner once.
 */
#include "test/fuzz/fuzz.h"
#include "hyp/vuart.h"
#include "board/drivers/pl011.h"

#define MAX_OPS		64

static struct vuart u;
static uint64_t sent, complaints;

static void tx_cb(void *owner, uint8_t c)
{
	(void)owner; (void)c;
	sent++;
}

static void notice_cb(void *owner, enum vuart_notice what, uint32_t off)
{
	(void)owner; (void)off;
	if (what != VUART_DMA_UNIMP)
		complaints++;
}

static void check_state(const struct vuart *v)
{
	const struct vuart_state *s = &v->st;
	unsigned depth = (s->lcr_h & LCR_H_FEN) ? VUART_FIFO_DEPTH : 1;

	CHECK(s->rx_count <= depth && s->rx_pos < VUART_FIFO_DEPTH, "FIFO %u at %u, depth %u",
	      s->rx_count, s->rx_pos, depth);
	CHECK((s->fr & (FR_TXFE | FR_TXFF | FR_BUSY)) == FR_TXFE, "UARTFR 0x%x", s->fr);
	CHECK(!(s->ris & ~(INT_RX | INT_TX)), "UARTRIS 0x%x", s->ris);
	CHECK(vuart_irq_line(v) == ((s->ris & s->imsc & INT_ALL) != 0), "line vs RIS & IMSC");
	CHECK(v->tx_bytes == sent && v->bad_accesses == complaints, "tx %llu/%llu bad %llu/%llu",
	      (unsigned long long)v->tx_bytes, (unsigned long long)sent,
	      (unsigned long long)v->bad_accesses, (unsigned long long)complaints);
}

static void access(struct vuart *v, uint32_t off, unsigned size, bool write, uint32_t val)
{
	bool ok = (size == 1 || size == 2 || size == 4) && !(off & (size - 1)) && off < 0x1000;
	int r = vuart_access(v, off, size, write, &val);

	CHECK(ok ? r == 0 : r == VUART_FSR_EXT, "access at 0x%x size %u: %d", off, size, r);
	CHECK(write || (ok ? size == 4 || val >> (8 * size) == 0 : val == 0),
	      "read 0x%x in %u bytes (result %d)", val, size, r);
}

static void input(struct vuart *v, bool brk, uint8_t c)
{
	bool room = vuart_rx_room(v);

	CHECK((brk ? vuart_rx_break(v) : vuart_rx(v, c)) == room, "input with room %d", room);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned sizes[] = { 1, 2, 4, 3 };	/* 3: an impossible size */
	struct input in = { data, size };

	memset(&u, 0, sizeof(u));
	u.tx = tx_cb;
	u.notice = notice_cb;
	sent = complaints = 0;
	vuart_reset(&u);
	for (unsigned i = 0; i < MAX_OPS && in.left; i++) {
		uint32_t what = take8(&in), off = take16(&in), val = take32(&in);

		switch (what & 3) {
		case 0:
		case 1:
			access(&u, off % 0x1010, sizes[(what >> 2) & 3], what & 0x10, val);
			break;
		case 2:
			input(&u, what & 0x10, (uint8_t)val);
			break;
		default:
			if (what & 0x80)
				vuart_reset(&u);
			break;
		}
		check_state(&u);
	}
	return 0;
}
