/*
 * Scheduling.  One vCPU runs at a time; after each trap the scheduler
 * says which to resume.  When no VM is left running, trapvisor prints
 * the per-VM summary and powers the machine off.
 */
#include <stdio.h>
#include "hyp/sched.h"
#include "hyp/vm.h"
#include "hyp/console.h"
#include "hyp/stats.h"
#include "arch/arm/mmu.h"
#include "arch/arm/cp15.h"
#include "arch/arm/vfp.h"
#include "arch/arm/cpu.h"
#include "arch/arm/timer.h"
#include "board/board.h"

void arch_set_frame(struct cpu_ctx *ctx);
void guest_resume(struct vcpu *v) __attribute__((noreturn));

static struct vcpu *current;

/* The trap frame exception modes point at before any VM runs (boot.S). */
struct vcpu boot_vcpu;

/* Makes v the vCPU the hardware runs: its tables, its trap frame, the
 * system register values PL0 can see directly. */
static void switch_to(struct vcpu *v)
{
	if (current == v)
		return;
	if (current)
		cp15_save_hw(current);
	current = v;
	mmu_switch(v->vm->l1_pa, v->vm->asid);
	arch_set_frame(&v->ctx);
	cp15_load_hw(v);
	vfp_load_hw(v);
}

/*
 * WFI/WFE.  Until virtual interrupts exist there is nothing to wait for;
 * the architecture lets both complete at any time, so the vCPU goes on.
 */
void sched_wait(struct vcpu *v, bool wfe)
{
	(void)v; (void)wfe;
}

static void summary(void)
{
	for (int i = 0; i < VM_MAX; i++) {
		struct vm *vm = &vms[i];
		char line[320];
		unsigned n = 0;
		uint64_t total = 0;

		if (vm->state == VM_EMPTY)
			continue;
		for (int c = 0; c < TRAP_NR; c++) {
			uint64_t k = vm->vcpu.traps[c];
			total += k;
			if (k && n < sizeof(line) - 40)
				n += sniprintf(line + n, sizeof(line) - n, " %s %lu",
					       trap_class_name[c], (unsigned long)k);
		}
		line[n] = 0;
		if (vm->state == VM_OFF)
			hyp_printf("summary %s: off after %lu ms, %lu traps:%s\n", vm->name,
				   (unsigned long)(timer_ticks_to_us(vm->t_end - vm->t_start) / 1000),
				   (unsigned long)total, n ? line : " none");
		else
			hyp_printf("summary %s: %s, %lu traps:%s\n", vm->name,
				   vm->state == VM_FAILED ? "failed" : "halted",
				   (unsigned long)total, n ? line : " none");
	}
}

static void idle_forever(void)
{
	hyp_printf("no VM can run: waiting (quit QEMU with Ctrl-A x)\n");
	for (;;)
		wfi();
}

struct vcpu *sched_next(struct vcpu *prev)
{
	bool halted = false;

	if (prev && prev->vm->state == VM_RUNNING)
		return prev;
	for (int k = 1; k <= VM_MAX; k++) {
		struct vm *vm = &vms[((prev ? prev->vm->id : -1) + k) % VM_MAX];
		if (vm->state == VM_RUNNING) {
			switch_to(&vm->vcpu);
			return &vm->vcpu;
		}
		halted |= vm->state == VM_HALTED;
	}
	if (halted)
		idle_forever();
	summary();
	hyp_printf("all VMs are off: powering off\n");
	board.poweroff();
	return NULL;
}

void sched_start(void)
{
	struct vcpu *v;

	/* run time counts from here, not from a load that other VMs' loads followed */
	for (int i = 0; i < VM_MAX; i++)
		vms[i].t_start = timer_now();
	v = sched_next(NULL);

	guest_resume(v);
}
