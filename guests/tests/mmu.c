/*
 * mmu: the guest's own translation regime, ARMv7 short-descriptor format
 * (ARM ARM B3.5): sections, pages, supersections, domains, both AP models,
 * XN and PXN, the access flag, TTBR1, ASIDs with TLB maintenance and the
 * address translation operations.  Each line is a fact the hardware
 * decides: the value read, the exception taken, DFSR/IFSR in full,
 * DFAR/IFAR, PAR without its attribute bits.  Tables and test memory sit at
 * fixed addresses above the image; the caches stay off, so table walks and
 * data accesses see the same memory without cache maintenance.
 */
#include <string.h>
#include "mmu.h"

/* The supersection test reads and writes this through 0xa0000000 */
static volatile uint32_t super_probe = 0x5ec70001;

/* SVC #0 from the User mode helpers: resume after it in SVC mode */
static void svc_back(struct exc_frame *f)
{
	f->spsr = (f->spsr & ~PSR_MODE_MASK) | PSR_SVC | PSR_A | PSR_I | PSR_F;
}

/* 1: identity map RAM and the devices printf needs, then turn it on */
static void mmu_on(void)
{
	memset((void *)L1_MAIN, 0, 0x4000);
	for (uint32_t pa = 0x40000000u; pa < 0x43000000u; pa += 0x100000u)
		map(pa, pa, L1_NORMAL | L1_AP(3));
	map(0x08000000u, 0x08000000u, L1_DEVICE | L1_AP(3));	/* GICD, GICC */
	map(0x09000000u, 0x09000000u, L1_DEVICE | L1_AP(3));	/* PL011 */
	cp15_write(TTBCR, 0);
	cp15_write(TTBR0, L1_MAIN);	/* walks non-cacheable, like the data */
	cp15_write(DACR, 0x55555555);	/* every domain client */
	cp15_write(CONTEXTIDR, 0);
	isb();
	tlb_flush();
	cp15_write(SCTLR, cp15_read(SCTLR) | SCTLR_M);
	isb();
	printf("mmu: on, SCTLR.M %lu\n", HEX(cp15_read(SCTLR) & SCTLR_M));
}

/* 2: a second virtual address for the same RAM */
static void section_alias(void)
{
	store(PA_DATA, 0xda7a0000);
	store(PA_DATA + 4, 0xda7a0004);
	map(VA_ALIAS, PA_DATA, L1_NORMAL | L1_AP(3));
	tlb_flush();
	rd("section alias of 0x42100000", VA_ALIAS);
	wr("section alias of 0x42100000", VA_ALIAS + 4, 0xa11a5004);
	rd("identity map", PA_DATA + 4);
}

/* 3: an invalid first-level descriptor */
static void translation_fault(void)
{
	rd("unmapped section", VA_NONE);
	wr("unmapped section", VA_NONE + 0x10, 0x12345678);
}

/* 4: a page table in domain 1: small page, large page, fault entry */
static void pages(void)
{
	volatile uint32_t *l2 = table(L2_DOM1);

	memset((void *)L2_DOM1, 0, 0x400);
	l2[PG_SMALL] = PA_SMALL | L2_SMALL | L2_SMALL_NORMAL | L2_AP(3);
	for (int i = PG_LARGE; i < PG_LARGE + 16; i++)	/* one entry per 4 KiB */
		l2[i] = PA_LARGE | L2_LARGE | L2_LARGE_NORMAL | L2_AP(3);
	l2[PG_AF0] = PA_SMALL | L2_SMALL | L2_SMALL_NORMAL | L2_AP(2);
	l2[PG_RO] = PA_SMALL | L2_SMALL | L2_SMALL_NORMAL | L2_AP(5);
	set_l1(L1_MAIN, VA_PAGES, L2_DOM1 | L1_TABLE | L1_DOM(1));
	store(PA_SMALL + 0x10, 0x5a11d010);
	store(PA_LARGE + 0xa008, 0x1a26a008);
	tlb_flush();

	rd("small page -> 0x42600000", PG(PG_SMALL) + 0x10);
	wr("small page -> 0x42600000", PG(PG_SMALL) + 0x14, 0x5a11d014);
	rd("identity map", PA_SMALL + 0x14);
	rd("large page -> 0x42610000", PG(PG_LARGE) + 0xa008);
	wr("large page -> 0x42610000", PG(PG_LARGE) + 0xf00c, 0x1a26f00c);
	rd("identity map", PA_LARGE + 0xf00c);
	rd("invalid page", PG(PG_INVALID) + 0x20);
	wr("invalid page", PG(PG_INVALID) + 0x24, 0x12345678);
	rd("AP=101 small page", PG(PG_RO) + 0x10);
	wr("AP=101 small page", PG(PG_RO) + 0x18, 0x12345678);
}

