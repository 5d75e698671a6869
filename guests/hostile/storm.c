/*
 * storm: an exception return to itself, for ever: MOVS PC, LR with LR =
 * its own address and SPSR = SVC mode.  Natively a spin loop; under
 * trapvisor the instruction traps (it is privileged) and is emulated, and
 * the next trap is the same instruction again: a storm of traps, none of
 * which moves the guest anywhere.  trapvisor stops it ("no progress").
 */
#include "tests.h"

int main(void)
{
	printf("storm: MOVS PC, LR with LR = its own address, for ever\n");
	__asm__ volatile("msr spsr_fsxc, %0\n\t"
			 "adr lr, 1f\n"
			 "1:\tmovs pc, lr"
			 :: "r"(PSR_SVC | PSR_A | PSR_I | PSR_F) : "lr", "memory");
	printf("storm: came back\n");	/* never */
	return 1;
}
