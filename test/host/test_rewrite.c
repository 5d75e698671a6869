/*
 * Run-time rewriting (hyp/rewrite.c): code a guest writes and declares as
 * code is rewritten like loaded code; entries of overwritten words are
 * reused; what is not sensitive, or is trapvisor's already, is untouched.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "hyp/rewrite.h"
#include "arch/arm/scan.h"

#define GPA	0x40100000u
#define MRS_R0	0xe10f0000u	/* mrs r0, cpsr */
#define CPSID_I	0xf10c0080u	/* cpsid i */
#define WFI	0xe320f003u
#define ADD	0xe2800001u	/* add r0, r0, #1 */

static struct rewrite_entry e[4];
static struct rewrite_table rt;
static uint32_t line[16];

static int setup(void **state)
{
	(void)state;
	memset(e, 0, sizeof(e));
	memset(line, 0, sizeof(line));
	rt.e = e;
	rt.count = 0;
	rt.cap = 4;
	return 0;
}

static int rescan(void)
{
	return rewrite_rescan(&rt, (uint8_t *)line, GPA, sizeof(line));
}

static void test_sensitive_words_become_udfs(void **state)
{
	(void)state;
	line[0] = ADD;
	line[1] = MRS_R0;
	line[5] = CPSID_I;
	assert_int_equal(rescan(), 2);
	assert_int_equal(line[0], ADD);
	assert_int_equal(line[1], a32_udf(0));
	assert_int_equal(line[5], a32_udf(1));
	assert_int_equal(e[0].addr, GPA + 4);
	assert_int_equal(e[0].orig, MRS_R0);
	assert_int_equal(e[1].addr, GPA + 20);
	assert_int_equal(rt.count, 2);
	/* a second rescan of the same line changes nothing */
	assert_int_equal(rescan(), 0);
	assert_int_equal(line[1], a32_udf(0));
	assert_int_equal(rt.count, 2);
}

static void test_overwritten_entry_is_reused(void **state)
{
	(void)state;
	line[1] = MRS_R0;
	line[2] = WFI;
	assert_int_equal(rescan(), 2);
	line[1] = ADD;			/* the guest writes new code over it */
	line[3] = CPSID_I;
	assert_int_equal(rescan(), 1);
	assert_int_equal(line[3], a32_udf(0));	/* entry 0 was freed, then reused */
	assert_int_equal(e[0].addr, GPA + 12);
	assert_int_equal(e[0].orig, CPSID_I);
	assert_int_equal(line[2], a32_udf(1));
	assert_int_equal(rt.count, 2);
}

/* A UDF the guest wrote itself, naming an entry that is not at its
 * address, stays the guest's: it traps as undefined, as natively. */
static void test_guest_udf_is_left_alone(void **state)
{
	(void)state;
	line[0] = MRS_R0;
	assert_int_equal(rescan(), 1);
	line[7] = a32_udf(0);
	assert_int_equal(rescan(), 0);
	assert_int_equal(line[7], a32_udf(0));
	assert_int_equal(e[0].addr, GPA);
}

static void test_full_table(void **state)
{
	(void)state;
	for (int i = 0; i < 6; i++)
		line[i] = WFI;
	assert_int_equal(rescan(), -1);
	assert_int_equal(rt.count, 4);
	assert_int_equal(line[3], a32_udf(3));
	assert_int_equal(line[4], WFI);		/* left, not half-done */
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_sensitive_words_become_udfs),
		T(test_overwritten_entry_is_reused),
		T(test_guest_udf_is_left_alone),
		T(test_full_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
