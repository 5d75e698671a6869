/*
 * The end of a run: one line per VM with what it cost (wall time, CPU
 * time, slices, virtual interrupts, traps by class), how long trapvisor
 * slept, then power off.
 */
#include <stdio.h>
#include <string.h>
#include "hyp/vm.h"
#include "hyp/console.h"
#include "hyp/stats.h"
#include "hyp/sched.h"
#include "arch/arm/timer.h"
#include "board/board.h"

static unsigned long ms(uint64_t ticks)
{
	return (unsigned long)(timer_ticks_to_us(ticks) / 1000);
}

static void summary(const struct vm *vm)
{
	char traps[320], state[48];
	unsigned n = 0;
	uint64_t total = 0;

	for (int c = 0; c < TRAP_NR; c++) {
		uint64_t k = vm->vcpu.traps[c];
		total += k;
		if (k && n < sizeof(traps) - 40)
			n += sniprintf(traps + n, sizeof(traps) - n, " %s %lu",
				       trap_class_name[c], (unsigned long)k);
	}
	traps[n] = 0;
	if (vm->state == VM_OFF)
		sniprintf(state, sizeof(state), "off after %lu ms", ms(vm->t_end - vm->t_start));
	else
		sniprintf(state, sizeof(state), "%s", vm_state_name(vm->state));
	if (vm->restarts)
		sniprintf(state + strlen(state), sizeof(state) - strlen(state),
			  " (%lu crash restarts)", (unsigned long)vm->restarts);
	hyp_printf("summary %s: %s, cpu %lu ms in %lu slices, %lu virqs, %lu traps:%s\n",
		   vm->name, state, ms(vm->cpu_ticks), (unsigned long)vm->slices,
		   (unsigned long)vm->virqs, (unsigned long)total, n ? traps : " none");
	if (vm->mmu.sh.fills)
		hyp_printf("summary %s: shadow tables: %lu fills, %lu pool recycles, "
			   "%lu context evictions, %lu faults to the guest\n", vm->name,
			   (unsigned long)vm->mmu.sh.fills, (unsigned long)vm->mmu.sh.recycles,
			   (unsigned long)vm->mmu.sh.ctx_evictions,
			   (unsigned long)vm->mmu.guest_faults);
	if (vm->cs.on)
		hyp_printf("summary %s: code found at run time: %lu pages scanned, %lu "
			   "instructions rewritten, %lu pages written again, %lu copies, "
			   "%lu in its table\n", vm->name, (unsigned long)vm->cs.scanned,
			   (unsigned long)vm->cs.rewritten, (unsigned long)vm->cs.unscanned,
			   (unsigned long)vm->cs.copies, (unsigned long)vm->rt.count);
}

void vm_all_off(void)
{
	for (int i = 0; i < VM_MAX; i++)
		if (vms[i].state != VM_EMPTY)
			summary(&vms[i]);
	hyp_printf("idle: asleep %lu ms, woken %lu times\n", ms(idle_stats.ticks),
		   idle_stats.wakeups);
	hyp_printf("all VMs are off: powering off\n");
	board.poweroff();
	for (;;)
		;
}
