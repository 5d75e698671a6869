/* trapvisor's memory: its heap (in its own 16 MiB) and the VM RAM pool. */
#ifndef HYP_MEM_H
#define HYP_MEM_H

#include <stdint.h>
#include <stddef.h>
#include "arch/arm/mmu.h"

void mem_init(void);
/* Zeroed, never freed: VMs are created once, at boot. NULL when full. */
void *heap_alloc(size_t size, size_t align);
/* size bytes of host RAM for a VM, 1 MiB aligned; 0 when none is left. */
uint32_t ram_alloc(uint32_t size);

#endif
