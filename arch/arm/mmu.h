/*
 * trapvisor's translation tables (short-descriptor format, 1 MiB sections).
 * Every VM has one L1 table that the hardware walks while it runs: the
 * VM's own RAM mapped for PL0 at its guest-physical address, trapvisor's
 * top 256 MiB (layout.h) mapped PL1-only and global, and the VM window.
 */
#ifndef ARCH_ARM_MMU_H
#define ARCH_ARM_MMU_H

#include <stdint.h>

void mmu_init(uint32_t pa_minus_va);
uint32_t virt_to_phys(const void *va);
/* Maps the 1 MiB section holding device register pa; returns its VA.
 * Only before the first VM is made: its tables copy trapvisor's then. */
uintptr_t ioremap(uint32_t pa);
/* Maps [pa, pa+size) read-only at PKG_VA; returns PKG_VA + (pa & 0xfffff). */
void *mmu_map_package(uint32_t pa, uint32_t size);

/* A fresh L1 table (16 KiB) holding trapvisor's own mappings. */
uint32_t *mmu_new_table(void);
void mmu_map_sections(uint32_t *l1, uint32_t va, uint32_t pa, uint32_t size, uint32_t attr);
/* Makes the table visible to the table walker after CPU writes. */
void mmu_sync_table(const uint32_t *l1);
void mmu_switch(uint32_t l1_pa, uint32_t asid);
/* One descriptor written: visible to the table walker. */
void mmu_sync_entry(const uint32_t *e);
/* Drops the TLB entries of one hardware ASID. */
void mmu_flush_asid(uint32_t asid);
/* mmu_switch() unless the hardware already runs that table and ASID */
void mmu_use(uint32_t l1_pa, uint32_t asid);

/* Makes [va, va+len) written as data visible to instruction fetch. */
void cache_sync_code(const void *va, uint32_t len);

#endif
