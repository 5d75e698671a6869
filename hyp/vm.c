/*
 * VM life cycle: created once at boot from the guest package, loaded,
 * reset (PSCI SYSTEM_RESET reloads the image, as QEMU reloads an ELF),
 * restarted clean (after a crash, or by the operator), powered off.
 * Crashes are reported and contained by hyp/fault.c.
 */
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
#include "hyp/sched.h"

struct vm vms[VM_MAX];

void *vm_ram_ptr(struct vm *vm, uint32_t gpa, uint32_t len)
{
	uint32_t off = gpa - GUEST_RAM_BASE;

	if (gpa < GUEST_RAM_BASE || off >= vm->ram_size || len > vm->ram_size - off)
		return NULL;
	return vm->ram + off;
}

void *vm_code_ptr(struct vm *vm, uint32_t gpa, uint32_t len)
{
	if (gpa < vm->flash_len && len <= vm->flash_len - gpa)
		return vm->flash + gpa;
	return vm_ram_ptr(vm, gpa, len);
}

uint32_t vm_gpa_of(const struct vm *vm, uint32_t pa)
{
	if (pa - vm->ram_pa < vm->ram_size)
		return pa - vm->ram_pa + GUEST_RAM_BASE;
	if (pa - vm->flash_pa < vm->flash_len)
		return pa - vm->flash_pa;
	return 0xffffffffu;
}

/* What the VM's UART transmits goes to the console, a line at a time. */
static void uart_tx(void *owner, uint8_t c)
{
	console_vm_putc(owner, c);
}

void vm_uart_irq(struct vm *vm)
{
	vgic_set_level(&vm->gic, VM_UART_IRQ, vuart_irq_line(&vm->uart));
}

/*
 * A firmware image, as QEMU's -bios: in flash bank 0 from address 0 (the
 * rest of the bank blank), and the VM's device tree at the start of RAM,
 * where firmware for virt looks for it.  Reloaded on every reset: the
 * rewrites of the last run are in the flash copy.
 */
static void firmware_load(struct vm *vm)
{
	memcpy(vm->flash, vm->image, vm->image_len);
	memset(vm->flash + vm->image_len, 0, vm->flash_len - vm->image_len);
	cache_sync_code(vm->flash, vm->flash_len);
	memcpy(vm->ram, vm->dtb, vm->dtb_len);
	vm->rt.code_lo = vm->rt.code_hi = 0;
}

/* Room for a firmware image in flash, its device tree, dynamic scanning. */
static bool firmware_create(struct vm *vm, const struct vm_config *cfg)
{
	if (cfg->len == 0 || cfg->len > FIRMWARE_MAX) {
		hyp_printf("%s: not started: firmware image of %lu bytes (1 to %lu)\n", vm->name,
			   (unsigned long)cfg->len, (unsigned long)FIRMWARE_MAX);
		return false;
	}
	if (!cfg->dtb || cfg->dtb_len < 40 || cfg->dtb_len > DTB_MAX || cfg->dtb_len > vm->ram_size) {
		hyp_printf("%s: not started: no device tree for its firmware\n", vm->name);
		return false;
	}
	vm->firmware = true;
	vm->dtb = cfg->dtb;
	vm->dtb_len = cfg->dtb_len;
	vm->flash_len = (cfg->len + SECTION_SIZE - 1) & ~(SECTION_SIZE - 1);
	vm->flash_pa = ram_alloc(vm->flash_len);
	if (!vm->flash_pa || !codescan_enable(vm)) {
		hyp_printf("%s: not started: out of memory for its flash\n", vm->name);
		return false;
	}
	mmu_map_sections(vm->l1, FLASH_WINDOW_VA, vm->flash_pa, vm->flash_len, SECT_WINDOW);
	vm->flash = (uint8_t *)FLASH_WINDOW_VA;
	vflash_init(&vm->fl, cfg->image, cfg->len);	/* the pristine image */
	return true;
}

