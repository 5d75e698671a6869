/*
 * VM life cycle: created once at boot from the guest package, loaded,
 * reset (PSCI SYSTEM_RESET reloads the image, as QEMU reloads an ELF),
 * powered off, or parked as failed.  A VM's failure is reported and
 * contained: only a trapvisor bug stops trapvisor.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "hyp/vm.h"
#include "hyp/mem.h"
#include "hyp/console.h"
#include "arch/arm/layout.h"
#include "arch/arm/mmu_bits.h"
#include "arch/arm/cp15.h"
#include "arch/arm/vfp.h"
#include "arch/arm/timer.h"

struct vm vms[VM_MAX];

void *vm_ram_ptr(struct vm *vm, uint32_t gpa, uint32_t len)
{
	uint32_t off = gpa - GUEST_RAM_BASE;

	if (gpa < GUEST_RAM_BASE || off >= vm->ram_size || len > vm->ram_size - off)
		return NULL;
	return vm->ram + off;
}

static const char *const mode_name[32] = {
	[0x10] = "usr", [0x11] = "fiq", [0x12] = "irq", [0x13] = "svc",
	[0x17] = "abt", [0x1b] = "und", [0x1f] = "sys",
};

void vcpu_fail(struct vcpu *v, const char *fmt, ...)
{
	struct vm *vm = v->vm;
	char why[160];
	va_list ap;

	va_start(ap, fmt);
	vsniprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	vuart_flush(vm);
	vm->state = VM_FAILED;
	v->state = VCPU_FAILED;
	hyp_printf("%s: FAILED: %s\n"
		   "%s:   pc %08lx cpsr %08lx (virtual mode %s)  last trap at %08lx\n",
		   vm->name, why, vm->name, (unsigned long)v->ctx.r[15],
		   (unsigned long)v->ctx.cpsr, mode_name[vcpu_mode(v)] ? mode_name[vcpu_mode(v)] : "?",
		   (unsigned long)v->last_trap_pc);
	for (int i = 0; i < 16; i += 4)
		hyp_printf("%s:   r%-2d %08lx %08lx %08lx %08lx\n", vm->name, i,
			   (unsigned long)v->ctx.r[i], (unsigned long)v->ctx.r[i + 1],
			   (unsigned long)v->ctx.r[i + 2], (unsigned long)v->ctx.r[i + 3]);
}

/* Loads the image into RAM (this VM's tables must be the current ones). */
static bool vm_load(struct vm *vm)
{
	struct guest_ram ram = { GUEST_RAM_BASE, vm->ram_size, vm->ram };
	uint32_t entry;
	char err[160];

	vm->rt.count = 0;
	if (elf_load(vm->image, vm->image_len, &ram, &vm->rt, &entry, err, sizeof(err))) {
		hyp_printf("%s: %s refused: %s\n", vm->name, vm->file, err);
		vm->state = VM_FAILED;
		return false;
	}
	cache_sync_code(vm->ram, vm->ram_size);
	vuart_reset(&vm->uart);
	vcpu_reset(&vm->vcpu, entry);
	vm->vcpu.cp15[C_MPIDR] = 0x80000000;	/* CPU 0 of a uniprocessor, as on virt */
	vm->state = VM_RUNNING;
	return true;
}

int vm_create(const char *name, const char *file, const uint8_t *image, uint32_t len, uint32_t ram_mb)
{
	struct vm *vm = NULL;
	int id;

	for (id = 0; id < VM_MAX && vms[id].state != VM_EMPTY; id++)
		;
	if (id == VM_MAX) {
		hyp_printf("%s: not started: at most %d VMs\n", name, VM_MAX);
		return -1;
	}
	vm = &vms[id];
	snprintf(vm->name, sizeof(vm->name), "%s", name);
	snprintf(vm->file, sizeof(vm->file), "%s", file);
	vm->id = id;
	vm->asid = id + 1;
	vm->image = image;
	vm->image_len = len;
	vm->ram_size = ram_mb << 20;
	vm->vcpu.vm = vm;
	vm->state = VM_FAILED;
	if (vm->ram_size == 0 || vm->ram_size > VM_WINDOW_MAX) {
		hyp_printf("%s: not started: RAM size %lu MiB (1 to %lu)\n", name,
			   (unsigned long)ram_mb, (unsigned long)(VM_WINDOW_MAX >> 20));
		return -1;
	}
	vm->ram_pa = ram_alloc(vm->ram_size);
	vm->l1 = mmu_new_table();
	vm->rt.e = heap_alloc(REWRITE_MAX * sizeof(*vm->rt.e), 8);
	vm->rt.cap = REWRITE_MAX;
	if (!vm->ram_pa || !vm->l1 || !vm->rt.e) {
		hyp_printf("%s: not started: out of memory for %lu MiB of RAM\n", name,
			   (unsigned long)ram_mb);
		return -1;
	}
	mmu_map_sections(vm->l1, GUEST_RAM_BASE, vm->ram_pa, vm->ram_size, SECT_GUEST);
	mmu_map_sections(vm->l1, VM_WINDOW_VA, vm->ram_pa, vm->ram_size, SECT_WINDOW);
	mmu_sync_table(vm->l1);
	vm->l1_pa = virt_to_phys(vm->l1);
	vm->ram = (uint8_t *)VM_WINDOW_VA;

	mmu_switch(vm->l1_pa, vm->asid);
	memset(vm->ram, 0, vm->ram_size);	/* RAM powers up zeroed, as on QEMU */
	if (!vm_load(vm))
		return -1;
	hyp_printf("%s: %lu MiB at 0x%08lx, entry 0x%08lx, %lu instructions rewritten\n",
		   vm->name, (unsigned long)ram_mb, (unsigned long)vm->ram_pa,
		   (unsigned long)vm->vcpu.ctx.r[15], (unsigned long)vm->rt.count);
	return id;
}

void vm_power_off(struct vm *vm)
{
	vuart_flush(vm);
	vm->state = VM_OFF;
	vm->t_end = timer_now();
	vm->vcpu.state = VCPU_OFF;
	hyp_printf("%s: powered off\n", vm->name);
}

void vm_reset(struct vm *vm)
{
	vuart_flush(vm);
	hyp_printf("%s: reset\n", vm->name);
	vm_load(vm);
	cp15_load_hw(&vm->vcpu);
	vfp_load_hw(&vm->vcpu);
}
