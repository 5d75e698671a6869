/* The vCPU's generic timers as interrupt sources: see vtimer.h. */
#include "hyp/vtimer.h"
#include "hyp/vm.h"
#include "hyp/vgic.h"

struct vtimer_regs {
	unsigned ctl, cval, ppi;
};

static const struct vtimer_regs timers[] = {
	{ C_CNTP_CTL, C_CNTP_CVAL, VTIMER_PPI_PHYS },
	{ C_CNTV_CTL, C_CNTV_CVAL, VTIMER_PPI_VIRT },
};

/* ARM ARM B8.1.5: the line is ISTATUS (enabled and the count reached
 * CVAL) and not IMASK. */
static bool armed(const struct vcpu *v, const struct vtimer_regs *t)
{
	return (v->cp15[t->ctl] & (CNT_CTL_ENABLE | CNT_CTL_IMASK)) == CNT_CTL_ENABLE;
}

void vtimer_sync(struct vcpu *v, uint64_t now)
{
	for (unsigned i = 0; i < 2; i++) {
		const struct vtimer_regs *t = &timers[i];
		vgic_set_level(&v->vm->gic, t->ppi, armed(v, t) && now >= vcpu_cp15_64(v, t->cval));
	}
}

uint64_t vtimer_next_event(const struct vcpu *v, uint64_t now)
{
	uint64_t next = VTIMER_NEVER;

	for (unsigned i = 0; i < 2; i++) {
		const struct vtimer_regs *t = &timers[i];
		uint64_t c = vcpu_cp15_64(v, t->cval);
		if (armed(v, t) && c > now && c < next)
			next = c;
	}
	return next;
}
