/*
 * spinmask: like guests/demo/masked.c it masks interrupts and spins, but
 * it stops after SECONDS of its virtual counter and powers off, so a test
 * can see how much CPU it got beside others.  Masking its virtual IRQs
 * does not mask trapvisor's timer: it must get its slice, no more.  It
 * counts loop iterations the way guests/demo/spin.c does (which depends on
 * timing: the number is printed, not compared).
 */
#include <stdio.h>
#include "rt.h"
#include "gic.h"

#define SECONDS		3

int main(void)
{
	uint64_t end;
	uint32_t n = 0;
	volatile uint32_t sink = 0;

	printf("spinmask: spinning %d s with interrupts masked\n", SECONDS);
	__asm__ volatile("cpsid i" ::: "memory");
	end = read_cntvct() + (uint64_t)cnt_ms(1000) * SECONDS;
	while (read_cntvct() < end) {
		for (int i = 0; i < 64; i++)	/* a little work per counter read */
			sink++;
		n += 64;
	}
	printf("spinmask: %lu thousand iterations\n", (unsigned long)(n / 1000));
	return 0;
}
