/* C side of the exception entry: per-exception hooks and the default report. */
#include "rt.h"

static exc_handler_t handlers[EXC_COUNT];

static const char *const names[EXC_COUNT] = {
	"reset", "undefined instruction", "supervisor call", "prefetch abort",
	"data abort", "hyp trap", "IRQ", "FIQ",
};

const char *exc_name(enum exc_kind k)
{
	return k < EXC_COUNT ? names[k] : "?";
}

exc_handler_t exc_set_handler(enum exc_kind k, exc_handler_t h)
{
	exc_handler_t old = handlers[k];
	handlers[k] = h;
	return old;
}

static void report(const char *what, uint32_t v)
{
	uart_puts(what);
	uart_puthex(v);
	uart_putc('\n');
}

/* Printed with the UART alone: the exception may have hit newlib itself. */
static void __attribute__((noreturn)) exc_default(enum exc_kind k, struct exc_frame *f)
{
	uart_puts("*** unexpected ");
	uart_puts(exc_name(k));
	uart_puts(" exception\n");
	report("LR   ", f->lr);
	report("SPSR ", f->spsr);
	if (k == EXC_DABT) {
		report("DFSR ", cp15_read(DFSR));
		report("DFAR ", cp15_read(DFAR));
	} else if (k == EXC_PABT) {
		report("IFSR ", cp15_read(IFSR));
		report("IFAR ", cp15_read(IFAR));
	}
	for (int i = 0; i < 13; i++) {
		uart_puts(i < 10 ? "r" : "r1");
		uart_putc('0' + i % 10);
		uart_puts(i < 10 ? "   " : "  ");
		uart_puthex(f->r[i]);
		uart_putc('\n');
	}
	system_off();
}

/* Called by vectors.S on the exception mode's stack. */
void rt_exception(uint32_t kind, struct exc_frame *f)
{
	/*
	 * Preset the return to the next A32 instruction: LR is the faulting
	 * instruction + 4 for UND, SVC and PABT, + 8 for DABT (ARM ARM
	 * B1.8.3); IRQ and FIQ resume the interrupted instruction.
	 */
	switch (kind) {
	case EXC_DABT:
	case EXC_IRQ:
	case EXC_FIQ:
		f->ret = f->lr - 4;
		break;
	default:
		f->ret = f->lr;
		break;
	}
	if (kind < EXC_COUNT && handlers[kind])
		handlers[kind](f);
	else
		exc_default(kind < EXC_COUNT ? kind : EXC_RESET, f);
}
