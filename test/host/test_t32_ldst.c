/*
 * T32 loads and stores that hit a device (arch/arm/t32_ldst.c), decoded
 * into the operations A32 uses (arch/arm/ldst.c): every addressing form
 * Thumb code has.  Encodings from arm-none-eabi-as -mthumb; addresses and
 * values worked out by hand from the ARM ARM.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "test/host/fakes.h"
#include "arch/arm/t32.h"
#include "arch/arm/cp15.h"
#include "hyp/vmem.h"

static struct vcpu vc, *v = &vc;
#define PC0	(FAKE_RAM_BASE + 0x102)
#define DEV	FAKE_DEV_BASE

static enum emu ldst(uint32_t t)
{
	v->ctx.r[15] = PC0;
	return t32_emulate_ldst(v, t);
}

/* The n-th device access: offset, size, write or not (and the value written). */
static void access_is(unsigned n, uint32_t off, unsigned size, int write)
{
	const struct fake_dev_access *a = &fake_dev.log[n];

	if (n >= fake_dev.n || a->off != off || a->size != size || a->write != write)
		fail_msg("access %u: off 0x%x size %u write %d, wanted off 0x%x size %u write %d",
			 n, a->off, a->size, a->write, off, size, write);
}

static int setup(void **state)
{
	(void)state;
	fake_reset(v);
	v->ctx.cpsr |= PSR_T;
	v->cp15[C_VBAR] = 0x40000000;
	return 0;
}

static void test_16bit_single(void **state)
{
	(void)state;
	v->ctx.r[0] = DEV;
	v->ctx.r[1] = 0x41;
	assert_int_equal(ldst(0x6041), EMU_NEXT);		/* str r1, [r0, #4] */
	access_is(0, 4, 4, 1);
	assert_int_equal(fake_dev.log[0].val, 0x41);
	fake_dev.read_value = 0x1ff;
	ldst(0x7802);						/* ldrb r2, [r0] */
	access_is(1, 0, 1, 0);
	assert_int_equal(v->ctx.r[2], 0xff);
	fake_dev.read_value = 0x18081;
	ldst(0x8843);						/* ldrh r3, [r0, #2] */
	access_is(2, 2, 2, 0);
	assert_int_equal(v->ctx.r[3], 0x8081);
	v->ctx.r[1] = 5;
	fake_dev.read_value = 0x80;
	ldst(0x5642);						/* ldrsb r2, [r0, r1] */
	access_is(3, 5, 1, 0);
	assert_int_equal(v->ctx.r[2], 0xffffff80);
	v->ctx.r[2] = 6;
	ldst(0x5281);						/* strh r1, [r0, r2] */
	access_is(4, 6, 2, 1);
	v->ctx.r[13] = DEV + 0x20;
	ldst(0x9102);						/* str r1, [sp, #8] */
	access_is(5, 0x28, 4, 1);
	ldst(0x9903);						/* ldr r1, [sp, #12] */
	access_is(6, 0x2c, 4, 0);
	assert_int_equal(v->ctx.r[0], DEV);			/* no writeback anywhere */
	assert_int_equal(v->ctx.r[13], DEV + 0x20);
}

/* LDR literal: [Align(PC + 4, 4) + imm8 * 4], here in RAM */
static void test_literal(void **state)
{
	(void)state;
	memcpy(fake_ram + 0x10c, &(uint32_t){ 0xabcd1234 }, 4);
	assert_int_equal(ldst(0x4b02), EMU_NEXT);		/* ldr r3, [pc, #8] */
	assert_int_equal(v->ctx.r[3], 0xabcd1234);
	memcpy(fake_ram + 0x300, &(uint32_t){ 0x5a5a }, 4);	/* 0x1104 - 0xe04 */
	v->ctx.r[15] = FAKE_RAM_BASE + 0x1102;
	assert_int_equal(t32_emulate_ldst(v, 0xf85f0e04), EMU_NEXT);	/* ldr.w r0, [pc, #-0xe04] */
	assert_int_equal(v->ctx.r[0], 0x5a5a);
	assert_int_equal(fake_hw.user_accesses, 0);		/* literal, not LDRT */
}

