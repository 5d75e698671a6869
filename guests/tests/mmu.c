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
#include "tests.h"

/* cp15 operations rt.h does not name ("CRn, opc1, CRm, opc2") */
#define PAR		c7, 0, c4, 0
#define ATS1CPR		c7, 0, c8, 0
#define ATS1CPW		c7, 0, c8, 1
#define ATS1CUR		c7, 0, c8, 2
#define ATS1CUW		c7, 0, c8, 3
#define DCCMVAU		c7, 0, c11, 1
#define TLBIMVA		c8, 0, c7, 1
#define TLBIASID	c8, 0, c7, 2
#define TLBIMVAA	c8, 0, c7, 3

#define SCTLR_M		(1u << 0)
#define SCTLR_AFE	(1u << 29)
#define TTBCR_PD1	(1u << 5)

/* Physical layout: RAM well above the image, below 0x43000000 */
#define L1_MAIN		0x42000000u	/* TTBR0 table (ASID 1's too) */
#define L1_HIGH		0x42004000u	/* TTBR1 table */
#define L1_ASID2	0x42008000u	/* ASID 2's TTBR0 table */
#define L2_DOM1		0x42010000u	/* second level, domain 1 */
#define L2_DOM0		0x42010400u	/* second level, domain 0: execute tests */
#define PA_DATA		0x42100000u	/* behind most test sections */
#define PA_A		0x42200000u
#define PA_B		0x42300000u
#define PA_C		0x42400000u
#define PA_D		0x42500000u
#define PA_SMALL	0x42600000u	/* small pages */
#define PA_LARGE	0x42610000u	/* large page: 64 KiB aligned */
#define PA_CODE		0x42700000u	/* one BX LR */

/* Virtual layout: a 1 MiB L1 slot each */
#define VA_ALIAS	0x80000000u	/* section -> PA_DATA */
#define VA_PAGES	0x81000000u	/* page table L2_DOM1 */
#define VA_DOM2		0x82000000u	/* section in domain 2 */
#define VA_AP0		0x83000000u	/* AP=000 section in domain 3 */
#define VA_XN		0x84000000u	/* section -> PA_CODE, XN */
#define VA_X		0x85000000u	/* section -> PA_CODE */
#define VA_PXN		0x86000000u	/* section -> PA_CODE, PXN */
#define VA_XPAGES	0x87000000u	/* page table L2_DOM0 */
#define VA_AP(ap)	(0x88000000u + ((uint32_t)(ap) << 20))	/* -> PA_DATA */
#define VA_AF		0x89000000u	/* AP[0]=0 section in domain 4 */
#define VA_NONE		0x90000000u	/* never mapped */
#define VA_SUPER	0xa0000000u	/* supersection -> 0x40000000 */
#define VA_ASID		0xb0000000u	/* not global: differs per ASID */

/* Pages in L2_DOM1 (VA_PAGES + 4 KiB * index) */
#define PG_SMALL	0		/* small page, AP=011 */
#define PG_LARGE	16		/* 16..31: one large page */
#define PG_INVALID	32		/* fault entry */
#define PG_AF0		33		/* small page, AP=010: AP[0] = 0 */
#define PG_RO		34		/* small page, AP=101: PL1 read-only */
#define PG(i)		(VA_PAGES + ((uint32_t)(i) << 12))

/* First-level descriptors */
#define L1_TABLE	0x1u
#define L1_SECT		0x2u
#define L1_PXN		0x1u		/* with L1_SECT: type 0b11 */
#define L1_B		(1u << 2)
#define L1_C		(1u << 3)
#define L1_XN		(1u << 4)
#define L1_DOM(d)	((uint32_t)(d) << 5)
#define L1_AP(ap)	((((ap) & 3u) << 10) | (((ap) >> 2) << 15))
#define L1_TEX(t)	((uint32_t)(t) << 12)
#define L1_NG		(1u << 17)
#define L1_SUPER	(1u << 18)
#define L1_NORMAL	(L1_TEX(1) | L1_C | L1_B)	/* write-back, write-allocate */
#define L1_DEVICE	(L1_B | L1_XN)			/* shareable device */

