/*
 * The virtual GICv2's interrupt flow: acknowledge, priority and end of
 * interrupt, level and edge inputs, groups, FIQ and split EOI, against
 * values worked out by hand from IHI 0048B and from what QEMU 7.2 shows a
 * guest (see test_vgic.c).
 */
#include "test/host/vgic_harness.h"

/* ---- acknowledge, priority, end of interrupt ------------------------------- */

TEST(test_spi_ack_eoi_flow)
{
	enable_all();
	dwr(ISENABLER(1), 1u << 8);			/* SPI 40 */
	prio(40, 0x40);			shows(1023, false);
	dwr(ISPENDR(1), 1u << 8);	D(ISPENDR(1), 0x100);	shows(40, true);
	C(C_IAR, 40);			D(ISPENDR(1), 0);	D(ISACTIVER(1), 0x100);
	C(C_RPR, 0x40);			shows(1023, false);
	C(C_APR(0), 0);			C(C_APR(1), 1);		/* level 32 */
	cwr(C_EOIR, 40);		C(C_RPR, 0xff);		D(ISACTIVER(1), 0);
	C(C_APR(1), 0);
	assert_int_equal(g->delivered, 1);
	assert_int_equal(g->eois, 1);
}

TEST(test_disabled_interfaces_and_interrupts)
{
	dwr(ISENABLER(1), 1u << 8);
	dwr(ISPENDR(1), 1u << 8);
	cwr(C_CTLR, 1);
	cwr(C_PMR, 0xff);				/* GICD_CTLR still 0 */
	shows(1023, false);		C(C_IAR, 1023);
	dwr(CTLR, 1);
	cwr(C_CTLR, 0);			shows(1023, false);
	cwr(C_CTLR, 1);			shows(40, true);
	dwr(ICENABLER(1), 1u << 8);	D(ISPENDR(1), 0x100);	/* still pending, */
	shows(1023, false);				/* not signalled */
	assert_int_equal(g->spurious, 1);
}

TEST(test_eoi_ignored_or_quirky)
{
	enable_all();
	cwr(C_EOIR, 1023);				/* nothing active: ignored */
	cwr(C_EOIR, 40);
	assert_int_equal(g->eois, 0);
	prio(8, 0x80);
	sgi(8);				C(C_IAR, 8);		C(C_RPR, 0x80);
	cwr(C_EOIR, 1023);				/* spurious ID: ignored */
	cwr(C_EOIR, 300);		C(C_RPR, 0x80);		/* no such ID */
	/* EOI of an ID that is not active: QEMU still drops the running
	 * priority, and 8 stays active, as its own EOI is now ignored */
	cwr(C_EOIR, 9);			C(C_RPR, 0xff);
	D(ISACTIVER(0), 0x100);
	cwr(C_EOIR, 8);			D(ISACTIVER(0), 0x100);
	dwr(ICACTIVER(0), 0x100);	D(ISACTIVER(0), 0);
}

TEST(test_pmr_masks)
{
	enable_all();
	prio(11, 0x80);
	cwr(C_PMR, 0x80);				/* only priorities below 0x80 */
	sgi(11);			shows(1023, false);	C(C_IAR, 1023);
	cwr(C_PMR, 0x81);		shows(11, true);
	cwr(C_PMR, 0);			shows(1023, false);
}

TEST(test_preemption_and_binary_point)
{
	enable_all();
	cwr(C_BPR, 3);					/* group priority [7:4] */
	prio(8, 0x84);
	prio(9, 0x88);
	prio(12, 0x7f);
	sgi(8);				C(C_IAR, 8);		C(C_RPR, 0x80);
	C(C_APR(2), 1);					/* level 0x80 >> 1 = 64 */
	sgi(9);				shows(9, false);	/* same group priority */
	C(C_IAR, 1023);
	sgi(12);			shows(12, true);	/* higher: preempts */
	C(C_IAR, 12);			C(C_RPR, 0x70);		shows(9, false);
	C(C_APR(1), 1u << 24);				/* level 56 */
	cwr(C_EOIR, 12);		C(C_RPR, 0x80);		shows(9, false);
	cwr(C_EOIR, 8);			C(C_RPR, 0xff);		shows(9, true);
	C(C_IAR, 9);			C(C_RPR, 0x80);
	cwr(C_EOIR, 9);
	/* BPR 0: group priority [7:1], so 0x80 does not preempt 0x81 */
	cwr(C_BPR, 0);
	prio(8, 0x81);
	prio(9, 0x80);
	sgi(8);				C(C_IAR, 8);		C(C_RPR, 0x80);
	sgi(9);				shows(9, false);	C(C_IAR, 1023);
}

