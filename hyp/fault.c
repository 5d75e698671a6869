/*
 * Fault containment.  A guest may do anything; what it does wrong is its
 * own business (a fault the guest's machine would raise is delivered to
 * the guest).  What trapvisor must step in for is a VM that cannot go on:
 * an instruction trapvisor cannot emulate, an exception loop with no way
 * out (arch/arm/vexc.c), an instruction that traps again and again
 * without ever completing (arch/arm/trap.c).  Then the VM gets one [hyp]
 * block (why, registers, virtual mode, last trap) and its restart policy
 * decides: parked as failed, or restarted clean, up to its limit.  No
 * other VM notices; only a trapvisor bug stops trapvisor.
 */
#include <stdarg.h>
#include <stdio.h>
#include "hyp/vm.h"
#include "hyp/console.h"
#include "arch/arm/entry.h"
#include "arch/arm/cp15_regs.h"

static const char *const mode_name[32] = {
	[0x10] = "usr", [0x11] = "fiq", [0x12] = "irq", [0x13] = "svc",
	[0x17] = "abt", [0x1b] = "und", [0x1f] = "sys",
};

/* "undefined instruction e7f000f0 at 40000120", and the like */
void vcpu_last_trap(const struct vcpu *v, char *buf, size_t len)
{
	unsigned long pc = v->last_trap_pc, info = v->last_trap_info;

	switch (v->last_trap_kind) {
	case TRAP_ENTRY_UND:
		sniprintf(buf, len, "undefined instruction %08lx at %08lx", info, pc);
		break;
	case TRAP_ENTRY_SVC:
		sniprintf(buf, len, "svc, returning to %08lx", pc);
		break;
	case TRAP_ENTRY_PABT:
		sniprintf(buf, len, "prefetch abort at %08lx, IFAR %08lx", pc, info);
		break;
	case TRAP_ENTRY_DABT:
		sniprintf(buf, len, "data abort at %08lx, DFAR %08lx", pc, info);
		break;
	default:
		sniprintf(buf, len, "none");
	}
}

void vcpu_report(const struct vcpu *v)
{
	const char *name = v->vm->name, *mode = mode_name[vcpu_mode(v)];
	uint32_t cpsr = v->ctx.cpsr;
	char trap[80];

	vcpu_last_trap(v, trap, sizeof(trap));
	hyp_printf("%s:   pc %08lx cpsr %08lx: virtual mode %s, masked %s%s%s%s\n"
		   "%s:   last trap: %s\n", name, (unsigned long)v->ctx.r[15],
		   (unsigned long)cpsr, mode ? mode : "?", cpsr & PSR_A ? "A" : "",
		   cpsr & PSR_I ? "I" : "", cpsr & PSR_F ? "F" : "",
		   cpsr & (PSR_A | PSR_I | PSR_F) ? "" : "none", name, trap);
	for (int i = 0; i < 16; i += 4)
		hyp_printf("%s:   r%-2d %08lx %08lx %08lx %08lx\n", name, i,
			   (unsigned long)v->ctx.r[i], (unsigned long)v->ctx.r[i + 1],
			   (unsigned long)v->ctx.r[i + 2], (unsigned long)v->ctx.r[i + 3]);
	hyp_printf("%s:   SCTLR %08lx VBAR %08lx\n", name, (unsigned long)v->cp15[C_SCTLR],
		   (unsigned long)v->cp15[C_VBAR]);
}

void vcpu_fail(struct vcpu *v, const char *fmt, ...)
{
	struct vm *vm = v->vm;
	char why[160];
	va_list ap;

	va_start(ap, fmt);
	vsniprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	console_vm_flush(vm);
	v->state = VCPU_FAILED;
	hyp_printf("%s: FAILED: %s\n", vm->name, why);
	vcpu_report(v);
	if (vm->restarts < vm->restart_max) {
		vm->restarts++;
		vm->state = VM_RESTART;
		hyp_printf("%s:   restarting (restart=crash: %lu of %lu)\n", vm->name,
			   (unsigned long)vm->restarts, (unsigned long)vm->restart_max);
	} else {
		vm->state = VM_FAILED;
		if (vm->restart_max)
			hyp_printf("%s:   parked: restarted %lu times already (restarts=%lu)\n",
				   vm->name, (unsigned long)vm->restarts,
				   (unsigned long)vm->restart_max);
		else
			hyp_printf("%s:   parked (restart=never)\n", vm->name);
	}
}
