/* trapvisor's memory: its heap (in its own 16 MiB) and the VM RAM pool. */
#ifndef HYP_MEM_H
#define HYP_MEM_H

#include <stdint.h>
#include <stddef.h>
#include "arch/arm/mmu.h"

/* The host's RAM and where the guest package is: the board's values, or
 * what the firmware passed (ATAGS, pointed to by r2 at entry). */
struct host_mem {
	uint32_t ram_base, ram_size, pkg_pa;
	const char *source, *pkg_source;	/* for the boot message */
};
extern struct host_mem host_mem;

void mem_init(uint32_t boot_r2);
/* Zeroed, never freed: VMs are created once, at boot. NULL when full. */
void *heap_alloc(size_t size, size_t align);
uintptr_t heap_mark(void);			/* the heap's end now */
size_t heap_used(void);				/* bytes allocated so far */
void heap_trim(void *p, size_t size);		/* shrink the latest allocation */
/* Zeroes n bytes at p: 8-byte aligned, n a multiple of 128 (arch/arm/zero.S). */
void mem_zero(void *p, size_t n);
/* size bytes of host RAM for a VM, 1 MiB aligned; 0 when none is left. */
uint32_t ram_alloc(uint32_t size);

#endif
