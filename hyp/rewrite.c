/* The rewrite table at run time: see rewrite.h. */
#include <string.h>
#include "hyp/rewrite.h"
#include "arch/arm/scan.h"

/*
 * How many entry indices one immediate of each kind names: an entry's
 * UDF holds its index modulo this.  The 16-bit T32 UDF has only 8 bits,
 * and a Thumb kernel has far more than 256 16-bit sensitive instructions
 * (every CPSIE/CPSID), so entry i, i + 256, i + 512, ... share one; the
 * trap looks at those (count / 256 at most, 64 in a full table) and
 * takes the one recorded at the trapping address.  This needs no second
 * structure kept in step with the table (a sorted index, a hash), works
 * the same for entries reused by rescans, and costs a few loads on a path
 * that costs hundreds of instructions anyway.  The other kinds' 16-bit
 * immediates hold every index exactly.
 */
static const uint32_t imm_span[REWRITE_KINDS] = {
	[REWRITE_A32] = 1u << 16,
	[REWRITE_T16] = 1u << 8,
	[REWRITE_T32] = 1u << 16,
};

int32_t rewrite_find(const struct rewrite_table *rt, enum rewrite_kind kind, uint32_t imm,
		     uint32_t gpa)
{
	if (gpa == REWRITE_FREE)		/* no address: nothing of trapvisor's */
		return -1;
	for (uint32_t i = imm; i < rt->count; i += imm_span[kind])
		if (rt->e[i].addr == gpa && rt->e[i].kind == kind)
			return (int32_t)i;
	return -1;
}

uint32_t rewrite_udf(enum rewrite_kind kind, uint32_t i)
{
	if (kind == REWRITE_T16)
		return t32_udf16(i);
	return kind == REWRITE_T32 ? t32_udf32(i) : a32_udf(i);
}

int32_t rewrite_alloc(struct rewrite_table *rt)
{
	for (uint32_t i = 0; i < rt->count; i++)
		if (rt->e[i].addr == REWRITE_FREE)
			return (int32_t)i;
	return rt->count < rt->cap ? (int32_t)rt->count++ : -1;
}

void rewrite_put(enum rewrite_kind kind, uint32_t t, uint8_t *p, uint8_t *p2)
{
	uint16_t hw1 = (uint16_t)(t >> 16), hw2 = (uint16_t)t;

	if (kind == REWRITE_A32) {
		memcpy(p, &t, 4);
	} else if (kind == REWRITE_T16) {
		memcpy(p, &hw2, 2);
	} else {
		memcpy(p, &hw1, 2);
		memcpy(p2, &hw2, 2);
	}
}

uint32_t rewrite_get(enum rewrite_kind kind, const uint8_t *p, const uint8_t *p2)
{
	uint16_t hw1, hw2;
	uint32_t w;

	if (kind == REWRITE_A32) {
		memcpy(&w, p, 4);
		return w;
	}
	memcpy(&hw1, p, 2);
	if (kind == REWRITE_T16)
		return hw1;
	memcpy(&hw2, p2, 2);
	return (uint32_t)hw1 << 16 | hw2;
}
