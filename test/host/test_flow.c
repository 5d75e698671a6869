/*
 * Control flow of one instruction (arch/arm/flow.c), what dynamic
 * scanning follows: encodings from the ARM ARM (A8), A32 and T32, the
 * branch targets computed as the hardware computes them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "arch/arm/flow.h"

static struct flow a(uint32_t insn, uint32_t pc)
{
	struct flow f;

	a32_flow(insn, pc, &f);
	return f;
}

static struct flow t(uint32_t insn, uint32_t pc, bool in_it)
{
	struct flow f;

	t32_flow(insn, pc, in_it, &f);
	return f;
}

static void test_a32_direct(void **state)
{
	(void)state;
	struct flow f = a(0xea000002u, 0x1000);			/* b 0x1010 */
	assert_int_equal(f.kind, FLOW_BRANCH);
	assert_int_equal(f.target, 0x1010);
	assert_false(f.cont);
	f = a(0x1afffffeu, 0x1000);				/* bne 0x1000 */
	assert_true(f.cont);
	assert_int_equal(f.target, 0x1000);
	f = a(0xebfffbdeu, 0x2384);				/* bl 0x1304 */
	assert_true(f.call && f.cont);
	assert_int_equal(f.target, 0x1304);
	f = a(0xfa000000u, 0x1000);				/* blx 0x1008 (Thumb) */
	assert_true(f.thumb && f.call);
	assert_int_equal(f.target, 0x1008);
	f = a(0xfb000000u, 0x1000);				/* blx 0x100a: H */
	assert_int_equal(f.target, 0x100a);
}

static void test_a32_returns_and_indirect(void **state)
{
	(void)state;
	assert_int_equal(a(0xe12fff1eu, 0).kind, FLOW_RETURN);	/* bx lr */
	assert_false(a(0xe12fff1eu, 0).cont);
	assert_true(a(0x012fff1eu, 0).cont);			/* bxeq lr */
	assert_int_equal(a(0xe8bd8010u, 0).kind, FLOW_RETURN);	/* pop {r4, pc} */
	assert_int_equal(a(0xe49df004u, 0).kind, FLOW_RETURN);	/* ldr pc, [sp], #4 */
	assert_int_equal(a(0xe1a0f00eu, 0).kind, FLOW_RETURN);	/* mov pc, lr */
	assert_int_equal(a(0xe12fff13u, 0).kind, FLOW_INDIRECT);	/* bx r3 */
	struct flow f = a(0xe12fff33u, 0);			/* blx r3 */
	assert_int_equal(f.kind, FLOW_INDIRECT);
	assert_true(f.call && f.cont);
	assert_int_equal(a(0xe59ff018u, 0).kind, FLOW_INDIRECT);	/* ldr pc, [pc, #24] */
	assert_int_equal(a(0x979ff103u, 0).kind, FLOW_INDIRECT);	/* ldrls pc, [pc, r3, lsl #2] */
	assert_true(a(0x979ff103u, 0).cont);
	assert_int_equal(a(0xe08ff100u, 0).kind, FLOW_INDIRECT);	/* add pc, pc, r0, lsl #2 */
	assert_int_equal(a(0xe1b0f00eu, 0).kind, FLOW_STOP);	/* movs pc, lr */
	assert_int_equal(a(0xe8fd8000u, 0).kind, FLOW_STOP);	/* ldm sp!, {pc}^ */
	assert_int_equal(a(0xe7f000f0u, 0).kind, FLOW_STOP);	/* udf */
	assert_int_equal(a(0xe10f0000u, 0).kind, FLOW_NEXT);	/* mrs r0, cpsr */
	assert_int_equal(a(0xe129f000u, 0).kind, FLOW_NEXT);	/* msr cpsr_fc, r0 */
	assert_int_equal(a(0xe15f0000u, 0).kind, FLOW_NEXT);	/* cmp pc, r0: no write */
}

