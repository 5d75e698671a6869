/* PSCI over HVC, the conduit QEMU virt gives a guest without EL3. */
#include "rt.h"

int32_t psci_call(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3)
{
	register uint32_t r0 __asm__("r0") = fn;
	register uint32_t r1 __asm__("r1") = a1;
	register uint32_t r2 __asm__("r2") = a2;
	register uint32_t r3 __asm__("r3") = a3;

	/* SMCCC: r0 is the result, r1-r3 may be clobbered */
	__asm__ volatile(".arch_extension virt\n\thvc #0"
			 : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3) :: "memory");
	return (int32_t)r0;
}

void system_off(void)
{
	psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	for (;;)			/* SYSTEM_OFF does not return */
		;
}

void system_reset(void)
{
	psci_call(PSCI_SYSTEM_RESET, 0, 0, 0);
	for (;;)
		;
}
