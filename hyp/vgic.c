/*
 * Virtual GICv2, behaving towards the guest exactly as QEMU 7.2's
 * hw/intc/arm_gic.c does for the virt board (see vgic.h for the
 * configuration).  Where QEMU departs from the letter of IHI 0048B, or the
 * architecture leaves a choice, we do what QEMU does, because a guest must
 * print the same thing natively and under trapvisor; those places say so.
 *
 * State is kept as bitmaps of the 288 interrupt IDs.  After every change the
 * highest priority pending interrupt and the IRQ/FIQ outputs are recomputed
 * (update()), as QEMU's gic_update(); vgic_irq_line() then only reads a
 * field, which matters because it is asked after every trap.
 */
#include <string.h>
#include "hyp/vgic.h"
#include "hyp/mmio.h"

/* GICD_CTLR / GICC_CTLR fields */
#define CTLR_EN_GRP0	(1u << 0)
#define CTLR_EN_GRP1	(1u << 1)
#define GICC_ACKCTL	(1u << 2)
#define GICC_FIQEN	(1u << 3)
#define GICC_CBPR	(1u << 4)
#define GICC_EOIMODE	(1u << 9)
/* The GICC_CTLR bits a GICv2 without Security Extensions keeps (QEMU's
 * GICC_CTLR_V2_MASK): the bypass-disable bits 5-8 are not implemented. */
#define GICC_CTLR_MASK	0x21fu

#define IDLE_PRIO	0x100		/* running priority with nothing active */
#define MIN_BPR		0		/* QEMU GIC_MIN_BPR: all 8 priority bits */
#define MIN_ABPR	(MIN_BPR + 1)

/* GICD_TYPER: ITLinesNumber = 288/32 - 1, CPUNumber = 0, SecurityExtn = 0 */
#define GICD_TYPER_VAL	(VGIC_NR_IRQS / 32 - 1)
/* GICD_IIDR and GICC_IIDR: ARM's JEP106 code 0x43b, GICC_IIDR with
 * ArchitectureVersion 2 (QEMU 7.2: gic_dist_readb, gic_cpu_read) */
#define GICD_IIDR_VAL	0x0000043bu
#define GICC_IIDR_VAL	0x0002043bu

/* GICD_PIDR4-7, GICD_PIDR0-3 and GICD_CIDR0-3 at 0xfd0..0xffc, one byte
 * per word: the values QEMU gives a revision 2 GIC (gic_id_gicv2). */
static const uint8_t gicd_id[12] = {
	0x04, 0x00, 0x00, 0x00, 0x90, 0xb4, 0x2b, 0x00, 0x0d, 0xf0, 0x05, 0xb1
};

static inline bool test(const uint32_t *map, unsigned irq)
{
	return map[irq / 32] >> (irq % 32) & 1;
}

static inline void assign(uint32_t *map, unsigned irq, bool on)
{
	if (on)
		map[irq / 32] |= 1u << (irq % 32);
	else
		map[irq / 32] &= ~(1u << (irq % 32));
}

/*
 * An interrupt is pending when its pending state was latched, or, for a
 * level-sensitive one, while its line is high: the GICv2 model, where a
 * level interrupt can be neither acknowledged away nor cleared through
 * GICD_ICPENDRn while its source still asserts it (QEMU gic_test_pending).
 */
static inline uint32_t pending_word(const struct vgic *g, unsigned w)
{
	return g->latched[w] | (g->level[w] & ~g->edge[w]);
}

/* Highest priority pending interrupt and the IRQ/FIQ outputs (QEMU
 * gic_update_internal, non-virtual case). */
