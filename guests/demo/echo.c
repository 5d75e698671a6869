/*
 * echo: an interactive demo guest.  Reads lines from the PL011 with the
 * receive interrupt (SPI 33 through the GIC), sleeping in WFI while there
 * is no input, echoes what is typed and prints each line back.  The line
 * "off" powers the machine off.
 */
#include <stdio.h>
#include <string.h>
#include "rt.h"
#include "gic.h"

#define RXBUF	256		/* power of two */
#define LINE	128

static volatile char rxbuf[RXBUF];
static volatile uint32_t rx_head, rx_tail;

/*
 * Everything the UART holds into rxbuf; acknowledges the RX interrupts.
 * Clear first, then drain: the receive interrupt is raised when the FIFO
 * goes from empty to one byte, so a byte that arrived between a drain and
 * a later clear would sit in the FIFO with no interrupt ever again.
 */
static void rx_drain(void)
{
	UARTICR = UART_INT_RX | UART_INT_RT;
	while (!(UARTFR & UARTFR_RXFE)) {
		char c = (char)(UARTDR & 0xff);
		if (rx_head - rx_tail < RXBUF)	/* else dropped */
			rxbuf[rx_head++ % RXBUF] = c;
	}
}

static void on_irq(struct exc_frame *f)
{
	uint32_t iar = gicc_read(GICC_IAR);

	(void)f;
	if (GIC_IAR_ID(iar) == GIC_SPURIOUS)
		return;
	if (GIC_IAR_ID(iar) == IRQ_UART)
		rx_drain();
	gicc_write(GICC_EOIR, iar);
}

/* next received character; sleeps in WFI until there is one */
static char getc_irq(void)
{
	char c;

	for (;;) {
		irq_disable();
		if (rx_tail != rx_head)
			break;
		wfi();			/* wakes for a pending IRQ even with I set */
		irq_enable();
	}
	c = rxbuf[rx_tail++ % RXBUF];
	irq_enable();
	return c;
}

int main(void)
{
	char line[LINE];
	uint32_t len = 0;
	char prev = 0;

	exc_set_handler(EXC_IRQ, on_irq);
	gic_init(0xf0);
	gic_set_priority(IRQ_UART, 0x80);
	gic_set_target(IRQ_UART, 1);
	UARTIMSC = UART_INT_RX | UART_INT_RT;
	gic_enable_irq(IRQ_UART);
	/* input that arrived before RXIM was set raises no new interrupt:
	 * the UART holds it until it is read */
	rx_drain();
	irq_enable();

	printf("echo: type something\n");
	printf("echo> ");
	for (;;) {
		char c = getc_irq();

		if (c == '\n' && prev == '\r') {	/* CR LF: one Enter */
			prev = c;
			continue;
		}
		prev = c;
		if (c == '\r' || c == '\n') {
			line[len] = 0;
			printf("\nyou typed: %s\n", line);
			if (!strcmp(line, "off")) {
				printf("echo: powering off\n");
				system_off();
			}
			len = 0;
			printf("echo> ");
		} else if (c == 0x7f || c == '\b') {
			if (len) {
				len--;
				printf("\b \b");
			}
		} else if (c >= 0x20 && c < 0x7f && len < LINE - 1) {
			line[len++] = c;
			uart_putc(c);
		}
	}
}