/* 5: sixteen identical entries map 16 MiB; supersections are domain 0 */
static void supersection(void)
{
	uint32_t va = VA_SUPER + ((uint32_t)&super_probe - 0x40000000u), v;

	for (uint32_t i = 0; i < 16; i++)
		set_l1(L1_MAIN, VA_SUPER + (i << 20),
		       0x40000000u | L1_SUPER | L1_SECT | L1_NORMAL | L1_AP(3));
	tlb_flush();
	catch_clear();
	v = load(va);
	printf("mmu: supersection 0xa0000000 -> 0x40000000: LDR of a variable");
	if (!fault())
		printf(" = 0x%08lx\n", HEX(v));
	store(va, 0x5ec70002);
	printf("mmu: supersection: STR 0x5ec70002 to it, the variable reads 0x%08lx\n",
	       HEX(super_probe));
	rd("past the supersection", VA_SUPER + 0x01000000u);
}

/* 6: DACR: no access, manager, client */
static void domains(void)
{
	map(VA_DOM2, PA_DATA, L1_NORMAL | L1_AP(3) | L1_DOM(2));
	map(VA_AP0, PA_DATA, L1_NORMAL | L1_AP(0) | L1_DOM(3));
	tlb_flush();
	rd("domain 2 client", VA_DOM2);
	set_domain(2, 0);
	printf("mmu: DACR 0x%08lx\n", HEX(cp15_read(DACR)));
	rd("domain 2 no access", VA_DOM2);
	wr("domain 2 no access", VA_DOM2 + 8, 0x12345678);
	set_domain(2, 1);
	set_domain(1, 0);
	printf("mmu: DACR 0x%08lx\n", HEX(cp15_read(DACR)));
	rd("small page, domain 1 no access", PG(PG_SMALL) + 0x10);
	set_domain(1, 1);
	set_domain(3, 3);
	printf("mmu: DACR 0x%08lx\n", HEX(cp15_read(DACR)));
	rd("AP=000 section, domain 3 manager", VA_AP0);
	wr("AP=000 section, domain 3 manager", VA_AP0 + 8, 0xda7a0008);
	set_domain(3, 1);
	printf("mmu: DACR 0x%08lx\n", HEX(cp15_read(DACR)));
	rd("AP=000 section, domain 3 client", VA_AP0 + 8);
	wr("AP=000 section, domain 3 client", VA_AP0 + 8, 0x12345678);
}

static const struct {
	uint32_t ap;
	const char *name;
} ap_sections[] = {
	{ 1, "AP=001 (PL1 RW)" },
	{ 2, "AP=010 (PL1 RW, PL0 RO)" },
	{ 3, "AP=011 (RW)" },
	{ 5, "AP=101 (PL1 RO)" },
	{ 6, "AP=110 (RO)" },
	{ 7, "AP=111 (RO)" },
};
#define N_AP	(sizeof(ap_sections) / sizeof(ap_sections[0]))

/* 7: the AP[2:0] model (SCTLR.AFE = 0) from PL1 */
static void access_permissions(void)
{
	for (uint32_t i = 0; i < N_AP; i++)
		map(VA_AP(ap_sections[i].ap), PA_DATA, L1_NORMAL | L1_AP(ap_sections[i].ap));
	tlb_flush();
	for (uint32_t i = 0; i < N_AP; i++) {
		rd(ap_sections[i].name, VA_AP(ap_sections[i].ap));
		wr(ap_sections[i].name, VA_AP(ap_sections[i].ap) + 0x20, 0xa9000020 + i);
	}
}

/* 8: the same sections from User mode; aborts return to the User code */
static void user_access(void)
{
	for (uint32_t i = 0; i < N_AP; i++) {
		user_rd(ap_sections[i].name, VA_AP(ap_sections[i].ap));
		user_wr(ap_sections[i].name, VA_AP(ap_sections[i].ap) + 0x24, 0x05000024 + i);
	}
	user_rd("unmapped section", VA_NONE);
	user_rd("small page", PG(PG_SMALL) + 0x10);
}

