/*
 * Converting between the host counter's ticks and the model's (timer.c),
 * by the reduced fraction num/den: pure, so host tests check it.
 */
#ifndef ARCH_ARM_TIMER_SCALE_H
#define ARCH_ARM_TIMER_SCALE_H

#include <stdint.h>

static inline uint32_t scale_gcd(uint32_t a, uint32_t b)
{
	while (b) {
		uint32_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* floor(host * num / den) without overflowing 64 bits */
static inline uint64_t scale_count(uint64_t host, uint32_t num, uint32_t den)
{
	return host / den * num + host % den * num / den;
}

/* ceil(ticks * den / num): a deadline in host ticks, never early */
static inline uint64_t scale_deadline(uint32_t ticks, uint32_t num, uint32_t den)
{
	return ((uint64_t)ticks * den + num - 1) / num;
}

#endif
