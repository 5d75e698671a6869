/* trapvisor's address spaces: see mmu.h and layout.h. */
#include <string.h>
#include "arch/arm/mmu.h"
#include "arch/arm/mmu_bits.h"
#include "arch/arm/layout.h"
#include "arch/arm/cpu.h"
#include "hyp/mem.h"

extern uint32_t boot_l1[4096];

static uint32_t pa_offset;		/* PA - VA for trapvisor's image */
static uint32_t *hyp_l1;		/* the template: trapvisor's mappings only */
static unsigned dev_slots_used;
static uint32_t dev_slot_pa[DEV_SLOTS];

#define L1_INDEX(va)	((va) >> 20)

uint32_t virt_to_phys(const void *va)
{
	return (uint32_t)(uintptr_t)va + pa_offset;
}

void mmu_map_sections(uint32_t *l1, uint32_t va, uint32_t pa, uint32_t size, uint32_t attr)
{
	for (uint32_t off = 0; off < size; off += SECTION_SIZE)
		l1[L1_INDEX(va + off)] = ((pa + off) & 0xfff00000) | attr;
}

void mmu_sync_table(const uint32_t *l1)
{
	uint32_t line = 4u << ((CP15_READ(c0, 0, c0, 1) >> 16) & 0xf);	/* CTR.DminLine */

	for (uintptr_t p = (uintptr_t)l1; p < (uintptr_t)(l1 + 4096); p += line)
		dcache_clean_pou(p);
	dsb();
}

static uint32_t hw_l1_pa, hw_asid;	/* what TTBR0 and CONTEXTIDR hold */

void mmu_switch(uint32_t l1_pa, uint32_t asid)
{
	hw_l1_pa = l1_pa;
	hw_asid = asid;
	/* ARM ARM B3.10.4: go through the reserved ASID 0 (which owns no
	 * non-global entries) so no walk mixes the old table and new ASID. */
	write_contextidr(0);
	isb();
	write_ttbr0(l1_pa | TTBR_WBWA);
	isb();
	write_contextidr(asid);
	isb();
}

void mmu_sync_entry(const uint32_t *e)
{
	dcache_clean_pou((uintptr_t)e);
	dsb();
}

void mmu_flush_asid(uint32_t asid)
{
	tlb_flush_asid(asid);
}

void mmu_use(uint32_t l1_pa, uint32_t asid)
{
	if (l1_pa != hw_l1_pa || asid != hw_asid)
		mmu_switch(l1_pa, asid);
}

void mmu_init(uint32_t pa_minus_va)
{
	pa_offset = pa_minus_va;
	hyp_l1 = heap_alloc(16384, 16384);
	/* Copy trapvisor's image mapping from the boot table, leave out the
	 * identity map of the boot code. */
	for (unsigned i = HOLE_SLOT_FIRST; i < HOLE_SLOT_END; i++)
		hyp_l1[i] = boot_l1[i];
	mmu_sync_table(hyp_l1);
	mmu_switch(virt_to_phys(hyp_l1), 0);
	tlb_flush_all();
}

uintptr_t ioremap(uint32_t pa)
{
	unsigned i;

	for (i = 0; i < dev_slots_used; i++)
		if (dev_slot_pa[i] == (pa & 0xfff00000))
			break;
	if (i == dev_slots_used) {
		if (dev_slots_used == DEV_SLOTS)
			return 0;
		dev_slot_pa[dev_slots_used++] = pa & 0xfff00000;
		mmu_map_sections(hyp_l1, DEV_VA + i * SECTION_SIZE, pa, SECTION_SIZE, SECT_HYP_DEV);
		mmu_sync_table(hyp_l1);
		tlb_flush_all();
	}
	return DEV_VA + i * SECTION_SIZE + (pa & 0xfffff);
}

void *mmu_map_package(uint32_t pa, uint32_t size)
{
	uint32_t base = pa & 0xfff00000, end = pa + size;

	if (end - base > PKG_MAX)
		end = base + PKG_MAX;
	mmu_map_sections(hyp_l1, PKG_VA, base, end - base, SECT_HYP_RO);
	mmu_sync_table(hyp_l1);
	tlb_flush_all();
	return (void *)(uintptr_t)(PKG_VA + (pa - base));
}

uint32_t *mmu_new_table(void)
{
	uint32_t *l1 = heap_alloc(16384, 16384);

	memcpy(&l1[HOLE_SLOT_FIRST], &hyp_l1[HOLE_SLOT_FIRST],
	       (HOLE_SLOT_END - HOLE_SLOT_FIRST) * 4);
	return l1;
}

void cache_sync_code(const void *va, uint32_t len)
{
	uint32_t line = 4u << ((CP15_READ(c0, 0, c0, 1) >> 16) & 0xf);
	uintptr_t p = (uintptr_t)va & ~(uintptr_t)(line - 1);

	for (; p < (uintptr_t)va + len; p += line)
		dcache_clean_pou(p);
	dsb();
	icache_inval_all();
}
