/*
 * Shared by the tests of the software walk (test_vmsa*.c): a fake guest
 * physical memory (256 KiB at PA 0x40000000; a read anywhere else, or at
 * one chosen address, is an external abort), descriptor builders and the
 * walk itself with its expected results.
 */
#ifndef TEST_HOST_VMSA_HARNESS_H
#define TEST_HOST_VMSA_HARNESS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "arch/arm/vmsa.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* assert_int_equal, saying which case of a table failed */
#define EQ(got, want, ...) do {							\
	uint64_t g_ = (got), w_ = (want);					\
	if (g_ != w_)								\
		print_error(__VA_ARGS__);					\
	assert_int_equal(g_, w_);						\
} while (0)

/* ---- fake guest physical memory ---------------------------------------- */

#define MEM_BASE	0x40000000u
#define MEM_WORDS	0x10000u
#define L1		0x40000000u	/* the TTBR0 table, 16 KiB */
#define L2A		0x40004000u	/* second-level tables, 1 KiB each */
#define L2B		0x40004400u
#define L1_T1		0x40008000u	/* the TTBR1 table */
#define NOWHERE		0x20000000u	/* outside memory: external abort */
#define R		VMSA_R
#define W		VMSA_W
#define X		VMSA_X
#define RWX		(R | W | X)

static uint32_t mem[MEM_WORDS];

struct bus {
	unsigned reads;
	uint32_t addr[8];		/* the first reads, in order */
	uint32_t fail;			/* this address aborts too (0: none) */
};

static inline bool bus_read(void *arg, uint32_t pa, uint32_t *val)
{
	struct bus *b = arg;

	if (b->reads < N(b->addr))
		b->addr[b->reads] = pa;
	b->reads++;
	if (pa & 3 || pa < MEM_BASE || pa - MEM_BASE >= sizeof(mem) || (b->fail && pa == b->fail))
		return false;
	*val = mem[(pa - MEM_BASE) / 4];
	return true;
}

static inline void put(uint32_t pa, uint32_t v)
{
	assert_true(pa >= MEM_BASE && pa - MEM_BASE < sizeof(mem));
	mem[(pa - MEM_BASE) / 4] = v;
}

/* The L1 entry of va in the table at `table`, the L2 entry in `l2`. */
static inline void put_l1(uint32_t table, uint32_t va, uint32_t d) { put(table + (va >> 20) * 4, d); }
static inline void put_l2(uint32_t l2, uint32_t va, uint32_t d) { put(l2 + ((va >> 12) & 0xff) * 4, d); }

/* ---- descriptors (ARM ARM B3.5.1) ---------------------------------------- */

#define AP(ap, lo, hi)	(((ap) & 3u) << (lo) | ((ap) >> 2 & 1u) << (hi))

/* Section: AP[2] bit 15, AP[1:0] 11:10, domain 8:5, XN 4, type 1:0 = 1x (bit 0 PXN) */
static inline uint32_t sect(uint32_t pa, unsigned dom, unsigned ap, bool xn, bool pxn, bool ng)
{
	return (pa & 0xfff00000u) | (uint32_t)ng << 17 | AP(ap, 10, 15) | dom << 5 |
	       (uint32_t)xn << 4 | 2u | pxn;
}

/* Supersection: bit 18, PA[35:32] in 23:20, PA[39:36] in 8:5 */
static inline uint32_t supersect(uint64_t pa, unsigned ap, bool xn, bool ng)
{
	return ((uint32_t)pa & 0xff000000u) | (uint32_t)(pa >> 32 & 0xf) << 20 | 1u << 18 |
	       (uint32_t)ng << 17 | AP(ap, 10, 15) | (uint32_t)(pa >> 36 & 0xf) << 5 |
	       (uint32_t)xn << 4 | 2u;
}

/* Page table: base 31:10, domain 8:5, PXN 2, type 01 */
static inline uint32_t ptab(uint32_t l2, unsigned dom, bool pxn)
{
	return (l2 & 0xfffffc00u) | dom << 5 | (uint32_t)pxn << 2 | 1u;
}

/* Small page: nG 11, AP[2] 9, AP[1:0] 5:4, type 1x with XN in bit 0 */
static inline uint32_t small(uint32_t pa, unsigned ap, bool xn, bool ng)
{
	return (pa & 0xfffff000u) | (uint32_t)ng << 11 | AP(ap, 4, 9) | 2u | xn;
}

/* Large page: XN 15, nG 11, AP[2] 9, AP[1:0] 5:4, type 01 */
static inline uint32_t large(uint32_t pa, unsigned ap, bool xn, bool ng)
{
	return (pa & 0xffff0000u) | (uint32_t)xn << 15 | (uint32_t)ng << 11 | AP(ap, 4, 9) | 1u;
}

/* ---- walking --------------------------------------------------------- */

static struct vmsa_regs regs;
static struct bus bus;
static struct vmsa_result res;

static inline int setup(void **state)
{
	(void)state;
	memset(mem, 0, sizeof(mem));
	memset(&bus, 0, sizeof(bus));
	memset(&res, 0xa5, sizeof(res));	/* the walk must set every field */
	regs = (struct vmsa_regs){ .sctlr = 1, .ttbr0 = L1 | 0x59, .ttbr1 = L1_T1 | 0x59,
				   .ttbcr = 0, .dacr = 0x55555555u /* all Client */ };
	return 0;
}

static inline uint32_t walk(uint32_t va)
{
	uint32_t fsr;

	bus.reads = 0;
	fsr = vmsa_walk(&regs, va, bus_read, &bus, &res);
	assert_int_equal(fsr, res.fsr);
	return fsr;
}

#define VA		0x12345678u	/* for sections: L1 index 0x123 */
#define PG_VA		0x00345678u	/* for pages: L1 index 0x003, L2 index 0x45 */
#define LG_VA		0x00445678u	/* and a second page table, at L2B */

/* The whole result, field by field */
static inline void expect(struct vmsa_result want)
{
	assert_int_equal(res.fsr, want.fsr);
	assert_int_equal(res.pa, want.pa);
	assert_int_equal(res.size, want.size);
	assert_int_equal(res.level, want.level);
	assert_int_equal(res.domain, want.domain);
	assert_int_equal(res.manager, want.manager);
	assert_int_equal(res.global, want.global);
	assert_int_equal(res.af_fault, want.af_fault);
	assert_int_equal(res.xn, want.xn);
	assert_int_equal(res.pxn, want.pxn);
	assert_int_equal(res.prot_pl1, want.prot_pl1);
	assert_int_equal(res.prot_pl0, want.prot_pl0);
}

/* Every access at both privileges takes fault `fsr`; both rights are `rights`. */
static inline void expect_all(uint32_t fsr, unsigned rights)
{
	for (int priv = 0; priv < 2; priv++) {
		assert_int_equal(vmsa_check(&res, VMSA_R, priv), fsr);
		assert_int_equal(vmsa_check(&res, VMSA_W, priv), fsr);
		assert_int_equal(vmsa_check(&res, VMSA_X, priv), fsr);
		assert_int_equal(vmsa_rights(&res, priv), rights);
	}
}

#endif