static void test_t32(void **state)
{
	(void)state;
	struct flow f = t(0xd0fe, 0x1000, false);		/* beq 0x1000 */
	assert_int_equal(f.kind, FLOW_BRANCH);
	assert_true(f.cont && f.thumb);
	assert_int_equal(f.target, 0x1000);
	f = t(0xe7fe, 0x1000, false);				/* b 0x1000 */
	assert_false(f.cont);
	assert_true(t(0xe7fe, 0x1000, true).cont);		/* in an IT block: conditional */
	f = t(0xb108, 0x1000, false);				/* cbz r0, 0x1006 */
	assert_int_equal(f.target, 0x1006);
	assert_true(f.cont);
	assert_int_equal(t(0x4770, 0, false).kind, FLOW_RETURN);	/* bx lr */
	assert_int_equal(t(0x4718, 0, false).kind, FLOW_INDIRECT);	/* bx r3 */
	assert_true(t(0x4798, 0, false).call);			/* blx r3 */
	assert_int_equal(t(0x46f7, 0, false).kind, FLOW_RETURN);	/* mov pc, lr */
	assert_int_equal(t(0x449f, 0, false).kind, FLOW_INDIRECT);	/* add pc, r3 */
	assert_int_equal(t(0xbd10, 0, false).kind, FLOW_RETURN);	/* pop {r4, pc} */
	f = t(0xbf18, 0, false);				/* it ne */
	assert_true(f.it);
	assert_int_equal(f.it_count, 1);
	assert_int_equal(t(0xbf0c, 0, false).it_count, 2);	/* ite eq */
	f = t(0xf000f800u, 0x1000, false);			/* bl 0x1004 */
	assert_true(f.call && f.thumb);
	assert_int_equal(f.target, 0x1004);
	f = t(0xf000e800u, 0x1002, false);			/* blx 0x1004 (A32, aligned) */
	assert_false(f.thumb);
	assert_int_equal(f.target, 0x1004);
	f = t(0xf7ffbffeu, 0x1000, false);			/* b.w 0x1000 */
	assert_int_equal(f.target, 0x1000);
	assert_false(f.cont);
	assert_int_equal(t(0xe8d0f001u, 0, false).kind, FLOW_INDIRECT);	/* tbb [r0, r1] */
	assert_false(t(0xe8d0f001u, 0, false).cont);
	assert_int_equal(t(0xf85dfb04u, 0, false).kind, FLOW_RETURN);	/* ldr pc, [sp], #4 */
	assert_int_equal(t(0xf8d3f000u, 0, false).kind, FLOW_INDIRECT);	/* ldr.w pc, [r3] */
	assert_int_equal(t(0xe8bd8010u, 0, false).kind, FLOW_RETURN);	/* pop.w {r4, pc} */
	assert_int_equal(t(0xf3de8f00u, 0, false).kind, FLOW_STOP);	/* subs pc, lr, #0 */
	assert_int_equal(t(0xde00, 0, false).kind, FLOW_STOP);	/* udf */
	assert_int_equal(t(0xf3ef8000u, 0, false).kind, FLOW_NEXT);	/* mrs r0, cpsr */
}

static void test_literals(void **state)
{
	uint32_t addr;
	unsigned len;

	(void)state;
	assert_true(a32_literal(0xe59f30a4u, 0x694, &addr, &len));	/* ldr r3, [pc, #164] */
	assert_int_equal(addr, 0x740);
	assert_int_equal(len, 4);
	assert_true(a32_literal(0xe14f00d8u, 0x1000, &addr, &len));	/* ldrd r0, [pc, #-8] */
	assert_int_equal(addr, 0x1000);
	assert_int_equal(len, 8);
	assert_true(a32_literal(0xed9f0b02u, 0x1000, &addr, &len));	/* vldr d0, [pc, #8] */
	assert_int_equal(addr, 0x1010);
	assert_int_equal(len, 8);
	assert_false(a32_literal(0xe5930000u, 0, &addr, &len));	/* ldr r0, [r3] */
	assert_false(a32_literal(0xe58f0000u, 0, &addr, &len));	/* str r0, [pc] */
	assert_true(t32_literal(0x4801, 0x1002, &addr, &len));	/* ldr r0, [pc, #4] */
	assert_int_equal(addr, 0x1008);
	assert_true(t32_literal(0xf8df0008u, 0x1000, &addr, &len));	/* ldr.w r0, [pc, #8] */
	assert_int_equal(addr, 0x100c);
	assert_true(t32_literal(0xf81f0004u, 0x1000, &addr, &len));	/* ldrb.w r0, [pc, #-4] */
	assert_int_equal(addr, 0x1000);
	assert_int_equal(len, 1);
	assert_false(t32_literal(0x6800, 0, &addr, &len));		/* ldr r0, [r0] */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a32_direct),
		cmocka_unit_test(test_a32_returns_and_indirect),
		cmocka_unit_test(test_t32),
		cmocka_unit_test(test_literals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