static void update(struct vgic *g)
{
	unsigned best = VGIC_ID_SPURIOUS, best_prio = IDLE_PRIO;
	bool group;

	g->hppi = VGIC_ID_SPURIOUS;
	g->irq_out = g->fiq_out = false;
	if (!(g->ctlr & (CTLR_EN_GRP0 | CTLR_EN_GRP1)) ||
	    !(g->cctlr & (CTLR_EN_GRP0 | CTLR_EN_GRP1)))
		return;

	/* Candidates: enabled, pending and not active (Debian's 7.2.22
	 * carries QEMU's fix that an active-and-pending interrupt is not
	 * signalled again before it is deactivated).  The group enables do
	 * not filter candidates: a Group 1 interrupt whose group is off
	 * still hides a lower-priority Group 0 one, as in QEMU.  Equal
	 * priorities go to the lowest ID. */
	for (unsigned w = 0; w < VGIC_WORDS; w++) {
		uint32_t c = g->enabled[w] & pending_word(g, w) & ~g->active[w];

		while (c) {
			unsigned irq = w * 32 + (unsigned)__builtin_ctz(c);

			c &= c - 1;
			if (g->priority[irq] < best_prio) {
				best_prio = g->priority[irq];
				best = irq;
			}
		}
	}
	if (best_prio >= g->pmr)
		return;
	g->hppi = (uint16_t)best;
	if (best_prio >= g->running)
		return;
	group = test(g->group, best);
	if (!(g->ctlr >> group & 1) || !(g->cctlr >> group & 1))
		return;
	if (!group && (g->cctlr & GICC_FIQEN))
		g->fiq_out = true;
	else
		g->irq_out = true;
}

void vgic_reset(struct vgic *g)
{
	uint64_t delivered = g->delivered, spurious = g->spurious, eois = g->eois;

	memset(g, 0, sizeof(*g));
	g->delivered = delivered;
	g->spurious = spurious;
	g->eois = eois;
	/* SGIs: permanently enabled and edge-triggered (QEMU reset; the
	 * writes below keep them so).  PPIs and SPIs start level-sensitive,
	 * disabled, Group 0, priority 0. */
	g->enabled[0] = 0xffff;
	g->edge[0] = 0xffff;
	g->abpr = MIN_ABPR;
	g->bpr = MIN_BPR;
	g->running = IDLE_PRIO;
	update(g);
}

void vgic_init(struct vgic *g)
{
	memset(g, 0, sizeof(*g));
	vgic_reset(g);
}

void vgic_set_level(struct vgic *g, unsigned irq, bool level)
{
	if (irq < VGIC_NR_SGIS || irq >= VGIC_NR_IRQS || test(g->level, irq) == level)
		return;
	assign(g->level, irq, level);
	/* an edge-triggered interrupt latches on the rising edge only */
	if (level && test(g->edge, irq))
		assign(g->latched, irq, true);
	update(g);
}

/* ---- distributor --------------------------------------------------------- */

/*
 * QEMU decodes the distributor one byte at a time: a halfword or word
 * access is that many byte accesses, so every register can be read or
 * written with any size at any offset.  The one exception is GICD_SGIR,
 * which only a word write at 0xf00 reaches.
 */
static uint8_t dist_readb(const struct vgic *g, uint32_t off)
{
	unsigned irq;

	if (off < 0x80) {
		switch (off) {
		case 0x0: return (uint8_t)g->ctlr;
		case 0x4: return GICD_TYPER_VAL;
		case 0x8: return GICD_IIDR_VAL & 0xff;
		case 0x9: return GICD_IIDR_VAL >> 8;
		default:  return 0;	/* rest of TYPER/IIDR, reserved */
		}
	}
	if (off >= 0xfd0)			/* GICD_PIDRn, GICD_CIDRn */
		return off & 3 ? 0 : gicd_id[(off - 0xfd0) / 4];
	if (off >= 0xf10 && off < 0xf30)	/* GICD_CPENDSGIRn/SPENDSGIRn */
		return g->sgi_source[(off - 0xf10) % 16];
	if (off >= 0x800 && off < 0xc00)	/* GICD_ITARGETSRn: RAZ/WI on */
		return 0;			/* a uniprocessor GIC */
	if (off >= 0x400 && off < 0x800) {	/* GICD_IPRIORITYRn */
		irq = off - 0x400;
		return irq < VGIC_NR_IRQS ? g->priority[irq] : 0;
	}
	if (off >= 0xc00 && off < 0xf00) {	/* GICD_ICFGRn */
		uint8_t v = 0;

		irq = (off - 0xc00) * 4;
		for (unsigned i = 0; i < 4 && irq + i < VGIC_NR_IRQS; i++)
			if (test(g->edge, irq + i))
				v |= 2u << (2 * i);
		return v;
	}
	if (off >= 0x400)
		return 0;			/* reserved */

	/* one byte of a bitmap register: 8 interrupts */
	irq = (off & 0x7f) * 8;
	if (irq >= VGIC_NR_IRQS)
		return 0;
	switch (off & ~0x7fu) {
	case 0x080: return (uint8_t)(g->group[irq / 32] >> (irq % 32));
	case 0x100:
	case 0x180: return (uint8_t)(g->enabled[irq / 32] >> (irq % 32));
	case 0x200:
	case 0x280: return (uint8_t)(pending_word(g, irq / 32) >> (irq % 32));
	default:    return (uint8_t)(g->active[irq / 32] >> (irq % 32));
	}
}

