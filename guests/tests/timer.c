/*
 * timer: interrupts through the GICv2 -- the virtual and physical generic
 * timers, WFI with IRQs masked, priority masking, SGIs to self (ordering
 * and GIC-level preemption, RPR/HPPIR while active), the PL011 TX interrupt.
 *
 * Only facts are printed, never counter values: every wait is for an event,
 * bounded by a deadline far beyond the time it takes.
 */
#include "tests.h"
#include "gic.h"

#define NIRQ		64
#define WAIT_MS		500	/* deadline of every bounded wait */

static volatile uint32_t taken[NIRQ];
static volatile uint32_t n_taken;
static void (*volatile irq_hook)(uint32_t iar);

static void print_ctl(const char *name, uint32_t ctl)
{
	printf(", %s ISTATUS %lu", name, HEX((ctl & CNT_CTL_ISTATUS) ? 1 : 0));
}

static void on_irq(struct exc_frame *f)
{
	uint32_t cpsr = read_cpsr();
	uint32_t iar = gicc_read(GICC_IAR);
	uint32_t id = GIC_IAR_ID(iar), v;

	(void)f;
	if (id == GIC_SPURIOUS) {
		printf("timer: spurious interrupt (IAR 1023)\n");
		return;
	}
	if (id == IRQ_UART) {
		/* before printing: the handler's own output would set TX again */
		v = UARTMIS;
		UARTICR = UART_INT_TX;
		UARTIMSC &= ~UART_INT_TX;
	}
	printf("timer: interrupt %lu taken, IAR id %lu, CPSR 0x%03lx",
	       HEX(id), HEX(id), HEX(cpsr & 0x1ff));
	switch (id) {
	case IRQ_VTIMER:
		v = cp15_read(CNTV_CTL);
		print_ctl("CNTV_CTL", v);
		cp15_write(CNTV_CTL, v | CNT_CTL_IMASK);
		isb();
		printf(", masked: CNTV_CTL 0x%lx", HEX(cp15_read(CNTV_CTL)));
		break;
	case IRQ_PTIMER:
		v = cp15_read(CNTP_CTL);
		print_ctl("CNTP_CTL", v);
		cp15_write(CNTP_CTL, v | CNT_CTL_IMASK);
		isb();
		printf(", masked: CNTP_CTL 0x%lx", HEX(cp15_read(CNTP_CTL)));
		break;
	case IRQ_UART:
		printf(", UARTMIS TX %lu", HEX((v & UART_INT_TX) ? 1 : 0));
		break;
	default:
		if (id < 16)
			printf(", source CPU %lu", HEX(GIC_IAR_CPU(iar)));
		break;
	}
	printf(", RPR 0x%02lx\n", HEX(gicc_read(GICC_RPR)));
	if (irq_hook)
		irq_hook(iar);
	gicc_write(GICC_EOIR, iar);
	if (id < NIRQ)
		taken[id]++;
	n_taken++;
}

/* bounded: true when *p reached v before the deadline */
static int wait_until(volatile uint32_t *p, uint32_t v)
{
	uint64_t end = read_cntvct() + cnt_ms(WAIT_MS);

	while (*p < v)
		if (read_cntvct() > end)
			return 0;
	return 1;
}

static int wait_pending(uint32_t id)
{
	uint64_t end = read_cntvct() + cnt_ms(WAIT_MS);

	while (!gic_pending(id))
		if (read_cntvct() > end)
			return 0;
	return 1;
}

static void delay_ms(uint32_t ms)
{
	uint64_t end = read_cntvct() + cnt_ms(ms);

	while (read_cntvct() < end)
		;
}

