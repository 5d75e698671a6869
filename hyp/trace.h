/* Trap tracing (monitor "trace VM on"): every trap of a VM, logged. */
#ifndef HYP_TRACE_H
#define HYP_TRACE_H

#include <stdint.h>
#include "hyp/stats.h"

struct vcpu;

void trace_before(const struct vcpu *v, uint64_t before[TRAP_NR]);
void trace_trap(struct vcpu *v, unsigned entry_cls, const uint64_t before[TRAP_NR]);
/* Turns tracing of v on or off (the full trap path only, while it is on). */
void trace_set(struct vcpu *v, bool on);

#endif
