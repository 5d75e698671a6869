/*
 * badsp: points the stack pointers of Abort and Undefined mode at nothing
 * (0xdeadbee0), installs vectors whose handlers push on their stack, and
 * runs an undefined instruction.  The Undefined handler's push takes a
 * data abort; the Abort handler's push takes the same data abort again,
 * inside itself, for ever: natively the CPU spins there.  Under trapvisor
 * the VM is stopped with an "exception loop" block and parked, or
 * restarted, as its configuration says.
 *
 * The handlers push with STMDB SP! (PUSH): an aborted store leaves SP as
 * it was, so every round faults at the same address.  (A handler that
 * lowers SP first, SUB SP then STM, as guests/rt's vectors do, walks SP
 * down 64 bytes a round: that one ends, natively too, once SP reaches RAM.)
 */
#include "tests.h"

#define GARBAGE_SP	0xdeadbee0u

extern const uint32_t badsp_vectors[];

__asm__(
"	.syntax unified\n"
"	.arm\n"
"	.text\n"
"	.balign	32\n"
"	.global	badsp_vectors, badsp_und, badsp_abt\n"
"badsp_vectors:\n"
"	b	badsp_other\n	b	badsp_und\n	b	badsp_other\n	b	badsp_abt\n"
"	b	badsp_abt\n	b	badsp_other\n	b	badsp_other\n	b	badsp_other\n"
"badsp_und:\n"
"	push	{r0-r12, lr}\n"
"	b	.\n"
"badsp_abt:\n"
"	push	{r0-r12, lr}\n"
"	b	.\n"
"badsp_other:\n"
"	b	.\n");

int main(void)
{
	printf("badsp: SP of Abort and Undefined mode = 0x%08lx, vectors at 0x%08lx; "
	       "now an undefined instruction\n", HEX(GARBAGE_SP), HEX((uint32_t)badsp_vectors));
	__asm__ volatile("cps #0x17\n\tmov sp, %0\n\t"
			 "cps #0x1b\n\tmov sp, %0\n\t"
			 "cps #0x13" :: "r"(GARBAGE_SP) : "memory");
	cp15_write(VBAR, (uint32_t)badsp_vectors);
	isb();
	__asm__ volatile("udf #0xbad" ::: "memory");
	printf("badsp: came back\n");	/* never */
	return 1;
}
