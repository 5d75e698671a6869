/*
 * T32 emulation (arch/arm/t32_decode.c): every T32 encoding that traps or
 * is rewritten runs as its A32 twin, and IT blocks give it the right
 * condition and move on.  Encodings from arm-none-eabi-as (.thumb and
 * .arm of the same text, -march=armv7-a, virt and sec extensions);
 * expected values computed by hand from the ARM ARM.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "test/host/fakes.h"
#include "arch/arm/t32.h"
#include "arch/arm/scan.h"
#include "arch/arm/cp15.h"
#include "arch/arm/vexc.h"
#include "hyp/vmem.h"

static struct vcpu vc, *v = &vc;
#define PC0	(FAKE_RAM_BASE + 0x102)		/* halfword-aligned: Thumb */
#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* What the undef trap path does with one T32 instruction at PC0. */
static enum emu step(uint32_t t)
{
	enum emu r;

	v->ctx.r[15] = PC0;
	r = t32_emulate(v, t);
	if (r == EMU_NEXT)
		t32_next(v, PC0, t);
	else if (r == EMU_UNDEF)
		vexc_undef(v, PC0);
	return r;
}

static int setup(void **state)
{
	(void)state;
	fake_reset(v);
	v->ctx.cpsr |= PSR_T;
	v->cp15[C_VBAR] = 0x40000000;
	return 0;
}

/* ---- each encoding is its A32 twin --------------------------------------- */

static const struct { uint32_t t, a; const char *s; } twins[] = {
#define TW(t, a, s) { t, a, s }
	TW(0xf3ef8000, 0xe10f0000, "mrs r0, cpsr"),
	TW(0xf3ff8500, 0xe14f5000, "mrs r5, spsr"),
	TW(0xf3ef8c00, 0xe10fc000, "mrs r12, apsr"),
	TW(0xf3e38230, 0xe1032300, "mrs r2, sp_svc"),
	TW(0xf3f08330, 0xe1403300, "mrs r3, spsr_irq"),
	TW(0xf3e08720, 0xe1007200, "mrs r7, r8_usr"),
	TW(0xf3808100, 0xe121f000, "msr cpsr_c, r0"),
	TW(0xf3818200, 0xe122f001, "msr cpsr_x, r1"),
	TW(0xf3828f00, 0xe12ff002, "msr cpsr_fsxc, r2"),
	TW(0xf3938f00, 0xe16ff003, "msr spsr_fsxc, r3"),
	TW(0xf3998100, 0xe161f009, "msr spsr_c, r9"),
	TW(0xf3848800, 0xe128f004, "msr apsr_nzcvq, r4"),
	TW(0xf3848030, 0xe120f304, "msr lr_irq, r4"),
	TW(0xf3958230, 0xe162f305, "msr spsr_svc, r5"),
	TW(0xb662, 0xf1080080, "cpsie i"),
	TW(0xb673, 0xf10c00c0, "cpsid if"),
	TW(0xb667, 0xf10801c0, "cpsie aif"),
	TW(0xf3af8640, 0xf10c0080, "cpsid.w i / cpsid i"),
	TW(0xf3af87f3, 0xf10e01d3, "cpsid aif, #0x13"),
	TW(0xf3af811f, 0xf102001f, "cps #0x1f"),
	TW(0xf3af8592, 0xf10a0112, "cpsie a, #0x12"),
	TW(0xbf30, 0xe320f003, "wfi"),
	TW(0xbf20, 0xe320f002, "wfe"),
	TW(0xf3af8003, 0xe320f003, "wfi.w / wfi"),
	TW(0xf3af8002, 0xe320f002, "wfe.w / wfe"),
	TW(0xf3af8000, 0xe320f000, "nop.w / nop"),
	TW(0xf3de8f04, 0xe25ef004, "subs pc, lr, #4"),
	TW(0xf3de8f00, 0xe25ef000, "subs pc, lr, #0 (T32's eret)"),
	TW(0xe82dc013, 0xf96d0513, "srsdb sp!, #0x13"),
	TW(0xe80dc012, 0xf94d0512, "srsdb sp, #0x12"),
	TW(0xe98dc01f, 0xf8cd051f, "srsia sp, #0x1f"),
	TW(0xe9adc011, 0xf8ed0511, "srsia sp!, #0x11"),
	TW(0xe990c000, 0xf8900a00, "rfeia r0"),
	TW(0xe83dc000, 0xf93d0a00, "rfedb sp!"),
	TW(0xe813c000, 0xf9130a00, "rfedb r3"),
	TW(0xe9bec000, 0xf8be0a00, "rfeia lr!"),
	TW(0xf7e18234, 0xe1412374, "hvc #0x1234"),
	TW(0xf7e08000, 0xe1400070, "hvc #0"),
	TW(0xf7f58000, 0xe1600075, "smc #5"),
	TW(0xee110f10, 0xee110f10, "mrc p15, 0, r0, c1, c0, 0"),
	TW(0xee0d3f90, 0xee0d3f90, "mcr p15, 0, r3, c13, c0, 4"),
	TW(0xee1c1f10, 0xee1c1f10, "mrc p15, 0, r1, c12, c0, 0"),
	TW(0xee070f15, 0xee070f15, "mcr p15, 0, r0, c7, c5, 0"),
	TW(0xec510f02, 0xec510f02, "mrrc p15, 0, r0, r1, c2"),
	TW(0xec432f1e, 0xec432f1e, "mcrr p15, 1, r2, r3, c14"),
	TW(0xee100e10, 0xee100e10, "mrc p14, 0, r0, c0, c0, 0"),
	TW(0xeef80a10, 0xeef80a10, "vmrs r0, fpexc"),
	TW(0xeee82a10, 0xeee82a10, "vmsr fpexc, r2"),
	TW(0xeef71a10, 0xeef71a10, "vmrs r1, mvfr0"),
	TW(0xeef04a10, 0xeef04a10, "vmrs r4, fpsid"),
};