static void setup(void)
{
	printf("timer: GICD_TYPER 0x%08lx, GICD_IIDR 0x%08lx\n",
	       HEX(gicd_read(GICD_TYPER)), HEX(gicd_read(GICD_IIDR)));
	printf("timer: at reset GICD_CTLR %lu GICC_CTLR %lu PMR 0x%02lx RPR 0x%02lx "
	       "HPPIR %lu\n",
	       HEX(gicd_read(GICD_CTLR)), HEX(gicc_read(GICC_CTLR)),
	       HEX(gicc_read(GICC_PMR)), HEX(gicc_read(GICC_RPR)),
	       HEX(gicc_read(GICC_HPPIR) & 0x3ff));
	gic_init(0xf0);
	printf("timer: enabled: GICD_CTLR %lu GICC_CTLR %lu PMR 0x%02lx BPR %lu\n",
	       HEX(gicd_read(GICD_CTLR)), HEX(gicc_read(GICC_CTLR)),
	       HEX(gicc_read(GICC_PMR)), HEX(gicc_read(GICC_BPR)));
	gic_set_priority(40, 0xff);
	printf("timer: IPRIORITYR[40] 0xff reads 0x%02x; ISENABLER0 0x%08lx, "
	       "ICFGR1 0x%08lx\n", gicd_read8(GICD_IPRIORITYR + 40),
	       HEX(gicd_read(GICD_ISENABLER)), HEX(gicd_read(GICD_ICFGR + 4)));
	gic_set_priority(40, 0);

	gic_set_priority(IRQ_VTIMER, 0x80);
	gic_set_priority(IRQ_PTIMER, 0x80);
	gic_enable_irq(IRQ_VTIMER);
	gic_enable_irq(IRQ_PTIMER);
	printf("timer: PPI 27 and 30 enabled: ISENABLER0 0x%08lx, priorities 0x%02x 0x%02x\n",
	       HEX(gicd_read(GICD_ISENABLER)), gicd_read8(GICD_IPRIORITYR + 27),
	       gicd_read8(GICD_IPRIORITYR + 30));
	exc_set_handler(EXC_IRQ, on_irq);
}

/* (a), (b): a timer fires once, the handler masks it */
static void timer_once(int virt)
{
	const char *name = virt ? "virtual" : "physical";
	uint32_t id = virt ? IRQ_VTIMER : IRQ_PTIMER;
	uint32_t before = taken[id];

	printf("timer: %s timer, TVAL 2 ms\n", name);
	if (virt) {
		cp15_write(CNTV_TVAL, cnt_ms(2));
		cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	} else {
		cp15_write(CNTP_TVAL, cnt_ms(2));
		cp15_write(CNTP_CTL, CNT_CTL_ENABLE);
	}
	isb();
	irq_enable();
	if (!wait_until(&taken[id], before + 1))
		printf("timer: %s timer: no interrupt\n", name);
	delay_ms(5);
	irq_disable();
	printf("timer: %s timer fired %lu time(s), GICD_ISPENDR %lu, ISACTIVER %lu\n",
	       name, HEX(taken[id] - before), HEX(gic_pending(id)), HEX(gic_active(id)));
	if (virt)
		cp15_write(CNTV_CTL, 0);
	else
		cp15_write(CNTP_CTL, 0);
	isb();
	printf("timer: %s timer disabled: CTL 0x%lx\n", name,
	       HEX(virt ? cp15_read(CNTV_CTL) : cp15_read(CNTP_CTL)));
}

/* (c): WFI with CPSR.I set wakes up for the pending timer interrupt */
static void wfi_masked(void)
{
	uint32_t before = taken[IRQ_VTIMER];
	uint64_t end;
	int woke = 0;

	printf("timer: WFI with CPSR.I set, virtual timer TVAL 3 ms\n");
	irq_disable();
	cp15_write(CNTV_TVAL, cnt_ms(3));
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	isb();
	end = read_cntvct() + cnt_ms(WAIT_MS);
	for (;;) {
		wfi();
		woke = 1;
		if (gic_pending(IRQ_VTIMER) || read_cntvct() > end)
			break;
	}
	printf("timer: WFI returned %s, GICD_ISPENDR 27: %lu, HPPIR %lu, "
	       "CNTV_CTL 0x%lx, taken %lu\n", woke ? "yes" : "no",
	       HEX(gic_pending(IRQ_VTIMER)), HEX(gicc_read(GICC_HPPIR) & 0x3ff),
	       HEX(cp15_read(CNTV_CTL)), HEX(taken[IRQ_VTIMER] - before));
	printf("timer: cpsie i\n");
	irq_enable();
	isb();
	__asm__ volatile("nop\n\tnop" ::: "memory");
	irq_disable();
	printf("timer: after cpsie i: taken %lu, GICD_ISPENDR 27: %lu\n",
	       HEX(taken[IRQ_VTIMER] - before), HEX(gic_pending(IRQ_VTIMER)));
	cp15_write(CNTV_CTL, 0);
	isb();
}

