/* Run-time rewriting: see rewrite.h. */
#include <string.h>
#include "hyp/rewrite.h"
#include "arch/arm/scan.h"
#include "arch/arm/fastpath.h"

static uint32_t word_at(const uint8_t *p, uint32_t off)
{
	uint32_t w;

	memcpy(&w, p + off, 4);
	return w;
}

/* Entries in [gpa, gpa+len) whose word is no longer their UDF. */
static void free_overwritten(struct rewrite_table *rt, const uint8_t *p, uint32_t gpa,
			     uint32_t len)
{
	for (uint32_t i = 0; i < rt->count; i++) {
		uint32_t off = rt->e[i].addr - gpa;
		if (off < len && word_at(p, off) != a32_udf(i))
			rt->e[i].addr = REWRITE_FREE;
	}
}

/* A free entry, else a new one; -1 if the table is full. */
static int32_t entry_for(struct rewrite_table *rt)
{
	for (uint32_t i = 0; i < rt->count; i++)
		if (rt->e[i].addr == REWRITE_FREE)
			return (int32_t)i;
	return rt->count < rt->cap ? (int32_t)rt->count++ : -1;
}

int rewrite_rescan(struct rewrite_table *rt, uint8_t *p, uint32_t gpa, uint32_t len)
{
	int done = 0;

	free_overwritten(rt, p, gpa, len);
	for (uint32_t off = 0; off + 4 <= len; off += 4) {
		uint32_t insn = word_at(p, off), udf;
		int32_t i;

		if (!a32_is_sensitive(insn))
			continue;
		if ((i = entry_for(rt)) < 0)
			return -1;
		rt->e[i].addr = gpa + off;
		rt->e[i].orig = insn;
		rt->e[i].fast = fast_kind(insn);
		udf = a32_udf((uint32_t)i);
		memcpy(p + off, &udf, 4);
		done++;
	}
	return done;
}
