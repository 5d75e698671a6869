/*
 * Accessors for the host CPU's own system registers and barriers.
 * Only trapvisor's PL1 code uses these; guests never see the real ones.
 */
#ifndef ARCH_ARM_CPU_H
#define ARCH_ARM_CPU_H

#include <stdint.h>

#define CP15_READ(crn, op1, crm, op2) ({ uint32_t _v; \
	__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r"(_v)); _v; })
#define CP15_WRITE(crn, op1, crm, op2, val) \
	__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 :: "r"((uint32_t)(val)) : "memory")
#define CP15_READ64(op1, crm) ({ uint32_t _lo, _hi; \
	__asm__ volatile("mrrc p15, " #op1 ", %0, %1, " #crm : "=r"(_lo), "=r"(_hi)); \
	((uint64_t)_hi << 32) | _lo; })
#define CP15_WRITE64(op1, crm, val) \
	__asm__ volatile("mcrr p15, " #op1 ", %0, %1, " #crm :: "r"((uint32_t)(val)), \
			 "r"((uint32_t)((uint64_t)(val) >> 32)) : "memory")

static inline void isb(void) { __asm__ volatile("isb" ::: "memory"); }
static inline void dsb(void) { __asm__ volatile("dsb" ::: "memory"); }
static inline void dmb(void) { __asm__ volatile("dmb" ::: "memory"); }
static inline void wfi(void) { __asm__ volatile("wfi" ::: "memory"); }

/* Named registers, ARM ARM names. */
#define read_sctlr()		CP15_READ(c1, 0, c0, 0)
#define write_sctlr(v)		CP15_WRITE(c1, 0, c0, 0, v)
#define write_ttbr0(v)		CP15_WRITE(c2, 0, c0, 0, v)
#define write_contextidr(v)	CP15_WRITE(c13, 0, c0, 1, v)
#define read_dfsr()		CP15_READ(c5, 0, c0, 0)
#define read_ifsr()		CP15_READ(c5, 0, c0, 1)
#define read_dfar()		CP15_READ(c6, 0, c0, 0)
#define read_ifar()		CP15_READ(c6, 0, c0, 2)
#define write_tpidrprw(v)	CP15_WRITE(c13, 0, c0, 4, v)
#define read_tpidrprw()		CP15_READ(c13, 0, c0, 4)
#define write_tpidruro(v)	CP15_WRITE(c13, 0, c0, 3, v)
#define read_tpidrurw()		CP15_READ(c13, 0, c0, 2)
#define write_tpidrurw(v)	CP15_WRITE(c13, 0, c0, 2, v)
#define read_cntfrq()		CP15_READ(c14, 0, c0, 0)
#define write_cntkctl(v)	CP15_WRITE(c14, 0, c1, 0, v)
#define read_cntpct()		CP15_READ64(0, c14)
#define read_cntvct()		CP15_READ64(1, c14)

static inline void tlb_flush_all(void)
{
	CP15_WRITE(c8, 0, c7, 0, 0);	/* TLBIALL */
	dsb();
	isb();
}

static inline void tlb_flush_asid(uint32_t asid)
{
	dsb();
	CP15_WRITE(c8, 0, c7, 2, asid);	/* TLBIASID */
	dsb();
	isb();
}

static inline void icache_inval_all(void)
{
	CP15_WRITE(c7, 0, c5, 0, 0);	/* ICIALLU */
	CP15_WRITE(c7, 0, c5, 6, 0);	/* BPIALL */
	dsb();
	isb();
}

/* Clean the D-cache line holding va to the point of unification, so that
 * an instruction fetch sees a word trapvisor just wrote (code rewriting). */
static inline void dcache_clean_pou(uintptr_t va)
{
	CP15_WRITE(c7, 0, c11, 1, va);	/* DCCMVAU */
}

#endif
