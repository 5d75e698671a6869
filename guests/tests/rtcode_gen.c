/* rtcode: writing a routine and making it code, the buffers, reporting (rtcode.h). */
#include "rtcode.h"

uint32_t dline, iline;

/*
 * What ARMv7 requires before executing instructions written as data
 * (ARM ARM B2.2.9), for len bytes written at `at` and run at `run` (the
 * same address, or a virtual alias of it), on this single CPU.
 * Natively QEMU models no caches, so a step missing here would not
 * show: each is here because silicon needs it.
 */
void sync_code(const void *at, uintptr_t run, uint32_t len, enum how how)
{
	uintptr_t start = (uintptr_t)at, end = start + len, a;

	/* 1. The new instructions are in the data side (D-cache, or a write
	 *    buffer): clean each line to the point of unification, where
	 *    instruction fetches look.  By the VA they were written at,
	 *    every line the range touches. */
	for (a = start & ~(uintptr_t)(dline - 1); a < end; a += dline)
		cp15_write(DCCMVAU, a);
	/* 2. The cleans complete before the I-cache invalidation starts:
	 *    otherwise a refill could fetch the old bytes again. */
	dsb();
	/* 3. No stale copy of the old instructions stays in the I-cache:
	 *    each line by the VA they will be fetched from (an I-cache may
	 *    be indexed by VA), or all of it. */
	if (how == ALL)
		cp15_write(ICIALLU, 0);
	else
		for (a = run & ~(uintptr_t)(iline - 1); a < run + len; a += iline)
			cp15_write(ICIMVAU, a);
	/* 4. Branch predictors may hold targets learnt from the old code at
	 *    these addresses (the buffers are reused); ARMv7 asks for this
	 *    unless ID_MMFR1 says they need none. */
	cp15_write(BPIALL, 0);
	/* 5. The invalidations complete before anything fetches... */
	dsb();
	/* 6. ...and this CPU's pipeline drops instructions it may already
	 *    have fetched: the next fetch sees the new code. */
	isb();
}

fn_t make_a32(struct gen *g, enum how how)
{
	sync_code(g->at, g->run, g->n, how);
	return (fn_t)g->run;
}

fn_t make_t32(struct gen *g, enum how how)
{
	sync_code(g->at, g->run, g->n, how);
	return (fn_t)(g->run | 1);
}

struct mixed_page mixed __attribute__((aligned(PAGE)));
uint8_t again[256] __attribute__((aligned(64)));
uint8_t *heap;

void call(fn_t fn, const uint32_t *in, unsigned n_in)
{
	for (unsigned i = 0; i < 16; i++)
		io[i] = i < n_in ? in[i] : 0xdeadbeefu;
	mixed.data[COUNTERS]++;			/* a data write on the code's page */
	fn(io);
}

unsigned checks, wrong;

void check(int ok)
{
	checks++;
	if (!ok) {
		wrong++;
		printf("rtcode:   ^ not as ARMv7 specifies\n");
	}
}
