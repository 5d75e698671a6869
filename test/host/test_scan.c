/*
 * The instruction classifier (arch/arm/scan.c): which guest words the
 * loader must rewrite to UDF.  A miss lets a guest kernel silently run in
 * the wrong mode; a false hit corrupts code that would have run fine.  So
 * both lists below matter as much as each other.
 *
 * Every encoding was produced by arm-none-eabi-as -march=armv7-a with
 * .arch_extension virt and .arch_extension sec, and read back with
 * arm-none-eabi-objdump; the comment is the assembly text.  Words the
 * assembler refuses to produce (UNPREDICTABLE forms) were written as .word
 * and checked with objdump -b binary.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdbool.h>
#include <cmocka.h>
#include "arch/arm/scan.h"

struct a32_case {
	uint32_t insn;
	const char *text;
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- A32 ------------------------------------------------------------------ */

/* Must be rewritten (DESIGN.md: "What traps by itself and what must be made to trap"). */
static const struct a32_case a32_yes[] = {
	/* MRS of the CPSR shows User mode; the SPSR and banked forms are UNPREDICTABLE */
	{ 0xe10f0000, "mrs r0, cpsr" },
	{ 0xe10f3000, "mrs r3, apsr (same encoding as cpsr)" },
	{ 0x110f5000, "mrsne r5, cpsr" },
	{ 0xe14f1000, "mrs r1, spsr" },
	{ 0xc14f6000, "mrsgt r6, spsr" },
	{ 0xe1002200, "mrs r2, r8_usr" },
	{ 0xe1032300, "mrs r2, sp_svc" },
	{ 0xe1402300, "mrs r2, spsr_irq" },
	{ 0xe10c4300, "mrs r4, lr_mon" },
	{ 0x610e2300, "mrsvs r2, elr_hyp" },
	/* MSR to the control or extension byte of the CPSR, any MSR to the SPSR */
	{ 0xe121f000, "msr cpsr_c, r0" },
	{ 0xe122f001, "msr cpsr_x, r1" },
	{ 0xe12ff002, "msr cpsr_fsxc, r2" },
	{ 0x4121f007, "msrmi cpsr_c, r7" },
	{ 0xe321f0d3, "msr cpsr_c, #0xd3" },
	{ 0xe322fc01, "msr cpsr_x, #0x100" },
	{ 0xe32ff01f, "msr cpsr_fsxc, #0x1f" },
	{ 0xb321f01f, "msrlt cpsr_c, #0x1f" },
	{ 0xe16ff000, "msr spsr_fsxc, r0" },
	{ 0xe168f001, "msr spsr_f, r1 (flags only, but of the SPSR)" },
	{ 0x816ff000, "msrhi spsr_fsxc, r0" },
	{ 0xe361f013, "msr spsr_c, #0x13" },
	{ 0xe125f200, "msr sp_usr, r0" },
	{ 0xe120f301, "msr lr_irq, r1" },
	{ 0xe162f302, "msr spsr_svc, r2" },
	{ 0x212ef302, "msrcs elr_hyp, r2" },
	/* CPS is a NOP at PL0 */
	{ 0xf1080080, "cpsie i" },
	{ 0xf10c0080, "cpsid i" },
	{ 0xf10c00c0, "cpsid if" },
	{ 0xf10e01d3, "cpsid aif, #0x13" },
	{ 0xf102001f, "cps #0x1f" },
	{ 0xf10a0112, "cpsie a, #0x12" },
	/* WFI/WFE would sleep the physical CPU */
	{ 0xe320f003, "wfi" },
	{ 0xe320f002, "wfe" },
	{ 0x0320f003, "wfieq" },
	{ 0x1320f002, "wfene" },
	/* exception returns and the like: UNPREDICTABLE in User mode */
	{ 0xe160006e, "eret" },
	{ 0x1160006e, "eretne" },
	{ 0xf96d0513, "srsdb sp!, #0x13" },
	{ 0xf8cd051f, "srsia sp, #0x1f" },
	{ 0xf84d0512, "srsda sp, #0x12" },
	{ 0xf9ed0511, "srsib sp!, #0x11" },
	{ 0xf8900a00, "rfeia r0" },
	{ 0xf93d0a00, "rfedb sp!" },
	{ 0xf8130a00, "rfeda r3" },
	{ 0xf9be0a00, "rfeib lr!" },
	{ 0xe8fd800f, "ldm sp!, {r0-r3, pc}^" },
	{ 0x08fd8001, "ldmfdeq sp!, {r0, pc}^" },
	{ 0xe8dd1fff, "ldm sp, {r0-r12}^" },
	{ 0xe9d04002, "ldmib r0, {r1, lr}^" },
	{ 0xe8cd7fff, "stm sp, {r0-r14}^" },
	{ 0xe94d4000, "stmdb sp, {lr}^" },
	{ 0xc8c00006, "stmiagt r0, {r1, r2}^" },
	{ 0xe25ef004, "subs pc, lr, #4" },
	{ 0x025ef008, "subseq pc, lr, #8" },
	{ 0xe1b0f00e, "movs pc, lr" },
	{ 0x11b0f00e, "movsne pc, lr" },
	{ 0xe090f211, "adds pc, r0, r1, lsl r2" },
	{ 0xe011f332, "ands pc, r1, r2, lsr r3" },
	{ 0xe030f001, "eors pc, r0, r1" },
	{ 0xe1b0f1e0, "movs pc, r0, ror #3" },
	{ 0xe1f0f001, "mvns pc, r1" },
	{ 0xe2f2f001, "rscs pc, r2, #1" },
	{ 0xe3def000, "bics pc, lr, #0" },
	/* unprivileged loads/stores: PL0's rights from a virtual PL1 mode */
	{ 0xe4b10004, "ldrt r0, [r1], #4" },
	{ 0xe4a10004, "strt r0, [r1], #4" },
	{ 0xe4f10000, "ldrbt r0, [r1]" },
	{ 0xe4610001, "strbt r0, [r1], #-1" },
	{ 0xe6b10002, "ldrt r0, [r1], r2" },
	{ 0xe6210102, "strt r0, [r1], -r2, lsl #2" },
	{ 0xe0f100b2, "ldrht r0, [r1], #2" },
	{ 0xe0e100b0, "strht r0, [r1]" },
	{ 0xe0f100d1, "ldrsbt r0, [r1], #1" },
	{ 0xe0f100f2, "ldrsht r0, [r1], #2" },
	{ 0xe0b100b2, "ldrht r0, [r1], r2" },
};