/* Loads the image into RAM (this VM's tables must be the current ones). */
static bool vm_load(struct vm *vm)
{
	struct guest_ram ram = { GUEST_RAM_BASE, vm->ram_size, vm->ram };
	uint32_t entry;
	char err[160];

	vm->rt.count = 0;
	memset(&vm->cw, 0, sizeof(vm->cw));
	vmmu_reset(vm);
	codescan_reset(vm);
	if (vm->firmware) {
		firmware_load(vm);
		entry = 0;
	} else if (elf_load(vm->image, vm->image_len, &ram, &vm->rt, &entry, err, sizeof(err))) {
		hyp_printf("%s: %s refused: %s\n", vm->name, vm->file, err);
		vm->state = VM_FAILED;
		return false;
	}
	cache_sync_code(vm->ram, vm->ram_size);
	vflash_reset(&vm->fl);
	vgic_reset(&vm->gic);
	vuart_reset(&vm->uart);
	vcpu_reset(&vm->vcpu, entry);
	vm->vcpu.cp15[C_MPIDR] = 0x80000000;	/* CPU 0 of a uniprocessor, as on virt */
	vm->state = VM_RUNNING;
	return true;
}

int vm_create(const struct vm_config *cfg)
{
	const char *name = cfg->name;
	uint32_t ram_mb = cfg->ram_mb;
	uint32_t shadow_kib = cfg->shadow_kib ? cfg->shadow_kib : SHADOW_KIB_DEFAULT;
	struct vm *vm = NULL;
	uintptr_t mark;
	int id;

	for (id = 0; id < VM_MAX && vms[id].state != VM_EMPTY; id++)
		;
	if (id == VM_MAX) {
		hyp_printf("%s: not started: at most %d VMs\n", name, VM_MAX);
		return -1;
	}
	vm = &vms[id];
	snprintf(vm->name, sizeof(vm->name), "%s", name);
	snprintf(vm->file, sizeof(vm->file), "%s", cfg->file);
	vm->id = id;
	vm->asid = 1 + 31 * (uint32_t)id;
	vm->image = cfg->image;
	vm->image_len = cfg->len;
	vm->ram_size = ram_mb << 20;
	vm->input = cfg->input;
	vm->pmu = cfg->pmu;
	vm->restart_max = cfg->restart_max;
	vm->uart.tx = uart_tx;
	vm->uart.owner = vm;
	vm->slice_ticks = (uint64_t)timer_freq() * cfg->slice_us / 1000000;
	vm->vcpu.vm = vm;
	vm->state = VM_FAILED;
	if (cfg->slice_us < 100 || cfg->slice_us > 1000000) {
		hyp_printf("%s: not started: time slice %lu us (100 us to 1 s)\n", name,
			   (unsigned long)cfg->slice_us);
		return -1;
	}
	if (shadow_kib < SHADOW_KIB_MIN || shadow_kib > SHADOW_KIB_MAX) {
		hyp_printf("%s: not started: shadow tables %lu KiB (%d to %d)\n", name,
			   (unsigned long)shadow_kib, SHADOW_KIB_MIN, SHADOW_KIB_MAX);
		return -1;
	}
	if (cfg->restart_max > 1000) {
		hyp_printf("%s: not started: restarts=%lu (1 to 1000)\n", name,
			   (unsigned long)cfg->restart_max);
		return -1;
	}
	if (ram_mb < 16 || ram_mb > (VM_WINDOW_MAX >> 20)) {
		hyp_printf("%s: not started: RAM size %lu MiB (16 to %lu)\n", name,
			   (unsigned long)ram_mb, (unsigned long)(VM_WINDOW_MAX >> 20));
		return -1;
	}
	mark = heap_mark();
	vm->ram_pa = ram_alloc(vm->ram_size);
	vm->l1 = mmu_new_table();
	if (!vm->ram_pa || !vm->l1) {
		hyp_printf("%s: not started: out of memory for %lu MiB of RAM\n", name,
			   (unsigned long)ram_mb);
		return -1;
	}
	mmu_map_sections(vm->l1, GUEST_RAM_BASE, vm->ram_pa, vm->ram_size, SECT_GUEST);
	mmu_map_sections(vm->l1, VM_WINDOW_VA, vm->ram_pa, vm->ram_size, SECT_WINDOW);
	if (cfg->firmware && !firmware_create(vm, cfg))
		return -1;
	mmu_sync_table(vm->l1);
	vm->l1_pa = virt_to_phys(vm->l1);
	if (!vmmu_init(vm, shadow_kib)) {
		hyp_printf("%s: not started: out of memory for %lu KiB of shadow tables\n", name,
			   (unsigned long)shadow_kib);
		return -1;
	}
	/* room for the most rewrites an image may have; trimmed to what this
	 * one has once it is loaded (a reset reloads the same image) */
	vm->rt.e = heap_alloc(REWRITE_MAX * sizeof(*vm->rt.e), 8);
	vm->rt.cap = REWRITE_MAX;
	if (!vm->rt.e) {
		hyp_printf("%s: not started: out of memory for its rewrite table\n", name);
		return -1;
	}
	vm->ram = (uint8_t *)VM_WINDOW_VA;

	mmu_switch(vm->l1_pa, vm->asid);
	mem_zero(vm->ram, vm->ram_size);	/* RAM powers up zeroed, as on QEMU */
	if (!vm_load(vm))
		return -1;
	/* spare entries for the code it writes at run time (codescan.c); a
	 * firmware VM finds all of its code at run time */
	if (!vm->firmware)
		vm->rt.cap = vm->rt.count + REWRITE_SPARE < REWRITE_MAX ?
			     vm->rt.count + REWRITE_SPARE : REWRITE_MAX;
	heap_trim(vm->rt.e, vm->rt.cap * sizeof(*vm->rt.e));
	vm->hyp_bytes = heap_mark() - mark + sizeof(*vm);
	hyp_printf("%s: %lu MiB at 0x%08lx, entry 0x%08lx, %lu instructions rewritten, "
		   "%lu KiB for trapvisor, slice %lu us\n", vm->name, (unsigned long)ram_mb,
		   (unsigned long)vm->ram_pa, (unsigned long)vm->vcpu.ctx.r[15],
		   (unsigned long)vm->rt.count, (unsigned long)(vm->hyp_bytes + 1023) / 1024,
		   (unsigned long)cfg->slice_us);
	return id;
}

