/*
 * When an ELF guest starts writing code.  The loader rewrites the
 * sensitive instructions of the image's own code from its mapping
 * symbols; code the guest writes later (a JIT, a copied routine, a
 * module) is found by dynamic scanning (codescan.h), which a VM only
 * pays for once it needs it.  ARMv7 requires a guest that writes
 * instructions to clean them to the point of unification (DCCMVAU) and
 * to invalidate the instruction cache (ICIMVAU, ICIALLU) before running
 * them, and those operations trap: the first invalidation of lines
 * outside the image's code that were cleaned, or named by address,
 * turns dynamic scanning on for the VM.
 */
#ifndef HYP_CODEWATCH_H
#define HYP_CODEWATCH_H

#include <stdint.h>
#include <stdbool.h>

struct vcpu;

#define CODEWATCH_LINE		64	/* Cortex-A15 cache line (CTR.IminLine, DminLine) */

struct codewatch {
	bool cleaned;			/* a line outside the image's code cleaned to PoU */
};

/* DCCMVAU of the line holding va. */
void codewatch_clean(struct vcpu *v, uint32_t va);
/* ICIMVAU of the line holding va. */
void codewatch_inval_line(struct vcpu *v, uint32_t va);
/* ICIALLU, ICIALLUIS. */
void codewatch_inval_all(struct vcpu *v);

#endif
