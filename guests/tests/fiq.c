/*
 * fiq: GICv2 interrupt groups and FIQs.  With GICC_CTLR.FIQEn set, a Group 0
 * interrupt is signalled as FIQ (taken through vector 0x1c in FIQ mode with
 * I and F masked, r8-r12 banked) and a Group 1 interrupt as IRQ.  Checks the
 * F mask, WFI with F set, FIQ preempting an IRQ handler, and AckCtl (without
 * it a GIC with no Security Extensions acknowledges Group 1 as 1022).
 *
 * Only facts are printed: every wait is for an event, with a deadline.
 */
#include "tests.h"
#include "gic.h"

#define WAIT_MS		500
#define GICD_IGROUPR	0x080
#define GICC_CTLR_GRP0	(1u << 0)
#define GICC_CTLR_GRP1	(1u << 1)
#define GICC_CTLR_ACKCTL (1u << 2)
#define GICC_CTLR_FIQEN	(1u << 3)

static volatile uint32_t fiqs, irqs;
static volatile uint32_t fiq_cpsr, fiq_spsr, fiq_id, fiq_r8;
static volatile uint32_t irq_saw_fiq;	/* FIQs taken while in the IRQ handler */
static volatile int irq_waits_fiq;

/* r8_fiq := v, from FIQ mode and back (r8-r12 are banked in FIQ mode) */
static void set_r8_fiq(uint32_t v)
{
	__asm__ volatile("mrs r1, cpsr\n\t"
			 "cps #0x11\n\t"
			 "mov r8, %0\n\t"
			 "msr cpsr_c, r1" :: "r"(v) : "r1", "memory");
}

static void on_fiq(struct exc_frame *f)
{
	uint32_t iar = gicc_read(GICC_IAR);

	fiq_cpsr = read_cpsr();
	fiq_spsr = f->spsr;
	fiq_r8 = f->r[8];		/* r8 at entry: r8_fiq */
	fiq_id = GIC_IAR_ID(iar);
	if (fiq_id == IRQ_PTIMER)
		cp15_write(CNTP_CTL, 0);
	gicc_write(GICC_EOIR, iar);
	fiqs++;
}

static void on_irq(struct exc_frame *f)
{
	uint32_t iar = gicc_read(GICC_IAR);
	uint32_t id = GIC_IAR_ID(iar), before = fiqs;

	(void)f;
	if (id == IRQ_VTIMER)
		cp15_write(CNTV_CTL, 0);
	if (id == IRQ_PTIMER)		/* Group 0 as IRQ: FIQEn clear */
		cp15_write(CNTP_CTL, 0);
	if (irq_waits_fiq) {
		/* F is still clear in here: the FIQ preempts this handler */
		uint64_t end = read_cntvct() + cnt_ms(WAIT_MS);
		cp15_write(CNTP_TVAL, cnt_ms(1));
		cp15_write(CNTP_CTL, CNT_CTL_ENABLE);
		while (fiqs == before && read_cntvct() < end)
			;
		irq_saw_fiq = fiqs - before;
	}
	if (id != GIC_SPURIOUS)
		gicc_write(GICC_EOIR, iar);
	irqs++;
}

static int wait_for(volatile uint32_t *count, uint32_t n)
{
	uint64_t end = read_cntvct() + cnt_ms(WAIT_MS);

	while (*count < n && read_cntvct() < end)
		;
	return *count >= n;
}

static void report_fiq(const char *what)
{
	printf("fiq: %s: FIQ taken %lu, id %lu, CPSR mode 0x%02lx I %lu F %lu, "
	       "SPSR mode 0x%02lx, r8_fiq 0x%lx\n", what, HEX(fiqs), HEX(fiq_id),
	       HEX(fiq_cpsr & PSR_MODE_MASK), HEX(!!(fiq_cpsr & PSR_I)),
	       HEX(!!(fiq_cpsr & PSR_F)), HEX(fiq_spsr & PSR_MODE_MASK), HEX(fiq_r8));
}

static void setup(void)
{
	exc_set_handler(EXC_FIQ, on_fiq);
	exc_set_handler(EXC_IRQ, on_irq);
	set_r8_fiq(0xf1f1);
	printf("fiq: IGROUPR0 at reset 0x%08lx\n", HEX(gicd_read(GICD_IGROUPR)));
	gicd_write(GICD_IGROUPR, 1u << IRQ_VTIMER);	/* PPI 27 Group 1, 30 Group 0 */
	gicd_write(GICD_CTLR, 3);
	gicc_write(GICC_PMR, 0xf0);
	gicc_write(GICC_CTLR, GICC_CTLR_GRP0 | GICC_CTLR_GRP1 | GICC_CTLR_ACKCTL |
		   GICC_CTLR_FIQEN);
	gic_set_priority(IRQ_PTIMER, 0x40);
	gic_set_priority(IRQ_VTIMER, 0x80);
	gic_enable_irq(IRQ_PTIMER);
	gic_enable_irq(IRQ_VTIMER);
	printf("fiq: IGROUPR0 0x%08lx, GICD_CTLR %lu, GICC_CTLR 0x%lx\n",
	       HEX(gicd_read(GICD_IGROUPR)), HEX(gicd_read(GICD_CTLR)),
	       HEX(gicc_read(GICC_CTLR)));
}

