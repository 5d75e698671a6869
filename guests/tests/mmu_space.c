/*
 * mmu, continued: the top half of the address space on TTBR1, two address
 * spaces told apart by ASID with TLB maintenance by MVA, ASID and MVA for
 * all ASIDs, the address translation operations into PAR, and the high
 * vectors at the top of the address space.
 */
#include <string.h>
#include "mmu.h"

/* 11: TTBCR.N = 1 splits the address space: the top half uses TTBR1 */
void ttbr1(void)
{
	memset((void *)L1_HIGH, 0, 0x4000);
	store(PA_B, 0xbbbb0000);
	set_l1(L1_HIGH, VA_ALIAS, PA_B | L1_SECT | L1_NORMAL | L1_AP(3));
	cp15_write(TTBR1, L1_HIGH);
	isb();
	rd("TTBCR 0x00000000", VA_ALIAS);
	cp15_write(TTBCR, 1);
	isb();
	tlb_flush();
	rd("TTBCR 0x00000001, TTBR1", VA_ALIAS);
	rd("TTBCR 0x00000001, TTBR0", PA_DATA);
	rd("TTBCR 0x00000001, not in the TTBR1 table", PG(PG_SMALL) + 0x10);
	/*
	 * PD1 is only implemented with the Security Extensions, which this
	 * CPU lacks: the bit reads as zero and TTBR1 walks go on.
	 */
	cp15_write(TTBCR, 1 | TTBCR_PD1);
	isb();
	tlb_flush();
	printf("mmu: TTBCR written 0x%08lx, reads 0x%08lx\n", HEX(1 | TTBCR_PD1),
	       HEX(cp15_read(TTBCR)));
	rd("TTBCR.PD1 written 1", VA_ALIAS);
	cp15_write(TTBCR, 0);
	isb();
	tlb_flush();
	rd("TTBCR 0x00000000 again", VA_ALIAS);
}

/*
 * Switches TTBR0 and ASID through the reserved ASID 0, which never has
 * non-global entries, so no walk pairs one's table with the other's ASID
 * (ARM ARM B3.10.4).
 */
static void set_context(uint32_t ttbr, uint32_t asid)
{
	cp15_write(CONTEXTIDR, 0);
	isb();
	cp15_write(TTBR0, ttbr);
	isb();
	cp15_write(CONTEXTIDR, asid);
	isb();
}

static void remap(uint32_t l1, uint32_t pa)
{
	set_l1(l1, VA_ASID, pa | L1_SECT | L1_NORMAL | L1_AP(3) | L1_NG);
	dsb();
}

/* 12: two address spaces differing at VA_ASID, and TLB maintenance by ASID */
void asids(void)
{
	store(PA_A, 0xaaaa0000);
	store(PA_C, 0xcccc0000);
	store(PA_D, 0xdddd0000);
	remap(L1_MAIN, PA_A);
	memcpy((void *)L1_ASID2, (void *)L1_MAIN, 0x4000);
	remap(L1_ASID2, PA_B);
	tlb_flush();

	set_context(L1_MAIN, 1);
	rd("ASID 1", VA_ASID);
	set_context(L1_ASID2, 2);
	rd("ASID 2", VA_ASID);
	set_context(L1_MAIN, 1);
	rd("ASID 1 again", VA_ASID);
	printf("mmu: CONTEXTIDR 0x%08lx\n", HEX(cp15_read(CONTEXTIDR)));

	remap(L1_MAIN, PA_C);
	cp15_write(TLBIMVA, VA_ASID | 1);
	dsb();
	isb();
	rd("ASID 1, remapped, TLBIMVA", VA_ASID);
	set_context(L1_ASID2, 2);
	rd("ASID 2, its table unchanged", VA_ASID);
	remap(L1_ASID2, PA_D);
	cp15_write(TLBIASID, 2);
	dsb();
	isb();
	rd("ASID 2, remapped, TLBIASID", VA_ASID);
	set_context(L1_MAIN, 1);
	remap(L1_MAIN, PA_A);
	cp15_write(TLBIMVAA, VA_ASID);
	dsb();
	isb();
	rd("ASID 1, remapped, TLBIMVAA", VA_ASID);
	set_context(L1_ASID2, 2);
	rd("ASID 2", VA_ASID);

	set_context(L1_MAIN, 0);
	set_l1(L1_MAIN, VA_ASID, 0);
	tlb_flush();
	rd("ASID 0, entry removed", VA_ASID);
}

