/*
 * Shared by the vGIC host tests (test_vgic.c: registers; test_vgic_irq.c:
 * interrupt flow): GICv2 register offsets (IHI 0048B names), one-line
 * accessors that assert the access succeeds, and a few common steps.
 */
#ifndef TEST_HOST_VGIC_HARNESS_H
#define TEST_HOST_VGIC_HARNESS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "hyp/vgic.h"

/* The vGIC under test (one per test program). */
static struct vgic gic, *const g = &gic;

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
static inline uint32_t acc(bool cpu, uint32_t off, unsigned size, int write, uint32_t v)
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

static inline void sgi(unsigned id)
{
	dwr(SGIR, (2u << 24) | id);		/* TargetListFilter 0b10: self */
}

/* What the CPU interface shows: GICC_HPPIR and the IRQ output. */
static inline void shows(uint32_t hppir, bool irq)
{
	C(C_HPPIR, hppir);
	assert_int_equal(vgic_irq_line(g), irq);
}

/* The IRQ and FIQ outputs. */
static inline void outputs(bool irq, bool fiq)
{
	assert_int_equal(vgic_irq_line(g), irq);
	assert_int_equal(vgic_fiq_line(g), fiq);
}

/* Both interfaces on for Group 0, nothing masked by GICC_PMR. */
static inline void enable_all(void)
{
	dwr(CTLR, 1);
	cwr(C_CTLR, 1);
	cwr(C_PMR, 0xff);
}

#define TEST(f)	static void f(void **state __attribute__((unused)))

static inline int setup(void **state)
{
	(void)state;
	vgic_init(g);
	return 0;
}

#endif
