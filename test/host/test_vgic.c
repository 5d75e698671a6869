/*
 * The virtual GICv2 against values worked out by hand from IHI 0048B and
 * from what QEMU 7.2 (hw/intc/arm_gic.c, as Debian's 7.2.22 ships it) shows a
 * guest on -M virt -cpu cortex-a15.  The QEMU-specific ones were checked on
 * that QEMU with a bare-metal probe guest (reading ISR.I/F for the outputs).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "hyp/vgic.h"

static struct vgic gic, *g = &gic;

/* distributor registers (offsets in the 4 KiB frame) */
#define CTLR		0x000
#define TYPER		0x004
#define IIDR		0x008
#define IGROUPR(n)	(0x080 + 4 * (n))
#define ISENABLER(n)	(0x100 + 4 * (n))
#define ICENABLER(n)	(0x180 + 4 * (n))
#define ISPENDR(n)	(0x200 + 4 * (n))
#define ICPENDR(n)	(0x280 + 4 * (n))
#define ISACTIVER(n)	(0x300 + 4 * (n))
#define ICACTIVER(n)	(0x380 + 4 * (n))
#define IPRIORITYR(i)	(0x400 + (i))		/* the byte of interrupt i */
#define ITARGETSR(i)	(0x800 + (i))
#define ICFGR(n)	(0xc00 + 4 * (n))
#define SGIR		0xf00
#define CPENDSGIR(i)	(0xf10 + (i))		/* the byte of SGI i */
#define SPENDSGIR(i)	(0xf20 + (i))
/* CPU interface registers */
#define C_CTLR		0x00
#define C_PMR		0x04
#define C_BPR		0x08
#define C_IAR		0x0c
#define C_EOIR		0x10
#define C_RPR		0x14
#define C_HPPIR		0x18
#define C_ABPR		0x1c
#define C_APR(n)	(0xd0 + 4 * (n))
#define C_NSAPR(n)	(0xe0 + 4 * (n))
#define C_IIDR		0xfc
#define C_DIR		0x1000

/* One access that must succeed; returns what a read gave. */
static uint32_t acc(bool cpu, uint32_t off, unsigned size, int write, uint32_t v)
{
	if (!write)
		v = 0xdeadbeef;
	assert_int_equal(cpu ? vgic_cpu_access(g, off, size, write, &v)
			     : vgic_dist_access(g, off, size, write, &v), 0);
	return v;
}

#define drd_n(off, n)		acc(false, off, n, 0, 0)
#define dwr_n(off, n, v)	acc(false, off, n, 1, v)
#define crd_n(off, n)		acc(true, off, n, 0, 0)
#define cwr_n(off, n, v)	acc(true, off, n, 1, v)
#define dwr(off, v)		dwr_n(off, 4, v)
#define cwr(off, v)		cwr_n(off, 4, v)
#define D(off, v)		assert_int_equal(drd_n(off, 4), v)	/* reads as v */
#define C(off, v)		assert_int_equal(crd_n(off, 4), v)
#define D1(off, v)		assert_int_equal(drd_n(off, 1), v)
#define C1(off, v)		assert_int_equal(crd_n(off, 1), v)
#define prio(i, p)		dwr_n(IPRIORITYR(i), 1, p)

static void sgi(unsigned id)
{
	dwr(SGIR, (2u << 24) | id);		/* TargetListFilter 0b10: self */
}

/* What the CPU interface shows: GICC_HPPIR and the IRQ output. */
static void shows(uint32_t hppir, bool irq)
{
	C(C_HPPIR, hppir);
	assert_int_equal(vgic_irq_line(g), irq);
}

/* The IRQ and FIQ outputs. */
static void outputs(bool irq, bool fiq)
{
	assert_int_equal(vgic_irq_line(g), irq);
	assert_int_equal(vgic_fiq_line(g), fiq);
}

/* Both interfaces on for Group 0, nothing masked by GICC_PMR. */
static void enable_all(void)
{
	dwr(CTLR, 1);
	cwr(C_CTLR, 1);
	cwr(C_PMR, 0xff);
}

#define TEST(f)	static void f(void **state __attribute__((unused)))

static int setup(void **state)
{
	(void)state;
	vgic_init(g);
	return 0;
}

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
		T(test_narrow_accesses),
		T(test_bad_access_sizes),
		T(test_reset_restores_power_on_state),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