static void set_bits(uint32_t *map, unsigned irq, uint8_t v, bool on)
{
	uint32_t m = (uint32_t)v << (irq % 32);

	if (on)
		map[irq / 32] |= m;
	else
		map[irq / 32] &= ~m;
}

static void dist_writeb(struct vgic *g, uint32_t off, uint8_t v)
{
	unsigned irq;

	if (off < 0x80) {
		if (off == 0)
			g->ctlr = v & (CTLR_EN_GRP0 | CTLR_EN_GRP1);
		return;				/* TYPER, IIDR: read-only */
	}
	if (off >= 0xf10 && off < 0xf20) {	/* GICD_CPENDSGIRn */
		irq = off - 0xf10;
		g->sgi_source[irq] &= (uint8_t)~v;
		if (!g->sgi_source[irq])
			assign(g->latched, irq, false);
		return;
	}
	if (off >= 0xf20 && off < 0xf30) {	/* GICD_SPENDSGIRn */
		irq = off - 0xf20;
		/* QEMU marks the SGI pending even for a zero byte, i.e. with
		 * no source CPU; acknowledge() copes with that. */
		assign(g->latched, irq, true);
		g->sgi_source[irq] |= v;
		return;
	}
	if (off >= 0x400 && off < 0x800) {	/* GICD_IPRIORITYRn: 8 bits */
		irq = off - 0x400;
		if (irq < VGIC_NR_IRQS)
			g->priority[irq] = v;
		return;
	}
	if (off >= 0xc00 && off < 0xf00) {	/* GICD_ICFGRn */
		irq = (off - 0xc00) * 4;
		if (irq >= VGIC_NR_IRQS)
			return;
		/* SGIs stay edge-triggered; PPIs are configurable on QEMU.
		 * Int_config[0] (the GICv1 1-N model bit) is RAZ/WI. */
		if (irq < VGIC_NR_SGIS)
			v |= 0xaa;
		for (unsigned i = 0; i < 4; i++)
			assign(g->edge, irq + i, v >> (2 * i + 1) & 1);
		return;
	}
	if (off >= 0x400)
		return;				/* ITARGETSR, SGIR as byte, IDs */

	irq = (off & 0x7f) * 8;
	if (irq >= VGIC_NR_IRQS)
		return;
	switch (off & ~0x7fu) {
	case 0x080:				/* GICD_IGROUPRn */
		g->group[irq / 32] = (g->group[irq / 32] & ~(0xffu << (irq % 32))) |
				     (uint32_t)v << (irq % 32);
		break;
	case 0x100:				/* GICD_ISENABLERn */
		set_bits(g->enabled, irq, irq < VGIC_NR_SGIS ? 0xff : v, true);
		break;
	case 0x180:				/* GICD_ICENABLERn: SGIs WI */
		if (irq >= VGIC_NR_SGIS)
			set_bits(g->enabled, irq, v, false);
		break;
	case 0x200:				/* GICD_ISPENDRn: SGIs WI */
		if (irq >= VGIC_NR_SGIS)
			set_bits(g->latched, irq, v, true);
		break;
	case 0x280:				/* GICD_ICPENDRn: SGIs WI; the */
		if (irq >= VGIC_NR_SGIS)	/* line of a level one stays */
			set_bits(g->latched, irq, v, false);
		break;
	case 0x300:				/* GICD_ISACTIVERn */
		set_bits(g->active, irq, v, true);
		break;
	default:				/* GICD_ICACTIVERn */
		set_bits(g->active, irq, v, false);
		break;
	}
}

/* GICD_SGIR.  With one CPU interface only the bit for CPU 0 of the target
 * list matters; SGIs meant for other CPUs go nowhere.  NSATT is ignored
 * without Security Extensions. */
static void write_sgir(struct vgic *g, uint32_t v)
{
	unsigned irq = v & 0xf;
	uint32_t targets;

	switch (v >> 24 & 3) {
	case 0:  targets = v >> 16 & 0xff; break;	/* the CPUTargetList */
	case 1:  targets = 0xfe; break;			/* all but self */
	case 2:  targets = 1; break;			/* self */
	default: targets = 0xff; break;			/* reserved: QEMU sends
							   to every CPU */
	}
	if (targets & 1) {
		assign(g->latched, irq, true);
		g->sgi_source[irq] |= 1;		/* from CPU 0 */
	}
}

