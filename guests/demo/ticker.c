/*
 * ticker: a clock that sleeps.  Programs the virtual timer (PPI 27) for
 * one tick every 500 ms, waits for each tick in WFI with its IRQ handler
 * counting them, prints one line per tick and powers off after ten.  Between
 * ticks the VM waits, so trapvisor gives its CPU to the others (or idles).
 */
#include <stdio.h>
#include "rt.h"
#include "gic.h"

#define TICK_MS	500
#define TICKS	10

static volatile uint32_t ticks;
static uint32_t period;

static void on_irq(struct exc_frame *f)
{
	uint32_t iar = gicc_read(GICC_IAR);

	(void)f;
	if (GIC_IAR_ID(iar) == GIC_SPURIOUS)
		return;
	if (GIC_IAR_ID(iar) == IRQ_VTIMER) {
		ticks++;
		cp15_write(CNTV_TVAL, period);	/* next tick; lowers the line */
	}
	gicc_write(GICC_EOIR, iar);
}

int main(void)
{
	uint32_t seen = 0;

	period = cnt_ms(TICK_MS);
	exc_set_handler(EXC_IRQ, on_irq);
	gic_init(0xf0);
	gic_set_priority(IRQ_VTIMER, 0x80);
	gic_enable_irq(IRQ_VTIMER);
	printf("ticker: one tick every %d ms, %d ticks\n", TICK_MS, TICKS);
	cp15_write(CNTV_TVAL, period);
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	irq_enable();
	while (seen < TICKS) {
		irq_disable();
		if (ticks == seen)
			wfi();		/* wakes for the pending tick even with I set */
		irq_enable();		/* the handler runs here */
		if (ticks != seen) {
			seen = ticks;
			printf("ticker: tick %lu\n", (unsigned long)seen);
		}
	}
	cp15_write(CNTV_CTL, 0);
	printf("ticker: done\n");
	return 0;
}
