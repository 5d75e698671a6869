/*
 * Fault containment in the virtual exception entry (arch/arm/vexc.c): an
 * exception loop the guest can never leave stops the VM; everything a
 * working guest does, however often, does not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "test/host/fakes.h"
#include "arch/arm/vexc.h"
#include "arch/arm/mmu_bits.h"

static struct vcpu vc, *v = &vc;

static int setup(void **state)
{
	(void)state;
	fake_reset(v);
	fake_failed[0] = 0;
	v->cp15[C_VBAR] = 0;
	return 0;
}

/* VBAR 0 with nothing there: the prefetch abort vector itself aborts. */
static void test_abort_at_own_vector_stops_the_vm(void **state)
{
	int taken = 0;

	(void)state;
	vexc_pabt(v, FAKE_RAM_BASE, 0x8, FAKE_RAM_BASE);	/* the first one: fine */
	while (v->state == VCPU_RUNNABLE && taken < 100) {
		vexc_pabt(v, v->ctx.r[15], 0x8, v->ctx.r[15]);
		taken++;
	}
	assert_int_equal(v->state, VCPU_FAILED);
	assert_int_equal(taken, 16);
	assert_non_null(strstr(fake_failed, "prefetch abort at its own vector 0000000c"));
}

/* A data abort handler pushing onto a garbage SP faults at its first
 * instruction, in abort mode, for ever. */
static void test_nested_abort_loop_stops_the_vm(void **state)
{
	(void)state;
	v->cp15[C_VBAR] = FAKE_RAM_BASE;
	vcpu_set_mode(v, PSR_MODE_ABT);		/* in the handler */
	for (int i = 0; i < 15; i++) {
		vexc_dabt(v, FAKE_RAM_BASE + 0x200, 0x808, 0xdeadbee0);
		assert_int_equal(v->state, VCPU_RUNNABLE);
		assert_int_equal(v->ctx.r[15], FAKE_RAM_BASE + 0x10);
	}
	vexc_dabt(v, FAKE_RAM_BASE + 0x200, 0x808, 0xdeadbee0);
	assert_int_equal(v->state, VCPU_FAILED);
	assert_non_null(strstr(fake_failed, "data abort at 40000200 (address deadbee0)"));
}

/* The same fault taken from another mode is a handler that returned and a
 * program that retried: never counted. */
static void test_fault_from_another_mode_is_not_a_loop(void **state)
{
	(void)state;
	v->cp15[C_VBAR] = FAKE_RAM_BASE;
	for (int i = 0; i < 1000; i++) {
		vcpu_set_mode(v, PSR_MODE_SVC);
		vexc_dabt(v, FAKE_RAM_BASE + 0x200, 0x808, 0xdeadbee0);
	}
	assert_int_equal(v->state, VCPU_RUNNABLE);
}

/* Different addresses, an interrupt in between, or an SVC loop that is
 * not the vector: all progress. */
static void test_progress_resets_the_count(void **state)
{
	(void)state;
	v->cp15[C_VBAR] = FAKE_RAM_BASE;
	for (int i = 0; i < 1000; i++) {
		vexc_dabt(v, FAKE_RAM_BASE + 0x200, 0x808, 0x1000 * i);
		vexc_undef(v, FAKE_RAM_BASE + 0x300);
		if (i % 10 == 9)
			vexc_irq(v, FAKE_RAM_BASE + 0x300);
	}
	assert_int_equal(v->state, VCPU_RUNNABLE);
	for (int i = 0; i < 1000; i++)
		vexc_svc(v, FAKE_RAM_BASE + 0x404);		/* SVC at 0x400, in SVC mode */
	assert_int_equal(v->state, VCPU_RUNNABLE);
}

/* An SVC at the SVC vector enters itself for ever. */
static void test_svc_at_svc_vector_stops_the_vm(void **state)
{
	(void)state;
	v->cp15[C_SCTLR] |= SCTLR_V;
	for (int i = 0; i < 16; i++)
		vexc_svc(v, 0xffff000c);
	assert_int_equal(v->state, VCPU_FAILED);
	assert_non_null(strstr(fake_failed, "SVC at its own vector ffff0008"));
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_abort_at_own_vector_stops_the_vm),
		T(test_nested_abort_loop_stops_the_vm),
		T(test_fault_from_another_mode_is_not_a_loop),
		T(test_progress_resets_the_count),
		T(test_svc_at_svc_vector_stops_the_vm),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
