/*
 * Code the guest writes at run time.  The loader rewrites the sensitive
 * instructions of the image's own code; code a guest writes later (a JIT,
 * a copied routine, a module) is found by "clean rescans": ARMv7 requires
 * a guest that writes instructions to clean them from the data cache to
 * the point of unification (DCCMVAU) and invalidate the instruction cache
 * (ICIMVAU, ICIALLU) before executing them, and those operations trap.
 * The lines it invalidates are rescanned and rewritten then.
 */
#ifndef HYP_CODEWATCH_H
#define HYP_CODEWATCH_H

#include <stdint.h>

struct vcpu;

/* Guest-physical ranges cleaned to PoU since the last I-cache invalidation. */
#define CODEWATCH_RANGES	32
#define CODEWATCH_LINE		64	/* Cortex-A15 cache line (CTR.IminLine, DminLine) */

struct codewatch {
	uint32_t lo[CODEWATCH_RANGES], hi[CODEWATCH_RANGES];
	uint32_t n;			/* ranges recorded */
	uint32_t dropped;		/* ranges dropped because the list was full */
	uint32_t lines;			/* lines rescanned, since the VM started */
	uint32_t rewritten;		/* words rewritten by rescans */
};

/* DCCMVAU of the line holding va: remember it as possibly code. */
void codewatch_clean(struct vcpu *v, uint32_t va);
/* ICIMVAU of the line holding va: rescan that line. */
void codewatch_inval_line(struct vcpu *v, uint32_t va);
/* ICIALLU, ICIALLUIS: rescan every line cleaned since the last one. */
void codewatch_inval_all(struct vcpu *v);

#endif