/* 9: XN and PXN on sections and small pages, all in domain 0 */
static void execute_never(void)
{
	volatile uint32_t *l2 = table(L2_DOM0);

	store(PA_CODE, BX_LR);
	/* what was written as data becomes instructions */
	cp15_write(DCCMVAU, PA_CODE);
	dsb();
	cp15_write(ICIALLU, 0);
	cp15_write(BPIALL, 0);
	dsb();
	isb();
	memset((void *)L2_DOM0, 0, 0x400);
	l2[0] = PA_CODE | L2_SMALL | L2_SMALL_XN | L2_SMALL_NORMAL | L2_AP(3);
	l2[1] = PA_CODE | L2_SMALL | L2_SMALL_NORMAL | L2_AP(3);
	set_l1(L1_MAIN, VA_XPAGES, L2_DOM0 | L1_TABLE | L1_DOM(0));
	map(VA_X, PA_CODE, L1_NORMAL | L1_AP(3));
	map(VA_XN, PA_CODE, L1_NORMAL | L1_AP(3) | L1_XN);
	map(VA_PXN, PA_CODE, L1_NORMAL | L1_AP(3) | L1_PXN);
	tlb_flush();

	call("section", VA_X);
	call("section, XN", VA_XN);
	rd("section, XN", VA_XN);
	call("section, PXN", VA_PXN);
	call("small page", VA_XPAGES + 0x1000);
	call("small page, XN", VA_XPAGES);
}

/* 10: SCTLR.AFE = 1: AP[0] is the access flag, AP[2:1] the permissions */
static void access_flag(void)
{
	map(VA_AF, PA_DATA, L1_NORMAL | L1_AP(2) | L1_DOM(4));
	tlb_flush();
	rd("AP=010 section, AFE=0", VA_AF);
	cp15_write(SCTLR, cp15_read(SCTLR) | SCTLR_AFE);
	isb();
	tlb_flush();
	printf("mmu: SCTLR.AFE %lu\n", HEX(cp15_read(SCTLR) >> 29 & 1));
	rd("AF=0 section, domain 4", VA_AF);
	wr("AF=0 section, domain 4", VA_AF + 0x30, 0x12345678);
	rd("AF=0 small page, domain 1", PG(PG_AF0) + 0x10);
	rd("AF=1 small page, domain 1", PG(PG_SMALL) + 0x10);
	wr("AP[2:1]=10 (PL1 RO) section", VA_AP(5) + 0x30, 0x12345678);
	wr("AP[2:1]=00 (PL1 RW) section", VA_AP(1) + 0x30, 0xaf000030);
	user_rd("AP[2:1]=00 (PL1 RW) section", VA_AP(1) + 0x30);
	user_wr("AP[2:1]=11 (RO) section", VA_AP(7) + 0x30, 0x12345678);
	/* software sets the flag, as an OS would on that fault */
	map(VA_AF, PA_DATA, L1_NORMAL | L1_AP(3) | L1_DOM(4));
	tlb_flush();
	rd("AF=1 section, domain 4", VA_AF + 0x30);
	cp15_write(SCTLR, cp15_read(SCTLR) & ~SCTLR_AFE);
	isb();
	tlb_flush();
	printf("mmu: SCTLR.AFE %lu\n", HEX(cp15_read(SCTLR) >> 29 & 1));
}

/* 14: back to physical addresses */
static void mmu_off(void)
{
	cp15_write(SCTLR, cp15_read(SCTLR) & ~SCTLR_M);
	isb();
	printf("mmu: off, SCTLR.M %lu\n", HEX(cp15_read(SCTLR) & SCTLR_M));
	rd("physical", PA_DATA);
	rd("physical", PA_DATA + 4);
}

int main(void)
{
	catch_on();
	exc_set_handler(EXC_SVC, svc_back);
	mmu_on();
	section_alias();
	translation_fault();
	pages();
	supersection();
	domains();
	access_permissions();
	user_access();
	execute_never();
	access_flag();
	ttbr1();
	asids();
	address_translation();
	high_vectors();
	mmu_off();
	catch_off();
	printf("mmu: done\n");
	return 0;
}
