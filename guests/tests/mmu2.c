/*
 * mmu2: translation at scale and at the top of the address space.
 *  - 16 MiB of RAM mapped with 4 KiB pages (16 second-level tables), at
 *    two virtual addresses; every page written through one mapping and
 *    summed through the other, several times with TLB maintenance between,
 *    and with the mapping permuted (so a stale translation shows up as a
 *    wrong sum, not a fault);
 *  - eight processes (ASIDs 1-8), each with its own table mapping the same
 *    virtual page to its own physical page, visited round robin;
 *  - what is trapvisor's range under trapvisor: a section mapped at
 *    0xF8000000 read and written, and an access to an unmapped 0xF0000000
 *    (a translation fault natively);
 *  - LDRT/STRT and friends from SVC mode: they check PL0's permissions.
 * Under trapvisor with a small shadow pool this forces the pool to be
 * recycled and contexts evicted; the sums must not change.
 */
#include <string.h>
#include "tests.h"

#define TLBIALL		c8, 0, c7, 0
#define TLBIASID	c8, 0, c7, 2
#define SCTLR_M		(1u << 0)

#define L1		0x42000000u	/* the main table */
#define L1_PROC(i)	(0x42004000u + 0x4000u * (i))	/* i = 0..7 */
#define L2_BASE		0x42100000u	/* 32 second-level tables, 1 KiB each */
#define PA_PAGES	0x43000000u	/* 16 MiB of pages */
#define PA_PROC		0x42200000u	/* one page per process */
#define NPAGES		4096u
#define VA_A		0x10000000u	/* PA_PAGES, page i at page i */
#define VA_B		0x20000000u	/* PA_PAGES, page i at page perm(i) */
#define VA_PROC		0x30000000u
#define VA_TOP		0xf8000000u
#define VA_TOP_NONE	0xf0000000u
#define VA_UNPRIV(ap)	(0xc0000000u + ((uint32_t)(ap) << 20))	/* AP=ap section */

#define L1_TABLE	0x1u
#define L1_SECT		(0x2u | (1u << 12) | (1u << 3) | (1u << 2) | (3u << 10))
#define L1_DEVICE	(0x2u | (1u << 2) | (1u << 4) | (3u << 10))
#define L1_NG		(1u << 17)
#define L2_PAGE		(0x2u | (1u << 6) | (1u << 3) | (1u << 2) | (3u << 4))
#define L2_NG		(1u << 11)

static volatile uint32_t *const l1 = (volatile uint32_t *)L1;

static void tlb_sync(void)
{
	dsb();
	cp15_write(TLBIALL, 0);
	dsb();
	isb();
}

static uint32_t perm(uint32_t i, uint32_t round)
{
	return (i * 2053u + round * 17u) % NPAGES;	/* 2053 is odd: a bijection */
}

/* VA_A + i pages -> page i; VA_B + i pages -> page perm(i) */
static void map_pages(uint32_t round)
{
	for (uint32_t i = 0; i < NPAGES; i++) {
		volatile uint32_t *a = (volatile uint32_t *)(L2_BASE + (i >> 8) * 1024);
		volatile uint32_t *b = (volatile uint32_t *)(L2_BASE + (16 + (i >> 8)) * 1024);
		a[i & 0xff] = (PA_PAGES + i * 4096u) | L2_PAGE;
		b[i & 0xff] = (PA_PAGES + perm(i, round) * 4096u) | L2_PAGE;
	}
	for (uint32_t k = 0; k < 16; k++) {
		l1[(VA_A >> 20) + k] = (L2_BASE + k * 1024) | L1_TABLE;
		l1[(VA_B >> 20) + k] = (L2_BASE + (16 + k) * 1024) | L1_TABLE;
	}
	tlb_sync();
}

static void pages(void)
{
	for (uint32_t round = 0; round < 3; round++) {
		uint32_t sum = 0, ok = 0;

		map_pages(round);
		for (uint32_t i = 0; i < NPAGES; i++)
			*(volatile uint32_t *)(VA_A + i * 4096u + 4 * (i & 7)) = i * 0x9e3779b9u;
		/* through B: page i is page perm(i) of A */
		for (uint32_t i = 0; i < NPAGES; i++) {
			uint32_t p = perm(i, round);
			uint32_t v = *(volatile uint32_t *)(VA_B + i * 4096u + 4 * (p & 7));
			sum += v;
			ok += v == p * 0x9e3779b9u;
		}
		printf("mmu2: round %lu: %lu of %lu pages read back through the permuted "
		       "mapping, sum 0x%08lx\n", HEX(round), HEX(ok), HEX(NPAGES), HEX(sum));
	}
}

