/*
 * The vCPU's generic timers (ARM ARM B8): the physical timer CNTP (PPI 30)
 * and the virtual timer CNTV (PPI 27).  Their registers are shadow cp15
 * registers (arch/arm/cp15.c); this turns them into interrupt lines on
 * the VM's virtual GIC, and tells the scheduler when the next one fires.
 * Both count on the host's system counter (CNTVOFF is 0), so a guest's
 * time goes on while it is descheduled, as it would on a shared machine.
 */
#ifndef HYP_VTIMER_H
#define HYP_VTIMER_H

#include <stdint.h>

struct vcpu;

#define VTIMER_PPI_VIRT	27
#define VTIMER_PPI_PHYS	30
#define VTIMER_NEVER	UINT64_MAX

/* CNTP_CTL, CNTV_CTL */
#define CNT_CTL_ENABLE	(1u << 0)
#define CNT_CTL_IMASK	(1u << 1)
#define CNT_CTL_ISTATUS	(1u << 2)

/* Sets both timers' interrupt lines as they are at counter value now. */
void vtimer_sync(struct vcpu *v, uint64_t now);
/* The counter value at which a line of this vCPU that is low now will
 * rise, or VTIMER_NEVER. */
uint64_t vtimer_next_event(const struct vcpu *v, uint64_t now);

#endif