static void test_32bit_single(void **state)
{
	(void)state;
	v->ctx.r[0] = DEV + 0x10;
	ldst(0xf8d02010);					/* ldr.w r2, [r0, #0x10] */
	access_is(0, 0x20, 4, 0);
	ldst(0xf8502c04);					/* ldr r2, [r0, #-4] */
	access_is(1, 0x0c, 4, 0);
	assert_int_equal(v->ctx.r[0], DEV + 0x10);
	ldst(0xf8502b04);					/* ldr r2, [r0], #4 */
	access_is(2, 0x10, 4, 0);
	assert_int_equal(v->ctx.r[0], DEV + 0x14);
	ldst(0xf8402d08);					/* str r2, [r0, #-8]! */
	access_is(3, 0x0c, 4, 1);
	assert_int_equal(v->ctx.r[0], DEV + 0x0c);
	fake_dev.read_value = 0x8001;
	ldst(0xf9b04006);					/* ldrsh.w r4, [r0, #6] */
	access_is(4, 0x12, 2, 0);
	assert_int_equal(v->ctx.r[4], 0xffff8001);
	v->ctx.r[1] = 3;
	ldst(0xf8502021);					/* ldr.w r2, [r0, r1, lsl #2] */
	access_is(5, 0x18, 4, 0);
	ldst(0xf8802003);					/* strb.w r2, [r0, #3] */
	access_is(6, 0x0f, 1, 1);
	v->ctx.r[1] = DEV + 8;
	ldst(0xf8510c04);					/* ldr.w r0, [r1, #-4]: not LDRT */
	access_is(7, 0x04, 4, 0);
	assert_int_equal(fake_hw.user_accesses, 0);
}

static void test_doubleword(void **state)
{
	(void)state;
	v->ctx.r[0] = DEV + 0x10;
	fake_dev.read_value = 7;
	assert_int_equal(ldst(0xe9d04502), EMU_NEXT);		/* ldrd r4, r5, [r0, #8] */
	access_is(0, 0x18, 4, 0);
	access_is(1, 0x1c, 4, 0);
	assert_int_equal(v->ctx.r[4], 7);
	assert_int_equal(v->ctx.r[5], 7);
	v->ctx.r[6] = 6;
	v->ctx.r[7] = 7;
	ldst(0xe9606702);					/* strd r6, r7, [r0, #-8]! */
	access_is(2, 0x08, 4, 1);
	access_is(3, 0x0c, 4, 1);
	assert_int_equal(fake_dev.log[3].val, 7);
	assert_int_equal(v->ctx.r[0], DEV + 0x08);
	assert_int_equal(ldst(0xe8510f00), EMU_UNDEF);		/* ldrex r0, [r1] */
}

static void test_multiple(void **state)
{
	(void)state;
	v->ctx.r[0] = DEV;
	v->ctx.r[1] = 1;
	v->ctx.r[2] = 2;
	ldst(0xc006);						/* stmia r0!, {r1, r2} */
	access_is(0, 0, 4, 1);
	access_is(1, 4, 4, 1);
	assert_int_equal(fake_dev.log[1].val, 2);
	assert_int_equal(v->ctx.r[0], DEV + 8);
	fake_dev.read_value = 0x99;
	ldst(0xc806);						/* ldmia r0!, {r1, r2} */
	access_is(2, 8, 4, 0);
	assert_int_equal(v->ctx.r[0], DEV + 0x10);
	assert_int_equal(v->ctx.r[2], 0x99);
	ldst(0xe9300006);					/* ldmdb r0!, {r1, r2} */
	access_is(4, 8, 4, 0);
	access_is(5, 0xc, 4, 0);
	assert_int_equal(v->ctx.r[0], DEV + 8);
	ldst(0xe880000e);					/* stmia.w r0, {r1, r2, r3} */
	access_is(8, 0x10, 4, 1);
	assert_int_equal(v->ctx.r[0], DEV + 8);
	ldst(0xc803);						/* ldmia r0, {r0, r1}: no writeback */
	access_is(9, 8, 4, 0);
	assert_int_equal(v->ctx.r[0], 0x99);
	v->ctx.r[13] = DEV + 0x40;
	ldst(0xb406);						/* push {r1, r2} */
	access_is(11, 0x38, 4, 1);
	access_is(12, 0x3c, 4, 1);
	assert_int_equal(v->ctx.r[13], DEV + 0x38);
	ldst(0xbc06);						/* pop {r1, r2} */
	access_is(13, 0x38, 4, 0);
	assert_int_equal(v->ctx.r[13], DEV + 0x40);
	assert_int_equal(ldst(0xbd02), EMU_UNDEF);		/* pop {r1, pc}: a branch */
}

/* The guest's data abort: LR = PC + 8 in Thumb too, SPSR with T. */
static void test_abort(void **state)
{
	(void)state;
	v->ctx.r[0] = 0x0b000000;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_T | PSR_C;
	assert_int_equal(ldst(0x6841), EMU_DONE);		/* ldr r1, [r0, #4] */
	assert_int_equal(vcpu_mode(v), PSR_MODE_ABT);
	assert_int_equal(v->ctx.r[14], PC0 + 8);
	assert_int_equal(v->bank[BANK_ABT].spsr, PSR_MODE_SVC | PSR_T | PSR_C);
	assert_int_equal(v->cp15[C_DFSR], FSR_SYNC_EXT);
	assert_int_equal(v->cp15[C_DFAR], 0x0b000004);
	assert_int_equal(v->ctx.r[15], 0x40000010);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, setup)
	const struct CMUnitTest tests[] = {
		T(test_16bit_single),
		T(test_literal),
		T(test_32bit_single),
		T(test_doubleword),
		T(test_multiple),
		T(test_abort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