/* (d): priority >= PMR is not signalled until PMR is raised */
static void prio_mask(void)
{
	uint32_t before = taken[5];

	gic_set_priority(5, 0xf0);
	printf("timer: SGI 5 at priority 0x%02x, PMR 0x%02lx\n",
	       gicd_read8(GICD_IPRIORITYR + 5), HEX(gicc_read(GICC_PMR)));
	irq_enable();
	gic_sgi_self(5);
	wait_pending(5);
	delay_ms(2);
	printf("timer: SGI 5: taken %lu, GICD_ISPENDR %lu, HPPIR %lu\n",
	       HEX(taken[5] - before), HEX(gic_pending(5)),
	       HEX(gicc_read(GICC_HPPIR) & 0x3ff));
	gicc_write(GICC_PMR, 0xf8);
	isb();
	wait_until(&taken[5], before + 1);
	printf("timer: PMR 0x%02lx: SGI 5 taken %lu, GICD_ISPENDR %lu\n",
	       HEX(gicc_read(GICC_PMR)), HEX(taken[5] - before), HEX(gic_pending(5)));
	irq_disable();
	gicc_write(GICC_PMR, 0xf0);

	/* a priority-masked timer interrupt */
	before = taken[IRQ_VTIMER];
	gic_set_priority(IRQ_VTIMER, 0xf0);
	printf("timer: virtual timer at priority 0xf0, PMR 0x%02lx\n",
	       HEX(gicc_read(GICC_PMR)));
	cp15_write(CNTV_TVAL, cnt_ms(2));
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	isb();
	irq_enable();
	wait_pending(IRQ_VTIMER);
	delay_ms(2);
	printf("timer: virtual timer: taken %lu, GICD_ISPENDR %lu, CNTV_CTL 0x%lx\n",
	       HEX(taken[IRQ_VTIMER] - before), HEX(gic_pending(IRQ_VTIMER)),
	       HEX(cp15_read(CNTV_CTL)));
	gicc_write(GICC_PMR, 0xff);
	isb();
	wait_until(&taken[IRQ_VTIMER], before + 1);
	irq_disable();
	printf("timer: PMR 0x%02lx: virtual timer taken %lu\n",
	       HEX(gicc_read(GICC_PMR)), HEX(taken[IRQ_VTIMER] - before));
	cp15_write(CNTV_CTL, 0);
	isb();
	gic_set_priority(IRQ_VTIMER, 0x80);
	gicc_write(GICC_PMR, 0xf0);
}

static volatile uint32_t order[8], n_order;

static void record_order(uint32_t iar)
{
	if (n_order < 8)
		order[n_order++] = GIC_IAR_ID(iar);
}

static void print_order(const char *what)
{
	printf("timer: %s: order", what);
	for (uint32_t i = 0; i < n_order; i++)
		printf(" %lu", HEX(order[i]));
	printf("\n");
	n_order = 0;
}

/* SGI 3 handler: SGI 4 at a higher priority preempts it at the GIC */
static void nest_hook(uint32_t iar)
{
	uint32_t iar2;

	if (GIC_IAR_ID(iar) != 3)
		return;
	gic_sgi_self(4);
	wait_pending(4);
	printf("timer: in SGI 3: sent SGI 4: HPPIR %lu, RPR 0x%02lx, ISPENDR0 0x%04lx, "
	       "ISACTIVER0 0x%04lx\n", HEX(gicc_read(GICC_HPPIR) & 0x3ff),
	       HEX(gicc_read(GICC_RPR)), HEX(gicd_read(GICD_ISPENDR) & 0xffff),
	       HEX(gicd_read(GICD_ISACTIVER) & 0xffff));
	iar2 = gicc_read(GICC_IAR);
	printf("timer: in SGI 3: IAR id %lu source CPU %lu, RPR 0x%02lx, ISACTIVER0 0x%04lx, "
	       "HPPIR %lu\n", HEX(GIC_IAR_ID(iar2)), HEX(GIC_IAR_CPU(iar2)),
	       HEX(gicc_read(GICC_RPR)), HEX(gicd_read(GICD_ISACTIVER) & 0xffff),
	       HEX(gicc_read(GICC_HPPIR) & 0x3ff));
	gicc_write(GICC_EOIR, iar2);
	printf("timer: in SGI 3: EOI %lu: RPR 0x%02lx, ISACTIVER0 0x%04lx\n",
	       HEX(GIC_IAR_ID(iar2)), HEX(gicc_read(GICC_RPR)),
	       HEX(gicd_read(GICD_ISACTIVER) & 0xffff));
}

