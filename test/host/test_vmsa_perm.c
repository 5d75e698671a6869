/*
 * The software walk of the guest's short-descriptor translation tables
 * (arch/arm/vmsa.c), checked against the ARM ARM (B3.5, B3.7, B3.12) and
 * against what QEMU's Cortex-A15 does (target/arm/ptw.c, get_phys_addr_v6):
 * the same PA, the same fault status and domain, the same rights.
 *
 * This file: access permissions in both models, XN and PXN, TTBCR.N and
 * PD0/PD1; test_vmsa.c: translations, walk faults, domains.
 */
#include "test/host/vmsa_harness.h"

/* ---- access permissions -------------------------------------------------- */

/* Check every access at both privileges against the expected R/W rights
 * (X follows R when nothing is XN); perm is 0xd or 0xf. */
static void check_rights(const char *what, unsigned ap, unsigned pl1, unsigned pl0,
			 uint32_t perm, unsigned dom)
{
	static const unsigned accs[] = { VMSA_R, VMSA_W, VMSA_X };

	for (int priv = 0; priv < 2; priv++) {
		unsigned want = priv ? pl1 : pl0;

		if (want)
			want |= VMSA_X;
		for (unsigned a = 0; a < N(accs); a++)
			EQ(vmsa_check(&res, accs[a], priv), want & accs[a] ? 0 : perm | dom << 4,
			   "%s AP=%u PL%d access %u\n", what, ap, !priv, accs[a]);
		EQ(vmsa_rights(&res, priv), want, "%s AP=%u PL%d rights\n", what, ap, !priv);
	}
}


static void test_ap_full_model(void **state)
{
	static const struct { unsigned pl1, pl0; } ap_full[8] = {
		[0] = { 0, 0 },		  [1] = { R | W, 0 },
		[2] = { R | W, R },	  [3] = { R | W, R | W },
		[4] = { 0, 0 } /* reserved */, [5] = { R, 0 },
		[6] = { R, R },		  [7] = { R, R },
	};
	(void)state;
	for (unsigned ap = 0; ap < 8; ap++) {
		put_l1(L1, VA, sect(0x80000000u, 11, ap, false, false, false));
		assert_int_equal(walk(VA), 0);
		assert_false(res.af_fault);
		check_rights("section", ap, ap_full[ap].pl1, ap_full[ap].pl0, FS_PERM_SECT, 11);

		put_l1(L1, PG_VA, ptab(L2A, 12, false));
		put_l2(L2A, PG_VA, small(0x80000000u, ap, false, false));
		assert_int_equal(walk(PG_VA), 0);
		check_rights("small", ap, ap_full[ap].pl1, ap_full[ap].pl0, FS_PERM_PAGE, 12);

		put_l2(L2A, PG_VA, large(0x80000000u, ap, false, false));
		assert_int_equal(walk(PG_VA), 0);
		check_rights("large", ap, ap_full[ap].pl1, ap_full[ap].pl0, FS_PERM_PAGE, 12);

		put_l1(L1, VA, supersect(0x81000000u, ap, false, false));
		assert_int_equal(walk(VA), 0);
		check_rights("supersection", ap, ap_full[ap].pl1, ap_full[ap].pl0, FS_PERM_SECT, 0);
	}
}

static void test_ap_simplified_model(void **state)
{
	static const struct { unsigned pl1, pl0; } ap_simple[4] = {
		{ R | W, 0 }, { R | W, R | W }, { R, 0 }, { R, R },
	};
	(void)state;
	regs.sctlr |= 1u << 29;
	for (unsigned ap = 0; ap < 8; ap++) {
		const unsigned s = ap >> 1;

		put_l1(L1, VA, sect(0x80000000u, 13, ap, false, false, false));
		put_l1(L1, PG_VA, ptab(L2A, 14, false));
		put_l2(L2A, PG_VA, small(0x80000000u, ap, false, false));
		if (ap & 1) {
			assert_int_equal(walk(VA), 0);
			assert_false(res.af_fault);
			check_rights("AFE section", ap, ap_simple[s].pl1, ap_simple[s].pl0,
				     FS_PERM_SECT, 13);
			assert_int_equal(walk(PG_VA), 0);
			check_rights("AFE page", ap, ap_simple[s].pl1, ap_simple[s].pl0,
				     FS_PERM_PAGE, 14);
			continue;
		}
		/* AP[0] = 0: the access flag fault, for any access, whatever AP[2:1] */
		assert_int_equal(walk(VA), 0);
		assert_true(res.af_fault);
		expect_all(FS_AF_SECT | 13 << 4, 0);
		assert_int_equal(walk(PG_VA), 0);
		assert_true(res.af_fault);
		expect_all(FS_AF_PAGE | 14 << 4, 0);
	}
}

/* ---- XN and PXN ----------------------------------------------------------- */

/* One mapping, its XN/PXN, and what a fetch does at each privilege. */
struct xn_case {
	const char *what;
	uint32_t va, l1, l2;
	bool xn, pxn;
	unsigned pl1, pl0;		/* vmsa_rights */
	uint32_t x_pl1, x_pl0;		/* vmsa_check(VMSA_X) */
};

