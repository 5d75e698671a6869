/*
 * What the cp15 emulation needs from the real CPU.  arch/arm/cp15_hw.c
 * implements it on the hardware; host unit tests supply fakes.
 */
#ifndef ARCH_ARM_CP15_HW_H
#define ARCH_ARM_CP15_HW_H

#include <stdint.h>

/* Identification registers, read once at boot and shown to every guest. */
enum hw_id {
	HW_MIDR, HW_CTR, HW_TCMTR, HW_TLBTR, HW_REVIDR,
	HW_ID_PFR0, HW_ID_PFR1, HW_ID_DFR0, HW_ID_AFR0,
	HW_ID_MMFR0, HW_ID_MMFR1, HW_ID_MMFR2, HW_ID_MMFR3,
	HW_ID_ISAR0, HW_ID_ISAR1, HW_ID_ISAR2, HW_ID_ISAR3, HW_ID_ISAR4, HW_ID_ISAR5,
	HW_CLIDR, HW_AIDR, HW_L2CTLR, HW_ACTLR, HW_CNTFRQ, HW_SCTLR_RESET,
	HW_ID_NR
};

extern uint32_t hw_id[HW_ID_NR];

uint64_t hw_cntpct(void);
uint64_t hw_cntvct(void);
uint32_t hw_ccsidr(uint32_t csselr);
void hw_icache_inval(void);
void hw_barrier(void);
uint32_t hw_tpidrurw(void);
void hw_set_tpidrurw(uint32_t v);
void hw_set_tpidruro(uint32_t v);
void hw_set_alignment_check(int on);

#endif
