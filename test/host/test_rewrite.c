/*
 * The rewrite table at run time (hyp/rewrite.c): code a guest writes and
 * declares as code is rewritten like loaded code; entries of overwritten
 * words are reused; what is not sensitive, or is trapvisor's already, is
 * untouched.  And a trapping UDF finds its entry, or none (the guest's own).
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

/* T32 entries are the loader's, in the image's code: a rescan of words
 * around them (which codewatch never asks for) does not free them. */
static void test_t32_entries_stay(void **state)
{
	(void)state;
	e[0] = (struct rewrite_entry){ GPA + 8, 0xb672, 0, REWRITE_T16 };
	rt.count = 1;
	line[2] = 0x12345678;
	assert_int_equal(rescan(), 0);
	assert_int_equal(e[0].addr, GPA + 8);
}

/* ---- finding the entry behind a UDF --------------------------------------- */

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
		T(test_sensitive_words_become_udfs),
		T(test_overwritten_entry_is_reused),
		T(test_guest_udf_is_left_alone),
		T(test_full_table),
		T(test_t32_entries_stay),
		T(test_find_exact),
		T(test_find_t16_by_address),
		T(test_find_never_free),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