void vm_power_off(struct vm *vm)
{
	console_vm_flush(vm);
	vm->state = VM_OFF;
	vm->t_end = timer_now();
	vm->vcpu.state = VCPU_OFF;
	hyp_printf("%s: powered off\n", vm->name);
}

/* PSCI SYSTEM_RESET, from the VM itself: its tables and frame are the
 * hardware's, so its hardware-held state is reloaded too. */
void vm_reset(struct vm *vm)
{
	console_vm_flush(vm);
	hyp_printf("%s: reset\n", vm->name);
	if (!vm_load(vm))
		return;
	if (sched_current() == &vm->vcpu) {
		cp15_load_hw(&vm->vcpu);
		vfp_switch(NULL, &vm->vcpu);
	}
}

/* Its tables are made the hardware's to reach its RAM; the scheduler
 * loads the right ones (vmmu_load) before anything runs again. */
void vm_restart(struct vm *vm)
{
	console_vm_flush(vm);
	mmu_use(vm->l1_pa, vm->asid);
	mem_zero(vm->ram, vm->ram_size);
	if (!vm_load(vm))
		return;
	hyp_printf("%s: restarted: RAM cleared, image reloaded, devices reset\n", vm->name);
	if (sched_current() == &vm->vcpu) {
		cp15_load_hw(&vm->vcpu);
		vfp_switch(NULL, &vm->vcpu);
	}
}

const char *vm_state_name(enum vm_state s)
{
	static const char *const names[] = {
		[VM_EMPTY] = "empty", [VM_RUNNING] = "running", [VM_OFF] = "off",
		[VM_HALTED] = "halted", [VM_FAILED] = "failed", [VM_PAUSED] = "paused",
		[VM_RESTART] = "restart",
	};
	return names[s];
}