/* Near misses: same encoding neighbourhoods, but they trap by themselves,
 * behave the same in User mode, or are plain data. */
static const struct a32_case a32_no[] = {
	/* flags and GE bits behave the same in User mode */
	{ 0xe128f000, "msr apsr_nzcvq, r0 (= cpsr_f)" },
	{ 0xe124f001, "msr apsr_g, r1 (= cpsr_s)" },
	{ 0xe12cf002, "msr apsr_nzcvqg, r2 (= cpsr_fs)" },
	{ 0xe328f20f, "msr apsr_nzcvq, #0xf0000000" },
	/* the other hints in the MSR-immediate space */
	{ 0xe320f000, "nop" },
	{ 0xe320f001, "yield" },
	{ 0xe320f004, "sev" },
	{ 0xe320f0f5, "dbg #5" },
	/* LDM/STM without ^ */
	{ 0xe8bd800f, "ldm sp!, {r0-r3, pc}" },
	{ 0xe8bd8010, "pop {r4, pc}" },
	{ 0xe8901ffe, "ldm r0, {r1-r12}" },
	{ 0xe92d4010, "push {r4, lr}" },
	{ 0xe92d5fff, "push {r0-r12, lr}" },
	{ 0xe9b0000c, "ldmib r0!, {r2, r3}" },
	/* S without PC, PC without S, compares */
	{ 0xe2510004, "subs r0, r1, #4" },
	{ 0xe25e0004, "subs r0, lr, #4" },
	{ 0xe0110002, "ands r0, r1, r2" },
	{ 0xe1a0f00e, "mov pc, lr" },
	{ 0xe24ef004, "sub pc, lr, #4" },
	{ 0xe080f211, "add pc, r0, r1, lsl r2" },
	{ 0xe35f0000, "cmp pc, #0" },
	{ 0xe1100001, "tst r0, r1" },
	{ 0xe3300001, "teq r0, #1" },
	{ 0xe1700001, "cmn r0, r1" },
	/* multiplies and extra loads/stores share the data-processing space;
	 * bits 15:12 = 1111 there is a register number, not an <op>S PC */
	{ 0xe0000291, "mul r0, r1, r2" },
	{ 0xe0100291, "muls r0, r1, r2" },
	{ 0xe0203291, "mla r0, r1, r2, r3" },
	{ 0xe0810392, "umull r0, r1, r2, r3" },
	{ 0xe0b0f192, "umlals pc, r0, r2, r1 (.word)" },
	{ 0xe1c200d0, "ldrd r0, r1, [r2]" },
	{ 0xe1c2f0d0, "ldrd pc, [r2] (.word)" },
	{ 0xe1c1f0f0, "strd pc, [r1] (.word)" },
	{ 0xe1c100b0, "strh r0, [r1]" },
	{ 0xe1c1f0b0, "strh pc, [r1] (.word)" },
	{ 0xe1d100b2, "ldrh r0, [r1, #2]" },
	{ 0xe1d0f0b0, "ldrh pc, [r0] (.word)" },
	{ 0xe0d1f0be, "ldrh pc, [r1], #14 (.word)" },
	{ 0xe1d0f0d0, "ldrsb pc, [r0] (.word)" },
	{ 0xe1d0f0f0, "ldrsh pc, [r0] (.word)" },
	{ 0xe1d0ff9f, "ldrexb pc, [r0] (.word)" },
	{ 0xe1d010d0, "ldrsb r1, [r0]" },
	{ 0xe49df004, "ldr pc, [sp], #4" },
	{ 0xe4910004, "ldr r0, [r1], #4 (post-indexed, not T)" },
	{ 0xe5b10004, "ldr r0, [r1, #4]! (pre-indexed, W)" },
	{ 0xe1f100b2, "ldrh r0, [r1, #2]! (pre-indexed, W)" },
	{ 0xe59f0008, "ldr r0, [pc, #8]" },
	/* trap by themselves at PL0 when they must */
	{ 0xee110f10, "mrc p15, 0, r0, c1, c0, 0" },
	{ 0xee070f15, "mcr p15, 0, r0, c7, c5, 0" },
	{ 0xee10ff10, "mrc p15, 0, apsr_nzcv, c0, c0, 0" },
	{ 0xeef80a10, "vmrs r0, fpexc" },
	{ 0xef000000, "svc #0" },
	{ 0xe1400070, "hvc #0" },
	{ 0xe1600070, "smc #0" },
	{ 0xe1200070, "bkpt #0" },
	{ 0xe7f000f0, "udf #0" },
	{ 0xe7f123f4, "udf #0x1234" },
	/* ordinary control flow and the unconditional space around CPS/SRS/RFE */
	{ 0xe12fff1e, "bx lr" },
	{ 0xe12fff33, "blx r3" },
	{ 0xeafffffe, "b ." },
	{ 0xebfffffe, "bl ." },
	{ 0xf57ff01f, "clrex" },
	{ 0xf57ff05b, "dmb ish" },
	{ 0xf57ff04f, "dsb sy" },
	{ 0xf57ff06f, "isb sy" },
	{ 0xf1010200, "setend be" },
	{ 0xf5d0f000, "pld [r0]" },
	{ 0xe3a00000, "mov r0, #0" },
	{ 0xe1a00000, "nop (mov r0, r0)" },
	/* literal data */
	{ 0x00000000, "andeq r0, r0, r0 / .word 0" },
	{ 0xffffffff, ".word 0xffffffff" },
};

