/*
 * Benchmark guests: ordinary PL1 guests for QEMU virt that time
 * themselves with the PMU cycle counter (PMCCNTR).  Under QEMU with
 * `-icount shift=0` that counter advances by one per instruction retired,
 * so every figure is in "instructions under -icount", deterministic, and
 * includes every instruction trapvisor runs on the guest's behalf.
 *
 * Natively the guest runs at PL1 and owns the PMU.  Under trapvisor it
 * runs in User mode and reads the same counter directly, because its VM
 * is configured with pmu=yes (trapvisor sets PMUSERENR.EN for it).
 *
 * Each result is one line, parsed by scripts/bench.py:
 *     bench: <name> <total> <ops>
 * meaning <ops> operations took <total> counts after the measurement's
 * own overhead was subtracted.
 */
#ifndef GUEST_BENCH_H
#define GUEST_BENCH_H

#include <stdint.h>
#include <stdio.h>

#define PMCR_E		(1u << 0)	/* counters enabled */
#define PMCNTEN_C	(1u << 31)	/* the cycle counter */

static inline uint32_t ccnt(void)
{
	uint32_t v;
	__asm__ volatile("mrc p15, 0, %0, c9, c13, 0" : "=r"(v));
	return v;
}

/* Starts the cycle counter without resetting it (under trapvisor it has
 * run since trapvisor's first instruction: the boot-time figure) and lets
 * User mode read it (PMUSERENR.EN), for the benchmarks run there. */
static inline void pmu_start(void)
{
	uint32_t pmcr;
	__asm__ volatile("mrc p15, 0, %0, c9, c12, 0" : "=r"(pmcr));
	__asm__ volatile("mcr p15, 0, %0, c9, c12, 0" :: "r"(pmcr | PMCR_E));
	__asm__ volatile("mcr p15, 0, %0, c9, c12, 1" :: "r"(PMCNTEN_C));
	__asm__ volatile("mcr p15, 0, %0, c9, c14, 0" :: "r"(1));	/* PMUSERENR.EN */
	__asm__ volatile("isb" ::: "memory");
}

static inline void bench_report(const char *name, uint32_t total, uint32_t ops)
{
	printf("bench: %s %lu %lu\n", name, (unsigned long)total, (unsigned long)ops);
}

/* Sixteen copies of an instruction sequence, for the micro-benchmarks;
 * base is the same measurement without the operation. */
#define BENCH_OPS	16
#define REPT16(s)	".rept 16\n" s "\n.endr\n"

static inline void bench_report_ops(const char *name, uint32_t t, uint32_t base)
{
	bench_report(name, t - base, BENCH_OPS);
}

/*
 * The counter around an inline-assembly body, both reads in the same asm
 * statement so that the compiler puts nothing between them.  The body may
 * use r0-r3 and r12 freely and reads the operands given after it.
 */
#define MEASURE(body, ...) ({							\
	uint32_t t0_, t1_;							\
	__asm__ volatile("mrc p15, 0, %0, c9, c13, 0\n" body			\
			 "mrc p15, 0, %1, c9, c13, 0\n"				\
			 : "=&r"(t0_), "=&r"(t1_) : __VA_ARGS__			\
			 : "r0", "r1", "r2", "r3", "r12", "memory", "cc");	\
	t1_ - t0_; })

#endif