static void test_twins(void **state)
{
	(void)state;
	for (unsigned i = 0; i < N(twins); i++)
		if (t32_to_a32(twins[i].t) != twins[i].a)
			fail_msg("%s: T32 0x%08x gave A32 0x%08x, not 0x%08x", twins[i].s,
				 twins[i].t, t32_to_a32(twins[i].t), twins[i].a);
}

/* No A32 twin: UNDEFINED for the guest (or their own semantics: LDRT). */
static void test_no_twin(void **state)
{
	static const uint32_t none[] = {
		0xde00,		/* udf #0 */
		0xf7f0a000,	/* udf.w #0 */
		0xdf01,		/* svc #1: traps as SVC, never UND */
		0xbe00,		/* bkpt #0 */
		0xf3808f00 | 0xf0000,	/* msr cpsr_fsxc, pc (UNPREDICTABLE) */
		0xbf08,		/* it eq */
		0xf8510e04,	/* ldrt r0, [r1, #4] */
		0xfe110f10,	/* mrc2 p15, 0, r0, c1, c0, 0 */
	};
	(void)state;
	for (unsigned i = 0; i < N(none); i++)
		assert_int_equal(t32_to_a32(none[i]), 0xe7f000f0);
}

/* ---- each class on the vCPU ----------------------------------------------- */

static void test_mrs_msr(void **state)
{
	(void)state;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_T | PSR_C | PSR_I;
	assert_int_equal(step(0xf3ef8000), EMU_NEXT);		/* mrs r0, cpsr */
	assert_int_equal(v->ctx.r[0], PSR_MODE_SVC | PSR_C | PSR_I);	/* T reads as 0 */
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	v->ctx.r[13] = 0x1110;
	v->bank[BANK_IRQ].sp = 0x2220;
	v->ctx.r[0] = PSR_MODE_IRQ | PSR_I | PSR_F;
	assert_int_equal(step(0xf3808100), EMU_NEXT);		/* msr cpsr_c, r0 */
	assert_int_equal(v->ctx.cpsr, PSR_MODE_IRQ | PSR_I | PSR_F | PSR_T | PSR_C);
	assert_int_equal(v->ctx.r[13], 0x2220);
	assert_int_equal(v->bank[BANK_SVC].sp, 0x1110);
	v->ctx.r[3] = 0x200001d3;
	assert_int_equal(step(0xf3938f00), EMU_NEXT);		/* msr spsr_fsxc, r3 */
	assert_int_equal(v->bank[BANK_IRQ].spsr, 0x200001d3);
	assert_int_equal(step(0xf3ff8500), EMU_NEXT);		/* mrs r5, spsr */
	assert_int_equal(v->ctx.r[5], 0x200001d3);
	assert_int_equal(v->traps[TRAP_PSR], 4);
}

