/* Host PL011: polled output for trapvisor's console. */
#include "board/drivers/pl011.h"

static volatile uint32_t *uart;

static inline volatile uint32_t *reg(uint32_t off)
{
	return uart + off / 4;
}

void pl011_init(uintptr_t base, uint32_t clk_hz, uint32_t baud)
{
	uart = (volatile uint32_t *)base;
	if (!clk_hz)
		return;			/* firmware (or QEMU) already set it up */
	*reg(UARTCR) = 0;
	/* divisor = clk / (16 * baud), in 16.6 fixed point */
	uint32_t div64 = (clk_hz * 4 + baud / 2) / baud;
	*reg(UARTIBRD) = div64 >> 6;
	*reg(UARTFBRD) = div64 & 0x3f;
	*reg(UARTLCR_H) = (3 << 5) | (1 << 4);	/* 8N1, FIFOs on */
	*reg(UARTCR) = (1 << 9) | (1 << 8) | 1;	/* RXE, TXE, UARTEN */
}

void pl011_putc(char c)
{
	if (!uart)
		return;
	while (*reg(UARTFR) & FR_TXFF)
		;
	*reg(UARTDR) = (uint8_t)c;
}

/* A received byte, or -1 if none is waiting. */
int pl011_getc(void)
{
	if (!uart || (*reg(UARTFR) & FR_RXFE))
		return -1;
	return *reg(UARTDR) & 0xff;
}

/* Receive interrupts (FIFO level and timeout) on; the handler drains.
 * What arrived before keeps its raised status, so it is not lost. */
void pl011_rx_irq_enable(void)
{
	if (!uart)
		return;
	*reg(UARTIMSC) = INT_RX | INT_RT;
}
