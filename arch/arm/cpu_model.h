/*
 * The virtual CPU every guest sees, whatever the host: QEMU virt's
 * Cortex-A15 (r4p0) without the Security and Virtualization Extensions.
 * A guest built for virt finds the same CPU on a Pi's Cortex-A7 or
 * Cortex-A53, whose AArch32 instruction sets contain all of the A15's;
 * what would differ (cache geometry, counter frequency) is only ever read
 * through registers that trap, so the model answers instead of the host.
 */
#ifndef ARCH_ARM_CPU_MODEL_H
#define ARCH_ARM_CPU_MODEL_H

#include <stdint.h>

enum cpu_model_reg {
	MODEL_MIDR, MODEL_CTR, MODEL_TCMTR, MODEL_TLBTR, MODEL_REVIDR,
	MODEL_ID_PFR0, MODEL_ID_PFR1, MODEL_ID_DFR0, MODEL_ID_AFR0,
	MODEL_ID_MMFR0, MODEL_ID_MMFR1, MODEL_ID_MMFR2, MODEL_ID_MMFR3,
	MODEL_ID_ISAR0, MODEL_ID_ISAR1, MODEL_ID_ISAR2, MODEL_ID_ISAR3,
	MODEL_ID_ISAR4, MODEL_ID_ISAR5,
	MODEL_CLIDR, MODEL_AIDR, MODEL_L2CTLR, MODEL_ACTLR, MODEL_CNTFRQ,
	MODEL_SCTLR_RESET, MODEL_FPSID, MODEL_MVFR0, MODEL_MVFR1,
	MODEL_NR
};

extern const uint32_t cpu_model[MODEL_NR];

/* CCSIDR for a CSSELR value: L1 data, L1 instruction, L2; 0 beyond. */
uint32_t cpu_model_ccsidr(uint32_t csselr);

/* The system counter's frequency every guest sees (CNTFRQ) */
#define MODEL_CNTFRQ_HZ	62500000u

#endif
