/* A virtual machine: its RAM, its image, its vCPU and its devices. */
#ifndef HYP_VM_H
#define HYP_VM_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>
#include "hyp/vcpu.h"
#include "hyp/loader.h"
#include "hyp/vuart.h"
#include "hyp/vgic.h"
#include "hyp/console.h"
#include "hyp/vmmu.h"
#include "hyp/codewatch.h"
#include "hyp/codescan.h"
#include "hyp/vflash.h"

#define VM_MAX		8
#define VM_NAME_MAX	32
#define GUEST_RAM_BASE	0x40000000u
#define REWRITE_MAX	16384
#define REWRITE_SPARE	256		/* rewrites left for run-time code */
#define VM_UART_IRQ	33		/* SPI 1, as on virt */
#define FLASH_SIZE	0x08000000u	/* two 64 MiB CFI flash banks at 0, as on virt */
#define FIRMWARE_MAX	0x01000000u	/* the largest firmware image (FLASH_WINDOW) */
#define DTB_MAX		0x00010000u

enum vm_state {
	VM_EMPTY,	/* slot unused */
	VM_RUNNING,
	VM_OFF,		/* powered off by the guest (PSCI SYSTEM_OFF) */
	VM_HALTED,	/* every vCPU off (PSCI CPU_OFF): waits forever, as natively */
	VM_FAILED,	/* refused at load, or parked after a fault */
	VM_PAUSED,	/* by the operator (monitor "pause"): not scheduled */
	VM_RESTART,	/* to be restarted clean before it next runs */
};

struct vm {
	char name[VM_NAME_MAX];
	int id;
	uint32_t asid;			/* first of its 31 hardware ASIDs (vmmu.c) */
	enum vm_state state;

	char file[64];			/* the image's file name, for messages */
	const uint8_t *image;		/* in the guest package */
	uint32_t image_len;

	uint32_t ram_size;		/* guest-physical [GUEST_RAM_BASE, +ram_size) */
	uint32_t ram_pa;		/* where it really is */
	uint8_t *ram;			/* trapvisor's view (VM window, this VM's tables only) */
	uint32_t *l1;			/* translation table the hardware walks for this VM */
	uint32_t l1_pa;

	uint64_t slice_ticks;		/* time slice, in counter ticks */
	bool input;			/* may own the console input */
	bool pmu;			/* reads the host's PMU from User mode */
	uint32_t hyp_bytes;		/* trapvisor's memory for it: struct, tables */

	/* accounting, for the summary */
	uint64_t t_start, t_end;	/* host counter at start and at power off */
	uint64_t cpu_ticks;		/* time it ran */
	uint64_t slices;		/* slices it was given */
	uint64_t virqs;			/* virtual IRQ exceptions delivered */

	struct rewrite_table rt;
	struct vmmu mmu;		/* the guest's MMU and its shadow tables */
	struct vcpu vcpu;
	struct vuart uart;
	struct vgic gic;
	struct con_line con;		/* the line its UART is printing */

	uint32_t restart_max;		/* crash restarts allowed (0: never) */
	uint32_t restarts;		/* crash restarts so far */
	struct codewatch cw;		/* code it writes at run time */
	struct codescan cs;		/* code found at run time */

	/* a firmware VM (raw image in flash, as QEMU's -bios) */
	bool firmware;
	const uint8_t *dtb;		/* its device tree, copied to the start of RAM */
	uint32_t dtb_len;
	uint32_t flash_pa, flash_len;	/* flash bank 0's first flash_len bytes: the image */
	uint8_t *flash;			/* trapvisor's view (FLASH_WINDOW_VA) */
	struct vflash fl;
};

/* What the guest package says about a VM. */
struct vm_config {
	const char *name, *file;	/* VM name, image file name (for messages) */
	const uint8_t *image;
	uint32_t len;
	uint32_t ram_mb, slice_us;
	uint32_t shadow_kib;		/* shadow table pool; 0: default */
	bool input;
	bool pmu;			/* PMUSERENR.EN while it runs (benchmarks) */
	uint32_t restart_max;		/* crash restarts allowed (0: never) */
	bool firmware;			/* image is a raw firmware binary, run from flash at 0 */
	const uint8_t *dtb;		/* its device tree (in the package), for RAM's start */
	uint32_t dtb_len;		/* 0: none (an ELF VM) */
};

extern struct vm vms[VM_MAX];

static inline struct vm *vcpu_vm(const struct vcpu *v) { return v->vm; }

/* The VM of v crashed: a [hyp] report, then it is restarted or parked
 * as its restart policy says; the others go on. */
void vcpu_fail(struct vcpu *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The [hyp] block of v's registers, virtual mode and last trap. */
void vcpu_report(const struct vcpu *v);
/* "undefined instruction e7f000f0 at 40000120" and the like */
void vcpu_last_trap(const struct vcpu *v, char *buf, size_t len);

int vm_create(const struct vm_config *cfg);
/* Every VM is off: the summary, then the machine powers off. */
void vm_all_off(void) __attribute__((noreturn));
void vm_power_off(struct vm *vm);
void vm_reset(struct vm *vm);
/* A clean start (RAM cleared, image reloaded, devices reset), for a VM in
 * VM_RESTART; the scheduler calls it before it runs the VM again. */
void vm_restart(struct vm *vm);
const char *vm_state_name(enum vm_state s);

/* The UART's interrupt line, as it is now, to the VM's GIC. */
void vm_uart_irq(struct vm *vm);

/* Guest-physical RAM as trapvisor sees it (VM window); NULL if not RAM. */
void *vm_ram_ptr(struct vm *vm, uint32_t gpa, uint32_t len);
/* Guest-physical memory that may hold code: RAM, or the image in flash. */
void *vm_code_ptr(struct vm *vm, uint32_t gpa, uint32_t len);
/* The guest-physical address of host-physical pa (RAM or flash image), or
 * 0xffffffff. */
uint32_t vm_gpa_of(const struct vm *vm, uint32_t pa);

#endif