static void test_a32_sensitive(void **state)
{
	(void)state;
	for (unsigned i = 0; i < N(a32_yes); i++) {
		if (!a32_is_sensitive(a32_yes[i].insn))
			fail_msg("0x%08x %s: not flagged", a32_yes[i].insn, a32_yes[i].text);
	}
}

static void test_a32_not_sensitive(void **state)
{
	(void)state;
	for (unsigned i = 0; i < N(a32_no); i++) {
		if (a32_is_sensitive(a32_no[i].insn))
			fail_msg("0x%08x %s: flagged", a32_no[i].insn, a32_no[i].text);
	}
}

/* The condition field never makes a sensitive instruction safe: every
 * cond-AL entry is still caught under each of the 14 real conditions.
 * (0xf is the unconditional space, a different instruction, so skipped.) */
static void test_a32_every_condition(void **state)
{
	(void)state;
	for (unsigned i = 0; i < N(a32_yes); i++) {
		uint32_t insn = a32_yes[i].insn;

		if (insn >> 28 != 0xe)
			continue;
		for (uint32_t c = 0; c < 0xf; c++) {
			uint32_t w = (insn & 0x0fffffff) | c << 28;
			if (!a32_is_sensitive(w))
				fail_msg("0x%08x %s with cond %u: not flagged", w, a32_yes[i].text, c);
		}
	}
}

