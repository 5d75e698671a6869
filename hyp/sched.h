/*
 * Which vCPU runs next: round-robin time slices on trapvisor's own timer.
 * A vCPU in WFI is not run until its virtual GIC signals an interrupt;
 * when no vCPU can run, trapvisor sleeps in WFI itself.  A virtual IRQ is
 * delivered on the way back into a vCPU whose virtual CPSR.I is clear.
 */
#ifndef HYP_SCHED_H
#define HYP_SCHED_H

#include <stdbool.h>
#include <stdint.h>

struct vcpu;

/* WFI (wfe = false) or WFE: WFI waits for an interrupt; WFE yields the
 * rest of the slice (a lone CPU has nobody to send it an event). */
void sched_wait(struct vcpu *v, bool wfe);
/* A vCPU's timer registers changed: its interrupt lines and trapvisor's
 * next timer event may have too. */
void sched_timer_changed(struct vcpu *v);
/* After a trap: the vCPU to resume, switching to it if needed.  Powers
 * the machine off when no VM is left. */
struct vcpu *sched_next(struct vcpu *prev);
/* The exception vectors for v: without the fast paths while it is traced. */
void sched_vectors(struct vcpu *v);
/* The vCPU whose registers the hardware holds, or NULL. */
struct vcpu *sched_current(void);
/* trapvisor asleep because no vCPU could run: how often it woke up and
 * how long it slept, in counter ticks (the exit summary shows them). */
struct idle_stats {
	unsigned long wakeups;
	uint64_t ticks;
};
extern struct idle_stats idle_stats;
/* Enters the first runnable vCPU; never returns. */
void sched_start(void) __attribute__((noreturn));

#endif
