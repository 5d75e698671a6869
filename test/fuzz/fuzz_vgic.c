/*
 * fuzz_vgic: the virtual GICv2 (hyp/vgic.c) under a sequence of guest
 * register accesses (distributor and CPU interface, any offset in the
 * frames, any size) and device interrupt lines going up and down.  Each
 * operation is 7 bytes: what (1), offset (2), value (4).
 *
 * After each one, what the trap path and the guest rely on: accesses of
 * 1, 2 or 4 bytes succeed and others abort; a read fits its size; the
 * highest pending interrupt is a real ID or spurious; an IRQ or FIQ is
 * signalled only for an enabled, pending, inactive interrupt, never both;
 * the registers hold only what they can; SGIs stay enabled and
 * edge-triggered; every GICC_IAR read is counted once.
 */
#include "test/fuzz/fuzz.h"
#include "hyp/vgic.h"

#define MAX_OPS		64

static struct vgic gic;

static bool test_bit(const uint32_t *map, unsigned irq)
{
	return map[irq / 32] >> (irq % 32) & 1;
}

static void check_state(const struct vgic *g)
{
	unsigned h = g->hppi;

	CHECK(h < VGIC_NR_IRQS || h == VGIC_ID_SPURIOUS, "hppi %u", h);
	CHECK(!(g->irq_out && g->fiq_out), "IRQ and FIQ at once");
	if (g->irq_out || g->fiq_out) {
		bool pending = test_bit(g->latched, h) ||
			       (test_bit(g->level, h) && !test_bit(g->edge, h));
		CHECK(h < VGIC_NR_IRQS && test_bit(g->enabled, h) && pending &&
		      !test_bit(g->active, h), "signalled %u", h);
		CHECK(g->priority[h] < g->pmr && g->priority[h] < g->running,
		      "signalled %u at priority %u (pmr %u, running %u)", h, g->priority[h],
		      g->pmr, g->running);
	}
	CHECK(g->ctlr <= 3 && !(g->cctlr & ~0x21fu), "ctlr 0x%x cctlr 0x%x", g->ctlr, g->cctlr);
	CHECK(g->bpr <= 7 && g->abpr >= 1 && g->abpr <= 7, "bpr %u abpr %u", g->bpr, g->abpr);
	CHECK(g->running <= 0x100, "running priority 0x%x", g->running);
	CHECK((g->enabled[0] & g->edge[0] & 0xffff) == 0xffff, "SGIs enabled 0x%x edge 0x%x",
	      g->enabled[0], g->edge[0]);
}

/* One guest access, and what its answer must be. */
static void access(struct vgic *g, bool cpu, uint32_t off, unsigned size, bool write, uint32_t val)
{
	uint64_t iars = g->delivered + g->spurious;
	bool iar = cpu && !write && off == 0x0c && (size == 1 || size == 2 || size == 4);
	int r;

	r = cpu ? vgic_cpu_access(g, off, size, write, &val)
		: vgic_dist_access(g, off, size, write, &val);
	if (size == 1 || size == 2 || size == 4) {
		CHECK(r == 0, "%s access at 0x%x size %u: %d", cpu ? "CPU" : "dist", off, size, r);
		CHECK(write || size == 4 || val >> (8 * size) == 0, "read 0x%x in %u bytes", val,
		      size);
	} else {
		CHECK(r == VGIC_FSR_EXT_ABORT, "size %u: %d", size, r);
	}
	CHECK(g->delivered + g->spurious == iars + iar, "GICC_IAR reads miscounted");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned sizes[] = { 1, 2, 4, 4, 1, 2, 4, 3 };	/* 3: an impossible size */
	struct input in = { data, size };
	struct vgic *g = &gic;

	vgic_init(g);
	for (unsigned i = 0; i < MAX_OPS && in.left; i++) {
		uint32_t what = take8(&in), off = take16(&in), val = take32(&in);
		unsigned sz = sizes[(what >> 2) & 7];
		bool write = what & 0x20;

		switch (what & 3) {
		case 0:
			access(g, false, off % VGIC_DIST_SIZE, sz, write, val);
			break;
		case 1:
			access(g, true, off % VGIC_CPU_SIZE, sz, write, val);
			break;
		case 2:
			vgic_set_level(g, off % 512, val & 1);	/* bad IDs too */
			break;
		default:
			if (what & 0x80)
				vgic_reset(g);
			break;
		}
		check_state(g);
	}
	return 0;
}