/* (e), (f): SGIs to self */
static void sgis(void)
{
	gic_set_priority(1, 0xa0);
	gic_set_priority(2, 0x80);
	gic_set_priority(3, 0xa0);
	gic_set_priority(4, 0x80);
	gic_set_priority(6, 0x90);
	gic_set_priority(7, 0x90);
	irq_hook = record_order;

	printf("timer: SGI 1 (priority 0xa0) then SGI 2 (0x80) with CPSR.I set\n");
	gic_sgi_self(1);
	gic_sgi_self(2);
	wait_pending(1);
	wait_pending(2);
	printf("timer: ISPENDR0 0x%04lx, HPPIR id %lu source CPU %lu, RPR 0x%02lx\n",
	       HEX(gicd_read(GICD_ISPENDR) & 0xffff), HEX(gicc_read(GICC_HPPIR) & 0x3ff),
	       HEX(GIC_IAR_CPU(gicc_read(GICC_HPPIR))), HEX(gicc_read(GICC_RPR)));
	irq_enable();
	wait_until(&n_order, 2);
	irq_disable();
	print_order("SGIs 1 and 2");

	printf("timer: SGI 7 then SGI 6, both priority 0x90\n");
	gic_sgi_self(7);
	gic_sgi_self(6);
	wait_pending(6);
	wait_pending(7);
	irq_enable();
	wait_until(&n_order, 2);
	irq_disable();
	print_order("SGIs 6 and 7");

	printf("timer: SGI 3 (priority 0xa0), SGI 4 (0x80) sent from its handler\n");
	irq_hook = nest_hook;
	gic_sgi_self(3);
	irq_enable();
	wait_until(&taken[3], 1);
	irq_disable();
	irq_hook = NULL;
	printf("timer: after SGI 3: handler runs for SGI 3: %lu, for SGI 4: %lu, RPR 0x%02lx, HPPIR %lu, "
	       "ISACTIVER0 0x%04lx, ISPENDR0 0x%04lx\n", HEX(taken[3]), HEX(taken[4]),
	       HEX(gicc_read(GICC_RPR)), HEX(gicc_read(GICC_HPPIR) & 0x3ff),
	       HEX(gicd_read(GICD_ISACTIVER) & 0xffff),
	       HEX(gicd_read(GICD_ISPENDR) & 0xffff));
	printf("timer: IAR with nothing pending: %lu\n", HEX(gicc_read(GICC_IAR) & 0x3ff));
}

/* (g): the PL011 TX interrupt, SPI 33 */
static void uart_tx(void)
{
	uint32_t before = taken[IRQ_UART];

	gic_set_priority(IRQ_UART, 0x80);
	gic_set_target(IRQ_UART, 1);
	gic_enable_irq(IRQ_UART);
	printf("timer: SPI 33: ITARGETSR 0x%02x, ISENABLER1 0x%08lx\n",
	       gicd_read8(GICD_ITARGETSR + IRQ_UART), HEX(gicd_read(GICD_ISENABLER + 4)));
	uart_puts("timer: UART TX interrupt on this newline");
	while (!(UARTFR & (1u << 7)))	/* TXFE */
		;
	UARTICR = UART_INT_TX;
	dsb();
	uint32_t ris0 = UARTRIS & UART_INT_TX;
	UARTIMSC |= UART_INT_TX;
	UARTDR = '\n';
	wait_pending(IRQ_UART);
	printf("timer: UARTRIS TX after UARTICR %lu; GICD_ISPENDR 33 after the write %lu\n",
	       HEX(ris0 ? 1 : 0), HEX(gic_pending(IRQ_UART)));
	irq_enable();
	wait_until(&taken[IRQ_UART], before + 1);
	irq_disable();
	printf("timer: UART interrupt taken %lu, UARTIMSC TX %lu, UARTMIS TX %lu, "
	       "GICD_ISPENDR 33: %lu\n", HEX(taken[IRQ_UART] - before),
	       HEX((UARTIMSC & UART_INT_TX) ? 1 : 0), HEX((UARTMIS & UART_INT_TX) ? 1 : 0),
	       HEX(gic_pending(IRQ_UART)));
	gic_disable_irq(IRQ_UART);
}

int main(void)
{
	setup();
	timer_once(1);
	timer_once(0);
	wfi_masked();
	prio_mask();
	sgis();
	uart_tx();
	exc_set_handler(EXC_IRQ, NULL);
	printf("timer: interrupts taken in all: %lu\n", HEX(n_taken));
	printf("timer: done\n");
	return 0;
}
