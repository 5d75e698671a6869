/*
 * An exception taken inside trapvisor itself is a trapvisor bug: print
 * everything useful and stop the machine.
 */
#include <stdint.h>
#include "hyp/console.h"
#include "arch/arm/cpu.h"
#include "arch/arm/entry.h"
#include "board/board.h"

void hyp_fault(unsigned cls, const uint32_t *regs, uint32_t spsr) __attribute__((noreturn));

static const char *const what[] = {
	[TRAP_ENTRY_UND] = "undefined instruction", [TRAP_ENTRY_SVC] = "SVC",
	[TRAP_ENTRY_PABT] = "prefetch abort", [TRAP_ENTRY_DABT] = "data abort",
	[TRAP_ENTRY_IRQ] = "IRQ", [TRAP_ENTRY_FIQ] = "FIQ", [TRAP_ENTRY_RESET] = "reset vector",
};

static int panicking;

/* A fault while stopping (in poweroff itself): nothing left to try. */
static void once(void)
{
	if (panicking++)
		for (;;)
			__asm__ volatile("wfi");
}

/* regs: r0-r12 then the exception's preferred return address. */
void hyp_fault(unsigned cls, const uint32_t *regs, uint32_t spsr)
{
	once();
	hyp_printf("PANIC: %s in trapvisor at pc %08lx (spsr %08lx)\n"
		   "  dfsr %08lx dfar %08lx ifsr %08lx ifar %08lx\n",
		   what[cls], (unsigned long)regs[13], (unsigned long)spsr,
		   (unsigned long)read_dfsr(), (unsigned long)read_dfar(),
		   (unsigned long)read_ifsr(), (unsigned long)read_ifar());
	for (int i = 0; i < 13; i += 4)
		hyp_printf("  r%-2d %08lx %08lx %08lx %08lx\n", i, (unsigned long)regs[i],
			   (unsigned long)regs[i + 1], (unsigned long)regs[i + 2],
			   (unsigned long)(i + 3 < 13 ? regs[i + 3] : 0));
	board.poweroff();
	for (;;)
		;
}

/* Called for a check that must never fail. */
void panic(const char *msg) __attribute__((noreturn));
void panic(const char *msg)
{
	once();
	hyp_printf("PANIC: %s\n", msg);
	board.poweroff();
	for (;;)
		;
}
