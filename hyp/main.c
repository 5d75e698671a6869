/*
 * trapvisor's C entry, from arch/arm/boot.S with the MMU on: set up the
 * machine, create a VM for each guest in the package, run them.
 */
#include "hyp/console.h"
#include "hyp/mem.h"
#include "hyp/irq.h"
#include "hyp/pkg.h"
#include "hyp/sched.h"
#include "arch/arm/cp15.h"
#include "arch/arm/cpu.h"
#include "arch/arm/vfp.h"
#include "arch/arm/timer.h"
#include "board/board.h"

void hyp_main(uint32_t pa_minus_va, uint32_t boot_sctlr);

void hyp_main(uint32_t pa_minus_va, uint32_t boot_sctlr)
{
	mem_init();
	mmu_init(pa_minus_va);
	console_init();
	hyp_printf("trapvisor on %s: guests run deprivileged in User mode\n", board.name);
	cp15_init_host(boot_sctlr);
	vfp_init();
	timer_init();
	irq_init();
	/* Counters readable from PL0 (guests read them directly); timer
	 * registers trap, so each vCPU gets its own. */
	write_cntkctl(0x3);
	isb();
	if (pkg_start_vms() == 0)
		hyp_printf("no VM could be started\n");
	sched_start();
}
