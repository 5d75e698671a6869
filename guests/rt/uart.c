/* PL011 on QEMU virt, polled output; QEMU leaves it usable without setup. */
#include "rt.h"

#define UART_BASE	0x09000000u
#define UARTDR		(*(volatile uint32_t *)(UART_BASE + 0x00))
#define UARTFR		(*(volatile uint32_t *)(UART_BASE + 0x18))
#define UARTFR_TXFF	(1u << 5)

void uart_putc(char c)
{
	while (UARTFR & UARTFR_TXFF)
		;
	UARTDR = (uint8_t)c;
}

void uart_puts(const char *s)
{
	while (*s)
		uart_putc(*s++);
}

void uart_puthex(uint32_t v)
{
	uart_puts("0x");
	for (int sh = 28; sh >= 0; sh -= 4)
		uart_putc("0123456789abcdef"[(v >> sh) & 0xf]);
}