int vgic_dist_access(struct vgic *g, uint32_t off, unsigned size, int write, uint32_t *val)
{
	if (size != 1 && size != 2 && size != 4)
		return VGIC_FSR_EXT_ABORT;
	if (write) {
		if (size == 4 && off == 0xf00)
			write_sgir(g, *val);
		else
			for (unsigned i = 0; i < size && off + i < VGIC_DIST_SIZE; i++)
				dist_writeb(g, off + i, (uint8_t)(*val >> (8 * i)));
		update(g);
	} else {
		uint32_t v = 0;

		for (unsigned i = 0; i < size && off + i < VGIC_DIST_SIZE; i++)
			v |= (uint32_t)dist_readb(g, off + i) << (8 * i);
		*val = v;
	}
	return 0;
}

/* ---- CPU interface ------------------------------------------------------- */

/* The priority an interrupt runs at once active: its group priority, the
 * bits above the binary point.  Group 1 uses GICC_ABPR (minus one, as the
 * architecture defines the aliased binary point) unless GICC_CTLR.CBPR. */
static unsigned group_priority(const struct vgic *g, unsigned irq)
{
	unsigned bpr = g->bpr;

	if (test(g->group, irq) && !(g->cctlr & GICC_CBPR))
		bpr = g->abpr - 1u;
	return g->priority[irq] & (0xffu << ((bpr & 7) + 1));
}

/* Running priority from the lowest set bit of the active priority
 * registers: bit n of APR(n/32) stands for group priority n << 1. */
static uint16_t prio_from_aprs(const struct vgic *g)
{
	for (unsigned i = 0; i < VGIC_NR_APRS; i++) {
		uint32_t a = g->apr[i] | g->nsapr[i];

		if (a)
			return (uint16_t)((i * 32 + (unsigned)__builtin_ctz(a)) << (MIN_BPR + 1));
	}
	return IDLE_PRIO;
}

/* GICC_IAR read (QEMU gic_acknowledge_irq). */
static uint32_t acknowledge(struct vgic *g)
{
	unsigned irq = g->hppi, prio, level;
	uint32_t id = irq;

	if (irq >= VGIC_NR_IRQS) {
		g->spurious++;
		return VGIC_ID_SPURIOUS;
	}
	if (test(g->group, irq) && !(g->cctlr & GICC_ACKCTL)) {
		/* without Security Extensions every access counts as Secure:
		 * a Group 1 interrupt is only acknowledged with AckCtl */
		g->spurious++;
		return VGIC_ID_GROUP1_HIDDEN;
	}
	if (g->priority[irq] >= g->running) {
		g->spurious++;
		return VGIC_ID_SPURIOUS;
	}

	/* activate: priority rises to the group priority, and its
	 * preemption level is recorded in the group's APR */
	prio = group_priority(g, irq);
	level = prio >> (MIN_BPR + 1);
	if (test(g->group, irq))
		g->nsapr[level / 32] |= 1u << (level % 32);
	else
		g->apr[level / 32] |= 1u << (level % 32);
	g->running = (uint16_t)prio;
	assign(g->active, irq, true);

	if (irq < VGIC_NR_SGIS) {
		/* one source CPU at a time, lowest first; the SGI stays
		 * pending while other sources remain.  A source-less SGI
		 * (a zero GICD_SPENDSGIR byte) makes QEMU 7.2 abort on an
		 * assertion; here it reads as coming from CPU 0. */
		unsigned src = 0;

		if (g->sgi_source[irq])
			src = (unsigned)__builtin_ctz(g->sgi_source[irq]);

		g->sgi_source[irq] &= (uint8_t)~(1u << src);
		if (!g->sgi_source[irq])
			assign(g->latched, irq, false);
		id |= (src & 7) << 10;			/* GICC_IAR.CPUID */
	} else {
		/* a level interrupt whose line is still high stays pending */
		assign(g->latched, irq, false);
	}
	g->delivered++;
	update(g);
	return id;
}