/* Banked forms: Virtualization Extensions, UNDEFINED; LR_und = PC + 2 in Thumb. */
static void test_banked_undefined(void **state)
{
	(void)state;
	v->ctx.r[2] = 0x77;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_T | PSR_Z;
	assert_int_equal(step(0xf3e38230), EMU_UNDEF);		/* mrs r2, sp_svc */
	assert_int_equal(v->ctx.r[2], 0x77);
	assert_int_equal(vcpu_mode(v), PSR_MODE_UND);
	assert_int_equal(v->ctx.r[14], PC0 + 2);		/* the second halfword */
	assert_int_equal(v->bank[BANK_UND].spsr, PSR_MODE_SVC | PSR_T | PSR_Z);
	assert_int_equal(v->ctx.cpsr & PSR_T, 0);		/* SCTLR.TE clear: A32 */
	assert_int_equal(v->ctx.r[15], 0x40000004);
}

static void test_cps(void **state)
{
	(void)state;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_T;
	assert_int_equal(step(0xb672), EMU_NEXT);		/* cpsid i */
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_T | PSR_I);
	assert_int_equal(v->ctx.r[15], PC0 + 2);
	assert_int_equal(step(0xb667), EMU_NEXT);		/* cpsie aif */
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_T);
	v->bank[BANK_USR].sp = 0x5550;			/* System's */
	assert_int_equal(step(0xf3af87f3), EMU_NEXT);		/* cpsid aif, #0x13: no change of bank */
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_T | PSR_A | PSR_I | PSR_F);
	assert_int_equal(step(0xf3af811f), EMU_NEXT);		/* cps #0x1f */
	assert_int_equal(vcpu_mode(v), PSR_MODE_SYS);
	assert_int_equal(v->ctx.r[13], 0x5550);
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	assert_int_equal(v->traps[TRAP_CPS], 4);
}

/* WFI/WFE, 16- and 32-bit: the vCPU waits, then goes on after it. */
static void test_wfi_wfe(void **state)
{
	(void)state;
	assert_int_equal(step(0xbf30), EMU_NEXT);		/* wfi */
	assert_int_equal(v->ctx.r[15], PC0 + 2);
	assert_int_equal(step(0xf3af8003), EMU_NEXT);		/* wfi.w */
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	assert_int_equal(step(0xbf20), EMU_NEXT);		/* wfe */
	assert_int_equal(step(0xf3af8002), EMU_NEXT);		/* wfe.w */
	assert_int_equal(fake_hw.waits[0], 2);
	assert_int_equal(fake_hw.waits[1], 2);
	assert_int_equal(v->traps[TRAP_WFX], 4);
}

/* SUBS PC, LR, #imm8: CPSR <- SPSR (Thumb, IT state and all), PC <- LR - imm8. */
static void test_subs_pc_lr(void **state)
{
	(void)state;
	vcpu_set_mode(v, PSR_MODE_IRQ);
	v->ctx.r[14] = 0x40000209;
	v->bank[BANK_IRQ].spsr = PSR_MODE_SVC | PSR_T | PSR_Z | 0x06000800;	/* in an IT block */
	v->bank[BANK_SVC].sp = 0x777;
	assert_int_equal(step(0xf3de8f04), EMU_DONE);		/* subs pc, lr, #4 */
	assert_int_equal(v->ctx.r[15], 0x40000204);		/* 0x40000205, Thumb: bit 0 clear */
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_T | PSR_Z | 0x06000800);
	assert_int_equal(v->ctx.r[13], 0x777);
	/* ERET (SUBS PC, LR, #0) back to A32: PC word-aligned */
	v->ctx.r[14] = 0x40000302;
	v->bank[BANK_SVC].spsr = PSR_MODE_USR;
	assert_int_equal(step(0xf3de8f00), EMU_DONE);
	assert_int_equal(v->ctx.r[15], 0x40000300);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_USR);
	assert_int_equal(v->traps[TRAP_ERET], 2);
	/* from User mode, with no SPSR: UNDEFINED */
	v->ctx.cpsr |= PSR_T;
	assert_int_equal(step(0xf3de8f00), EMU_UNDEF);
}

