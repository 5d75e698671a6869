/*
 * The demo guest: an ordinary bare-metal program for QEMU virt.  It looks at
 * the CPU it believes it owns, asks its own SVC handler for some work and
 * powers the machine off.
 */
#include <stdio.h>
#include "rt.h"

static const char *mode_name(uint32_t cpsr)
{
	switch (cpsr & PSR_MODE_MASK) {
	case PSR_USR: return "User";
	case PSR_FIQ: return "FIQ";
	case PSR_IRQ: return "IRQ";
	case PSR_SVC: return "Supervisor";
	case PSR_ABT: return "Abort";
	case PSR_UND: return "Undefined";
	case PSR_SYS: return "System";
	default:      return "an unknown";
	}
}

/* SVC #1: r0 = the n-th Fibonacci number for r0 = n */
static void svc_handler(struct exc_frame *f)
{
	uint32_t imm = *(const uint32_t *)(f->lr - 4) & 0xffffff;
	uint32_t a = 0, b = 1;

	if (imm != 1) {
		f->r[0] = ~0u;
		return;
	}
	for (uint32_t i = 0; i < f->r[0]; i++) {
		uint32_t t = a + b;
		a = b;
		b = t;
	}
	f->r[0] = a;
}

static uint32_t fib_svc(uint32_t n)
{
	register uint32_t r0 __asm__("r0") = n;
	/* the SVC is taken in SVC mode: it overwrites LR_svc */
	__asm__ volatile("svc #1" : "+r"(r0) :: "lr", "memory");
	return r0;
}

int main(void)
{
	uint32_t cpsr = read_cpsr();
	uint32_t midr = cp15_read(MIDR);

	printf("Hello from a bare-metal guest on QEMU virt!\n");
	printf("I am running in %s mode (CPSR mode bits 0x%02lx)\n",
	       mode_name(cpsr), (unsigned long)(cpsr & PSR_MODE_MASK));
	printf("My CPU: MIDR 0x%08lx (implementer 0x%02lx, part 0x%03lx, r%lup%lu)\n",
	       (unsigned long)midr, (unsigned long)(midr >> 24),
	       (unsigned long)((midr >> 4) & 0xfff), (unsigned long)((midr >> 20) & 0xf),
	       (unsigned long)(midr & 0xf));

	exc_set_handler(EXC_SVC, svc_handler);
	printf("My SVC handler says fib(40) = %lu\n", (unsigned long)fib_svc(40));
	printf("Goodbye: powering off through PSCI\n");
	return 0;
}
