/*
 * garbvec: points VBAR at a 4 KiB page of pseudo-random words (xorshift32,
 * fixed seed) and runs an undefined instruction: the CPU runs garbage
 * from the Undefined vector on, in Undefined mode, with whatever that
 * garbage does to the registers and memory.  With this seed, under
 * trapvisor, the Undefined vector's garbage falls through to the Data
 * Abort vector's, whose load from 0x3f46ac70 (PCIe ECAM natively; nothing
 * on trapvisor's virt) aborts into the same vector again: an exception
 * loop trapvisor stops.  Natively the load succeeds and the CPU runs on
 * through garbage and zeroed RAM: it never comes back either.
 */
#include "tests.h"

#define PAGE	0x42000000u

int main(void)
{
	uint32_t seed = 0x1badb002u;

	for (uint32_t a = PAGE; a < PAGE + 0x1000; a += 4) {
		seed ^= seed << 13;
		seed ^= seed >> 17;
		seed ^= seed << 5;
		*(volatile uint32_t *)a = seed;
	}
	printf("garbvec: VBAR = 0x%08lx, a page of garbage; now an undefined instruction\n",
	       HEX(PAGE));
	cp15_write(ICIALLU, 0);
	cp15_write(VBAR, PAGE);
	isb();
	__asm__ volatile("udf #0x6a" ::: "memory");
	printf("garbvec: came back\n");	/* never natively, nor under trapvisor */
	return 1;
}
