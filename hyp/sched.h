/* Which vCPU runs next. */
#ifndef HYP_SCHED_H
#define HYP_SCHED_H

#include <stdbool.h>

struct vcpu;

/* WFI (wfe = false) or WFE: the vCPU waits for an interrupt/event. */
void sched_wait(struct vcpu *v, bool wfe);
/* After a trap: the vCPU to resume, switching to it if needed.  Powers
 * the machine off when no VM is left. */
struct vcpu *sched_next(struct vcpu *prev);
/* Enters the first runnable vCPU; never returns. */
void sched_start(void) __attribute__((noreturn));

#endif