/* A Group 0 timer with F clear: an FIQ */
static void fiq_taken(void)
{
	__asm__ volatile("cpsie f" ::: "memory");
	cp15_write(CNTP_TVAL, cnt_ms(2));
	cp15_write(CNTP_CTL, CNT_CTL_ENABLE);
	wait_for(&fiqs, 1);
	report_fiq("physical timer, F clear");
}

/* F set: pending, not taken, not turned into an IRQ; taken at cpsie f */
static void fiq_masked(void)
{
	uint64_t end;

	__asm__ volatile("cpsid f\n\tcpsie i" ::: "memory");
	cp15_write(CNTP_TVAL, cnt_ms(2));
	cp15_write(CNTP_CTL, CNT_CTL_ENABLE);
	end = read_cntvct() + cnt_ms(WAIT_MS);
	while (!gic_pending(IRQ_PTIMER) && read_cntvct() < end)
		;
	printf("fiq: F set: PPI 30 pending %lu, FIQs %lu, IRQs %lu\n",
	       HEX(gic_pending(IRQ_PTIMER)), HEX(fiqs), HEX(irqs));
	__asm__ volatile("cpsie f" ::: "memory");
	report_fiq("after cpsie f");
}

/* WFI with F set returns for the pending FIQ */
static void fiq_wfi(void)
{
	__asm__ volatile("cpsid if" ::: "memory");
	cp15_write(CNTP_TVAL, cnt_ms(3));
	cp15_write(CNTP_CTL, CNT_CTL_ENABLE);
	__asm__ volatile("dsb\n\twfi" ::: "memory");
	printf("fiq: WFI with I and F set returned, PPI 30 pending %lu, FIQs %lu\n",
	       HEX(gic_pending(IRQ_PTIMER)), HEX(fiqs));
	__asm__ volatile("cpsie if" ::: "memory");
	report_fiq("after cpsie if");
}

/* Group 1 goes to IRQ; an FIQ preempts the IRQ handler */
static void irq_then_fiq(void)
{
	uint32_t f0 = fiqs;

	irq_waits_fiq = 1;
	cp15_write(CNTV_TVAL, cnt_ms(2));
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	wait_for(&irqs, 1);
	irq_waits_fiq = 0;
	printf("fiq: virtual timer (Group 1): IRQs %lu, FIQs taken inside the IRQ "
	       "handler %lu, FIQs %lu\n", HEX(irqs), HEX(irq_saw_fiq), HEX(fiqs - f0));
	report_fiq("FIQ inside IRQ");
}

/* AckCtl clear: a pending Group 1 interrupt reads as 1022 in HPPIR and IAR */
static void ackctl_off(void)
{
	uint64_t end;

	__asm__ volatile("cpsid i" ::: "memory");
	gicc_write(GICC_CTLR, GICC_CTLR_GRP0 | GICC_CTLR_GRP1 | GICC_CTLR_FIQEN);
	cp15_write(CNTV_TVAL, cnt_ms(2));
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	end = read_cntvct() + cnt_ms(WAIT_MS);
	while (!gic_pending(IRQ_VTIMER) && read_cntvct() < end)
		;
	printf("fiq: AckCtl clear, Group 1 pending: HPPIR %lu, IAR %lu, still pending %lu\n",
	       HEX(gicc_read(GICC_HPPIR) & 0x3ff), HEX(gicc_read(GICC_IAR) & 0x3ff),
	       HEX(gic_pending(IRQ_VTIMER)));
	cp15_write(CNTV_CTL, 0);
	gicc_write(GICC_CTLR, GICC_CTLR_GRP0 | GICC_CTLR_GRP1 | GICC_CTLR_ACKCTL |
		   GICC_CTLR_FIQEN);
	__asm__ volatile("cpsie i" ::: "memory");
}

/* FIQEn clear: Group 0 is signalled as IRQ, and IAR acknowledges it */
static void fiqen_off(void)
{
	uint32_t i0 = irqs, f0 = fiqs;

	gicc_write(GICC_CTLR, GICC_CTLR_GRP0 | GICC_CTLR_GRP1 | GICC_CTLR_ACKCTL);
	cp15_write(CNTP_TVAL, cnt_ms(2));
	cp15_write(CNTP_CTL, CNT_CTL_ENABLE);
	wait_for(&irqs, i0 + 1);
	cp15_write(CNTP_CTL, 0);
	printf("fiq: FIQEn clear: Group 0 timer: IRQs %lu, FIQs %lu\n",
	       HEX(irqs - i0), HEX(fiqs - f0));
}

int main(void)
{
	setup();
	fiq_taken();
	fiq_masked();
	fiq_wfi();
	irq_then_fiq();
	ackctl_off();
	fiqen_off();
	__asm__ volatile("cpsid if" ::: "memory");
	printf("fiq: done\n");
	return 0;
}