/* Eight processes: the same VA, each its own page, switched by ASID. */
static void processes(void)
{
	for (uint32_t p = 0; p < 8; p++) {
		volatile uint32_t *t = (volatile uint32_t *)L1_PROC(p);
		for (uint32_t k = 0; k < 4096; k++)
			t[k] = l1[k];
		t[VA_PROC >> 20] = (PA_PROC + p * 0x100000u) | L1_SECT | L1_NG;
		*(volatile uint32_t *)(PA_PROC + p * 0x100000u) = 0x50c0000u + p;
	}
	dsb();
	for (uint32_t round = 0; round < 3; round++) {
		uint32_t seen = 0;
		for (uint32_t p = 0; p < 8; p++) {
			cp15_write(CONTEXTIDR, 0);
			isb();
			cp15_write(TTBR0, L1_PROC(p));
			isb();
			cp15_write(CONTEXTIDR, p + 1);
			isb();
			seen = seen * 3 + (*(volatile uint32_t *)VA_PROC & 0xf);
			*(volatile uint32_t *)(VA_PROC + 4) = round;
		}
		printf("mmu2: round %lu: 8 processes read their own page: 0x%08lx\n",
		       HEX(round), HEX(seen));
	}
	cp15_write(CONTEXTIDR, 0);
	isb();
	cp15_write(TTBR0, L1);
	isb();
	tlb_sync();
}

/* The top of the address space is the guest's too. */
static void top(void)
{
	volatile uint32_t *p = (volatile uint32_t *)(VA_TOP + 0x40);

	l1[VA_TOP >> 20] = PA_PROC | L1_SECT;
	tlb_sync();
	*p = 0x70b0b0b0;
	p[1] = p[0] + 1;
	printf("mmu2: section at 0x%08lx: wrote and read 0x%08lx 0x%08lx, physical 0x%08lx\n",
	       HEX(VA_TOP), HEX(p[0]), HEX(p[1]), HEX(*(volatile uint32_t *)(PA_PROC + 0x44)));
	catch_on();
	(void)*(volatile uint32_t *)VA_TOP_NONE;
	catch_off();
	catch_report("mmu2: unmapped 0xf0000000", NULL, CP_FSR | CP_FAR);
}

/* One unprivileged access from SVC mode: the value, or the abort. */
#define UNPRIV(what, insn, addr) do {						\
	uint32_t val_ = 0x5a5a5a5a, a_ = (addr);				\
	catch_on();								\
	__asm__ volatile(insn : "+r"(val_), "+r"(a_) :: "memory");		\
	catch_off();								\
	if (catch_count)							\
		catch_report("mmu2: " what, NULL, CP_FSR | CP_FAR);		\
	else									\
		printf("mmu2: " what ": value 0x%08lx\n", HEX(val_));	\
} while (0)

static void unprivileged(void)
{
	static const uint32_t aps[] = { 1, 2, 3 };	/* PL1 RW; PL0 RO; RW */

	for (unsigned i = 0; i < 3; i++) {
		uint32_t va = VA_UNPRIV(aps[i]);
		l1[va >> 20] = 0x42300000u | (L1_SECT & ~(3u << 10)) | ((aps[i] & 3u) << 10);
		*(volatile uint32_t *)0x42300000u = 0xabcd1234u;
	}
	tlb_sync();
	UNPRIV("AP=001: LDR", "ldr %0, [%1]", VA_UNPRIV(1));
	UNPRIV("AP=001: LDRT", "ldrt %0, [%1]", VA_UNPRIV(1));
	UNPRIV("AP=001: LDRBT", "ldrbt %0, [%1], #1", VA_UNPRIV(1));
	UNPRIV("AP=010: LDRT", "ldrt %0, [%1], #4", VA_UNPRIV(2));
	UNPRIV("AP=010: LDRHT", "ldrht %0, [%1], #2", VA_UNPRIV(2));
	UNPRIV("AP=010: STRT", "strt %0, [%1], #4", VA_UNPRIV(2) + 8);
	UNPRIV("AP=011: STRT", "strt %0, [%1], #4", VA_UNPRIV(3) + 8);
	UNPRIV("AP=011: LDRSHT", "ldrsht %0, [%1], #2", VA_UNPRIV(3) + 8);
	UNPRIV("AP=011: LDRSBT", "ldrsbt %0, [%1], #1", VA_UNPRIV(3) + 2);
}

int main(void)
{
	memset((void *)L1, 0, 0x4000);
	for (uint32_t mb = 0x400; mb < 0x440; mb++)		/* RAM, identity */
		l1[mb] = (mb << 20) | L1_SECT;
	l1[0x080] = 0x08000000u | L1_DEVICE;			/* GIC */
	l1[0x090] = 0x09000000u | L1_DEVICE;			/* UART */
	cp15_write(TTBCR, 0);
	cp15_write(DACR, 0x55555555);
	cp15_write(TTBR0, L1);
	tlb_sync();
	cp15_write(SCTLR, cp15_read(SCTLR) | SCTLR_M);
	isb();
	printf("mmu2: MMU on\n");
	pages();
	processes();
	top();
	unprivileged();
	cp15_write(SCTLR, cp15_read(SCTLR) & ~SCTLR_M);
	isb();
	printf("mmu2: done\n");
	return 0;
}
