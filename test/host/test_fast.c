/*
 * What the trap fast paths (arch/arm/fastpath.S) rely on, checked on the
 * host: the load-time decode of rewritten instructions (fast_kind), and
 * the cp15 fast table: every register it lets the assembly read or write
 * by itself must behave exactly so through the full emulation (the access
 * function): a read returns the shadow slot, a write only stores it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "test/host/fakes.h"
#include "arch/arm/cp15.h"
#include "arch/arm/fastpath.h"

static struct vcpu vc, *v = &vc;

static int setup(void **state)
{
	(void)state;
	fake_reset(v);
	return 0;
}

#define KIND(f)		((f) & 0xf)
#define REG(f)		(((f) >> 4) & 0xf)
#define COND(f)		(((f) >> 8) & 0xf)
#define OPERAND(f)	((f) >> 12)

/* Encodings from arm-none-eabi-as. */
static void test_fast_kind_psr(void **state)
{
	uint32_t f;

	(void)state;
	f = fast_kind(0xe10f3000);			/* mrs r3, CPSR */
	assert_int_equal(KIND(f), FAST_MRS);
	assert_int_equal(REG(f), 3);
	assert_int_equal(COND(f), 0xe);
	assert_int_equal(KIND(fast_kind(0xe10fd000)), FAST_NONE);	/* mrs sp, CPSR */
	assert_int_equal(KIND(fast_kind(0xe14f0000)), FAST_NONE);	/* mrs r0, SPSR */
	f = fast_kind(0x1121f002);			/* msrne CPSR_c, r2 */
	assert_int_equal(KIND(f), FAST_MSR_REG);
	assert_int_equal(REG(f), 2);
	assert_int_equal(COND(f), 0x1);
	assert_int_equal(KIND(fast_kind(0xe129f002)), FAST_NONE);	/* msr CPSR_fc, r2 */
	assert_int_equal(KIND(fast_kind(0xe161f002)), FAST_NONE);	/* msr SPSR_c, r2 */
	f = fast_kind(0xe321f0d3);			/* msr CPSR_c, #0xd3 */
	assert_int_equal(KIND(f), FAST_MSR_IMM);
	assert_int_equal(OPERAND(f), 0xd3);
	assert_int_equal(KIND(fast_kind(0xe321f4ff)), FAST_NONE);	/* rotated immediate */
}

static void test_fast_kind_cps_eret(void **state)
{
	uint32_t f;

	(void)state;
	f = fast_kind(0xf1080080);			/* cpsie i */
	assert_int_equal(KIND(f), FAST_CPSIE);
	assert_int_equal(OPERAND(f), 0x80);
	assert_int_equal(COND(f), 0xe);
	f = fast_kind(0xf10c01c0);			/* cpsid aif */
	assert_int_equal(KIND(f), FAST_CPSID);
	assert_int_equal(OPERAND(f), 0x1c0);
	assert_int_equal(KIND(fast_kind(0xf1020013)), FAST_NONE);	/* cps #0x13 */
	assert_int_equal(KIND(fast_kind(0xf10e0093)), FAST_NONE);	/* cpsid i, #0x13 */
	f = fast_kind(0xe1b0f00e);			/* movs pc, lr */
	assert_int_equal(KIND(f), FAST_ERET);
	assert_int_equal(OPERAND(f), 0);
	f = fast_kind(0x01b0f00e);			/* movseq pc, lr */
	assert_int_equal(KIND(f), FAST_ERET);
	assert_int_equal(COND(f), 0x0);
	f = fast_kind(0xe25ef004);			/* subs pc, lr, #4 */
	assert_int_equal(KIND(f), FAST_ERET);
	assert_int_equal(OPERAND(f), 4);
	assert_int_equal(KIND(fast_kind(0xe1b0f00d)), FAST_NONE);	/* movs pc, sp */
	assert_int_equal(KIND(fast_kind(0xe8fd8000)), FAST_NONE);	/* ldm sp!, {pc}^ */
	assert_int_equal(KIND(fast_kind(0xe320f003)), FAST_NONE);	/* wfi */
}

static unsigned key14(uint32_t key)
{
	return CP15_KEY14((key >> 12) & 0xf, (key >> 8) & 7, (key >> 4) & 0xf, key & 7);
}

/* Every fast register, through the full emulation, from virtual SVC mode. */
static void test_cp15_fast_is_plain(void **state)
{
	unsigned reads = 0, writes = 0;

	(void)state;
	for (unsigned i = 0; i < cp15_table_len; i++) {
		const struct cp15_reg *r = &cp15_table[i];
		uint8_t f = (r->key & 0x10000) ? 0 : cp15_fast[key14(r->key)];
		uint32_t before[CP15_NR];
		struct fake_hw hw;

		if (!f)
			continue;
		assert_int_equal(f & CP15_FAST_SLOT, r->slot);
		for (unsigned s = 0; s < CP15_NR; s++)
			v->cp15[s] = 0x01010101u * (s + 1);
		memcpy(before, v->cp15, sizeof(before));
		hw = fake_hw;
		if (f & CP15_FAST_R) {
			struct sysreg_access a = { .write = false };
			assert_true(cp15_access(v, r->key, &a));
			assert_int_equal(a.lo, v->cp15[r->slot]);
			reads++;
		}
		if (f & CP15_FAST_W) {
			struct sysreg_access a = { .write = true, .lo = 0x5aa5c33c };
			assert_true(cp15_access(v, r->key, &a));
			assert_int_equal(v->cp15[r->slot], 0x5aa5c33c);
			before[r->slot] = 0x5aa5c33c;
			writes++;
		}
		assert_memory_equal(before, v->cp15, sizeof(before));
		assert_memory_equal(&hw, &fake_hw, sizeof(hw));
	}
	/* the common ones are there: DACR, SCTLR, VBAR, TTBR0 read; TPIDRPRW both */
	assert_true(cp15_fast[CP15_KEY14(3, 0, 0, 0)] & CP15_FAST_R);
	assert_false(cp15_fast[CP15_KEY14(3, 0, 0, 0)] & CP15_FAST_W);
	assert_true(cp15_fast[CP15_KEY14(1, 0, 0, 0)] & CP15_FAST_R);
	assert_true(cp15_fast[CP15_KEY14(12, 0, 0, 0)] & CP15_FAST_R);
	assert_int_equal(cp15_fast[CP15_KEY14(13, 0, 0, 4)],
			 CP15_FAST_R | CP15_FAST_W | C_TPIDRPRW);
	/* never: live in the hardware, computed, or operations */
	assert_int_equal(cp15_fast[CP15_KEY14(13, 0, 0, 2)], 0);	/* TPIDRURW */
	assert_int_equal(cp15_fast[CP15_KEY14(14, 0, 3, 1)], 0);	/* CNTV_CTL */
	assert_int_equal(cp15_fast[CP15_KEY14(0, 0, 0, 0)], 0);		/* MIDR */
	assert_int_equal(cp15_fast[CP15_KEY14(8, 0, 7, 1)], 0);		/* TLBIMVA */
	assert_true(reads >= 20);
	assert_true(writes >= 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_fast_kind_psr, setup),
		cmocka_unit_test_setup(test_fast_kind_cps_eret, setup),
		cmocka_unit_test_setup(test_cp15_fast_is_plain, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
