/*
 * novec: sets VBAR back to 0, as it is at reset for a guest that never
 * sets it, where its machine has nothing (trapvisor's virt has no flash),
 * then runs an undefined instruction.  The Undefined vector at 0x4 cannot
 * be fetched: a prefetch abort, whose vector at 0xc cannot be fetched
 * either, and so on for ever.  trapvisor stops the VM: an exception loop
 * at its own vector.
 */
#include "tests.h"

int main(void)
{
	printf("novec: VBAR = 0, where nothing is; now an undefined instruction\n");
	cp15_write(VBAR, 0);
	isb();
	__asm__ volatile("udf #0x0ec" ::: "memory");
	printf("novec: came back\n");	/* never */
	return 1;
}