/* The unconditional (cond = 1111) copies of conditional-space sensitive
 * encodings are other instructions (or UNDEFINED) and must be left alone. */
static void test_a32_unconditional_space(void **state)
{
	(void)state;
	static const uint32_t conditional_only[] = {
		0xe10f0000,	/* mrs r0, cpsr */
		0xe121f000,	/* msr cpsr_c, r0 */
		0xe321f0d3,	/* msr cpsr_c, #0xd3 */
		0xe320f003,	/* wfi */
		0xe160006e,	/* eret */
		0xe8fd800f,	/* ldm sp!, {r0-r3, pc}^ */
		0xe8cd7fff,	/* stm sp, {r0-r14}^ */
		0xe25ef004,	/* subs pc, lr, #4 */
	};
	for (unsigned i = 0; i < N(conditional_only); i++) {
		uint32_t w = conditional_only[i] | 0xf0000000;
		if (a32_is_sensitive(w))
			fail_msg("0x%08x flagged", w);
	}
}

/* No UDF, the loader's own output, is ever flagged: rewriting must be
 * idempotent and a guest's own UDF must reach the guest. */
static void test_a32_udf_never_sensitive(void **state)
{
	(void)state;
	for (uint32_t imm = 0; imm <= 0xffff; imm++)
		assert_false(a32_is_sensitive(a32_udf(imm)));
}

/* ---- UDF ------------------------------------------------------------------- */

static void test_udf_round_trip(void **state)
{
	(void)state;
	static const struct { uint32_t imm, word; } cases[] = {
		{ 0x0000, 0xe7f000f0 },	/* udf #0 */
		{ 0x0001, 0xe7f000f1 },	/* udf #1 */
		{ 0x0fff, 0xe7f0ffff },	/* udf #4095 */
		{ 0x1234, 0xe7f123f4 },	/* udf #4660 */
		{ 0xffff, 0xe7ffffff },	/* udf #65535 */
	};
	for (unsigned i = 0; i < N(cases); i++) {
		uint32_t imm = 0xdead;

		assert_int_equal(a32_udf(cases[i].imm), cases[i].word);
		assert_true(a32_udf_imm(cases[i].word, &imm));
		assert_int_equal(imm, cases[i].imm);
	}
	/* only the low 16 bits of the index make it into the encoding */
	assert_int_equal(a32_udf(0x10001), 0xe7f000f1);
}

static void test_udf_imm_rejects_others(void **state)
{
	(void)state;
	static const uint32_t others[] = {
		0x07f000f0,	/* udf with cond EQ: not UDF, which is AL-only */
		0xf7f000f0,	/* unconditional space */
		0xe7f000e0,	/* bits 7:4 = 1110 */
		0xe7e000f0,	/* bit 20 clear */
		0xe1200070,	/* bkpt #0 */
		0xe10f0000,	/* mrs r0, cpsr */
		0x00000000,
	};
	for (unsigned i = 0; i < N(others); i++) {
		uint32_t imm = 0xdead;

		if (a32_udf_imm(others[i], &imm))
			fail_msg("0x%08x taken for a UDF", others[i]);
		assert_int_equal(imm, 0xdead);
	}
}

