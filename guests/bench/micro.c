/*
 * Micro-benchmarks: the round trip of each kind of instruction or event
 * that traps under trapvisor, timed by the guest itself (bench.h).  The
 * same image runs natively and as a VM; scripts/bench.py compares.
 *
 * Each figure is the cost of BENCH_OPS operations minus the cost of the
 * same sequence without the operation (its setup, the counter read).
 */
#include <stdint.h>
#include <stdio.h>
#include "rt.h"
#include "gic.h"
#include "bench.h"

extern const uint32_t bench_vectors[8];
extern uint32_t bench_boot[3];
void bench_user(void (*fn)(void));
void micro_mmu(uint32_t empty);

#define CNTV_CVAL_WRITE(v) __asm__ volatile("mcrr p15, 3, %0, %1, c14" :: \
	"r"((uint32_t)(v)), "r"((uint32_t)((uint64_t)(v) >> 32)))

static uint32_t empty;			/* MEASURE("") : the counter read itself */

static void sysregs(void)
{
	uint32_t cpsr = read_cpsr();

	bench_report_ops("mrc", MEASURE(REPT16("mrc p15, 0, r1, c3, c0, 0")), empty);	/* DACR */
	bench_report_ops("mcr", MEASURE(REPT16("mcr p15, 0, %2, c13, c0, 4"), "r"(0x1234)), empty);	/* TPIDRPRW */
	bench_report_ops("mrs", MEASURE(REPT16("mrs r1, cpsr")), empty);
	bench_report_ops("msr", MEASURE(REPT16("msr cpsr_c, %2"), "r"(cpsr)), empty);
	bench_report_ops("cps", MEASURE(REPT16("cpsid i")), empty);
	bench_report_ops("tlbi", MEASURE(REPT16("mcr p15, 0, %2, c8, c7, 1"), "r"(0x40000000)), empty);
	bench_report_ops("hvc", MEASURE(".arch_extension virt\n" REPT16("mov r0, %2\n\thvc #0"), "r"(PSCI_VERSION)),
		   MEASURE(REPT16("mov r0, %2"), "r"(PSCI_VERSION)));
}

static void mmio(void)
{
	uint32_t t;

	printf("uart: ");
	t = MEASURE(REPT16("str %3, [%2]"), "r"(0x09000000), "r"('.'));
	printf("\n");
	bench_report_ops("uart-dr", t, empty);
	bench_report_ops("gic-read", MEASURE(REPT16("ldr r1, [%2]"), "r"(GICD_BASE + GICD_TYPER)), empty);
}

/* ---- exceptions: SVC from User mode, virtual IRQ ------------------------- */

static uint32_t svc_ticks;

/* vectors.S's system calls (r7 > 0): only macro.c makes any */
int bench_syscall(int nr, int arg)
{
	return nr + arg;
}

/* In User mode: sixteen SVCs, each straight back from the kernel's vector. */
static void svc_user(void)
{
	svc_ticks = MEASURE(REPT16("mov r7, #0\n\tsvc #0"));
	svc_ticks -= MEASURE(REPT16("mov r7, #0"));
}

enum irq_mode { IRQ_ONE, IRQ_PERIODIC };
static volatile uint32_t irq_arrival, irq_count, irq_iar_eoir;

/* Called from bench_vectors' IRQ entry with the time of its first
 * instruction.  IAR and EOIR are timed; the timer is stopped in between,
 * before its line would raise the interrupt again. */
void bench_irq(uint32_t t)
{
	uint32_t iar, t0, t1, t2, t3;

	irq_arrival = t;
	t0 = ccnt();
	iar = gicc_read(GICC_IAR);
	t1 = ccnt();
	cp15_write(CNTV_CTL, 0);
	t2 = ccnt();
	gicc_write(GICC_EOIR, iar);
	t3 = ccnt();
	irq_iar_eoir = (t1 - t0) + (t3 - t2) - 2 * empty;
	if (GIC_IAR_ID(iar) == IRQ_VTIMER)
		irq_count++;
}

static void interrupts(void)
{
	uint32_t c1, base = 0, before;
	uint64_t v0, v1;
	const uint32_t d = 256;		/* timer ticks ahead (16 instructions each) */

	gic_set_priority(IRQ_VTIMER, 0x80);
	gic_enable_irq(IRQ_VTIMER);
	gic_init(0xf0);

	/* WFI with an interrupt already pending (masked by CPSR.I): it must
	 * not sleep, natively or virtualized. */
	cp15_write(CNTV_TVAL, 0);
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	isb();
	while (!gic_pending(IRQ_VTIMER))
		;
	bench_report_ops("wfi", MEASURE(REPT16("wfi")), empty);
	cp15_write(CNTV_CTL, 0);
	isb();

	/* Virtual IRQ latency: the timer deadline against the counter, whose
	 * edges are 16 instructions apart under -icount shift=0 (62.5 MHz). */
	cp15_write(VBAR, (uint32_t)bench_vectors);
	isb();
	v0 = read_cntvct();
	do {
		c1 = ccnt();
		v1 = read_cntvct();
	} while (v1 == v0);
	CNTV_CVAL_WRITE(v1 + d);
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	before = irq_count;
	base = c1 + d * 16;
	irq_enable();
	while (irq_count == before)
		;
	irq_disable();
	bench_report("virq", irq_arrival - base, 1);
	bench_report("iar-eoir", irq_iar_eoir, 1);

	bench_user(svc_user);
	bench_report("svc", svc_ticks, BENCH_OPS);
	cp15_write(VBAR, (uint32_t)rt_vectors);
	isb();
}

int main(void)
{
	pmu_start();
	empty = MEASURE("");
	printf("micro: first instruction at PMCCNTR %lu, CNTVCT %lu\n",
	       (unsigned long)bench_boot[0], (unsigned long)bench_boot[1]);
	bench_report("boot", bench_boot[0], 1);
	bench_report("boot-cntvct", bench_boot[1], 1);
	sysregs();
	mmio();
	interrupts();
	micro_mmu(empty);
	printf("micro: done\n");
	return 0;
}
