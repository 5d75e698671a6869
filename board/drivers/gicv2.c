/* Host GICv2: every interrupt to CPU 0, one priority, polled acknowledge. */
#include "board/drivers/gicv2.h"
#include "arch/arm/mmu.h"

static volatile uint32_t *gicd, *gicc;

#define D(off)	gicd[(off) / 4]
#define C(off)	gicc[(off) / 4]

/* pa: the distributor, the CPU interface */
static void gic_init(const uint32_t pa[2])
{
	gicd = (volatile uint32_t *)ioremap(pa[0]);
	gicc = (volatile uint32_t *)ioremap(pa[1]);
	unsigned lines = ((D(GICD_TYPER) & 0x1f) + 1) * 32;

	D(GICD_CTLR) = 0;
	for (unsigned i = 0; i < lines; i += 32) {
		D(GICD_ICENABLER + i / 8) = 0xffffffff;
		D(GICD_ICPENDR + i / 8) = 0xffffffff;
	}
	for (unsigned i = 0; i < lines; i += 4)
		D(GICD_IPRIORITYR + i) = 0xa0a0a0a0;
	for (unsigned i = 32; i < lines; i += 4)
		D(GICD_ITARGETSR + i) = 0x01010101;
	D(GICD_CTLR) = 1;
	C(GICC_PMR) = 0xf0;
	C(GICC_CTLR) = 1;
}

static void gic_enable(unsigned irq)
{
	D(GICD_ISENABLER + (irq / 32) * 4) = 1u << (irq % 32);
}

static void gic_disable(unsigned irq)
{
	D(GICD_ICENABLER + (irq / 32) * 4) = 1u << (irq % 32);
}

static unsigned gic_ack(void)
{
	unsigned irq = C(GICC_IAR) & 0x3ff;

	return irq >= 1020 ? IRQ_NONE : irq;
}

static void gic_eoi(unsigned irq)
{
	C(GICC_EOIR) = irq;
}

const struct irqchip gicv2_irqchip = {
	.init = gic_init, .enable = gic_enable, .disable = gic_disable,
	.ack = gic_ack, .eoi = gic_eoi,
};