/* ---- T32 ------------------------------------------------------------------ */

struct t32_case {
	uint16_t hw1, hw2;	/* hw2 is 0 for 16-bit instructions */
	const char *text;
};

static const struct t32_case t32_yes[] = {
	{ 0xb662, 0, "cpsie i" },
	{ 0xb673, 0, "cpsid if" },
	{ 0xb667, 0, "cpsie aif" },
	{ 0xf3af, 0x8640, "cpsid.w i" },
	{ 0xf3af, 0x87f3, "cpsid aif, #0x13" },
	{ 0xf3af, 0x811f, "cps #0x1f" },
	{ 0xbf30, 0, "wfi" },
	{ 0xbf20, 0, "wfe" },
	{ 0xf3af, 0x8003, "wfi.w" },
	{ 0xf3af, 0x8002, "wfe.w" },
	{ 0xf3ef, 0x8000, "mrs r0, cpsr" },
	{ 0xf3ff, 0x8100, "mrs r1, spsr" },
	{ 0xf3e3, 0x8230, "mrs r2, sp_svc" },
	{ 0xf3f0, 0x8330, "mrs r3, spsr_irq" },
	{ 0xf380, 0x8100, "msr cpsr_c, r0" },
	{ 0xf381, 0x8200, "msr cpsr_x, r1" },
	{ 0xf382, 0x8f00, "msr cpsr_fsxc, r2" },
	{ 0xf393, 0x8f00, "msr spsr_fsxc, r3" },
	{ 0xf384, 0x8030, "msr lr_irq, r4" },
	{ 0xf395, 0x8230, "msr spsr_svc, r5" },
	{ 0xf3de, 0x8f04, "subs pc, lr, #4" },
	{ 0xf3de, 0x8f00, "eret (= subs pc, lr, #0)" },
	{ 0xe82d, 0xc013, "srsdb sp!, #0x13" },
	{ 0xe98d, 0xc01f, "srsia sp, #0x1f" },
	{ 0xe990, 0xc000, "rfeia r0" },
	{ 0xe83d, 0xc000, "rfedb sp!" },
	{ 0xe9be, 0xc000, "rfeia lr!" },
	/* unprivileged loads/stores */
	{ 0xf851, 0x0e04, "ldrt r0, [r1, #4]" },
	{ 0xf843, 0x2e00, "strt r2, [r3]" },
	{ 0xf811, 0x0eff, "ldrbt r0, [r1, #255]" },
	{ 0xf801, 0x0e01, "strbt r0, [r1, #1]" },
	{ 0xf831, 0x0e02, "ldrht r0, [r1, #2]" },
	{ 0xf825, 0x4e06, "strht r4, [r5, #6]" },
	{ 0xf911, 0x0e01, "ldrsbt r0, [r1, #1]" },
	{ 0xf937, 0x6e08, "ldrsht r6, [r7, #8]" },
};

