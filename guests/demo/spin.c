/*
 * spin: a CPU-bound guest for fairness measurements.  Counts loop
 * iterations; each time the virtual counter passes another 250 ms it prints
 * "spin: N", N = the iterations of that period / 1000, and after 3 s
 * "spin: total T" (thousands of iterations in all), then powers off.
 * The output depends on timing on purpose.
 */
#include <stdio.h>
#include "rt.h"
#include "gic.h"

#define PERIOD_MS	250
#define PERIODS		12	/* 3 s */

int main(void)
{
	uint32_t period = cnt_ms(PERIOD_MS);
	uint64_t next = read_cntvct() + period;
	uint64_t total = 0;
	uint32_t n = 0;
	volatile uint32_t sink = 0;

	printf("spin: counting for %d x %d ms\n", PERIODS, PERIOD_MS);
	for (int p = 0; p < PERIODS; ) {
		for (int i = 0; i < 64; i++)	/* a little work per counter read */
			sink++;
		n += 64;
		if (read_cntvct() >= next) {
			printf("spin: %lu\n", (unsigned long)(n / 1000));
			total += n;
			n = 0;
			next += period;
			p++;
		}
	}
	printf("spin: total %lu\n", (unsigned long)(total / 1000));
	return 0;
}
