/*
 * devices: writes garbage into every register of its GIC (distributor, CPU
 * interface, GICv2m frame) and its UART: all ones, all zeros and
 * pseudo-random words, so the distributor is disabled and enabled, enables,
 * priorities, targets and pending bits are scrambled, SGIs are sent to
 * every target list, UARTCR is cleared, the baud divisors and line control
 * are nonsense (and UARTDR transmits a few garbage bytes).  It does so with
 * the MMU off, then through MMU mappings: an ordinary alias, and aliases at
 * the very virtual addresses where trapvisor keeps the host's UART and GIC
 * (0xF1000000, 0xF1100000: any address in 0xF0000000-0xFEFFFFFF would
 * do).  Then it writes one word into every page of trapvisor's range
 * 0xF0000000-0xFEFFFFFF, MMU off and on.  After each step it prints what
 * it reads back: the registers that matter and a hash of every word.
 *
 * All of this must reach only its own virtual devices: the VMs beside it
 * keep their interrupts and their console, and since trapvisor's devices
 * behave as QEMU's, what it reads back is what it reads natively.
 * Interrupts stay masked throughout (A, I, F as at entry): the garbage
 * leaves interrupts pending that it never takes.
 */
#include <string.h>
#include "tests.h"
#include "gic.h"

#define ROUNDS		9		/* of garbage (the last random), while the others run */
#define L1		0x42000000u	/* its translation table */
#define L1_SECT		0x2u
#define L1_DEVICE	(L1_SECT | (1u << 2) | (3u << 10))	/* B, AP=11 */
#define L1_NORMAL	(L1_SECT | (1u << 3) | (1u << 2) | (3u << 10))
#define SCTLR_M		(1u << 0)
#define FSR_WNR		0x800u

#define GIC_PA		0x08000000u	/* GICD; GICC at +0x10000, GICv2m at +0x20000 */
#define UART_PA		0x09000000u
#define GIC_ALIAS	0x80000000u
#define UART_ALIAS	0x80100000u
#define GIC_IN_HOLE	0xF1100000u
#define UART_IN_HOLE	0xF1000000u
#define HOLE_START	0xF0000000u
#define HOLE_END	0xFF000000u

/* The pages written, by offset from a GIC or UART base */
static const struct region {
	const char *name;
	int gic;		/* 1: relative to the GIC base, 0: the UART's */
	uint32_t off, size;
} regions[] = {
	{ "GICD", 1, 0x00000, 0x1000 },
	{ "GICC", 1, 0x10000, 0x2000 },
	{ "GICv2m", 1, 0x20000, 0x1000 },
	{ "UART", 0, 0x00000, 0x1000 },
};
#define NREGIONS	(sizeof(regions) / sizeof(regions[0]))

/* aborts by DFSR (WnR aside): synchronous external, section translation, other */
static volatile uint32_t ext, trans, other;
static uint32_t seed = 0x2545f491u;
static volatile uint32_t *const l1 = (volatile uint32_t *)L1;