/* GICC_EOIR write (QEMU gic_complete_irq). */
static void end_of_interrupt(struct vgic *g, unsigned irq)
{
	/* 1023 and other IDs that do not exist are ignored, and so is any
	 * EOI while nothing is active.  Otherwise QEMU drops the running
	 * priority without checking that irq is the interrupt being
	 * handled (the architecture calls that UNPREDICTABLE): an EOI of
	 * an inactive ID still drops the priority of the active one. */
	if (irq >= VGIC_NR_IRQS || g->running == IDLE_PRIO)
		return;
	/* priority drop: the lowest set bit of this group's APRs */
	uint32_t *aprs = test(g->group, irq) ? g->nsapr : g->apr;

	for (unsigned i = 0; i < VGIC_NR_APRS; i++) {
		if (aprs[i]) {
			aprs[i] &= aprs[i] - 1;
			break;
		}
	}
	g->running = prio_from_aprs(g);
	g->eois++;
	/* GICC_CTLR.EOImodeS: EOIR only drops priority, GICC_DIR deactivates */
	if (!(g->cctlr & GICC_EOIMODE))
		assign(g->active, irq, false);
}

static uint32_t cpu_read(struct vgic *g, uint32_t off)
{
	unsigned irq;

	switch (off) {
	case 0x00: return g->cctlr;			/* GICC_CTLR */
	case 0x04: return g->pmr;			/* GICC_PMR */
	case 0x08: return g->bpr;			/* GICC_BPR */
	case 0x0c: return acknowledge(g);		/* GICC_IAR */
	case 0x14:					/* GICC_RPR: 0xff idle */
		return g->running > 0xff ? 0xff : g->running;
	case 0x18:					/* GICC_HPPIR: the ID */
		irq = g->hppi;				/* only, no CPUID */
		if (irq < VGIC_NR_IRQS && test(g->group, irq) && !(g->cctlr & GICC_ACKCTL))
			return VGIC_ID_GROUP1_HIDDEN;
		return irq;
	case 0x1c: return g->abpr;			/* GICC_ABPR */
	case 0xd0: case 0xd4: case 0xd8: case 0xdc:	/* GICC_APRn */
		return g->apr[(off - 0xd0) / 4];
	case 0xe0: case 0xe4: case 0xe8: case 0xec:	/* GICC_NSAPRn */
		return g->nsapr[(off - 0xe0) / 4];
	case 0xfc: return GICC_IIDR_VAL;		/* GICC_IIDR */
	default:   return 0;	/* EOIR, DIR, AIAR/AEOIR/AHPPIR (not
				   implemented by QEMU), reserved */
	}
}

static void cpu_write(struct vgic *g, uint32_t off, uint32_t v)
{
	unsigned irq;

	switch (off) {
	case 0x00: g->cctlr = v & GICC_CTLR_MASK; break;
	case 0x04: g->pmr = (uint8_t)v; break;		/* all 8 bits */
	case 0x08: g->bpr = (uint8_t)((v & 7) > MIN_BPR ? (v & 7) : MIN_BPR); break;
	case 0x10: end_of_interrupt(g, v & 0x3ff); break;
	case 0x1c: g->abpr = (uint8_t)((v & 7) > MIN_ABPR ? (v & 7) : MIN_ABPR); break;
	case 0xd0: case 0xd4: case 0xd8: case 0xdc:
		g->apr[(off - 0xd0) / 4] = v;
		g->running = prio_from_aprs(g);
		break;
	case 0xe0: case 0xe4: case 0xe8: case 0xec:
		g->nsapr[(off - 0xe0) / 4] = v;
		g->running = prio_from_aprs(g);
		break;
	case 0x1000:					/* GICC_DIR */
		irq = v & 0x3ff;
		/* only meaningful with EOImodeS set; ignored otherwise */
		if (irq < VGIC_NR_IRQS && (g->cctlr & GICC_EOIMODE))
			assign(g->active, irq, false);
		break;
	default:
		return;
	}
	update(g);
}

/*
 * QEMU hands the CPU interface the access as is: the offset must match a
 * register exactly (a byte at 0x0d reads 0), a narrow read returns the
 * low bytes of the register (a byte read of GICC_IAR acknowledges) and a
 * narrow write stores the zero-extended value.
 */
int vgic_cpu_access(struct vgic *g, uint32_t off, unsigned size, int write, uint32_t *val)
{
	uint32_t mask;

	if (size != 1 && size != 2 && size != 4)
		return VGIC_FSR_EXT_ABORT;
	mask = mmio_size_mask(size);
	if (write)
		cpu_write(g, off, *val & mask);
	else
		*val = cpu_read(g, off) & mask;
	return 0;
}
