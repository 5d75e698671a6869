/*
 * The bugs the host fuzzers (test/fuzz/) found, one test each, stated
 * by hand so that each reads as the behaviour it pins down.  The input
 * that found it is under test/fuzz/regress/<harness>/, replayed by
 * make fuzz-short; docs/FUZZING.md lists them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "test/host/fakes.h"
#include "arch/arm/a32.h"
#include "arch/arm/ldst.h"

static struct vcpu vc, *v = &vc;
#define PC0 (FAKE_RAM_BASE + 0x100)

static int setup(void **state)
{
	(void)state;
	fake_reset(v);
	v->ctx.r[15] = PC0;
	return 0;
}

/*
 * fuzz_ldst, regress/fuzz_ldst/ldrd-r14-loads-pc: LDRD/STRD with Rt = r14
 * name the PC as their second register (UNPREDICTABLE).  A device load
 * wrote the PC, which the trap path then overwrote with the next
 * instruction's address, and a store sent the trapping PC to the device.
 * They are not emulated: no access, no register written.  (The
 * assembler refuses them: encoded by hand.)
 */
static void test_ldrd_strd_pair_with_pc(void **state)
{
	(void)state;
	v->ctx.r[0] = FAKE_DEV_BASE;
	v->ctx.r[14] = 0x1234;
	fake_dev.read_value = 0x5678;
	assert_int_equal(a32_emulate_ldst(v, 0xe1c0e0d0), EMU_UNDEF);	/* ldrd r14, r15, [r0] */
	assert_int_equal(a32_emulate_ldst(v, 0xe1c0e0f0), EMU_UNDEF);	/* strd r14, r15, [r0] */
	assert_int_equal(fake_dev.n, 0);
	assert_int_equal(v->ctx.r[14], 0x1234);
	assert_int_equal(v->ctx.r[15], PC0);
	/* r12, r13 is a pair like any other */
	assert_int_equal(a32_emulate_ldst(v, 0xe1c0c0d0), EMU_NEXT);	/* ldrd r12, r13, [r0] */
	assert_int_equal(v->ctx.r[13], 0x5678);
}

/*
 * fuzz_ldst, regress/fuzz_ldst/cond-1111-is-no-load: the device path
 * decoded words of the unconditional space (condition 1111) by their bits
 * 27:25 as LDR/STR/LDM.  A guest's VST1.32 {d0}, [r0] to a device became
 * STR r0, [r0], #-0x78f: the device got the address instead of d0 and r0
 * moved.  The harness's own decode from the ARM ARM tables caught it.
 * Now not emulated (the trap path stops the VM, saying why).
 */
static void test_unconditional_space_is_no_load(void **state)
{
	static const uint32_t words[] = {
		0xf400078f,	/* vst1.32 {d0}, [r0] */
		0xf420078d,	/* vld1.32 {d0}, [r0]! */
		0xf5d0f000,	/* pld [r0] */
		0xf8900a00,	/* rfeia r0 */
		0xf57a390a,	/* unallocated: the fuzzer's input */
	};

	(void)state;
	for (unsigned i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		v->ctx.r[0] = FAKE_DEV_BASE;
		v->ctx.r[10] = FAKE_DEV_BASE;
		assert_int_equal(a32_emulate_ldst(v, words[i]), EMU_UNDEF);
		assert_int_equal(fake_dev.n, 0);
		assert_int_equal(v->ctx.r[0], FAKE_DEV_BASE);
		assert_int_equal(v->ctx.r[10], FAKE_DEV_BASE);
		assert_int_equal(v->ctx.r[15], PC0);
	}
	/* the same bits with a condition: a store like any other */
	assert_int_equal(a32_emulate_ldst(v, 0xe400078f), EMU_NEXT);	/* str r0, [r0], #-0x78f */
	assert_int_equal(fake_dev.n, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_ldrd_strd_pair_with_pc, setup),
		cmocka_unit_test_setup(test_unconditional_space_is_no_load, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
