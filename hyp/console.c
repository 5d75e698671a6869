/* Console output: formatting by newlib, lines out through the host UART. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "hyp/console.h"
#include "board/board.h"
#include "board/drivers/pl011.h"
#include "hyp/mem.h"

static void put(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			pl011_putc('\r');
		pl011_putc(s[i]);
	}
}

static void puts_prefixed(const char *who, const char *text, size_t len)
{
	put("[", 1);
	put(who, strlen(who));
	put("] ", 2);
	put(text, len);
	put("\n", 1);
}

void console_init(void)
{
	pl011_init(ioremap(board.uart_pa), board.uart_clk_hz, 115200);
}

void hyp_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsniprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	/* one "[hyp] " line per line of the message */
	for (char *p = buf, *end = buf + n; p < end;) {
		char *nl = memchr(p, '\n', end - p);
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		puts_prefixed("hyp", p, len);
		p += len + 1;
	}
}

void console_vm_line(const char *name, const char *text, size_t len)
{
	puts_prefixed(name, text, len);
}