TEST(test_apr_writes_set_running_priority)
{
	cwr(C_APR(0), 0x10);		C(C_RPR, 0x08);
	cwr(C_APR(0), 0);		C(C_RPR, 0xff);
	cwr(C_APR(3), 0x80000000);	C(C_RPR, 0xfe);		/* level 127 */
	C(C_APR(3), 0x80000000);
	cwr(C_NSAPR(0), 4);		C(C_RPR, 0x04);
	cwr(C_NSAPR(0), 0);
	cwr(C_APR(3), 0);
	/* the running priority gates the IRQ output */
	enable_all();
	prio(3, 0x10);
	sgi(3);
	cwr(C_APR(0), 1u << 8);		shows(3, false);	/* running 0x10 */
	C(C_IAR, 1023);
	cwr(C_APR(0), 0);		shows(3, true);
}

/* ---- level and edge -------------------------------------------------------- */

TEST(test_level_ppi_follows_its_line)
{
	enable_all();
	prio(27, 0x80);					/* the virtual timer */
	vgic_set_level(g, 27, true);	D(ISPENDR(0), 1u << 27);	/* while */
	shows(1023, false);					/* disabled */
	dwr(ISENABLER(0), 1u << 27);	shows(27, true);
	C(C_IAR, 27);			D(ISPENDR(0), 1u << 27);	/* line high */
	D(ISACTIVER(0), 1u << 27);	shows(1023, false);	/* active+pending */
	C(C_IAR, 1023);
	cwr(C_EOIR, 27);		shows(27, true);	/* pending at once */
	dwr(ICPENDR(0), 1u << 27);	D(ISPENDR(0), 1u << 27);	/* no effect */
	C(C_IAR, 27);
	vgic_set_level(g, 27, false);	D(ISPENDR(0), 0);
	cwr(C_EOIR, 27);		shows(1023, false);
}

TEST(test_level_ispendr_latch)
{
	enable_all();
	dwr(ISENABLER(0), 1u << 27);
	dwr(ISPENDR(0), 1u << 27);	shows(27, true);	/* line low: latch */
	C(C_IAR, 27);			D(ISPENDR(0), 0);	/* ack clears it */
	cwr(C_EOIR, 27);
	vgic_set_level(g, 27, true);
	dwr(ISPENDR(0), 1u << 27);
	vgic_set_level(g, 27, false);	D(ISPENDR(0), 1u << 27);	/* latch stays */
	dwr(ICPENDR(0), 1u << 27);	D(ISPENDR(0), 0);
	/* a level SPI that drops before the ack is gone */
	dwr(ISENABLER(1), 1u << 1);
	vgic_set_level(g, 33, true);	shows(33, true);
	vgic_set_level(g, 33, false);	D(ISPENDR(1), 0);	shows(1023, false);
}

TEST(test_edge_ppi_latches_rising_edge)
{
	enable_all();
	dwr(ICFGR(1), 2u << 22);	D(ICFGR(1), 0x00800000);	/* PPI 27 edge */
	dwr(ISENABLER(0), 1u << 27);
	vgic_set_level(g, 27, true);	D(ISPENDR(0), 1u << 27);
	C(C_IAR, 27);			D(ISPENDR(0), 0);	/* line high, edge */
	cwr(C_EOIR, 27);		shows(1023, false);
	vgic_set_level(g, 27, true);	shows(1023, false);	/* no new edge */
	vgic_set_level(g, 27, false);
	vgic_set_level(g, 27, true);
	vgic_set_level(g, 27, false);	D(ISPENDR(0), 1u << 27);	shows(27, true);
	vgic_set_level(g, 5, true);			/* SGIs have no line */
	vgic_set_level(g, 288, true);	D(ISPENDR(0), 1u << 27);
}

TEST(test_active_registers)
{
	dwr(ISACTIVER(0), 0x100);	D(ISACTIVER(0), 0x100);
	C(C_RPR, 0xff);					/* priority untouched */
	dwr(ICACTIVER(0), 0x100);	D(ICACTIVER(0), 0);
	enable_all();
	dwr(ISENABLER(1), 1u << 8);
	dwr(ISPENDR(1), 1u << 8);
	dwr(ISACTIVER(1), 1u << 8);	shows(1023, false);
	dwr(ICACTIVER(1), 1u << 8);	shows(40, true);
}

/* ---- groups, FIQ, split EOI ------------------------------------------------ */

