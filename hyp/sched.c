/*
 * Scheduling: see sched.h.  Runs on the way out of every trap, so the
 * common case (the same vCPU goes on, nothing to deliver) is kept short.
 */
#include "hyp/sched.h"
#include "hyp/codescan.h"
#include "hyp/vm.h"
#include "hyp/vgic.h"
#include "hyp/vtimer.h"
#include "hyp/irq.h"
#include "hyp/console.h"
#include "hyp/stats.h"
#include "arch/arm/mmu.h"
#include "arch/arm/cp15.h"
#include "arch/arm/vfp.h"
#include "arch/arm/vexc.h"
#include "arch/arm/cpu.h"
#include "arch/arm/timer.h"
#include "board/board.h"

void arch_set_frame(struct cpu_ctx *ctx);
extern const char vectors[], vectors_traced[];
void guest_resume(struct vcpu *v) __attribute__((noreturn));

static struct vcpu *current;
static uint64_t slice_end;		/* counter value at which current's slice ends */
static uint64_t switched_in;		/* counter value when current started running */
static bool yield;			/* current gives up the rest of its slice */
static bool timer_fired;		/* trapvisor's timer went off: time to look again */

struct idle_stats idle_stats;

/* The trap frame exception modes point at before any VM runs (boot.S). */
struct vcpu boot_vcpu;

struct vcpu *sched_current(void)
{
	return current;
}

/* trapvisor's timer: only needs to wake the scheduler, which then looks
 * at the counter itself. */
static void timer_irq(unsigned irq)
{
	(void)irq;
	timer_stop();
	timer_fired = true;
}

void sched_wait(struct vcpu *v, bool wfe)
{
	if (wfe) {
		yield = true;
	} else {
		v->wfi = true;
		console_vm_waits_input(v->vm);
	}
}

/* A vCPU in WFI wakes when its GIC signals an interrupt, masked or not
 * by its CPSR.I (ARM ARM B1.8.13, WFI wake-up events). */
static bool can_run(struct vm *vm, uint64_t now)
{
	struct vcpu *v = &vm->vcpu;

	if (vm->state != VM_RUNNING)
		return false;
	if (!v->wfi)
		return true;
	vtimer_sync(v, now);
	if (!vgic_irq_line(&v->vm->gic) && !vgic_fiq_line(&v->vm->gic))
		return false;
	v->wfi = false;
	return true;
}

/* The earliest moment anything may change: the slice end, or a timer of
 * any vCPU (it may wake a waiting VM or preempt the current one). */
static uint64_t next_event(uint64_t now)
{
	uint64_t next = current ? slice_end : VTIMER_NEVER;

	for (int i = 0; i < VM_MAX; i++) {
		struct vm *vm = &vms[i];
		if (vm->state == VM_RUNNING) {
			uint64_t t = vtimer_next_event(&vm->vcpu, now);
			if (t < next)
				next = t;
		}
	}
	return next;
}

static void arm_timer(uint64_t now)
{
	uint64_t next = next_event(now);

	if (next == VTIMER_NEVER)
		timer_stop();
	else
		timer_arm(next <= now ? 1 : next - now > 0x7fffffff ? 0x7fffffff : next - now);
}

void sched_timer_changed(struct vcpu *v)
{
	uint64_t now = timer_now();

	vtimer_sync(v, now);
	arm_timer(now);
}

void sched_vectors(struct vcpu *v)
{
	static const char *vbar = vectors;
	const char *want = v->trace ? vectors_traced : vectors;

	if (want != vbar) {
		vbar = want;
		CP15_WRITE(c12, 0, c0, 0, (uint32_t)(uintptr_t)want);	/* VBAR */
		isb();
	}
}

/* Makes v the vCPU the hardware runs: its tables, its trap frame, the
 * system register values PL0 can see directly, its VFP registers. */
static void switch_to(struct vcpu *v, uint64_t now)
{
	struct vm *vm = v->vm;

	if (current) {
		current->vm->cpu_ticks += now - switched_in;
		if (current != v)
			cp15_save_hw(current);
	}
	vm->slices++;
	switched_in = now;
	slice_end = now + vm->slice_ticks;
	yield = false;
	if (current == v)
		return;
	vfp_switch(current, v);
	current = v;
	arch_set_frame(&v->ctx);
	sched_vectors(v);
	cp15_load_hw(v);
}