static uint32_t xorshift(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

static void on_dabt(struct exc_frame *f)
{
	uint32_t fsr = cp15_read(DFSR) & ~FSR_WNR;

	(void)f;
	if (fsr == 0x008)
		ext++;
	else if (fsr == 0x005)
		trans++;
	else
		other++;
}

/* One STR each, in asm: GCC 12 was seen storing a volatile twice here. */
static void wr(uint32_t a, uint32_t v)
{
	__asm__ volatile("str %0, [%1]" :: "r"(v), "r"(a) : "memory");
}

static uint32_t rd(uint32_t a)
{
	uint32_t v = 0;

	__asm__ volatile("ldr %0, [%1]" : "+r"(v) : "r"(a) : "memory");
	return v;	/* 0 if it aborted */
}

static void garbage(uint32_t gic, uint32_t uart)
{
	for (int r = 0; r < ROUNDS; r++)
		for (unsigned i = 0; i < NREGIONS; i++) {
			const struct region *g = &regions[i];
			uint32_t base = (g->gic ? gic : uart) + g->off;

			for (uint32_t o = 0; o < g->size; o += 4)
				wr(base + o, r % 3 == 0 ? 0xffffffffu : r % 3 == 1 ? 0 : xorshift());
		}
	uart_putc('\n');	/* ends the line UARTDR's garbage bytes made */
}

static uint32_t fnv(uint32_t h, uint32_t v)
{
	for (int i = 0; i < 4; i++, v >>= 8)
		h = (h ^ (v & 0xff)) * 16777619u;
	return h;
}

/* What the devices hold now: the registers that matter, then every word. */
static void read_back(const char *how, uint32_t gic, uint32_t uart)
{
	uint32_t d = gic, c = gic + 0x10000;

	printf("devices: %s: GICD CTLR %08lx TYPER %08lx ISENABLER0/1 %08lx %08lx "
	       "ISPENDR1 %08lx IPRIORITYR8 %08lx ITARGETSR8 %08lx ICFGR2 %08lx\n", how,
	       HEX(rd(d + GICD_CTLR)), HEX(rd(d + GICD_TYPER)), HEX(rd(d + GICD_ISENABLER)),
	       HEX(rd(d + GICD_ISENABLER + 4)), HEX(rd(d + GICD_ISPENDR + 4)),
	       HEX(rd(d + GICD_IPRIORITYR + 32)), HEX(rd(d + GICD_ITARGETSR + 32)),
	       HEX(rd(d + GICD_ICFGR + 8)));
	printf("devices: %s: GICC CTLR %08lx PMR %08lx BPR %08lx RPR %08lx HPPIR %08lx; "
	       "UART FR %08lx IBRD %08lx FBRD %08lx LCR_H %08lx CR %08lx IMSC %08lx RIS %08lx\n",
	       how, HEX(rd(c + GICC_CTLR)), HEX(rd(c + GICC_PMR)), HEX(rd(c + GICC_BPR)),
	       HEX(rd(c + GICC_RPR)), HEX(rd(c + GICC_HPPIR)), HEX(rd(uart + 0x18)),
	       HEX(rd(uart + 0x24)), HEX(rd(uart + 0x28)), HEX(rd(uart + 0x2c)),
	       HEX(rd(uart + 0x30)), HEX(rd(uart + 0x38)), HEX(rd(uart + 0x3c)));
	printf("devices: %s: every word hashed:", how);
	for (unsigned i = 0; i < NREGIONS; i++) {
		const struct region *g = &regions[i];
		uint32_t base = (g->gic ? gic : uart) + g->off, h = 2166136261u;

		/* reading GICC_IAR acknowledges, UARTDR pops: the same natively */
		for (uint32_t o = 0; o < g->size; o += 4)
			h = fnv(h, rd(base + o));
		printf(" %s %08lx", g->name, HEX(h));
	}
	printf("\n");
}

static void map(uint32_t va, uint32_t desc)
{
	l1[va >> 20] = desc;
}

static void mmu_on(void)
{
	memset((void *)L1, 0, 0x4000);
	for (uint32_t pa = 0x40000000u; pa < 0x44000000u; pa += 0x100000u)
		map(pa, pa | L1_NORMAL);		/* its 64 MiB */
	map(GIC_PA, GIC_PA | L1_DEVICE);		/* identity: printf, */
	map(UART_PA, UART_PA | L1_DEVICE);		/* the abort handler */
	map(GIC_ALIAS, GIC_PA | L1_DEVICE);
	map(UART_ALIAS, UART_PA | L1_DEVICE);
	map(GIC_IN_HOLE, GIC_PA | L1_DEVICE);
	map(UART_IN_HOLE, UART_PA | L1_DEVICE);
	cp15_write(TTBCR, 0);
	cp15_write(TTBR0, L1);
	cp15_write(DACR, 0x55555555);		/* every domain client */
	cp15_write(TLBIALL, 0);
	dsb();
	isb();
	cp15_write(SCTLR, cp15_read(SCTLR) | SCTLR_M);
	isb();
}

static void aborts(const char *how)
{
	printf("devices: %s: aborts so far: %lu external, %lu translation, %lu other\n",
	       how, HEX(ext), HEX(trans), HEX(other));
}

/* One garbage word into every page of trapvisor's range; prints the
 * pages where it did not abort. */
static void hole(const char *how)
{
	uint32_t ok[16], n = 0;

	for (uint32_t a = HOLE_START; a != HOLE_END; a += 0x1000) {
		uint32_t before = ext + trans + other;

		wr(a, xorshift());
		if (ext + trans + other == before && n < 16)
			ok[n++] = a;
	}
	uart_putc('\n');	/* the UART alias's page got a byte too */
	printf("devices: %s: one word into each of the %lu pages of 0x%08lx-0x%08lx; "
	       "no abort at", how, HEX((HOLE_END - HOLE_START) >> 12), HEX(HOLE_START),
	       HEX(HOLE_END - 1));
	for (uint32_t i = 0; i < n; i++)
		printf(" %08lx", HEX(ok[i]));
	printf(n ? "\n" : " none\n");
	aborts(how);
}

int main(void)
{
	printf("devices: garbage into every register of its GIC and UART, %d rounds\n", ROUNDS);
	exc_set_handler(EXC_DABT, on_dabt);
	garbage(GIC_PA, UART_PA);
	read_back("MMU off", GIC_PA, UART_PA);
	aborts("MMU off");
	/* nothing there with the MMU off: synchronous external aborts */
	hole("MMU off");

	mmu_on();
	printf("devices: MMU on, its devices also at 0x%08lx, 0x%08lx, 0x%08lx, 0x%08lx\n",
	       HEX(GIC_ALIAS), HEX(UART_ALIAS), HEX(GIC_IN_HOLE), HEX(UART_IN_HOLE));
	garbage(GIC_ALIAS, UART_ALIAS);
	read_back("alias", GIC_ALIAS, UART_ALIAS);
	garbage(GIC_IN_HOLE, UART_IN_HOLE);
	read_back("in 0xFxxxxxxx", GIC_IN_HOLE, UART_IN_HOLE);
	read_back("identity", GIC_PA, UART_PA);
	aborts("MMU on");
	/* the range is unmapped but for its aliases: section translation
	 * faults, and external aborts in the aliases' sections past the devices */
	hole("MMU on");

	exc_set_handler(EXC_DABT, NULL);
	printf("devices: done\n");
	return 0;
}
