/*
 * Macro-benchmarks: whole workloads, timed natively and as a VM; their
 * ratio is the overhead a user would see.
 *   crc32      compute-bound: CRC-32 of a 256 KiB buffer, 4 times
 *   syscalls   4096 system calls from User mode, each a C handler
 *   irq-heavy  CRC-32 of 64 KiB while the virtual timer interrupts every
 *              1024 ticks (16 us); each interrupt acknowledged, re-armed
 * Each also prints its result, which must be the same natively.
 */
#include <stdint.h>
#include <stdio.h>
#include "rt.h"
#include "gic.h"
#include "bench.h"

extern const uint32_t bench_vectors[8];
void bench_user(void (*fn)(void));

#define BUF_SIZE	(256 * 1024)
#define NSYSCALLS	4096
#define IRQ_PERIOD	1024u		/* timer ticks */

static uint8_t buf[BUF_SIZE];
static uint32_t crc_table[256];

static void crc_init(void)
{
	uint32_t x = 12345;

	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
	for (uint32_t i = 0; i < BUF_SIZE; i++) {
		x = x * 1103515245u + 12345u;
		buf[i] = x >> 16;
	}
}

static uint32_t crc32(const uint8_t *p, uint32_t n)
{
	uint32_t c = 0xffffffffu;

	while (n--)
		c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
	return ~c;
}

/* ---- system calls ---------------------------------------------------------- */

static uint32_t sys_ticks, sys_sum;

int bench_syscall(int nr, int arg)
{
	return nr == 1 ? arg * 2 + 1 : -1;
}

static inline int syscall1(int arg)
{
	register int r0 __asm__("r0") = arg;
	register int r7 __asm__("r7") = 1;

	__asm__ volatile("svc #0" : "+r"(r0) : "r"(r7) : "memory");
	return r0;
}

static void syscalls(void)
{
	uint32_t t = ccnt(), sum = 0;

	for (int i = 0; i < NSYSCALLS; i++)
		sum += syscall1(i);
	sys_ticks = ccnt() - t;
	sys_sum = sum;
}

/* ---- interrupts -------------------------------------------------------------- */

static volatile uint32_t irqs;

void bench_irq(uint32_t t)
{
	uint32_t iar = gicc_read(GICC_IAR);

	(void)t;
	if (GIC_IAR_ID(iar) == IRQ_VTIMER) {
		cp15_write(CNTV_TVAL, IRQ_PERIOD);
		irqs++;
	}
	gicc_write(GICC_EOIR, iar);
}

static void irq_heavy(void)
{
	uint32_t t, crc;

	gic_set_priority(IRQ_VTIMER, 0x80);
	gic_enable_irq(IRQ_VTIMER);
	gic_init(0xf0);
	cp15_write(VBAR, (uint32_t)bench_vectors);
	cp15_write(CNTV_TVAL, IRQ_PERIOD);
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	isb();
	t = ccnt();
	irq_enable();
	crc = crc32(buf, BUF_SIZE / 4);
	irq_disable();
	t = ccnt() - t;
	cp15_write(CNTV_CTL, 0);
	cp15_write(VBAR, (uint32_t)rt_vectors);
	isb();
	printf("irq-heavy: crc 0x%08lx with %s interrupts\n", (unsigned long)crc,
	       irqs > 10 ? "many" : "too few");
	bench_report("irq-heavy", t, 1);
}

int main(void)
{
	uint32_t t, crc = 0;

	pmu_start();
	crc_init();
	t = ccnt();
	for (int i = 0; i < 4; i++)
		crc ^= crc32(buf, BUF_SIZE);
	t = ccnt() - t;
	printf("crc32: 0x%08lx\n", (unsigned long)crc);
	bench_report("crc32", t, 1);

	cp15_write(VBAR, (uint32_t)bench_vectors);
	isb();
	bench_user(syscalls);
	cp15_write(VBAR, (uint32_t)rt_vectors);
	isb();
	printf("syscalls: sum %lu\n", (unsigned long)sys_sum);
	bench_report("syscalls", sys_ticks, 1);

	irq_heavy();
	printf("macro: done\n");
	return 0;
}
