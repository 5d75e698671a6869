/*
 * The long-descriptor (LPAE) walk (arch/arm/vmsa_lpae.c), checked against
 * the ARM ARM (B3.6, B3.7, B3.13.3): which TTBR, the levels, blocks and
 * pages, the attributes that decide rights, and the fault encoding.  The
 * tables U-Boot for virt builds are the first case.
 */
#include "test/host/vmsa_harness.h"

#define EAE		(1u << 31)
#define L1L		0x40000000u	/* first level: 4 entries (T0SZ 0) */
#define L2L		0x40001000u	/* second level, 512 entries */
#define L3L		0x40002000u

static void put64(uint32_t pa, uint64_t d)
{
	put(pa, (uint32_t)d);
	put(pa + 4, (uint32_t)(d >> 32));
}

/* block/page: AF, AP[2:1], XN, PXN, type (1: block, 3: table or page) */
static uint64_t desc(uint64_t oa, unsigned ap, bool af, bool xn, bool pxn, unsigned type)
{
	return oa | (uint64_t)xn << 54 | (uint64_t)pxn << 53 | (uint64_t)af << 10 |
	       (uint64_t)ap << 6 | type;
}

static void lpae_setup(uint32_t ttbcr)
{
	memset(mem, 0, sizeof(mem));
	memset(&bus, 0, sizeof(bus));
	regs = (struct vmsa_regs){ .ttbcr = EAE | ttbcr, .ttbr0 = L1L };
}

/* U-Boot: 4 first-level entries to 2 MiB blocks */
static void test_uboot_2mib_blocks(void **state)
{
	(void)state;
	lpae_setup(0);
	put64(L1L + 1 * 8, L2L | 3);				/* 0x40000000-0x7fffffff */
	put64(L2L + 0x1f * 8, desc(0x43e00000u, 0, true, false, false, 1));
	assert_int_equal(walk(0x43f38123u), 0);
	assert_true(res.lpae);
	assert_int_equal(res.pa, 0x43f38123u);
	assert_int_equal(res.size, 0x200000);
	assert_int_equal(res.level, 2);
	assert_int_equal(res.prot_pl1, RWX);
	assert_int_equal(res.prot_pl0, 0);
	assert_int_equal(vmsa_check(&res, X, true), 0);
	assert_int_equal(vmsa_check(&res, R, false), 0x20e);	/* permission, level 2 */
}

static void test_pages_and_1gib_blocks(void **state)
{
	(void)state;
	lpae_setup(0);
	put64(L1L, desc(0x80000000u, 1, true, false, false, 1));	/* VA 0: 1 GiB at PA 2 GiB */
	walk(0x12345678u);
	assert_int_equal(res.pa, 0x92345678u);
	assert_int_equal(res.size, 0x40000000u);
	put64(L1L + 8, L2L | 3);
	put64(L2L, L3L | 3);
	put64(L3L + 5 * 8, desc(0x41234000u, 3, true, true, false, 3));	/* RO, XN */
	assert_int_equal(walk(0x40005abcu), 0);
	assert_int_equal(res.pa, 0x41234abcu);
	assert_int_equal(res.size, 0x1000);
	assert_int_equal(res.level, 3);
	assert_int_equal(vmsa_check(&res, W, true), 0x20f);
	assert_int_equal(vmsa_check(&res, X, false), 0x20f);
	assert_int_equal(vmsa_check(&res, R, false), 0);
}

static void test_faults(void **state)
{
	(void)state;
	lpae_setup(0);
	assert_int_equal(walk(0x40000000u), 0x205);			/* level 1 invalid */
	put64(L1L + 8, L2L | 3);
	assert_int_equal(walk(0x40000000u), 0x206);			/* level 2 invalid */
	put64(L2L, L3L | 3);
	put64(L3L, desc(0x40000000u, 1, true, false, false, 1));	/* type 01 at level 3 */
	assert_int_equal(walk(0x40000000u), 0x207);
	put64(L3L, desc(0x40000000u, 1, false, false, false, 3));	/* AF clear */
	assert_int_equal(walk(0x40000000u), 0);
	assert_int_equal(vmsa_check(&res, R, true), 0x20b);
	put64(L1L + 16, 0x20000003u);				/* table outside memory */
	assert_int_equal(walk(0x80000000u), 0x216);			/* external abort, level 2 */
}

static void test_table_attributes_and_ttbr1(void **state)
{
	(void)state;
	lpae_setup(1u << 16);					/* T1SZ 1: TTBR1 above 2 GiB */
	regs.ttbr1 = L2L;
	regs.ttbr0 = L1L;
	put64(L1L, (uint64_t)3 << 59 | L3L | 3);			/* PXNTable, XNTable */
	put64(L3L, desc(0x40000000u, 1, true, false, false, 3));
	walk(0x00000000u);
	assert_true(res.xn);
	assert_true(res.pxn);
	/* TTBR1 (T1SZ 1: 2 GiB, starts at level 1 with 2 entries) */
	put64(L2L + 8, desc(0xc0000000u, 1, true, false, false, 1));
	assert_int_equal(walk(0xc0001234u), 0);
	assert_int_equal(res.pa, 0xc0001234u);
	regs.ttbcr |= 1u << 23;						/* EPD1 */
	assert_int_equal(walk(0xc0001234u), 0x205);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uboot_2mib_blocks),
		cmocka_unit_test(test_pages_and_1gib_blocks),
		cmocka_unit_test(test_faults),
		cmocka_unit_test(test_table_attributes_and_ttbr1),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
