/*
 * The software walk of the guest's short-descriptor translation tables
 * (arch/arm/vmsa.c), checked against the ARM ARM (B3.5, B3.7, B3.12) and
 * against what QEMU's Cortex-A15 does (target/arm/ptw.c, get_phys_addr_v6):
 * the same PA, the same fault status and domain, the same rights.
 *
 * This file: what a descriptor translates to, the walk's own faults and
 * domains; test_vmsa_perm.c: permissions, XN/PXN, TTBCR.
 */
#include "test/host/vmsa_harness.h"

/* ---- translation ------------------------------------------------------- */

static void test_section(void **state)
{
	(void)state;
	put_l1(L1, VA, sect(0x87600000u, 3, 3, false, false, false) | 0xc | 7u << 12);
	assert_int_equal(walk(VA), 0);
	assert_int_equal(bus.reads, 1);
	assert_int_equal(bus.addr[0], L1 + 0x123 * 4);
	expect((struct vmsa_result){ .pa = 0x87645678u, .size = 0x100000, .level = 1, .domain = 3,
				     .global = true, .prot_pl1 = RWX, .prot_pl0 = RWX });
}

static void test_supersection_pa_and_domain_zero(void **state)
{
	static const struct { uint64_t pa, want; } cases[] = {
		{ 0x81000000u, 0x81345678u },			/* below 4 GiB */
		{ 0x581000000ull, 0x581345678ull },		/* bits 23:20 -> PA[35:32] */
		{ 0xa000000000ull | 0x81000000u, 0xa081345678ull },/* bits 8:5 -> PA[39:36] */
		{ 0xff00000000ull | 0xff000000u, 0xffff345678ull },/* both, every bit */
	};
	(void)state;
	/* Only domain 0 is Client: supersection bits 8:5 are not a domain. */
	regs.dacr = 1;
	for (unsigned i = 0; i < N(cases); i++) {
		put_l1(L1, VA, supersect(cases[i].pa, 3, false, false));
		walk(VA);
		expect((struct vmsa_result){ .pa = cases[i].want, .size = 0x1000000, .level = 1,
					     .global = true, .prot_pl1 = RWX, .prot_pl0 = RWX });
	}
	/* and domain 0's DACR field is the one checked */
	regs.dacr = 0xfffffffcu;
	assert_int_equal(walk(VA), FS_DOMAIN_SECT);
	assert_int_equal(res.domain, 0);
}

static void test_small_page(void **state)
{
	(void)state;
	put_l1(L1, PG_VA, ptab(L2A, 5, false));
	put_l2(L2A, PG_VA, small(0x9abcd000u, 3, false, false) | 0x1cc /* TEX, C, B */);
	assert_int_equal(walk(PG_VA), 0);
	assert_int_equal(bus.reads, 2);
	assert_int_equal(bus.addr[0], L1 + 0x003 * 4);
	assert_int_equal(bus.addr[1], L2A + 0x45 * 4);
	expect((struct vmsa_result){ .pa = 0x9abcd678u, .size = 0x1000, .level = 2, .domain = 5,
				     .global = true, .prot_pl1 = RWX, .prot_pl0 = RWX });
}

static void test_large_page_uses_va_15_0(void **state)
{
	uint32_t va = 0x0034f678u;	/* L2 index 0x4f: one of the 16 copies */

	(void)state;
	put_l1(L1, va, ptab(L2B, 2, false));
	/* TEX and XN in bits 15:12 must not leak into the PA */
	put_l2(L2B, va, large(0x9abc0000u, 3, true, false) | 0x7000);
	walk(va);
	assert_int_equal(bus.addr[1], L2B + 0x4f * 4);
	expect((struct vmsa_result){ .pa = 0x9abcf678u, .size = 0x10000, .level = 2, .domain = 2,
				     .global = true, .xn = true, .prot_pl1 = RWX, .prot_pl0 = RWX });
}

static void test_not_global_bits(void **state)
{
	const struct { uint32_t va, l1, l2; bool global; } cases[] = {
		{ VA, sect(0x80000000u, 0, 3, false, false, true), 0, false },
		{ VA, supersect(0x81000000u, 3, false, true), 0, false },
		/* bit 11 of a section is AP[1] (AP 001 -> 011), not nG */
		{ VA, sect(0x80000000u, 0, 1, false, false, false) | 1u << 11, 0, true },
		{ PG_VA, ptab(L2A, 0, false), small(0x80000000u, 3, false, true), false },
		{ PG_VA, ptab(L2A, 0, false), large(0x80000000u, 3, false, true), false },
		/* bit 17 of a page is PA */
		{ PG_VA, ptab(L2A, 0, false), small(0x80020000u, 3, false, false), true },
	};
	(void)state;
	for (unsigned i = 0; i < N(cases); i++) {
		put_l1(L1, cases[i].va, cases[i].l1);
		if (cases[i].l2)
			put_l2(L2A, cases[i].va, cases[i].l2);
		assert_int_equal(walk(cases[i].va), 0);
		assert_int_equal(res.global, cases[i].global);
		assert_int_equal(res.prot_pl0, RWX);
	}
}

/* ---- walk faults ----------------------------------------------------- */

static void test_l1_invalid_is_translation_fault_domain_0(void **state)
{
	(void)state;
	put_l1(L1, VA, 0x87600000u | 0xf << 5 | 0xc);	/* type 00, domain bits set */
	assert_int_equal(walk(VA), FS_TRANS_SECT);
	assert_int_equal(res.fsr, 0x05);
	assert_int_equal(res.domain, 0);
	assert_int_equal(res.level, 1);
	put_l1(L1, VA, 0xfffffffcu);
	assert_int_equal(walk(VA), 0x05);
}

