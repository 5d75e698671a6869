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
#include "arch/arm/psr.h"

void hyp_main(uint32_t pa_minus_va, uint32_t boot_mode);

bool board_entered_in_hyp;

void hyp_main(uint32_t pa_minus_va, uint32_t boot_mode)
{
	/* boot.S kept r2 as the firmware passed it (ATAGS or a device tree) */
	uint32_t boot_r2 = read_tpidrprw();

	board_entered_in_hyp = boot_mode == PSR_MODE_HYP;
	mmu_init(pa_minus_va);
	mem_init(boot_r2);
	if (board.init)
		board.init();
	console_init();
	hyp_printf("trapvisor on %s: guests run deprivileged in User mode\n", board.name);
	if (board_entered_in_hyp)
		hyp_printf("entered in HYP mode: dropped to SVC, Virtualization Extensions unused\n");
	if (board.atags)
		hyp_printf("host RAM %lu MiB (from %s), guest package at 0x%08lx (%s)\n",
			   (unsigned long)(host_mem.ram_size >> 20), host_mem.source,
			   (unsigned long)host_mem.pkg_pa, host_mem.pkg_source);
	vfp_init();
	timer_init();
	irq_init();
	/* Counters readable from PL0, so guests read them without a trap,
	 * unless the host's counter must be scaled to the model's frequency:
	 * then they trap too.  Timer registers always trap (each vCPU has
	 * its own). */
	write_cntkctl(timer_scaled() ? 0 : 0x3);
	isb();
	if (timer_scaled())
		hyp_printf("host counter at %lu Hz: guests see %lu Hz, scaled\n",
			   (unsigned long)timer_host_freq(), (unsigned long)timer_freq());
	if (pkg_start_vms() == 0)
		hyp_printf("no VM could be started\n");
	console_input_start();
	sched_start();
}
