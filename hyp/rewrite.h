/*
 * The rewrite table at run time: which entry a trapping UDF stands for,
 * and rewriting code the guest writes while it runs (hyp/codewatch.c
 * finds it; this is the part that edits words and the table).
 */
#ifndef HYP_REWRITE_H
#define HYP_REWRITE_H

#include <stdint.h>
#include "hyp/loader.h"

/* rewrite_entry.addr of an entry free for reuse: no instruction is there */
#define REWRITE_FREE	0xffffffffu

/*
 * The entry behind a UDF of this kind with immediate imm, found at
 * guest-physical gpa: the index of the entry of that kind recorded at gpa
 * among those the immediate names, or -1 if none is (the guest's own UDF,
 * which must reach the guest as UNDEFINED).
 */
int32_t rewrite_find(const struct rewrite_table *rt, enum rewrite_kind kind, uint32_t imm,
		     uint32_t gpa);

/* The UDF that stands for entry i of a kind: an A32 word, or a T32
 * instruction (arch/arm/t32.h). */
uint32_t rewrite_udf(enum rewrite_kind kind, uint32_t i);

/*
 * The len bytes of A32 code at host pointer p (guest-physical gpa, both
 * word-aligned) have just been declared code by the guest: every
 * sensitive word in them becomes a UDF naming a table entry.  Words that
 * are still trapvisor's own UDFs stay; entries whose word the guest has
 * overwritten since are freed first, then reused.  Returns how many words
 * were rewritten, or -1 if the table had no room for one (those after it
 * are left as they are).
 */
int rewrite_rescan(struct rewrite_table *rt, uint8_t *p, uint32_t gpa, uint32_t len);

#endif