static void test_l1_type3_is_section_with_pxn(void **state)
{
	(void)state;
	put_l1(L1, VA, sect(0x87600000u, 4, 3, false, true, false));
	walk(VA);
	expect((struct vmsa_result){ .pa = 0x87645678u, .size = 0x100000, .level = 1, .domain = 4,
				     .global = true, .pxn = true, .prot_pl1 = RWX, .prot_pl0 = RWX });
}

static void test_l2_invalid_is_translation_fault_with_l1_domain(void **state)
{
	(void)state;
	put_l1(L1, PG_VA, ptab(L2A, 9, false));
	put_l2(L2A, PG_VA, 0xfffffffcu);
	assert_int_equal(walk(PG_VA), FS_TRANS_PAGE | 9 << 4);
	assert_int_equal(res.fsr, 0x97);
	assert_int_equal(res.domain, 9);
	assert_int_equal(res.level, 2);
}

static void test_l2_unreadable_is_external_abort_l2(void **state)
{
	(void)state;
	put_l1(L1, PG_VA, ptab(NOWHERE, 6, false));
	assert_int_equal(walk(PG_VA), FS_WALK_EXT_L2 | 6 << 4);
	assert_int_equal(res.fsr, 0x6e);
	assert_int_equal(bus.addr[1], NOWHERE + 0x45 * 4);
	/* inside memory, only that word aborting */
	put_l1(L1, PG_VA, ptab(L2A, 15, false));
	bus.fail = L2A + 0x45 * 4;
	assert_int_equal(walk(PG_VA), 0xfe);
}

static void test_l1_unreadable_is_external_abort_l1(void **state)
{
	(void)state;
	regs.ttbr0 = NOWHERE;
	assert_int_equal(walk(VA), FS_WALK_EXT_L1);
	assert_int_equal(res.fsr, 0x0c);
	assert_int_equal(res.domain, 0);
	assert_int_equal(bus.addr[0], NOWHERE + 0x123 * 4);
	regs.ttbr0 = L1;
	put_l1(L1, VA, sect(0x80000000u, 3, 3, false, false, false));
	bus.fail = L1 + 0x123 * 4;
	assert_int_equal(walk(VA), 0x0c);
}

/* ---- domains ---------------------------------------------------------- */

/* DACR field 00 (no access) and 10 (reserved): a section's domain fault
 * 0x9, a page table's 0xb, taken before the L2 descriptor is read. */
static void test_domain_faults(void **state)
{
	static const unsigned domains[] = { 0, 1, 7, 10, 15 };

	(void)state;
	for (unsigned i = 0; i < N(domains); i++)
		for (uint32_t field = 0; field <= 2; field += 2) {
			unsigned d = domains[i];

			/* every other domain is Manager: only d's field counts */
			regs.dacr = ~(3u << 2 * d) | field << 2 * d;
			put_l1(L1, VA, sect(0x80000000u, d, 3, false, false, false));
			EQ(walk(VA), FS_DOMAIN_SECT | d << 4, "section d=%u %u\n", d, field);
			assert_int_equal(res.domain, d);
			put_l1(L1, VA, sect(0x80000000u, d, 3, false, true, false));
			EQ(walk(VA), FS_DOMAIN_SECT | d << 4, "PXN section d=%u %u\n", d, field);

			put_l1(L1, PG_VA, ptab(L2A, d, false));
			put_l2(L2A, PG_VA, small(0x80000000u, 3, false, false));
			EQ(walk(PG_VA), FS_DOMAIN_PAGE | d << 4, "page d=%u %u\n", d, field);
			assert_int_equal(res.domain, d);
			assert_int_equal(bus.reads, 1);
			/* an unreadable L2 would be 0xe */
			put_l1(L1, PG_VA, ptab(NOWHERE, d, false));
			assert_int_equal(walk(PG_VA), FS_DOMAIN_PAGE | d << 4);
			assert_int_equal(bus.reads, 1);
		}
}

static void test_manager_bypasses_every_check(void **state)
{
	static const uint32_t vas[] = { VA, PG_VA, LG_VA };

	(void)state;
	regs.dacr = 0x55555555u | 3u << 2 * 6;
	put_l1(L1, VA, sect(0x80000000u, 6, 0, true, true, false));
	put_l1(L1, PG_VA, ptab(L2A, 6, true));
	put_l2(L2A, PG_VA, small(0x80000000u, 0, true, false));
	put_l1(L1, LG_VA, ptab(L2B, 6, false));
	put_l2(L2B, LG_VA, large(0x80000000u, 4, true, false));
	for (int afe = 0; afe < 2; afe++) {
		/* with AFE, AP[0] = 0 would be an access flag fault */
		regs.sctlr = afe ? 1u | 1u << 29 : 1u;
		for (unsigned i = 0; i < N(vas); i++) {
			assert_int_equal(walk(vas[i]), 0);
			assert_true(res.manager);
			assert_int_equal(res.domain, 6);
			assert_false(res.af_fault);
			expect_all(0, RWX);
		}
	}
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_section),
		T(test_supersection_pa_and_domain_zero),
		T(test_small_page),
		T(test_large_page_uses_va_15_0),
		T(test_not_global_bits),
		T(test_l1_invalid_is_translation_fault_domain_0),
		T(test_l1_type3_is_section_with_pxn),
		T(test_l2_invalid_is_translation_fault_with_l1_domain),
		T(test_l2_unreadable_is_external_abort_l2),
		T(test_l1_unreadable_is_external_abort_l1),
		T(test_domain_faults),
		T(test_manager_bypasses_every_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