static const struct t32_case t32_no[] = {
	{ 0xbf00, 0, "nop" },
	{ 0xf3af, 0x8000, "nop.w" },
	{ 0xbf10, 0, "yield" },
	{ 0xf3af, 0x8001, "yield.w" },
	{ 0xbf40, 0, "sev" },
	{ 0xf3af, 0x8004, "sev.w" },
	{ 0xbf08, 0, "it eq" },
	{ 0xb650, 0, "setend le" },
	{ 0xf380, 0x8800, "msr apsr_nzcvq, r0" },
	{ 0xf381, 0x8400, "msr apsr_g, r1" },
	{ 0xf382, 0x8c00, "msr apsr_nzcvqg, r2" },
	{ 0xc806, 0, "ldmia r0!, {r1, r2}" },
	{ 0xe8bd, 0x8ff0, "ldmia.w sp!, {r4-r11, pc}" },
	{ 0xbd10, 0, "pop {r4, pc}" },
	{ 0xb510, 0, "push {r4, lr}" },
	{ 0xe92d, 0x000f, "stmdb sp!, {r0-r3}" },
	{ 0xf7ff, 0xfffe, "bl ." },
	{ 0xf7ff, 0xbffe, "b.w ." },
	{ 0xe7fe, 0, "b.n ." },
	{ 0x4770, 0, "bx lr" },
	{ 0x46f7, 0, "mov pc, lr" },
	{ 0x1f08, 0, "subs r0, r1, #4" },
	{ 0xf1be, 0x0004, "subs.w r0, lr, #4" },
	{ 0xf1ae, 0x0004, "sub.w r0, lr, #4" },
	{ 0xee11, 0x0f10, "mrc p15, 0, r0, c1, c0, 0" },
	{ 0xee07, 0x0f15, "mcr p15, 0, r0, c7, c5, 0" },
	{ 0xdf00, 0, "svc #0" },
	{ 0xbe00, 0, "bkpt #0" },
	{ 0xde00, 0, "udf #0" },
	{ 0xf7f1, 0xa234, "udf.w #0x1234" },
	{ 0xf7f0, 0x8000, "smc #0" },
	{ 0xf7e0, 0x8000, "hvc #0" },
	{ 0xf3bf, 0x8f5b, "dmb ish" },
	{ 0xf3bf, 0x8f6f, "isb sy" },
	{ 0xf3bf, 0x8f2f, "clrex" },
	{ 0xf85d, 0xfb04, "ldr.w pc, [sp], #4" },
	/* the loads and stores around LDRT's encoding */
	{ 0xf85f, 0x0e04, "ldr.w r0, [pc, #-0xe04] (literal: imm12 like LDRT's hw2)" },
	{ 0xf851, 0x0c04, "ldr.w r0, [r1, #-4]" },
	{ 0xf851, 0x0f04, "ldr r0, [r1, #4]!" },
	{ 0xf851, 0x0b04, "ldr.w r0, [r1], #4" },
	{ 0xf8d0, 0x2e10, "ldr.w r2, [r0, #0xe10] (imm12)" },
	{ 0xf811, 0xfe01, "ldrbt pc, [r1, #1] (.hword: Rt = PC)" },
	{ 0xe851, 0x0f00, "ldrex r0, [r1]" },
	{ 0x2000, 0, "movs r0, #0" },
	{ 0x1888, 0, "adds r0, r1, r2" },
	{ 0x0000, 0, "movs r0, r0 / .short 0" },
};

static void test_t32_len(void **state)
{
	(void)state;
	/* 32-bit iff the top five bits are 0b11101, 0b11110 or 0b11111 */
	for (uint32_t hw = 0; hw <= 0xffff; hw++)
		assert_int_equal(t32_insn_len(hw), hw >= 0xe800 ? 4 : 2);
	assert_int_equal(t32_insn_len(0xe7fe), 2);	/* b.n . */
	assert_int_equal(t32_insn_len(0xe82d), 4);	/* srsdb */
	assert_int_equal(t32_insn_len(0xf3af), 4);	/* nop.w */
	assert_int_equal(t32_insn_len(0xbf30), 2);	/* wfi */
}

/* The test tables themselves: hw2 is 0 exactly for 16-bit entries. */
static void check_t32_table(const struct t32_case *c, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if ((t32_insn_len(c[i].hw1) == 2) != (c[i].hw2 == 0))
			fail_msg("table entry %s: length mismatch", c[i].text);
}

static void test_t32_sensitive(void **state)
{
	(void)state;
	check_t32_table(t32_yes, N(t32_yes));
	for (unsigned i = 0; i < N(t32_yes); i++)
		if (!t32_is_sensitive(t32_yes[i].hw1, t32_yes[i].hw2))
			fail_msg("%04x %04x %s: not flagged", t32_yes[i].hw1, t32_yes[i].hw2,
				 t32_yes[i].text);
}