TEST(test_group1_and_ackctl)
{
	dwr(IGROUPR(0), 1u << 13);
	prio(13, 0x10);
	prio(14, 0x20);
	dwr(CTLR, 1);					/* Group 1 off in GICD */
	cwr(C_CTLR, 3);
	cwr(C_PMR, 0xff);
	sgi(13);
	sgi(14);			shows(1022, false);	/* 13 hides 14 */
	C(C_IAR, 1022);			D(ISACTIVER(0), 0);
	dwr(CTLR, 3);			shows(1022, true);
	cwr(C_CTLR, 7);			shows(13, true);	/* AckCtl */
	C(C_IAR, 13);			C(C_RPR, 0x10);
	C(C_NSAPR(0), 1u << 8);		C(C_APR(0), 0);		/* Group 1 */
	C(C_IAR, 1023);
	cwr(C_EOIR, 13);		C(C_NSAPR(0), 0);
	C(C_IAR, 14);			C(C_APR(0), 1u << 16);
	cwr(C_EOIR, 14);		C(C_RPR, 0xff);
}

TEST(test_group1_binary_point)
{
	dwr(IGROUPR(0), 1u << 13);
	prio(13, 0x5f);
	dwr(CTLR, 3);
	cwr(C_CTLR, 7);
	cwr(C_PMR, 0xff);
	cwr(C_BPR, 7);
	cwr(C_ABPR, 3);					/* Group 1: ABPR - 1 = 2 */
	sgi(13);			C(C_IAR, 13);		C(C_RPR, 0x58);
	C(C_NSAPR(1), 1u << 12);			/* level 44 */
	cwr(C_EOIR, 13);
	cwr(C_CTLR, 7 | 0x10);				/* CBPR: GICC_BPR for both */
	cwr(C_BPR, 2);
	sgi(13);			C(C_IAR, 13);		C(C_RPR, 0x58);
	cwr(C_EOIR, 13);
	cwr(C_CTLR, 7);
	cwr(C_ABPR, 7);					/* group priority [7] */
	sgi(13);			C(C_IAR, 13);		C(C_RPR, 0);
	C(C_NSAPR(0), 1);
	cwr(C_EOIR, 13);		C(C_RPR, 0xff);
}

TEST(test_fiq_enable)
{
	dwr(CTLR, 3);
	cwr(C_CTLR, 1 | 8);				/* EnableGrp0, FIQEn */
	cwr(C_PMR, 0xff);
	sgi(14);			outputs(false, true);
	C(C_IAR, 14);			outputs(false, false);
	cwr(C_EOIR, 14);
	dwr(IGROUPR(0), 1u << 13);			/* Group 1 stays on IRQ */
	cwr(C_CTLR, 3 | 8);
	sgi(13);			outputs(true, false);
}

TEST(test_group0_off_in_distributor_still_acks)
{
	dwr(CTLR, 2);					/* only EnableGrp1 */
	cwr(C_CTLR, 1);
	cwr(C_PMR, 0xff);
	sgi(14);			shows(14, false);	/* seen, not signalled */
	C(C_IAR, 14);					/* and acknowledged, as QEMU */
}

TEST(test_eoimode_split_and_dir)
{
	enable_all();
	cwr(C_CTLR, 0x201);		C(C_CTLR, 0x201);	/* EOImodeS */
	sgi(14);			C(C_IAR, 14);
	cwr(C_EOIR, 14);		C(C_RPR, 0xff);		/* drop only */
	D(ISACTIVER(0), 0x4000);
	sgi(14);			D(ISPENDR(0), 0x4000);
	shows(1023, false);				/* waits for deactivation */
	cwr(C_DIR, 1023);		D(ISACTIVER(0), 0x4000);	/* ignored */
	cwr(C_DIR, 14);			D(ISACTIVER(0), 0);	shows(14, true);
	C(C_IAR, 14);
	cwr(C_EOIR, 14);
	cwr(C_DIR, 14);
	cwr(C_CTLR, 1);					/* without EOImodeS, */
	sgi(14);			C(C_IAR, 14);
	cwr(C_DIR, 14);			D(ISACTIVER(0), 0x4000);	/* DIR ignored */
	cwr(C_EOIR, 14);		D(ISACTIVER(0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup(f, setup)
		T(test_spi_ack_eoi_flow),
		T(test_disabled_interfaces_and_interrupts),
		T(test_eoi_ignored_or_quirky),
		T(test_pmr_masks),
		T(test_preemption_and_binary_point),
		T(test_apr_writes_set_running_priority),
		T(test_level_ppi_follows_its_line),
		T(test_level_ispendr_latch),
		T(test_edge_ppi_latches_rising_edge),
		T(test_active_registers),
		T(test_group1_and_ackctl),
		T(test_group1_binary_point),
		T(test_fiq_enable),
		T(test_group0_off_in_distributor_still_acks),
		T(test_eoimode_split_and_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
