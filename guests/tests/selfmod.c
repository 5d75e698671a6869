/*
 * Self-modifying code: A32 routines holding sensitive instructions (MRS
 * and MSR of the CPSR, CPS, conditional ones) are written into RAM at
 * run time and executed, rewritten in place and executed again, as a JIT
 * or a module loader would.  The guest follows the architecture's rule
 * for code it writes: clean it to the point of unification, invalidate
 * the instruction cache (by line, or all of it), then ISB.  Under
 * trapvisor those instructions must still be emulated on the virtual
 * CPSR, and words that merely look like instructions in data (or in
 * literal pools of its own code) must stay as they are.
 */
#include <string.h>
#include "tests.h"

#define LINE	64
#define MODE(c)	((c) & 0x1ffu)		/* mode, T, F, I, A: no flags */

static uint32_t code[64] __attribute__((aligned(LINE)));
static uint32_t data[64] __attribute__((aligned(LINE)));

uint32_t selfmod_literal(void);
extern char selfmod_text_end[];

typedef uint32_t (*fn_t)(uint32_t);

enum how { BY_LINE, ALL };

/* What ARMv7 asks of a guest that wrote code at [p, p + len). */
static void make_code(const void *p, uint32_t len, enum how how)
{
	uintptr_t a = (uintptr_t)p & ~(uintptr_t)(LINE - 1);

	for (; a < (uintptr_t)p + len; a += LINE)
		cp15_write(DCCMVAU, a);
	dsb();
	if (how == ALL)
		cp15_write(ICIALLU, 0);
	else
		for (a = (uintptr_t)p & ~(uintptr_t)(LINE - 1); a < (uintptr_t)p + len; a += LINE)
			cp15_write(ICIMVAU, a);
	dsb();
	isb();
}

/* Writes the routine at dst, makes it code, calls it with arg. */
static uint32_t run_at(uint32_t *dst, const uint32_t *words, unsigned n, enum how how,
		       uint32_t arg)
{
	memcpy(dst, words, n * 4);
	make_code(dst, n * 4, how);
	return ((fn_t)(uintptr_t)dst)(arg);
}

static uint32_t run(const uint32_t *words, unsigned n, enum how how, uint32_t arg)
{
	return run_at(code, words, n, how, arg);
}

/* The routines, encoded by arm-none-eabi-as. */
static const uint32_t read_mode[] = {
	0xe10f0000,	/* mrs	r0, cpsr */
	0xe12fff1e,	/* bx	lr */
};
static const uint32_t visit_sys[] = {
	0xe10f3000,	/* mrs	r3, cpsr */
	0xf102001f,	/* cps	#0x1f */
	0xe10f0000,	/* mrs	r0, cpsr */
	0xe121f003,	/* msr	cpsr_c, r3 */
	0xe12fff1e,	/* bx	lr */
};
static const uint32_t irq_stack[] = {	/* SP_irq := arg, read back, restored */
	0xf1020012,	/* cps	#0x12 */
	0xe1a0100d,	/* mov	r1, sp */
	0xe1a0d000,	/* mov	sp, r0 */
	0xf1020013,	/* cps	#0x13 */
	0xe3a00000,	/* mov	r0, #0 */
	0xf1020012,	/* cps	#0x12 */
	0xe1a0000d,	/* mov	r0, sp */
	0xe1a0d001,	/* mov	sp, r1 */
	0xf1020013,	/* cps	#0x13 */
	0xe12fff1e,	/* bx	lr */
};
static const uint32_t if_nonzero[] = {
	0xe3500000,	/* cmp	r0, #0 */
	0x110f0000,	/* mrsne r0, cpsr */
	0xe12fff1e,	/* bx	lr */
};

/* "mrs rN, cpsr; mov r0, rN; orr r0, r0, #i; bx lr", N = 0..3 */
static uint32_t generated(unsigned i, enum how how)
{
	uint32_t n = i % 4, words[] = {
		0xe10f0000 | n << 12,		/* mrs	rN, cpsr */
		0xe1a00000 | n,			/* mov	r0, rN */
		0xe3800000 | (i & 0xff) << 0,	/* orr	r0, r0, #i (i < 256) */
		0xe12fff1e,			/* bx	lr */
	};
	return run(words, 4, how, 0);
}

int main(void)
{
	uint32_t sum = 0, bad = 0, svc = MODE(read_cpsr());

	printf("selfmod: caller mode %03lx\n", HEX(svc));
	printf("selfmod: mrs cpsr, written at run time (by line): %03lx\n",
	       HEX(MODE(run(read_mode, 2, BY_LINE, 0))));
	printf("selfmod: same, I-cache invalidated all at once: %03lx\n",
	       HEX(MODE(run(read_mode, 2, ALL, 0))));
	printf("selfmod: cps to System and back: %03lx, back in %03lx\n",
	       HEX(MODE(run(visit_sys, 5, BY_LINE, 0))), HEX(MODE(read_cpsr())));
	printf("selfmod: SP_irq set and read back: %08lx\n",
	       HEX(run(irq_stack, 10, ALL, 0x4abcdef0)));
	printf("selfmod: mrsne with Z set: %08lx, with Z clear: %03lx\n",
	       HEX(run(if_nonzero, 3, BY_LINE, 0)), HEX(MODE(run(if_nonzero, 3, BY_LINE, 1))));

	uint32_t *alias = (uint32_t *)mmu_on_flat_alias(code);
	printf("selfmod: MMU on, written and run at a virtual alias: %03lx, %03lx\n",
	       HEX(MODE(run_at(alias, visit_sys, 5, BY_LINE, 0))),
	       HEX(MODE(run_at(alias, read_mode, 2, ALL, 0))));
	mmu_off_flat();

	/* one buffer rewritten 1000 times: old rewrites must not linger */
	for (unsigned i = 0; i < 1000; i++)
		sum += generated(i & 0xff, i & 1 ? ALL : BY_LINE) ^ i;
	printf("selfmod: 1000 rewrites of one buffer, checksum %08lx\n", HEX(sum));

	/* data that looks like code, cleaned for DMA and never declared code */
	for (unsigned i = 0; i < 64; i++)
		data[i] = 0xe10f0000 | (i % 13) << 12;
	for (uintptr_t a = (uintptr_t)data; a < (uintptr_t)(data + 64); a += LINE)
		cp15_write(DCCMVAC, a);
	cp15_write(ICIALLU, 0);
	for (unsigned i = 0; i < 64; i++)
		bad += data[i] != (0xe10f0000 | (i % 13) << 12);
	printf("selfmod: instruction-like data words changed: %lu\n", HEX(bad));

	/* its own code declared code again, as a kernel may do at boot */
	make_code(__image_start, selfmod_text_end - __image_start, BY_LINE);
	printf("selfmod: literal in its own code after that: %08lx\n", HEX(selfmod_literal()));
	printf("selfmod: done\n");
	return 0;
}