/* SRSDB SP!, #0x13 then RFEIA SP!, both T32. */
static void test_srs_rfe(void **state)
{
	(void)state;
	v->ctx.r[14] = 0x40000501;
	v->bank[BANK_SVC].spsr = PSR_MODE_USR | PSR_T | PSR_C;
	v->ctx.r[13] = FAKE_RAM_BASE + 0x900;
	assert_int_equal(step(0xe82dc013), EMU_NEXT);		/* srsdb sp!, #0x13 */
	assert_int_equal(v->ctx.r[13], FAKE_RAM_BASE + 0x8f8);
	assert_int_equal(*(uint32_t *)(fake_ram + 0x8f8), 0x40000501);
	assert_int_equal(*(uint32_t *)(fake_ram + 0x8fc), PSR_MODE_USR | PSR_T | PSR_C);
	assert_int_equal(step(0xe9bdc000), EMU_DONE);		/* rfeia sp! */
	assert_int_equal(v->ctx.r[15], 0x40000500);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_USR | PSR_T | PSR_C);
	assert_int_equal(v->bank[BANK_SVC].sp, FAKE_RAM_BASE + 0x900);
	/* SRSIA SP, #0x12: to IRQ's stack, no writeback */
	vcpu_set_mode(v, PSR_MODE_SVC);
	v->bank[BANK_IRQ].sp = FAKE_RAM_BASE + 0x40;
	v->ctx.r[14] = 0x1234;
	v->bank[BANK_SVC].spsr = 0x5678;
	assert_int_equal(step(0xe98dc012), EMU_NEXT);		/* srsia sp, #0x12 */
	assert_int_equal(*(uint32_t *)(fake_ram + 0x40), 0x1234);
	assert_int_equal(*(uint32_t *)(fake_ram + 0x44), 0x5678);
	assert_int_equal(v->bank[BANK_IRQ].sp, FAKE_RAM_BASE + 0x40);
}

/* HVC (PSCI), SMC (no monitor: UNDEFINED; LR_und still PC + 2). */
static void test_hvc_smc(void **state)
{
	(void)state;
	v->ctx.r[0] = 0x84000000;
	assert_int_equal(step(0xf7e08000), EMU_NEXT);		/* hvc #0: PSCI_VERSION */
	assert_int_equal(v->ctx.r[0], 0x00010001);
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	assert_int_equal(step(0xf7f08000), EMU_UNDEF);		/* smc #0 */
	assert_int_equal(v->ctx.r[14], PC0 + 2);
	assert_int_equal(v->traps[TRAP_HVC], 1);
	assert_int_equal(v->traps[TRAP_SMC], 1);
	vcpu_set_mode(v, PSR_MODE_USR);
	assert_int_equal(step(0xf7e08000), EMU_UNDEF);		/* HVC at PL0 */
}