static uint32_t ats(int op, uint32_t va)
{
	switch (op) {
	case 0: cp15_write(ATS1CPR, va); break;
	case 1: cp15_write(ATS1CPW, va); break;
	case 2: cp15_write(ATS1CUR, va); break;
	default: cp15_write(ATS1CUW, va); break;
	}
	isb();
	return cp15_read(PAR);
}

/* PAR without the attribute bits: PA and F, or F and FS */
static void at(int op, uint32_t va)
{
	static const char *const names[] = { "ATS1CPR", "ATS1CPW", "ATS1CUR", "ATS1CUW" };
	uint32_t par = ats(op, va);

	printf("mmu: %s 0x%08lx: ", names[op], HEX(va));
	if (par & 1)
		printf("PAR 0x%08lx (F 1, FS 0x%02lx)\n", HEX(par & 0x7f), HEX(par >> 1 & 0x3f));
	else if (par & 2)	/* supersection: PA[31:24] only */
		printf("PAR 0x%08lx (F 0, SS 1)\n", HEX(par & 0xff000003u));
	else
		printf("PAR 0x%08lx (F 0)\n", HEX(par & 0xfffff001u));
}

/* 13: the address translation operations, no exception taken */
void address_translation(void)
{
	at(0, VA_ALIAS + 0x123);
	at(0, PG(PG_SMALL) + 0x10);
	at(0, PG(PG_LARGE) + 0xa008);
	at(0, PG(PG_INVALID));
	at(0, VA_NONE);
	at(0, VA_SUPER + 0x123456);
	at(0, VA_AP(5));
	at(1, VA_AP(5));
	at(1, PG(PG_RO));
	at(2, VA_AP(1));
	at(2, VA_AP(2));
	at(3, VA_AP(2));
	at(3, VA_AP(3));
	set_domain(2, 0);
	at(0, VA_DOM2);
	set_domain(2, 1);
	at(0, VA_DOM2);
	catch_report("mmu: ATS", NULL, 0);
}

/*
 * 15: SCTLR.V moves the vectors to 0xffff0000, a virtual address like any
 * other: a small page there holds "LDR PC, [PC, #24]" per vector and the
 * addresses it loads; undefined instructions and data aborts go to
 * counting stubs on their way to the usual handlers.
 */
void high_vectors(void)
{
	volatile uint32_t *l2 = table(L2_HIVEC), *page = (volatile uint32_t *)PA_HIVEC;
	uint32_t sctlr = cp15_read(SCTLR);

	for (uint32_t i = 0; i < 8; i++) {
		page[i] = 0xe59ff018;			/* LDR PC, [PC, #24] */
		page[8 + i] = (uint32_t)&rt_vectors + 4 * i;
	}
	page[8 + 1] = (uint32_t)hivec_und;
	page[8 + 4] = (uint32_t)hivec_dabt;
	cp15_write(DCCMVAU, PA_HIVEC);
	dsb();
	cp15_write(ICIALLU, 0);
	memset((void *)L2_HIVEC, 0, 0x400);
	l2[(VA_HIVEC >> 12) & 0xff] = PA_HIVEC | L2_SMALL | L2_SMALL_NORMAL | L2_AP(1);
	set_l1(L1_MAIN, VA_HIVEC, L2_HIVEC | L1_TABLE);
	tlb_flush();

	cp15_write(SCTLR, sctlr | SCTLR_V);
	isb();
	printf("mmu: SCTLR.V %lu, VBAR unchanged: %lu\n", HEX(cp15_read(SCTLR) >> 13 & 1),
	       HEX(cp15_read(VBAR) == (uint32_t)&rt_vectors));
	rd("high vectors", VA_NONE);
	__asm__ volatile(".word 0xe7f000f0" ::: "memory");	/* UDF #0 */
	catch_report("mmu: high vectors, UDF", NULL, 0);
	rd("high vectors, the page itself", VA_HIVEC + 0x20 + 4);
	cp15_write(SCTLR, sctlr);
	isb();
	rd("low vectors again", VA_NONE);
	printf("mmu: %lu exceptions through 0xffff0000\n", HEX(hivec_hits));
	set_l1(L1_MAIN, VA_HIVEC, 0);
	tlb_flush();
}
