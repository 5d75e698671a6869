/*
 * The virtual GICv2's registers (reset values, configuration, SGIs,
 * access sizes, reset) against values worked out by hand from IHI 0048B and
 * from what QEMU 7.2 (hw/intc/arm_gic.c, as Debian's 7.2.22 ships it) shows a
 * guest on -M virt -cpu cortex-a15.  The QEMU-specific ones were checked on
 * that QEMU with a bare-metal probe guest (reading ISR.I/F for the outputs).
 */
#include "test/host/vgic_harness.h"

/* ---- reset values ---------------------------------------------------------- */

TEST(test_reset_identification)
{
	static const uint32_t regs[][2] = {
		{ CTLR, 0 },
		{ TYPER, 0x8 },				/* 288 IDs, 1 CPU, no Security */
		{ IIDR, 0x43b },			/* ARM, variant/revision 0 */
		/* PIDR4-7, PIDR0-3, CIDR0-3 */
		{ 0xfd0, 0x04 }, { 0xfd4, 0 }, { 0xfd8, 0 }, { 0xfdc, 0 },
		{ 0xfe0, 0x90 }, { 0xfe4, 0xb4 }, { 0xfe8, 0x2b }, { 0xfec, 0 },
		{ 0xff0, 0x0d }, { 0xff4, 0xf0 }, { 0xff8, 0x05 }, { 0xffc, 0xb1 },
		/* reserved and unimplemented offsets read as zero */
		{ 0x00c, 0 }, { 0x010, 0 }, { 0x07c, 0 }, { 0xf00, 0 }, { 0xf04, 0 },
		{ 0xf30, 0 }, { 0xfc0, 0 }, { 0xfcc, 0 },
	};

	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		D(regs[i][0], regs[i][1]);
	C(C_IIDR, 0x0002043b);				/* ArchitectureVersion 2 */
}

TEST(test_reset_cpu_interface)
{
	static const uint32_t regs[][2] = {
		{ C_CTLR, 0 }, { C_PMR, 0 },
		{ C_BPR, 0 },				/* QEMU GIC_MIN_BPR = 0 */
		{ C_ABPR, 1 },				/* GIC_MIN_ABPR = 1 */
		{ C_RPR, 0xff },			/* idle */
		{ C_HPPIR, 1023 }, { C_IAR, 1023 },
		{ C_APR(0), 0 }, { C_APR(3), 0 }, { C_NSAPR(0), 0 }, { C_NSAPR(3), 0 },
		/* GICC_AIAR, GICC_AHPPIR (not in QEMU), GICC_DIR (write-only) */
		{ 0x20, 0 }, { 0x28, 0 }, { C_DIR, 0 }, { 0x1ffc, 0 },
	};

	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		C(regs[i][0], regs[i][1]);
	outputs(false, false);
	assert_int_equal(g->spurious, 1);		/* the IAR read */
	assert_int_equal(g->delivered, 0);
}

TEST(test_reset_distributor_config)
{
	D(ISENABLER(0), 0xffff);			/* SGIs always enabled */
	D(ICENABLER(0), 0xffff);
	D(ICFGR(0), 0xaaaaaaaa);			/* SGIs edge */
	for (unsigned n = 0; n < 9; n++) {
		D(IGROUPR(n), 0);
		D(ISPENDR(n), 0);
		D(ISACTIVER(n), 0);
		if (n)
			D(ISENABLER(n), 0);
	}
	for (unsigned n = 1; n < 18; n++)		/* PPIs, SPIs level */
		D(ICFGR(n), 0);
	for (unsigned i = 0; i < 288; i += 4) {
		D(IPRIORITYR(i), 0);
		D(ITARGETSR(i), 0);			/* RAZ: uniprocessor */
	}
	/* past interrupt 287 */
	D(IGROUPR(9), 0); D(ISENABLER(9), 0); D(IPRIORITYR(288), 0); D(ICFGR(18), 0);
}

TEST(test_write_masks_and_read_only)
{
	/* {distributor?, offset, written, read back} */
	static const uint32_t wr[][4] = {
		{ 1, CTLR, ~0u, 3 },			/* EnableGrp0, EnableGrp1 */
		{ 1, TYPER, ~0u, 0x8 }, { 1, IIDR, 0, 0x43b }, { 1, 0xfe0, 0, 0x90 },
		{ 1, ITARGETSR(0), ~0u, 0 }, { 1, ITARGETSR(32), 0x01020304, 0 },
		{ 1, IGROUPR(0), ~0u, ~0u }, { 1, IGROUPR(8), ~0u, ~0u },
		{ 1, IGROUPR(9), ~0u, 0 }, { 1, ISENABLER(9), ~0u, 0 },
		{ 1, IPRIORITYR(288), ~0u, 0 },
		{ 0, C_CTLR, ~0u, 0x21f },		/* no bypass bits, no EOImodeNS */
		{ 0, C_PMR, ~0u, 0xff }, { 0, C_PMR, 0x5a, 0x5a },	/* 8 bits */
		{ 0, C_BPR, 0xf, 7 }, { 0, C_BPR, 0, 0 },
		{ 0, C_ABPR, 0, 1 }, { 0, C_ABPR, 0xff, 7 },
	};

	for (size_t i = 0; i < sizeof(wr) / sizeof(wr[0]); i++) {
		acc(!wr[i][0], wr[i][1], 4, 1, wr[i][2]);
		assert_int_equal(acc(!wr[i][0], wr[i][1], 4, 0, 0), wr[i][3]);
	}
}

