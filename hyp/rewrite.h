/*
 * Rewriting code the guest writes at run time (hyp/codewatch.c finds it;
 * this is the part that edits words and the rewrite table).
 */
#ifndef HYP_REWRITE_H
#define HYP_REWRITE_H

#include <stdint.h>
#include "hyp/loader.h"

/* rewrite_entry.addr of an entry free for reuse: no instruction is there */
#define REWRITE_FREE	0xffffffffu

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
