/*
 * The rewrite table at run time: which entry a trapping UDF stands for,
 * and entries for code found at run time (hyp/codescan.c).
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

/* Instruction t of a kind (an A32 word, or T32 as t32.h holds it) written
 * at p; a 32-bit T32 one's second halfword at p2, which may be on another
 * page than p.  rewrite_get() reads one back the same way. */
void rewrite_put(enum rewrite_kind kind, uint32_t t, uint8_t *p, uint8_t *p2);
uint32_t rewrite_get(enum rewrite_kind kind, const uint8_t *p, const uint8_t *p2);

/* A free entry (REWRITE_FREE: its instruction was put back), else a new
 * one; -1 if the table is full.  The caller fills it in. */
int32_t rewrite_alloc(struct rewrite_table *rt);

#endif
