/* The host-counter scaling of arch/arm/timer_scale.h: a real Pi's
 * 19.2 MHz counter shown to guests as the model's 62.5 MHz. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "arch/arm/timer_scale.h"

#define MODEL	62500000u
#define PI	19200000u

static uint32_t num, den;

static int setup(void **state)
{
	uint32_t g = scale_gcd(MODEL, PI);

	(void)state;
	num = MODEL / g;
	den = PI / g;
	return 0;
}

static void test_fraction_is_reduced(void **state)
{
	(void)state;
	assert_int_equal(num, 625);
	assert_int_equal(den, 192);
	assert_int_equal(scale_gcd(MODEL, MODEL), MODEL);
}

static void test_one_second(void **state)
{
	(void)state;
	assert_int_equal(scale_count(PI, num, den), MODEL);
	assert_int_equal(scale_count(0, num, den), 0);
	assert_int_equal(scale_count(1, num, den), 3);		/* 3.255 */
	assert_int_equal(scale_count(191, num, den), 621);	/* 621.74 */
	assert_int_equal(scale_count(192, num, den), 625);
}

/* exact against 128-bit arithmetic, up to a century of 19.2 MHz ticks */
static void test_exact_for_large_counts(void **state)
{
	uint64_t host = 1;

	(void)state;
	while (host < 100ull * 365 * 86400 * PI) {
		for (uint64_t d = 0; d < 500; d += 7) {
			unsigned __int128 want = (unsigned __int128)(host + d) * num / den;
			assert_true(scale_count(host + d, num, den) == (uint64_t)want);
		}
		host = host * 3 + 1;
	}
}

/* counting never goes backwards */
static void test_monotonic(void **state)
{
	(void)state;
	for (uint64_t h = 1000000; h < 1000000 + 5000; h++)
		assert_true(scale_count(h, num, den) >= scale_count(h - 1, num, den));
}

/* a deadline d model ticks ahead, in host ticks, is never reached early */
static void test_deadline_never_early(void **state)
{
	(void)state;
	for (uint32_t ticks = 0; ticks < 20000; ticks += 13) {
		uint64_t host = scale_deadline(ticks, num, den);
		assert_true(scale_count(host, num, den) >= ticks);
		assert_true(host == 0 || scale_count(host - 1, num, den) < ticks);
	}
	assert_int_equal(scale_deadline(MODEL, num, den), PI);
	assert_int_equal(scale_deadline(5, 1, 1), 5);		/* unscaled */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fraction_is_reduced),
		cmocka_unit_test(test_one_second),
		cmocka_unit_test(test_exact_for_large_counts),
		cmocka_unit_test(test_monotonic),
		cmocka_unit_test(test_deadline_never_early),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