static void run_xn_cases(const struct xn_case *c, unsigned n)
{
	for (unsigned i = 0; i < n; i++, c++) {
		put_l1(L1, c->va, c->l1);
		if (c->l2)
			put_l2(L2A, c->va, c->l2);
		EQ(walk(c->va), 0, "%s: walk\n", c->what);
		EQ(res.xn, c->xn, "%s: xn\n", c->what);
		EQ(res.pxn, c->pxn, "%s: pxn\n", c->what);
		EQ(vmsa_rights(&res, true), c->pl1, "%s: PL1 rights\n", c->what);
		EQ(vmsa_rights(&res, false), c->pl0, "%s: PL0 rights\n", c->what);
		EQ(vmsa_check(&res, X, true), c->x_pl1, "%s: PL1 fetch\n", c->what);
		EQ(vmsa_check(&res, X, false), c->x_pl0, "%s: PL0 fetch\n", c->what);
		/* readable stays readable */
		EQ(vmsa_check(&res, R, true), c->pl1 & R ? 0 : c->x_pl1, "%s: PL1 read\n", c->what);
		EQ(vmsa_check(&res, R, false), c->pl0 & R ? 0 : c->x_pl0, "%s: PL0 read\n", c->what);
	}
}

static void test_xn_section_and_pages(void **state)
{
	const uint32_t ps = FS_PERM_SECT | 2 << 4, pp = FS_PERM_PAGE | 8 << 4;
	const struct xn_case cases[] = {
		{ "XN section", VA, sect(0x80000000u, 2, 3, true, false, false), 0,
		  true, false, R | W, R | W, ps, ps },
		{ "XN small page, R both", PG_VA, ptab(L2A, 8, false),
		  small(0x80000000u, 6, true, false), true, false, R, R, pp, pp },
		{ "XN large page (bit 15)", PG_VA, ptab(L2A, 8, false),
		  large(0x80000000u, 3, true, false), true, false, R | W, R | W, pp, pp },
		{ "large page bit 0 is type, not XN", PG_VA, ptab(L2A, 8, false),
		  large(0x80000000u, 3, false, false), false, false, RWX, RWX, 0, 0 },
		{ "small page bit 15 is PA, not XN", PG_VA, ptab(L2A, 8, false),
		  small(0x80008000u, 3, false, false), false, false, RWX, RWX, 0, 0 },
	};
	(void)state;
	run_xn_cases(cases, N(cases));
	assert_int_equal(res.pa, 0x80008678u);
}

static void test_pxn_section(void **state)
{
	const uint32_t ps = FS_PERM_SECT | 1 << 4;
	const struct xn_case cases[] = {
		{ "PXN section, RW both", VA, sect(0x80000000u, 1, 3, false, true, false), 0,
		  false, true, R | W, RWX, ps, 0 },
		{ "PXN section, PL1 only", VA, sect(0x80000000u, 1, 1, false, true, false), 0,
		  false, true, R | W, 0, ps, ps },
	};
	(void)state;
	run_xn_cases(cases, N(cases));
}

static void test_pxn_page_from_l1_bit2(void **state)
{
	const uint32_t pp = FS_PERM_PAGE | 3 << 4;
	const struct xn_case cases[] = {
		{ "PXN page table, PL1 RW PL0 R", PG_VA, ptab(L2A, 3, true),
		  small(0x80000000u, 2, false, false), false, true, R | W, R | X, pp, 0 },
		{ "L2 bit 2 is B, not PXN", PG_VA, ptab(L2A, 3, false),
		  small(0x80000000u, 2, false, false) | 1u << 2, false, false, RWX, R | X, 0, 0 },
	};
	(void)state;
	run_xn_cases(cases, N(cases));
}

static void test_xn_fault_before_access_flag_fault(void **state)
{
	(void)state;
	regs.sctlr |= 1u << 29;
	put_l1(L1, VA, sect(0x80000000u, 5, 2, true, false, false));	/* AP[0] = 0 */
	assert_int_equal(walk(VA), 0);
	assert_int_equal(vmsa_check(&res, VMSA_X, true), FS_PERM_SECT | 5 << 4);
	assert_int_equal(vmsa_check(&res, VMSA_X, false), FS_PERM_SECT | 5 << 4);
	assert_int_equal(vmsa_check(&res, VMSA_R, false), FS_AF_SECT | 5 << 4);
	/* PXN too, at PL1; at PL0 the access flag fault */
	put_l1(L1, VA, sect(0x80000000u, 5, 2, false, true, false));
	assert_int_equal(walk(VA), 0);
	assert_int_equal(vmsa_check(&res, VMSA_X, true), FS_PERM_SECT | 5 << 4);
	assert_int_equal(vmsa_check(&res, VMSA_X, false), FS_AF_SECT | 5 << 4);
	put_l1(L1, PG_VA, ptab(L2A, 7, true));
	put_l2(L2A, PG_VA, small(0x80000000u, 6, true, false));
	assert_int_equal(walk(PG_VA), 0);
	assert_int_equal(vmsa_check(&res, VMSA_X, false), FS_PERM_PAGE | 7 << 4);
	assert_int_equal(vmsa_check(&res, VMSA_W, false), FS_AF_PAGE | 7 << 4);
	put_l2(L2A, PG_VA, small(0x80000000u, 6, false, false));
	assert_int_equal(walk(PG_VA), 0);
	assert_int_equal(vmsa_check(&res, VMSA_X, true), FS_PERM_PAGE | 7 << 4);
	assert_int_equal(vmsa_check(&res, VMSA_X, false), FS_AF_PAGE | 7 << 4);
}

