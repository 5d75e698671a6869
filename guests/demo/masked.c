/*
 * masked: prints one line, masks interrupts and spins forever without
 * ever powering off: a VM that never gives the CPU back on its own.
 */
#include <stdio.h>
#include "rt.h"

int main(void)
{
	volatile uint32_t n = 0;

	printf("masked: spinning with interrupts masked\n");
	__asm__ volatile("cpsid i" ::: "memory");
	for (;;)
		n++;
}
