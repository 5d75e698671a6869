/*
 * jump: sets VBAR back to 0 (nothing there on trapvisor's virt) and jumps
 * to 0x0b000000, where its machine has nothing either: a prefetch abort,
 * whose vector cannot be fetched, for ever.  trapvisor stops the VM: an
 * exception loop at its own vector 0xc.
 */
#include "tests.h"

int main(void)
{
	printf("jump: VBAR = 0; now a jump to 0x%08lx\n", HEX(NOWHERE));
	cp15_write(VBAR, 0);
	isb();
	__asm__ volatile("bx %0" :: "r"(NOWHERE) : "memory");
	printf("jump: came back\n");	/* never */
	return 1;
}