/* MRC/MCR/MRRC through the cp15 table, VMRS/VMSR through the VFP's. */
static void test_coprocessor(void **state)
{
	(void)state;
	assert_int_equal(step(0xee110f10), EMU_NEXT);		/* mrc p15, 0, r0, c1, c0, 0 */
	assert_int_equal(v->ctx.r[0], 0x00c50078);
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	v->ctx.r[3] = 0xfeed;
	assert_int_equal(step(0xee0d3f90), EMU_NEXT);		/* mcr p15, 0, r3, c13, c0, 4 */
	assert_int_equal(v->cp15[C_TPIDRPRW], 0xfeed);
	v->cp15[C_TTBR0] = 0x40004000;
	assert_int_equal(step(0xec510f02), EMU_NEXT);		/* mrrc p15, 0, r0, r1, c2 */
	assert_int_equal(v->ctx.r[0], 0x40004000);
	assert_int_equal(v->ctx.r[1], 0);
	assert_int_equal(v->traps[TRAP_CP15], 3);
	assert_int_equal(step(0xee100e10), EMU_UNDEF);		/* mrc p14: not here */
	fake_reset(v);
	v->ctx.cpsr |= PSR_T;
	v->cp15[C_CPACR] = 0x00f00000;
	v->fpexc = 0x40000000;
	assert_int_equal(step(0xeef80a10), EMU_NEXT);		/* vmrs r0, fpexc */
	assert_int_equal(v->ctx.r[0], 0x40000000);
	v->ctx.r[2] = 0;
	assert_int_equal(step(0xeee82a10), EMU_NEXT);		/* vmsr fpexc, r2 */
	assert_int_equal(v->fpexc, 0);
	assert_int_equal(v->traps[TRAP_VFP], 2);
}

/* A guest's own UDF, 16- or 32-bit: UNDEFINED, LR = PC + 2 either way. */
static void test_guest_udf(void **state)
{
	(void)state;
	assert_int_equal(step(0xde01), EMU_UNDEF);
	assert_int_equal(v->ctx.r[14], PC0 + 2);
	vcpu_set_mode(v, PSR_MODE_SVC);
	v->ctx.cpsr |= PSR_T;					/* the handler took it in A32 */
	assert_int_equal(step(0xf7f0a002), EMU_UNDEF);
	assert_int_equal(v->ctx.r[14], PC0 + 2);
	assert_int_equal(v->traps[TRAP_UNDEF], 2);
}

/* LDRT & co in T32: [Rn, #imm8], PL0's rights, Rn unchanged. */
static void test_ldrt(void **state)
{
	(void)state;
	v->ctx.r[1] = FAKE_DEV_BASE;
	fake_dev.read_value = 0x8081;
	assert_int_equal(step(0xf8510e04), EMU_NEXT);		/* ldrt r0, [r1, #4] */
	assert_int_equal(fake_dev.log[0].off, 4);
	assert_int_equal(fake_dev.log[0].size, 4);
	assert_int_equal(v->ctx.r[0], 0x8081);
	assert_int_equal(v->ctx.r[1], FAKE_DEV_BASE);
	v->ctx.r[7] = FAKE_DEV_BASE + 0x10;
	assert_int_equal(step(0xf9376e08), EMU_NEXT);		/* ldrsht r6, [r7, #8] */
	assert_int_equal(fake_dev.log[1].off, 0x18);
	assert_int_equal(v->ctx.r[6], 0xffff8081);
	v->ctx.r[0] = 0x1ff;
	assert_int_equal(step(0xf8010e01), EMU_NEXT);		/* strbt r0, [r1, #1] */
	assert_int_equal(fake_dev.log[2].off, 1);
	assert_int_equal(fake_dev.log[2].val, 0x1ff);
	assert_int_equal(fake_dev.log[2].size, 1);
	assert_int_equal(fake_hw.user_accesses, 3);
	assert_int_equal(v->traps[TRAP_LDSTM], 3);
	assert_int_equal(v->ctx.r[15], PC0 + 4);
}

/*
 * Whatever the loader rewrites, the trap path has a row for: no sensitive
 * T32 instruction comes back UNDEFINED for want of one (a row counts its
 * class; UNDEFINED alone counts nothing until the exception), but for
 * MSR with Rn = PC, UNPREDICTABLE, which is UNDEFINED here.  Every
 * 16-bit encoding; for 32-bit ones every hw1 that can be sensitive, each
 * with 64 pseudo-random hw2 and the hw2 of each kind of sensitive one.
 */
