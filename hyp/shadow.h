/*
 * Shadow translation tables: what the hardware walks while a guest with
 * its MMU on runs.  A shadow table is a software TLB for the guest's own
 * tables: filled one entry at a time from faults the guest never sees,
 * emptied by the guest's TLB maintenance, never by its descriptor writes
 * (the architecture makes the guest invalidate after changing a
 * descriptor; trapvisor relies on that).
 *
 * One context per guest ASID in use (least recently used one recycled),
 * each with two views: the guest's PL1 rights (it runs in a privileged
 * virtual mode) and its PL0 rights (virtual User mode).  Each view has
 * its own hardware ASID, so switching virtual privilege or guest process
 * is a TTBR0/CONTEXTIDR write and never a TLB flush.  Every shadow entry
 * is non-global and carries the guest's domain number as a tag, so a DACR
 * write drops exactly the entries of the domains it changed.
 *
 * Memory is a per-VM pool fixed at creation (its `shadow=` size): the L1
 * tables of the contexts and a set of 1 KiB L2 tables; when the L2 tables
 * run out, every context is emptied and filling starts again.
 */
#ifndef HYP_SHADOW_H
#define HYP_SHADOW_H

#include <stdint.h>
#include <stdbool.h>

#define SHADOW_CTX_MAX	15		/* contexts per VM (hardware ASIDs, see vmmu.c) */
#define SHADOW_KIB_MIN	48
#define SHADOW_KIB_MAX	1024
#define SHADOW_KIB_DEFAULT 256

enum view { VIEW_PL1, VIEW_PL0, VIEW_NR };

struct shadow_ctx {
	bool used;
	uint8_t guest_asid;
	uint32_t stamp;			/* last use, for recycling */
	uint32_t *l1[VIEW_NR];
	uint32_t l1_pa[VIEW_NR];
	uint8_t hw_asid[VIEW_NR];
	uint32_t super[8];		/* 16 MiB regions filled from supersections */
};

struct shadow {
	unsigned nctx, nl2;
	struct shadow_ctx ctx[SHADOW_CTX_MAX];
	uint32_t *l2;			/* nl2 tables of 256 entries */
	uint32_t l2_pa;
	int free_l2;			/* free list head (index), -1: none */
	unsigned l2_used;
	uint32_t stamp;
	/* for the summary */
	uint64_t fills, recycles, ctx_evictions;
};

/* An entry to add: guest va -> host pa with the rights of one view */
struct shadow_map {
	uint32_t va, host_pa;
	uint32_t size;			/* 4 KiB or 1 MiB */
	unsigned rights;		/* VMSA_R/W/X */
	uint8_t domain;
	bool from_super;		/* taken from a guest supersection */
};

/* Carves the pool (kib KiB) from trapvisor's heap; false if it cannot. */
bool shadow_init(struct shadow *s, unsigned kib, uint8_t first_hw_asid,
		 const uint32_t *hyp_l1);
/* The context of guest ASID asid, made if needed (recycling the oldest). */
struct shadow_ctx *shadow_context(struct shadow *s, uint8_t asid);
/* Adds m to view `view` of c; false if the entry was already there. */
bool shadow_add(struct shadow *s, struct shadow_ctx *c, enum view view,
		const struct shadow_map *m);

/* TLB maintenance, in shadow terms */
void shadow_flush_all(struct shadow *s);
void shadow_flush_asid(struct shadow *s, uint8_t asid);
void shadow_flush_va(struct shadow *s, uint32_t va);
void shadow_flush_domains(struct shadow *s, uint16_t domains);

#endif
