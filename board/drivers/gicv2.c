/* Host GICv2: every interrupt to CPU 0, one priority, polled acknowledge. */
#include "board/drivers/gicv2.h"

static volatile uint32_t *gicd, *gicc;

#define D(off)	gicd[(off) / 4]
#define C(off)	gicc[(off) / 4]

void gic_init(uintptr_t dist, uintptr_t cpu)
{
	gicd = (volatile uint32_t *)dist;
	gicc = (volatile uint32_t *)cpu;
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

void gic_enable(unsigned irq)
{
	D(GICD_ISENABLER + (irq / 32) * 4) = 1u << (irq % 32);
}

unsigned gic_ack(void)
{
	return C(GICC_IAR) & 0x3ff;
}

void gic_eoi(unsigned irq)
{
	C(GICC_EOIR) = irq;
}