/* Second-level descriptors */
#define L2_LARGE	0x1u
#define L2_SMALL	0x2u
#define L2_SMALL_XN	0x1u
#define L2_AP(ap)	((((ap) & 3u) << 4) | (((ap) >> 2) << 9))
#define L2_SMALL_NORMAL	((1u << 6) | (1u << 3) | (1u << 2))	/* TEX at [8:6] */
#define L2_LARGE_NORMAL	((1u << 12) | (1u << 3) | (1u << 2))	/* TEX at [14:12] */

#define BX_LR		0xe12fff1eu

uint32_t mmu_user_ldr(uint32_t va);
void mmu_user_str(uint32_t va, uint32_t v);
uint32_t mmu_call(uint32_t va);

/* The supersection test reads and writes this through 0xa0000000 */
static volatile uint32_t super_probe = 0x5ec70001;

static volatile uint32_t *table(uint32_t pa)
{
	return (volatile uint32_t *)pa;
}

static void set_l1(uint32_t l1, uint32_t va, uint32_t desc)
{
	table(l1)[va >> 20] = desc;
}

static void map(uint32_t va, uint32_t pa, uint32_t attrs)
{
	set_l1(L1_MAIN, va, (pa & 0xfff00000u) | L1_SECT | attrs);
}

/* After any change to a descriptor, TTBCR or SCTLR: nothing stale is used */
static void tlb_flush(void)
{
	dsb();
	cp15_write(TLBIALL, 0);
	dsb();
	isb();
}

static void set_domain(uint32_t d, uint32_t access)
{
	uint32_t dacr = cp15_read(DACR) & ~(3u << (2 * d));

	cp15_write(DACR, dacr | (access << (2 * d)));
	isb();
}

static uint32_t load(uint32_t va)
{
	uint32_t v;

	__asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(va) : "memory");
	return v;
}

static void store(uint32_t va, uint32_t v)
{
	__asm__ volatile("str %0, [%1]" :: "r"(v), "r"(va) : "memory");
}

/*
 * Ends the line with the exception the access took, if any: its kind, the
 * fault status and address registers and the mode it was taken from.
 */
static int fault(void)
{
	const volatile struct catch_rec *r = &catch_log[0];
	int data = r->kind == EXC_DABT;

	if (catch_count == 0)
		return 0;
	printf(" -> %s, %s 0x%03lx, %s 0x%08lx, from mode 0x%02lx", exc_name(r->kind),
	       data ? "DFSR" : "IFSR", HEX(r->fsr), data ? "DFAR" : "IFAR", HEX(r->far),
	       HEX(r->spsr & PSR_MODE_MASK));
	if (catch_count > 1)
		printf(" (%lu exceptions)", HEX(catch_count));
	printf("\n");
	catch_clear();
	return 1;
}

static void rd(const char *what, uint32_t va)
{
	uint32_t v;

	catch_clear();
	v = load(va);
	printf("mmu: %s: LDR [0x%08lx]", what, HEX(va));
	if (!fault())
		printf(" = 0x%08lx\n", HEX(v));
}

static void wr(const char *what, uint32_t va, uint32_t v)
{
	catch_clear();
	store(va, v);
	printf("mmu: %s: STR 0x%08lx to [0x%08lx]", what, HEX(v), HEX(va));
	if (!fault())
		printf(" ok\n");
}

static void user_rd(const char *what, uint32_t va)
{
	uint32_t v;

	catch_clear();
	v = mmu_user_ldr(va);
	printf("mmu: %s: User LDR [0x%08lx]", what, HEX(va));
	if (!fault())
		printf(" = 0x%08lx\n", HEX(v));
}

static void user_wr(const char *what, uint32_t va, uint32_t v)
{
	catch_clear();
	mmu_user_str(va, v);
	printf("mmu: %s: User STR 0x%08lx to [0x%08lx]", what, HEX(v), HEX(va));
	if (!fault())
		printf(" ok\n");
}

static void call(const char *what, uint32_t va)
{
	uint32_t back;

	catch_clear();
	back = mmu_call(va);
	printf("mmu: %s: BLX 0x%08lx", what, HEX(va));
	if (!fault())
		printf(back ? " returned\n" : " did not return\n");
}

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

/* 11: TTBCR.N = 1 splits the address space: the top half uses TTBR1 */
static void ttbr1(void)
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
static void asids(void)
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
static void address_translation(void)
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
	mmu_off();
	catch_off();
	printf("mmu: done\n");
	return 0;
}
