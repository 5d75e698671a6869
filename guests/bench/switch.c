/*
 * VM switch: run as two VMs (or more) at once.  Each spins reading the
 * shared cycle counter and notes every gap, a stretch when it did not run:
 * (last read before, first read after).  scripts/bench.py matches one
 * VM's "before" with the next VM's "after": the time from the end of one
 * VM's slice to the next VM's first instruction, plus at most one turn of
 * the loop on each side (the loop's length is reported too).
 */
#include <stdint.h>
#include <stdio.h>
#include "rt.h"
#include "bench.h"

#define GAPS		12
#define GAP_MIN		2000u		/* a trap is shorter than this; a slice longer */
#define SPIN_LIMIT	50000000u	/* natively, nobody takes the CPU away */

static uint32_t before[GAPS], after[GAPS];

int main(void)
{
	uint32_t n = 0, iters = 0, start, last, now;

	pmu_start();
	start = last = ccnt();
	while (n < GAPS && last - start < SPIN_LIMIT) {
		now = ccnt();
		if (now - last > GAP_MIN) {
			before[n] = last;
			after[n] = now;
			n++;
		}
		last = now;
		iters++;
	}
	if (n == 0)
		bench_report("switch-loop", last - start, iters);
	for (uint32_t i = 0; i < n; i++)
		printf("gap: %lu %lu\n", (unsigned long)before[i], (unsigned long)after[i]);
	return 0;
}
