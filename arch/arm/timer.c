/*
 * Host generic timer: see timer.h.  trapvisor counts in the model's ticks
 * (MODEL_CNTFRQ_HZ, what every guest sees in CNTFRQ): where the host's
 * counter runs at another frequency (19.2 MHz on a real Pi), its count is
 * scaled by num/den on the way in and timer deadlines on the way out.
 */
#include "arch/arm/timer.h"
#include "arch/arm/cpu.h"
#include "arch/arm/cpu_model.h"
#include "arch/arm/timer_scale.h"

static uint32_t num = 1, den = 1;	/* model ticks per host tick, reduced */

void timer_init(void)
{
	uint32_t host = read_cntfrq(), g;

	if (host && host != MODEL_CNTFRQ_HZ) {
		g = scale_gcd(MODEL_CNTFRQ_HZ, host);
		num = MODEL_CNTFRQ_HZ / g;
		den = host / g;
	}
	timer_stop();
}

bool timer_scaled(void)
{
	return num != den;
}

uint32_t timer_host_freq(void)
{
	return (uint32_t)((uint64_t)MODEL_CNTFRQ_HZ * den / num);
}

uint64_t timer_now(void)
{
	uint64_t host;

	isb();
	host = read_cntpct();
	if (num == den)
		return host;
	return scale_count(host, num, den);
}

uint32_t timer_freq(void)
{
	return MODEL_CNTFRQ_HZ;
}

uint64_t timer_ticks_to_us(uint64_t ticks)
{
	return ticks * 1000000 / MODEL_CNTFRQ_HZ;
}

void timer_arm(uint32_t ticks)
{
	uint64_t host = scale_deadline(ticks, num, den);

	CP15_WRITE(c14, 0, c2, 0, host > 0x7fffffff ? 0x7fffffff : (uint32_t)host);	/* CNTP_TVAL */
	CP15_WRITE(c14, 0, c2, 1, 1);		/* CNTP_CTL: enabled, unmasked */
	isb();
}

void timer_stop(void)
{
	CP15_WRITE(c14, 0, c2, 1, 2);		/* CNTP_CTL: disabled, masked */
	isb();
}