static void test_every_sensitive_one_has_a_row(void **state)
{
	static const uint16_t hw1_from[3] = { 0xe800, 0xf380, 0xf800 };
	static const uint16_t hw1_to[3] = { 0xe9ff, 0xf3ff, 0xf9ff };
	static const uint16_t typical[] = { 0xc013, 0xc000, 0x8000, 0x8f04, 0x8640, 0x8003,
					    0x8230, 0x0e04 };
	uint32_t rng = 0x2545f491, tried = 0;

	(void)state;
	for (uint32_t t = 0; t <= 0xffff; t++) {
		if (t32_insn_len(t) != 2 || !t32_is_sensitive(t, 0))
			continue;
		setup(NULL);
		t32_emulate(v, t);
		if (!v->traps[TRAP_CPS] && !v->traps[TRAP_WFX])
			fail_msg("0x%04x: sensitive, but no row", t);
		tried++;
	}
	for (unsigned r = 0; r < 3; r++)
		for (uint32_t hw1 = hw1_from[r]; hw1 <= hw1_to[r]; hw1++)
			for (unsigned k = 0; k < 64 + sizeof(typical) / 2; k++) {
				uint32_t hw2, n = 0;

				rng ^= rng << 13, rng ^= rng >> 17, rng ^= rng << 5;
				hw2 = k < 64 ? rng & 0xffff : typical[k - 64];
				if (!t32_is_sensitive(hw1, hw2))
					continue;
				if ((hw1 & 0xffef) == 0xf38f)	/* MSR from the PC: UNPREDICTABLE, */
					continue;		/* UNDEFINED here (no A32 twin) */
				setup(NULL);
				v->ctx.r[13] = FAKE_RAM_BASE + 0x800;	/* SRS, RFE: in RAM */
				t32_emulate(v, hw1 << 16 | hw2);
				for (unsigned c = 0; c < TRAP_NR; c++)
					n += c != TRAP_UNDEF && v->traps[c];
				if (!n)
					fail_msg("0x%04x 0x%04x: sensitive, but no row", hw1, hw2);
				tried++;
			}
	print_message("sensitive T32 instructions tried: %u\n", tried);
	assert_true(tried > 1500);
}

/* ---- IT blocks ------------------------------------------------------------ */

/* The CPSR in an IT block whose ITSTATE is it (A2.5.2). */
static uint32_t with_it(uint32_t cpsr, uint32_t it)
{
	return (cpsr & ~PSR_IT) | (it & 0xfc) << 8 | (it & 3) << 25;
}

/* ITETE EQ (0xbf0b: ITSTATE 0x0b): EQ, NE, EQ, NE, then out of the block. */
static void test_it_advance(void **state)
{
	static const uint32_t cond[5] = { 0x0, 0x1, 0x0, 0x1, 0xe };
	static const uint32_t it[5] = { 0x0b, 0x16, 0x0c, 0x18, 0x00 };
	uint32_t cpsr = with_it(PSR_MODE_SVC | PSR_T | PSR_Z, 0x0b);

	(void)state;
	assert_int_equal(cpsr, PSR_MODE_SVC | PSR_T | PSR_Z | 0x06000800);
	for (unsigned i = 0; i < 5; i++) {
		assert_int_equal(itstate(cpsr), it[i]);
		assert_int_equal(it_cond(cpsr), cond[i]);
		cpsr = it_advance(cpsr);
	}
	assert_int_equal(cpsr, PSR_MODE_SVC | PSR_T | PSR_Z);
	/* ITTTT MI (0xbf41): MI four times; IT GT (0xbfc8): GT once */
	cpsr = with_it(0, 0x41);
	for (unsigned i = 0; i < 4; i++, cpsr = it_advance(cpsr))
		assert_int_equal(it_cond(cpsr), 0x4);
	assert_int_equal(it_cond(cpsr), 0xe);
	cpsr = with_it(0, 0xc8);
	assert_int_equal(it_cond(cpsr), 0xc);
	assert_int_equal(it_cond(it_advance(cpsr)), 0xe);
}

