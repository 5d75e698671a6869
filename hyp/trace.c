/*
 * Trap tracing.  While a VM is traced, every trap it takes goes through
 * the full C path (the fast paths are switched off by running it with the
 * second vector table, sched.c), and each is logged as one [hyp] line:
 * its class, what trapped and where.  The console is shared, so the log is
 * rate-limited: a burst of TRACE_BURST lines, then TRACE_PER_S a second;
 * what is left out is counted and said.
 */
#include <stdbool.h>
#include <string.h>
#include "hyp/trace.h"
#include "hyp/vm.h"
#include "hyp/console.h"
#include "hyp/sched.h"
#include "arch/arm/entry.h"
#include "arch/arm/timer.h"

#define TRACE_BURST	40
#define TRACE_PER_S	100

static uint32_t tokens = TRACE_BURST;
static uint64_t refilled;		/* counter value of the last refill */
static uint64_t dropped;		/* lines not shown since the last shown */

void trace_before(const struct vcpu *v, uint64_t before[TRAP_NR])
{
	memcpy(before, v->traps, sizeof(v->traps));
}

static bool may_print(void)
{
	uint64_t now = timer_now(), tick = timer_freq() / TRACE_PER_S;

	if (now - refilled >= tick) {
		uint64_t add = (now - refilled) / tick;
		tokens = add >= TRACE_BURST - tokens ? TRACE_BURST : tokens + (uint32_t)add;
		refilled = now;
	}
	if (!tokens)
		return false;
	tokens--;
	return true;
}

void trace_trap(struct vcpu *v, unsigned entry_cls, const uint64_t before[TRAP_NR])
{
	const char *cls = "-";
	char what[80];

	for (int c = 0; c < TRAP_NR; c++)
		if (v->traps[c] != before[c])
			cls = trap_class_name[c];
	if (!may_print()) {
		dropped++;
		return;
	}
	if (dropped)
		hyp_printf("trace: %lu traps not shown (rate limit)\n", (unsigned long)dropped);
	dropped = 0;
	if (entry_cls == TRAP_ENTRY_IRQ)
		hyp_printf("%s: trace: irq: host interrupt at %08lx\n", v->vm->name,
			   (unsigned long)v->ctx.r[15]);
	else {
		vcpu_last_trap(v, what, sizeof(what));
		hyp_printf("%s: trace: %s: %s\n", v->vm->name, cls, what);
	}
}

void trace_set(struct vcpu *v, bool on)
{
	v->trace = on;
	if (sched_current() == v)
		sched_vectors(v);
}
