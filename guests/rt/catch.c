/* Logging handlers for tests that provoke exceptions on purpose. */
#include <stdio.h>
#include "rt.h"

volatile struct catch_rec catch_log[CATCH_MAX];
volatile uint32_t catch_count;
volatile uint32_t catch_resume;

void catch_record(enum exc_kind k, struct exc_frame *f)
{
	/* the flags here are whatever the C code before left: not logged */
	uint32_t cpsr = read_cpsr() & 0x0000ffffu;
	volatile struct catch_rec *r;

	if (catch_count >= CATCH_MAX) {
		uart_puts("catch: log full\n");
		system_off();
	}
	r = &catch_log[catch_count++];
	r->kind = k;
	r->lr = f->lr;
	r->spsr = f->spsr;
	r->cpsr = cpsr;
	r->fsr = r->far = r->insn = 0;
	if (k == EXC_DABT) {
		r->fsr = cp15_read(DFSR);
		r->far = cp15_read(DFAR);
	} else if (k == EXC_PABT) {
		r->fsr = cp15_read(IFSR);
		r->far = cp15_read(IFAR);
	} else if ((k == EXC_UND || k == EXC_SVC) && !(f->spsr & PSR_T)) {
		r->insn = *(const uint32_t *)(f->lr - 4);
	}
	if (catch_resume) {
		f->ret = catch_resume;
		catch_resume = 0;
	}
}

static void on_und(struct exc_frame *f)  { catch_record(EXC_UND, f); }
static void on_svc(struct exc_frame *f)  { catch_record(EXC_SVC, f); }
static void on_pabt(struct exc_frame *f) { catch_record(EXC_PABT, f); }
static void on_dabt(struct exc_frame *f) { catch_record(EXC_DABT, f); }

void catch_clear(void)
{
	catch_count = 0;
	catch_resume = 0;
}

void catch_on(void)
{
	catch_clear();
	exc_set_handler(EXC_UND, on_und);
	exc_set_handler(EXC_SVC, on_svc);
	exc_set_handler(EXC_PABT, on_pabt);
	exc_set_handler(EXC_DABT, on_dabt);
}

void catch_off(void)
{
	exc_set_handler(EXC_UND, NULL);
	exc_set_handler(EXC_SVC, NULL);
	exc_set_handler(EXC_PABT, NULL);
	exc_set_handler(EXC_DABT, NULL);
}

void catch_print(const char *what, uint32_t i, const void *insn, uint32_t show)
{
	const volatile struct catch_rec *r = &catch_log[i];

	printf("%s: %s, ", what, exc_name(r->kind));
	if (insn)
		printf("LR insn%+ld", (long)(r->lr - (uint32_t)insn));
	else
		printf("LR 0x%08lx", (unsigned long)r->lr);
	printf(", SPSR 0x%08lx, CPSR 0x%08lx", (unsigned long)r->spsr,
	       (unsigned long)r->cpsr);
	if (show & CP_FSR)
		printf(r->kind == EXC_DABT ? ", DFSR 0x%03lx" : ", IFSR 0x%03lx",
		       (unsigned long)r->fsr);
	if (show & CP_FAR)
		printf(r->kind == EXC_DABT ? ", DFAR 0x%08lx" : ", IFAR 0x%08lx",
		       (unsigned long)r->far);
	if (show & CP_IMM) {
		if (r->kind == EXC_SVC)
			printf(", imm 0x%06lx", (unsigned long)(r->insn & 0xffffff));
		else	/* UDF: imm12:imm4 */
			printf(", imm %lu", (unsigned long)(((r->insn >> 4) & 0xfff0) |
							    (r->insn & 0xf)));
	}
	printf("\n");
}

void catch_report(const char *what, const void *insn, uint32_t show)
{
	if (catch_count == 0)
		printf("%s: no exception\n", what);
	else
		catch_print(what, 0, insn, show);
	catch_clear();
}