/* ITE EQ with Z set: MRSEQ runs, MRSNE does not; each moves ITSTATE on. */
static void test_it_condition(void **state)
{
	(void)state;
	v->ctx.cpsr = with_it(PSR_MODE_SVC | PSR_T | PSR_Z, 0x0c);	/* ITE EQ: 0000 1100 */
	v->ctx.r[1] = v->ctx.r[2] = 0x55;
	assert_int_equal(step(0xf3ef8100), EMU_NEXT);		/* mrseq r1, cpsr */
	assert_int_equal(v->ctx.r[1], PSR_MODE_SVC | PSR_Z);	/* IT and T read as 0 */
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	assert_int_equal(itstate(v->ctx.cpsr), 0x18);		/* NE, last */
	assert_int_equal(step(0xf3ef8200), EMU_NEXT);		/* mrsne r2, cpsr */
	assert_int_equal(v->ctx.r[2], 0x55);
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_T | PSR_Z);	/* out of the block */
	assert_int_equal(v->traps[TRAP_PSR], 1);		/* a failed one is not counted */
}

/* In an IT block, a failing MCR writes nothing, a failing CPS.W (16-bit
 * or not) changes nothing, a failing exception return does not return. */
static void test_it_failing(void **state)
{
	(void)state;
	v->ctx.cpsr = with_it(PSR_MODE_SVC | PSR_T | PSR_Z, 0x18);	/* IT NE (0xbf18) */
	v->ctx.r[3] = 0xfeed;
	v->cp15[C_TPIDRPRW] = 0;
	assert_int_equal(step(0xee0d3f90), EMU_NEXT);		/* mcrne p15, 0, r3, c13, c0, 4 */
	assert_int_equal(v->cp15[C_TPIDRPRW], 0);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_T | PSR_Z);	/* a one-instruction block */
	v->ctx.cpsr = with_it(v->ctx.cpsr, 0x18);		/* NE, last */
	v->ctx.r[14] = 0x40000400;
	assert_int_equal(step(0xf3de8f00), EMU_NEXT);		/* subsne pc, lr, #0 */
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	assert_int_equal(vcpu_mode(v), PSR_MODE_SVC);
}

/* The last instruction of a block that returns from an exception: the
 * CPSR is the SPSR's, with its own ITSTATE, not the block's advanced. */
static void test_it_exception_return(void **state)
{
	(void)state;
	v->bank[BANK_SVC].spsr = with_it(PSR_MODE_USR | PSR_T, 0x2c);
	v->ctx.cpsr = with_it(PSR_MODE_SVC | PSR_T | PSR_Z, 0x08);	/* IT EQ */
	v->ctx.r[14] = 0x40000600;
	assert_int_equal(step(0xf3de8f00), EMU_DONE);		/* subseq pc, lr, #0 */
	assert_int_equal(v->ctx.cpsr, with_it(PSR_MODE_USR | PSR_T, 0x2c));
	assert_int_equal(v->ctx.r[15], 0x40000600);
}

/* An undefined instruction in an IT block: the SPSR keeps its ITSTATE, as
 * the instruction never completed. */
static void test_it_undefined(void **state)
{
	uint32_t cpsr;

	(void)state;
	cpsr = v->ctx.cpsr = with_it(PSR_MODE_SVC | PSR_T | PSR_Z, 0x0b);
	assert_int_equal(step(0xf3e38230), EMU_UNDEF);		/* mrseq r2, sp_svc */
	assert_int_equal(v->bank[BANK_UND].spsr, cpsr);
	assert_int_equal(v->ctx.cpsr & (PSR_IT | PSR_T), 0);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, setup)
	const struct CMUnitTest tests[] = {
		T(test_twins),
		T(test_no_twin),
		T(test_mrs_msr),
		T(test_banked_undefined),
		T(test_cps),
		T(test_wfi_wfe),
		T(test_subs_pc_lr),
		T(test_srs_rfe),
		T(test_hvc_smc),
		T(test_coprocessor),
		T(test_guest_udf),
		T(test_ldrt),
		T(test_every_sensitive_one_has_a_row),
		T(test_it_advance),
		T(test_it_condition),
		T(test_it_failing),
		T(test_it_exception_return),
		T(test_it_undefined),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
