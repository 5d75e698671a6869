/*
 * What the cp15 emulation needs from the real CPU.  arch/arm/cp15_hw.c
 * implements it on the hardware; host unit tests supply fakes.
 */
#ifndef ARCH_ARM_CP15_HW_H
#define ARCH_ARM_CP15_HW_H

#include <stdint.h>

/* The system counter as the guest sees it: CNTFRQ ticks of the model
 * (cpu_model.h), its virtual count equal to its physical one. */
uint64_t hw_cntpct(void);
uint64_t hw_cntvct(void);
void hw_icache_inval(void);
void hw_barrier(void);
uint32_t hw_tpidrurw(void);
void hw_set_tpidrurw(uint32_t v);
void hw_set_tpidruro(uint32_t v);
void hw_set_alignment_check(int on);
void hw_set_pmuserenr(uint32_t v);	/* PMUSERENR.EN: User mode reads the PMU */

#endif