static void test_t32_not_sensitive(void **state)
{
	(void)state;
	check_t32_table(t32_no, N(t32_no));
	for (unsigned i = 0; i < N(t32_no); i++)
		if (t32_is_sensitive(t32_no[i].hw1, t32_no[i].hw2))
			fail_msg("%04x %04x %s: flagged", t32_no[i].hw1, t32_no[i].hw2,
				 t32_no[i].text);
}

/* For a 16-bit instruction the next halfword is another instruction (or
 * data): whatever it is must not change the verdict. */
static void test_t32_16bit_ignores_hw2(void **state)
{
	(void)state;
	static const uint16_t next[] = { 0x0000, 0x8000, 0x8f00, 0xc000, 0xffff, 0x8003 };
	const struct t32_case *tabs[] = { t32_yes, t32_no };
	unsigned ns[] = { N(t32_yes), N(t32_no) };

	for (unsigned t = 0; t < 2; t++)
		for (unsigned i = 0; i < ns[t]; i++) {
			if (t32_insn_len(tabs[t][i].hw1) != 2)
				continue;
			for (unsigned j = 0; j < N(next); j++)
				if (t32_is_sensitive(tabs[t][i].hw1, next[j]) != (t == 0))
					fail_msg("%04x %s followed by %04x", tabs[t][i].hw1,
						 tabs[t][i].text, next[j]);
		}
}

/* ---- T32 UDF ------------------------------------------------------------- */

static void test_t32_udf_round_trip(void **state)
{
	(void)state;
	static const struct { uint32_t imm, t; bool wide; } cases[] = {
		{ 0x00, 0xde00, false },	/* udf #0 */
		{ 0xff, 0xdeff, false },	/* udf #255 */
		{ 0x0000, 0xf7f0a000, true },	/* udf.w #0 */
		{ 0x1234, 0xf7f1a234, true },	/* udf.w #0x1234 */
		{ 0xffff, 0xf7ffafff, true },	/* udf.w #0xffff */
	};
	for (unsigned i = 0; i < N(cases); i++) {
		uint32_t imm = 0xdead;

		assert_int_equal(cases[i].wide ? t32_udf32(cases[i].imm) : t32_udf16(cases[i].imm),
				 cases[i].t);
		assert_true(t32_udf_imm(cases[i].t, &imm));
		assert_int_equal(imm, cases[i].imm);
	}
	assert_int_equal(t32_udf16(0x1ff), 0xdeff);	/* only the low 8 bits */
	assert_false(t32_udf_imm(0xdf00, &(uint32_t){ 0 }));		/* svc #0 */
	assert_false(t32_udf_imm(0xf7f08000, &(uint32_t){ 0 }));	/* smc #0 */
	assert_false(t32_udf_imm(0xbe00, &(uint32_t){ 0 }));		/* bkpt #0 */
}

/* The loader's own T32 output is never taken for something to rewrite. */
static void test_t32_udf_never_sensitive(void **state)
{
	(void)state;
	for (uint32_t imm = 0; imm <= 0xff; imm++)
		assert_false(t32_is_sensitive(t32_udf16(imm), 0));
	for (uint32_t imm = 0; imm <= 0xffff; imm++) {
		uint32_t t = t32_udf32(imm);
		assert_false(t32_is_sensitive(t >> 16, t & 0xffff));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a32_sensitive),
		cmocka_unit_test(test_a32_not_sensitive),
		cmocka_unit_test(test_a32_every_condition),
		cmocka_unit_test(test_a32_unconditional_space),
		cmocka_unit_test(test_a32_udf_never_sensitive),
		cmocka_unit_test(test_udf_round_trip),
		cmocka_unit_test(test_udf_imm_rejects_others),
		cmocka_unit_test(test_t32_len),
		cmocka_unit_test(test_t32_sensitive),
		cmocka_unit_test(test_t32_not_sensitive),
		cmocka_unit_test(test_t32_16bit_ignores_hw2),
		cmocka_unit_test(test_t32_udf_round_trip),
		cmocka_unit_test(test_t32_udf_never_sensitive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