/* The next vCPU after prev that can run, prev itself last; NULL if none. */
static struct vcpu *pick(struct vcpu *prev, uint64_t now)
{
	int start = prev ? prev->vm->id : VM_MAX - 1;

	for (int k = 1; k <= VM_MAX; k++) {
		struct vm *vm = &vms[(start + k) % VM_MAX];
		if (vm->state == VM_RESTART)
			vm_restart(vm);
		if (can_run(vm, now))
			return &vm->vcpu;
	}
	return NULL;
}

static bool any_vm(enum vm_state state)
{
	for (int i = 0; i < VM_MAX; i++)
		if (vms[i].state == state)
			return true;
	return false;
}

/* No VM is running: all off (the summary, power off), or some halted or
 * paused (say so once; a halted VM waits forever, as natively; a paused
 * one for the operator). */
static void no_vm_runs(void)
{
	static bool told;

	if (!any_vm(VM_HALTED) && !any_vm(VM_PAUSED))
		vm_all_off();
	if (!told)
		hyp_printf("no VM can run: waiting (quit QEMU with Ctrl-A x)\n");
	told = true;
}

/* Nothing can run: sleep until an interrupt and handle it. */
static void idle(void)
{
	uint64_t t = timer_now();

	arm_timer(t);
	wfi();
	idle_stats.ticks += timer_now() - t;
	idle_stats.wakeups++;
	irq_handle();
}

/* A pending virtual FIQ or IRQ is taken when the guest unmasks it: every
 * write to the virtual CPSR.F and .I traps, so checking on the way out is
 * enough.  FIQ first: it has the higher priority (ARM ARM B1.8.2). */
static void deliver_virq(struct vcpu *v)
{
	struct vgic *g = &v->vm->gic;

	if (!(v->ctx.cpsr & PSR_F) && vgic_fiq_line(g)) {
		v->vm->virqs++;
		vexc_fiq(v, v->ctx.r[15]);
	} else if (!(v->ctx.cpsr & PSR_I) && vgic_irq_line(g)) {
		v->vm->virqs++;
		vexc_irq(v, v->ctx.r[15]);
	}
}

struct vcpu *sched_next(struct vcpu *prev)
{
	bool same = prev && prev == current && prev->vm->state == VM_RUNNING && !prev->wfi &&
		    !yield;
	uint64_t now;
	struct vcpu *next;

	/* The common case, without even reading the counter: trapvisor's
	 * timer is always set for the slice end or earlier, so until it has
	 * fired the slice goes on and no timer line has changed (a register
	 * write that changes one calls sched_timer_changed). */
	if (same && !timer_fired) {
		deliver_virq(prev);
		vmmu_load(prev);
		return prev;
	}
	now = timer_now();
	if (same && now < slice_end) {
		timer_fired = false;
		vtimer_sync(prev, now);
		arm_timer(now);
		deliver_virq(prev);
		vmmu_load(prev);
		return prev;
	}
	if (!(next = pick(prev ? prev : current, now))) {
		/* Time asleep is nobody's CPU time, and no slice is running:
		 * the timer must not be set for one that ended. */
		if (current)
			current->vm->cpu_ticks += now - switched_in;
		slice_end = VTIMER_NEVER;
		do {
			if (!any_vm(VM_RUNNING) && !any_vm(VM_RESTART))
				no_vm_runs();
			idle();
			now = timer_now();
		} while (!(next = pick(current, now)));
		switched_in = now;
	}
	timer_fired = false;
	switch_to(next, now);
	vtimer_sync(next, now);
	deliver_virq(next);
	vmmu_load(next);
	arm_timer(now);
	return next;
}

void sched_start(void)
{
	uint64_t now = timer_now();

	irq_register(board.timer_irq, timer_irq);
	for (int i = 0; i < VM_MAX; i++)
		vms[i].t_start = now;
	struct vcpu *v = sched_next(NULL);

	codescan_resume(v);
	guest_resume(v);
}
