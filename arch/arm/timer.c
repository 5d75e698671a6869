/* Host generic timer: see timer.h. */
#include "arch/arm/timer.h"
#include "arch/arm/cpu.h"

static uint32_t freq;

void timer_init(void)
{
	freq = read_cntfrq();
	timer_stop();
}

uint64_t timer_now(void)
{
	isb();
	return read_cntpct();
}

uint32_t timer_freq(void)
{
	return freq;
}

uint64_t timer_ticks_to_us(uint64_t ticks)
{
	return freq ? ticks * 1000000 / freq : 0;
}

void timer_arm(uint32_t ticks)
{
	CP15_WRITE(c14, 0, c2, 0, ticks);	/* CNTP_TVAL */
	CP15_WRITE(c14, 0, c2, 1, 1);		/* CNTP_CTL: enabled, unmasked */
	isb();
}

void timer_stop(void)
{
	CP15_WRITE(c14, 0, c2, 1, 2);		/* CNTP_CTL: disabled, masked */
	isb();
}