/* ---- configuration --------------------------------------------------------- */

TEST(test_sgis_always_enabled_and_edge)
{
	dwr(ICENABLER(0), ~0u);		D(ISENABLER(0), 0xffff);
	dwr(ICFGR(0), 0);		D(ICFGR(0), 0xaaaaaaaa);
	dwr(ICFGR(1), ~0u);		D(ICFGR(1), 0xaaaaaaaa);	/* PPIs: edge */
	dwr(ICFGR(1), 0x55555555);	D(ICFGR(1), 0);
	dwr(ISPENDR(0), 0xffff);	D(ISPENDR(0), 0);		/* SGIs: WI */
	sgi(1);
	dwr(ICPENDR(0), 0xffff);	D(ISPENDR(0), 0x2);		/* WI too */
}

TEST(test_priority_byte_and_halfword_access)
{
	dwr(IPRIORITYR(0), 0x12345678);	D(IPRIORITYR(0), 0x12345678);	/* 8 bits */
	dwr_n(IPRIORITYR(1), 1, 0xab);	D(IPRIORITYR(0), 0x1234ab78);
	dwr_n(IPRIORITYR(2), 2, 0xcdef); D(IPRIORITYR(0), 0xcdefab78);
	D1(IPRIORITYR(3), 0xcd);
	assert_int_equal(drd_n(IPRIORITYR(1), 2), 0xefab);
	prio(287, 0xa0);		D(IPRIORITYR(284), 0xa0000000);
	D1(ITARGETSR(33), 0);
}

TEST(test_icfgr_spis)
{
	dwr(ICFGR(2), ~0u);		D(ICFGR(2), 0xaaaaaaaa);
	dwr(ICFGR(17), ~0u);		D(ICFGR(17), 0xaaaaaaaa);	/* 272-287 */
	/* SPI 33 (the PL011) made edge-triggered: a pulse is latched */
	enable_all();
	dwr(ISENABLER(1), 1u << 1);
	vgic_set_level(g, 33, true);
	vgic_set_level(g, 33, false);	D(ISPENDR(1), 0x2);
	C(C_IAR, 33);			D(ISPENDR(1), 0);
}

/* ---- SGIs ------------------------------------------------------------------ */

TEST(test_sgir_target_filters)
{
	dwr(SGIR, 3);					/* empty target list */
	dwr(SGIR, (0x02u << 16) | 3);			/* CPU 1 only */
	dwr(SGIR, (1u << 24) | 3);			/* all but self */
	D(ISPENDR(0), 0);
	dwr(SGIR, (0x01u << 16) | 2);	D(ISPENDR(0), 0x04);	/* CPU 0 listed */
	dwr(SGIR, (3u << 24) | 4);	D(ISPENDR(0), 0x14);	/* reserved: all */
	dwr(SGIR, (2u << 24) | (1u << 15) | 5);			/* NSATT ignored */
	D(ISPENDR(0), 0x34);
	dwr_n(SGIR, 1, 6);				/* GICD_SGIR is word-only */
	dwr_n(SGIR, 2, 6);		D(ISPENDR(0), 0x34);
	D(SGIR, 0);					/* write-only */
	D(SPENDSGIR(0), 0x00010000);			/* SGI 2 from CPU 0 */
	D(SPENDSGIR(4), 0x00000101);
	D(CPENDSGIR(4), 0x00000101);
}

