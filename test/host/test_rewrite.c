/*
 * The rewrite table at run time (hyp/rewrite.c): entries for code found
 * at run time, free ones reused; and a trapping UDF finds its entry, or
 * none (the guest's own).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "hyp/rewrite.h"
#include "arch/arm/scan.h"

#define GPA	0x40100000u

static struct rewrite_entry e[4];
static struct rewrite_table rt;

static int setup(void **state)
{
	(void)state;
	memset(e, 0, sizeof(e));
	rt.e = e;
	rt.count = 0;
	rt.cap = 4;
	return 0;
}

/* A free entry is reused before the table grows; -1 once it is full. */
static void test_alloc_reuses_free_entries(void **state)
{
	(void)state;
	assert_int_equal(rewrite_alloc(&rt), 0);
	assert_int_equal(rewrite_alloc(&rt), 1);
	e[0].addr = REWRITE_FREE;
	e[1].addr = GPA;
	assert_int_equal(rewrite_alloc(&rt), 0);
	e[0].addr = GPA + 4;
	assert_int_equal(rewrite_alloc(&rt), 2);
	assert_int_equal(rewrite_alloc(&rt), 3);
	e[2].addr = e[3].addr = GPA + 8;
	assert_int_equal(rewrite_alloc(&rt), -1);
	assert_int_equal(rt.count, 4);
}

static struct rewrite_entry big[600];

/* A32 entries at 0x40001000 + 4 i, but for three: entry 5 is a UDF.W's,
 * entries 44 and 300 (imm8 44 both) 16-bit UDFs', 300 at 0x40003000. */
static struct rewrite_table big_table(void)
{
	for (uint32_t i = 0; i < 600; i++)
		big[i] = (struct rewrite_entry){ 0x40001000 + 4 * i, 0, 0, REWRITE_A32 };
	big[5].kind = REWRITE_T32;
	big[44].kind = REWRITE_T16;
	big[300] = (struct rewrite_entry){ 0x40003000, 0xb672, 0, REWRITE_T16 };
	return (struct rewrite_table){ big, 600, 600, 0, 0 };
}

/* A32 and UDF.W immediates name their entry exactly; the kind and the
 * address must both match. */
static void test_find_exact(void **state)
{
	struct rewrite_table t = big_table();

	(void)state;
	assert_int_equal(rewrite_find(&t, REWRITE_A32, 3, 0x4000100c), 3);
	assert_int_equal(rewrite_find(&t, REWRITE_T32, 5, 0x40001014), 5);
	assert_int_equal(rewrite_find(&t, REWRITE_T32, 3, 0x4000100c), -1);	/* an A32 one */
	assert_int_equal(rewrite_find(&t, REWRITE_A32, 5, 0x40001014), -1);	/* a UDF.W's */
	assert_int_equal(rewrite_find(&t, REWRITE_A32, 3, 0x40001010), -1);	/* elsewhere */
	assert_int_equal(rewrite_find(&t, REWRITE_A32, 600, 0x40001960), -1);	/* past count */
	assert_int_equal(rewrite_find(&t, REWRITE_A32, 3 + 256, 0x4000100c), -1);
	assert_int_equal(rewrite_find(&t, REWRITE_A32, 259, 0x4000140c), 259);
}

/* The 16-bit UDF's imm8 is the index's low byte: entries 44, 300, 556
 * share 44, and the address and the kind pick the one. */
static void test_find_t16_by_address(void **state)
{
	struct rewrite_table t = big_table();

	(void)state;
	assert_int_equal(rewrite_find(&t, REWRITE_T16, 44, 0x40003000), 300);
	assert_int_equal(rewrite_find(&t, REWRITE_T16, 44, 0x400010b0), 44);
	assert_int_equal(rewrite_find(&t, REWRITE_T16, 44, 0x400018b0), -1);	/* 556: A32 */
	assert_int_equal(rewrite_find(&t, REWRITE_T16, 45, 0x40003000), -1);	/* the guest's */
	assert_int_equal(rewrite_find(&t, REWRITE_T32, 300, 0x40003000), -1);	/* a UDF.W there */
	assert_int_equal(rewrite_udf(REWRITE_T16, 300), 0xde2c);
	assert_int_equal(rewrite_udf(REWRITE_T32, 300), 0xf7f0a12c);
	assert_int_equal(rewrite_udf(REWRITE_A32, 300), a32_udf(300));
}

/* A free entry is at no address, even at the one an untranslatable PC gives. */
static void test_find_never_free(void **state)
{
	(void)state;
	e[0] = (struct rewrite_entry){ REWRITE_FREE, 0, 0, REWRITE_A32 };
	rt.count = 1;
	assert_int_equal(rewrite_find(&rt, REWRITE_A32, 0, REWRITE_FREE), -1);
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_alloc_reuses_free_entries),
		T(test_find_exact),
		T(test_find_t16_by_address),
		T(test_find_never_free),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
