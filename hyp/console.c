/* The console: see console.h.  Formatting by newlib, bytes out through
 * the host UART with polling (trapvisor never waits on anything else). */
#include <stdarg.h>
#include <stdio.h>
#include <stdbool.h>
#include <string.h>
#include "hyp/console.h"
#include "hyp/vm.h"
#include "hyp/irq.h"
#include "hyp/monitor.h"
#include "board/board.h"
#include "board/drivers/pl011.h"
#include "arch/arm/mmu.h"

/* The VM whose unfinished line is on screen (the cursor is after it), or
 * the monitor's prompt and what is typed after it. */
static struct vm *open_vm;
static bool open_mon;

static void put(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			pl011_putc('\r');
		pl011_putc(s[i]);
	}
}

static void put_prefix(const char *who)
{
	put("[", 1);
	put(who, strlen(who));
	put("] ", 2);
}

/* Someone else prints: end the open line where it is. */
static void close_open(void)
{
	if (open_mon) {
		put("\n", 1);
		open_mon = false;
	}
	if (!open_vm)
		return;
	put("\n", 1);
	open_vm->con.len = 0;
	open_vm = NULL;
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
	close_open();
	/* one "[hyp] " line per line of the message */
	for (char *p = buf, *end = buf + n; p < end;) {
		char *nl = memchr(p, '\n', end - p);
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		put_prefix("hyp");
		put(p, len);
		put("\n", 1);
		p += len + 1;
	}
}

static void end_line(struct vm *vm)
{
	struct con_line *l = &vm->con;

	if (open_vm == vm) {
		put("\n", 1);
		open_vm = NULL;
	} else {
		close_open();
		put_prefix(vm->name);
		put(l->buf, l->len);
		put("\n", 1);
	}
	l->len = 0;
}

void console_vm_putc(struct vm *vm, uint8_t c)
{
	struct con_line *l = &vm->con;

	if (c == '\r')
		return;			/* the console ends lines itself */
	if (c == '\n') {
		end_line(vm);
		return;
	}
	if (l->len == CONSOLE_LINE_MAX)
		end_line(vm);		/* an overlong line goes out in pieces */
	l->buf[l->len++] = c;
	if (open_vm == vm)
		put((char *)&c, 1);	/* its line is on screen: go on with it */
}

void console_vm_flush(struct vm *vm)
{
	if (vm->con.len || open_vm == vm)
		end_line(vm);
}

/* ---- the monitor's line ------------------------------------------------ */

#define MON_PROMPT	"[hyp] monitor> "

void console_mon_show(const char *line, size_t len)
{
	if (open_mon)
		return;
	close_open();
	put(MON_PROMPT, strlen(MON_PROMPT));
	put(line, len);
	open_mon = true;
}

void console_mon_echo(const char *s, size_t len)
{
	if (open_mon)
		put(s, len);
}

void console_mon_end(void)
{
	if (open_mon)
		put("\n", 1);
	open_mon = false;
}

/* ---- input ------------------------------------------------------------ */

static int focus = -1;			/* slot of the VM that gets the keyboard */
static bool escaped;			/* Ctrl-] seen, waiting for its command */
static uint8_t queue[512];		/* typed, not yet taken by the focused VM */
static unsigned q_head, q_len;

static struct vm *focused(void)
{
	return focus >= 0 ? &vms[focus] : NULL;
}

void console_vm_waits_input(struct vm *vm)
{
	struct con_line *l = &vm->con;

	if (vm != focused() || open_vm == vm || !l->len || monitor_active())
		return;
	close_open();
	put_prefix(vm->name);
	put(l->buf, l->len);
	open_vm = vm;
}

static void set_focus(int slot)
{
	if (slot >= VM_MAX || vms[slot].state == VM_EMPTY) {
		hyp_printf("input: there is no VM %d\n", slot);
		return;
	}
	if (!vms[slot].input) {
		hyp_printf("input: %s does not take console input\n", vms[slot].name);
		return;
	}
	focus = slot;
	q_len = 0;
	hyp_printf("input -> %s\n", vms[slot].name);
}

static void help(void)
{
	hyp_printf("console keys: Ctrl-] 0-7 give the keyboard to that VM, Ctrl-] m the\n"
		   "monitor, Ctrl-] Ctrl-] types Ctrl-], Ctrl-A x quits QEMU\n");
	for (int i = 0; i < VM_MAX; i++)
		if (vms[i].state != VM_EMPTY)
			hyp_printf("  %d %s%s%s\n", i, vms[i].name, vms[i].input ? "" : " (no input)",
				   i == focus ? " <- input" : "");
}

static void queue_byte(uint8_t c)
{
	if (q_len < sizeof(queue))
		queue[(q_head + q_len++) % sizeof(queue)] = c;
}

static void typed(uint8_t c)
{
	if (monitor_active()) {
		monitor_key(c);		/* it has the keyboard until it is left */
		return;
	}
	if (escaped) {
		escaped = false;
		if (c >= '0' && c <= '9')
			set_focus(c - '0');
		else if (c == 'm')
			monitor_enter();
		else if (c == CONSOLE_ESCAPE)
			queue_byte(c);
		else
			help();
		return;
	}
	if (c == CONSOLE_ESCAPE)
		escaped = true;
	else
		queue_byte(c);
}

void console_input_pump(struct vm *vm)
{
	if (vm != focused())
		return;
	while (q_len && vuart_rx(&vm->uart, queue[q_head])) {
		q_head = (q_head + 1) % sizeof(queue);
		q_len--;
	}
}

static void uart_irq(unsigned irq)
{
	int c;

	(void)irq;
	while ((c = pl011_getc()) >= 0)
		typed((uint8_t)c);
	if (focused()) {
		console_input_pump(focused());
		vm_uart_irq(focused());
	}
}

void console_input_start(void)
{
	for (int i = 0; i < VM_MAX && focus < 0; i++)
		if (vms[i].state != VM_EMPTY && vms[i].input)
			focus = i;
	if (focus >= 0)
		hyp_printf("input -> %s (Ctrl-] h for the console keys)\n", vms[focus].name);
	pl011_rx_irq_enable();
	irq_register(board.uart_irq, uart_irq);
	uart_irq(board.uart_irq);	/* typed before trapvisor was listening */
}

void console_init(void)
{
	pl011_init(ioremap(board.uart_pa), board.uart_clk_hz, 115200);
}