TEST(test_sgi_source_cpu_in_iar)
{
	enable_all();
	dwr_n(SPENDSGIR(5), 1, 0x06);			/* from CPUs 1 and 2 */
	sgi(5);				D(SPENDSGIR(4), 0x0700);	/* and CPU 0 */
	shows(5, true);					/* GICC_HPPIR: no CPUID */
	C(C_IAR, 5);			D(SPENDSGIR(4), 0x0600);	/* lowest first */
	D(ISPENDR(0), 0x20);		D(ISACTIVER(0), 0x20);	/* pending, active */
	shows(1023, false);		C(C_IAR, 1023);
	cwr(C_EOIR, 5);			C(C_IAR, 0x405);	/* CPUID 1 */
	cwr(C_EOIR, 0x405);		C(C_IAR, 0x805);	/* EOIR.CPUID ignored */
	D(ISPENDR(0), 0);
	cwr(C_EOIR, 0x805);		C(C_RPR, 0xff);
	D(ISACTIVER(0), 0);
	assert_int_equal(g->delivered, 3);
	/* GICD_CPENDSGIR removes sources; the last one takes the pending state */
	dwr_n(SPENDSGIR(7), 1, 0x0c);
	dwr_n(CPENDSGIR(7), 1, 0x04);	D(ISPENDR(0), 0x80);	D1(SPENDSGIR(7), 0x08);
	dwr_n(CPENDSGIR(7), 1, 0x08);	D(ISPENDR(0), 0);
}

TEST(test_sgi_pending_without_source)
{
	dwr_n(SPENDSGIR(9), 1, 0);			/* QEMU: pending, no source */
	D(ISPENDR(0), 0x200);		D(SPENDSGIR(8), 0);
	enable_all();
	C(C_IAR, 9);					/* (QEMU asserts here) */
	D(ISPENDR(0), 0);
}

/* ---- access sizes ---------------------------------------------------------- */

TEST(test_narrow_accesses)
{
	C1(C_IIDR, 0x3b);
	C1(C_IIDR + 1, 0);				/* exact offsets only */
	assert_int_equal(crd_n(C_IIDR, 2), 0x043b);
	assert_int_equal(crd_n(C_IIDR + 2, 2), 0);
	cwr_n(C_PMR, 1, 0x12);
	cwr_n(C_PMR + 1, 1, 0x34);	C(C_PMR, 0x12);
	enable_all();
	sgi(3);
	C1(C_IAR + 1, 0);		D(ISACTIVER(0), 0);	/* no acknowledge */
	C1(C_IAR, 3);			D(ISACTIVER(0), 0x8);	/* acknowledges */
	D1(TYPER, 0x08);		D1(TYPER + 1, 0);
	D1(IIDR + 1, 0x04);
	assert_int_equal(drd_n(IIDR, 2), 0x043b);
	D1(0xfe0, 0x90);		D1(0xfe1, 0);
	assert_int_equal(drd_n(0xfe2, 2), 0);
	dwr_n(CTLR + 1, 1, 0xff);	D(CTLR, 1);		/* byte 0 only */
}

TEST(test_bad_access_sizes)
{
	uint32_t v = 0;

	assert_int_equal(vgic_dist_access(g, CTLR, 3, 0, &v), VGIC_FSR_EXT_ABORT);
	assert_int_equal(vgic_dist_access(g, CTLR, 8, 1, &v), VGIC_FSR_EXT_ABORT);
	assert_int_equal(vgic_cpu_access(g, C_CTLR, 0, 0, &v), VGIC_FSR_EXT_ABORT);
}

/* ---- reset ----------------------------------------------------------------- */

TEST(test_reset_restores_power_on_state)
{
	enable_all();
	dwr(ISENABLER(1), ~0u);
	dwr(ICFGR(1), ~0u);
	dwr(IGROUPR(2), ~0u);
	prio(40, 0x40);
	cwr(C_BPR, 5);
	vgic_set_level(g, 33, true);
	dwr(ISPENDR(1), 1u << 8);
	C(C_IAR, 33);			shows(40, false);
	vgic_reset(g);
	D(CTLR, 0);			D(ISENABLER(0), 0xffff);	D(ISENABLER(1), 0);
	D(ICFGR(0), 0xaaaaaaaa);	D(ICFGR(1), 0);		D(IGROUPR(2), 0);
	D(ISPENDR(1), 0);		D(ISACTIVER(1), 0);	/* lines low again */
	D(IPRIORITYR(40), 0);
	C(C_CTLR, 0);			C(C_PMR, 0);		C(C_BPR, 0);
	C(C_ABPR, 1);			C(C_RPR, 0xff);
	assert_false(vgic_irq_line(g));
	assert_int_equal(g->delivered, 1);		/* accounting survives */
	vgic_init(g);
	assert_int_equal(g->delivered, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup(f, setup)
		T(test_reset_identification),
		T(test_reset_cpu_interface),
		T(test_reset_distributor_config),
		T(test_write_masks_and_read_only),
		T(test_sgis_always_enabled_and_edge),
		T(test_priority_byte_and_halfword_access),
		T(test_icfgr_spis),
		T(test_sgir_target_filters),
		T(test_sgi_source_cpu_in_iar),
		T(test_sgi_pending_without_source),
		T(test_narrow_accesses),
		T(test_bad_access_sizes),
		T(test_reset_restores_power_on_state),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
