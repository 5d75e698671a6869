/*
 * Which instructions must not run as they are in a deprivileged guest.
 * Used by the loader to rewrite them, and by tests.
 */
#ifndef ARCH_ARM_SCAN_H
#define ARCH_ARM_SCAN_H

#include <stdint.h>
#include <stdbool.h>

/* True for an A32 word that must be rewritten to trap: it does not trap at
 * PL0 but behaves differently there (MRS/MSR CPSR, CPS, WFI/WFE), or it is
 * UNPREDICTABLE at PL0 (LDM/STM user registers, exception returns, SRS,
 * RFE, ERET, banked MRS/MSR). */
bool a32_is_sensitive(uint32_t insn);

/* The permanently undefined A32 encoding UDF #imm16 (cond AL). */
uint32_t a32_udf(uint32_t imm16);
/* True if insn is a UDF (any imm16); stores the immediate. */
bool a32_udf_imm(uint32_t insn, uint32_t *imm16);

/* Length in bytes (2 or 4) of the T32 instruction whose first halfword is hw1. */
unsigned t32_insn_len(uint16_t hw1);
/* True for a T32 instruction that must be rewritten (same classes as A32);
 * hw2 is ignored for 16-bit instructions. */
bool t32_is_sensitive(uint16_t hw1, uint16_t hw2);

/* The permanently undefined T32 encodings, as t32.h holds instructions:
 * UDF #imm8 (16-bit, the low 8 bits of imm8) and UDF.W #imm16 (32-bit). */
uint32_t t32_udf16(uint32_t imm8);
uint32_t t32_udf32(uint32_t imm16);
/* True if t is either UDF; stores its immediate. */
bool t32_udf_imm(uint32_t t, uint32_t *imm);

#endif
