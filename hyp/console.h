/*
 * The console every VM and trapvisor share (the host UART).
 *
 * Output: every line is prefixed with who printed it, "[NAME] text" for a
 * VM and "[hyp] text" for trapvisor, and goes out whole, so lines are
 * never torn between VMs.  One exception keeps interactive guests usable:
 * while the VM that owns the keyboard waits for input, its unfinished line
 * (a prompt, an echo) is shown as it is; if anyone else prints before it
 * finishes that line, it is closed there and the rest continues on a new
 * "[NAME] " line.
 *
 * Input: what is typed goes to one VM at a time, the one with focus.
 * Ctrl-] then a digit moves the focus to that VM (its slot number, the
 * order of the configuration); Ctrl-] Ctrl-] types a Ctrl-] for the VM;
 * Ctrl-] h prints the keys; Ctrl-] m opens the monitor (hyp/monitor.c),
 * which has the keyboard until it is left.  QEMU's own Ctrl-A is left alone.
 */
#ifndef HYP_CONSOLE_H
#define HYP_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

#define CONSOLE_LINE_MAX	200
#define CONSOLE_ESCAPE		0x1d	/* Ctrl-] */

struct vm;

/* A VM's line being printed. */
struct con_line {
	char buf[CONSOLE_LINE_MAX];
	unsigned len;
	unsigned rx_polls;		/* receiver polled empty since the last byte sent */
};

void console_init(void);
/* trapvisor's own message; every line of it gets "[hyp] ". */
void hyp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A byte a VM's UART transmitted. */
void console_vm_putc(struct vm *vm, uint8_t c);
/* Ends the VM's unfinished line, if any (it stops or resets). */
void console_vm_flush(struct vm *vm);
/* The VM is waiting for input: show its unfinished line if it has focus. */
void console_vm_waits_input(struct vm *vm);

/* The monitor's prompt line: shown with what is typed so far (unless it
 * is on screen already), echoed to while it is, ended. */
void console_mon_show(const char *line, size_t len);
void console_mon_echo(const char *s, size_t len);
void console_mon_end(void);

/* Starts taking keyboard input, focus on the first VM that accepts it. */
void console_input_start(void);
/* Moves typed bytes queued for vm into its UART while it has room (the
 * caller then updates the UART's interrupt line, vm_uart_irq()). */
void console_input_pump(struct vm *vm);

#endif