/* ---- TTBCR ---------------------------------------------------------------- */

#define TAG0_LO		0xa0000000u	/* what the TTBR0 table maps */
#define TAG0_HI		0xa0100000u
#define TAG1		0xb0000000u	/* what the TTBR1 table maps */

static void expect_pa(uint32_t va, uint32_t tag, unsigned n)
{
	EQ(walk(va), 0, "N=%u va 0x%08x: fault\n", n, va);
	EQ(res.pa, tag | (va & 0xfffffu), "N=%u va 0x%08x: pa\n", n, va);
}

/* The TTBR0 table is 16 KiB >> N, aligned to its size (and here to no
 * more), TTBR0 bits below it being attributes; TTBR1's is always 16 KiB
 * (bits 13:0 masked).  TTBR1 from the first VA with a top N bit set. */
static void test_ttbcr_n_selects_ttbr_and_masks_base(void **state)
{
	static const uint32_t first_ttbr1[8] = {
		0, 0x80000000u, 0x40000000u, 0x20000000u,
		0x10000000u, 0x08000000u, 0x04000000u, 0x02000000u,
	};
	(void)state;
	for (unsigned n = 0; n < 8; n++) {
		uint32_t size = 0x4000u >> n;
		uint32_t base = 0x40020000u + size;
		uint32_t b = first_ttbr1[n], last0 = b - 1;	/* N = 0: 0xffffffff */

		memset(mem, 0, sizeof(mem));
		regs.ttbcr = n;
		regs.ttbr0 = base | (size - 1);
		regs.ttbr1 = L1_T1 | 0x3fff;
		put_l1(base, 0, sect(TAG0_LO, 0, 3, false, false, false));
		put_l1(base, last0, sect(TAG0_HI, 0, 3, false, false, false));
		expect_pa(0x00012345u, TAG0_LO, n);
		assert_int_equal(bus.addr[0], base);
		expect_pa(last0, TAG0_HI, n);
		assert_int_equal(bus.addr[0], base + (last0 >> 20) * 4);
		if (!n)
			continue;
		put_l1(L1_T1, b, sect(TAG1, 0, 3, false, false, false));
		put_l1(L1_T1, 0xfff00000u, sect(TAG1 | 0x00100000u, 0, 3, false, false, false));
		expect_pa(b, TAG1, n);
		assert_int_equal(bus.addr[0], L1_T1 + (b >> 20) * 4);
		expect_pa(0xfffabcdeu, TAG1 | 0x00100000u, n);
		/* PD1 faults b, not b - 1, without reading anything */
		regs.ttbcr |= 1u << 5;
		assert_int_equal(walk(b), FS_TRANS_SECT);
		assert_int_equal(bus.reads, 0);
		expect_pa(last0, TAG0_HI, n);
	}
}

static void test_ttbcr_pd0_pd1(void **state)
{
	(void)state;
	put_l1(L1, 0x10000000u, sect(TAG0_LO, 0, 3, false, false, false));
	put_l1(L1, 0xf0000000u, sect(TAG0_HI, 0, 3, false, false, false));
	put_l1(L1_T1, 0xf0000000u, sect(TAG1, 0, 3, false, false, false));

	regs.ttbcr = 1 | 1u << 4;			/* N = 1, PD0 */
	assert_int_equal(walk(0x10000000u), FS_TRANS_SECT);
	assert_int_equal(res.domain, 0);
	assert_int_equal(bus.reads, 0);
	expect_pa(0xf0000000u, TAG1, 1);

	regs.ttbcr = 1 | 1u << 5;			/* N = 1, PD1 */
	assert_int_equal(walk(0xf0000000u), FS_TRANS_SECT);
	assert_int_equal(bus.reads, 0);
	expect_pa(0x10000000u, TAG0_LO, 1);

	regs.ttbcr = 1u << 5;				/* N = 0: TTBR1 unused, PD1 moot */
	expect_pa(0xf0000000u, TAG0_HI, 0);
	regs.ttbcr = 1u << 4;				/* N = 0, PD0: no walks at all */
	assert_int_equal(walk(0xf0000000u), FS_TRANS_SECT);
	assert_int_equal(walk(0x10000000u), FS_TRANS_SECT);
	assert_int_equal(bus.reads, 0);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_ap_full_model),
		T(test_ap_simplified_model),
		T(test_xn_section_and_pages),
		T(test_pxn_section),
		T(test_pxn_page_from_l1_bit2),
		T(test_xn_fault_before_access_flag_fault),
		T(test_ttbcr_n_selects_ttbr_and_masks_base),
		T(test_ttbcr_pd0_pd1),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
