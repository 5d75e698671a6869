/*
 * rtcode: code written at run time, in A32 and in T32 (Thumb-2), holding
 * the instructions a deprivileged guest cannot run as they are: MRS/MSR
 * of the CPSR and SPSR, CPS, WFI/WFE, LDM/STM of the User registers,
 * MOVS PC, LR, SUBS PC, LR, SRS/RFE, conditional ones and ones in IT
 * blocks.  The routines are assembled here, word by word and halfword by
 * halfword, from the encodings below with their register and immediate
 * fields filled in (nothing is copied from this image's code, except by
 * the last check, which says so).  They are written to RAM:
 *
 *   mixed:  one 4 KiB page in .bss: code at its start, and right after
 *           it data this guest writes all the time (the routines' inputs
 *           and results, counters), some of it by the routines themselves;
 *   heap:   a malloc'd buffer, the T32 checks' code (its page also holds
 *           the allocator's own data); once with the MMU on, run at a
 *           virtual alias of the address it was written at;
 *   again:  a buffer in .bss rewritten over a thousand times, with A32
 *           and T32 code in turn at the same address.
 *
 * Some routines switch instruction set half way (SUBS PC, LR with SPSR.T
 * set or clear), so A32 and T32 code share cache lines.
 *
 * Next to the code sit literal words and halfwords that look like
 * sensitive instructions (0xe10f0000 "mrs r0, cpsr", 0xb672 "cpsid i",
 * 0xf3ef 0x8000 "mrs r0, cpsr" in T32), which the routines load and
 * this file prints: they are data and must read back as written.
 *
 * Before running what it wrote, the guest does what ARMv7 requires of
 * code that modifies code (ARM ARM B2.2.9, "Ordering of cache and branch
 * predictor maintenance operations"): clean the lines to the point of
 * unification, DSB, invalidate the instruction cache, invalidate the
 * branch predictor, DSB, ISB.  It relies on nothing else: it is written
 * to the architecture, not to the hypervisor it may run under.
 *
 * Every line prints what was read back; every check also knows the value
 * the architecture gives and counts the ones that differ, so a native
 * run checks itself ("0 not as ARMv7 specifies").
 *
 * Files: rtcode.h (encodings, the routine writer, buffers), rtcode_gen.c,
 * rtcode_a32.c and rtcode_t32.c (the checks in each instruction set);
 * here the code that stays, is overwritten, rewritten a thousand times,
 * run under the MMU and copied from .text, and main().
 */
#include "rtcode.h"

/* ---------------------------------------------------------------------
 * Code that stays, and data written around it
 */
static fn_t keep_a32, keep_t32;
static uint32_t lit_a32_at, lit_t32_at;		/* offsets of their literals */

/* MRS r1, CPSR; then the literal after BX LR: io[0], io[1] */
static void make_keepers(void)
{
	struct gen g = gen_at(KEEP_A32);
	uint32_t ld;

	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R1, R0, 0));
	ld = a32(&g, A_LDR_LIT(R1));
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_BX(LR));
	lit_a32_at = a32(&g, lit_words[0]);
	a32_lit(&g, ld, lit_a32_at);
	keep_a32 = make_a32(&g, BY_LINE);

	g = gen_at(KEEP_T32);
	t32(&g, T_MRS(R1));
	t16(&g, T_STR(R1, R0, 0));
	ld = t16(&g, T_LDR_LIT(R1));
	t16(&g, T_STR(R1, R0, 4));
	t16(&g, T_BX(LR));
	t_align4(&g);
	lit_t32_at = g.n;
	t16(&g, T_CPSID_I);
	t16(&g, T_CPSIE_I);
	t32_lit(&g, ld, lit_t32_at);
	keep_t32 = make_t32(&g, BY_LINE);
}

/*
 * Stores to data on the code's page, then the code run again with no
 * maintenance: its bytes did not change, so none is needed.  The
 * literal each loads is changed too, by a plain store, to words that
 * are sensitive instructions: data, loaded as written.
 */
static void data_beside_code(void)
{
	unsigned ok_a = 0, ok_t = 0;
	uint32_t last_a = 0, last_t = 0;

	for (unsigned i = 0; i < 1000; i++) {
		uint32_t wa = 0xe10f0000u | (i % 15) << 12;		/* mrs rN, cpsr */
		uint32_t wt = i & 1 ? 0xb661b671u : 0x8000f3efu | (i % 13) << 24;

		mixed.data[COUNTERS + 1 + i % 64] = i;
		put32(KEEP_A32 + lit_a32_at, wa);
		put32(KEEP_T32 + lit_t32_at, wt);
		call(keep_a32, NULL, 0);
		ok_a += CTL(io[0]) == SVC_MASKED && io[1] == wa;
		last_a = io[1];
		call(keep_t32, NULL, 0);
		ok_t += CTL(io[0]) == SVC_MASKED && io[1] == wt;
		last_t = io[1];
	}
	printf("rtcode: a32 run 1000 times between data stores to its page and its literal: "
	       "%u as expected, last literal %08lx\n", ok_a, HEX(last_a));
	printf("rtcode: t32 run 1000 times between data stores to its page and its literal: "
	       "%u as expected, last literal %08lx\n", ok_t, HEX(last_t));
	check(ok_a == 1000 && ok_t == 1000);
}

/* ---------------------------------------------------------------------
 * Code overwritten at the same address
 */
static uint32_t run_a32_version(uint8_t *at, unsigned v, enum how how)
{
	struct gen g = gen_at(at);

	switch (v) {
	case 0:	/* MRS r1, CPSR */
		a32(&g, A_MRS(R1));
		break;
	case 1:	/* an ordinary instruction where the MRS was */
		a32(&g, A_MOV_IMM(R1) | 0x5a);
		break;
	case 2:	/* a sensitive one where an ordinary one was */
		a32(&g, A_CPS(PSR_SYS));
		a32(&g, A_MRS(R1));
		a32(&g, A_CPS(PSR_SVC));
		break;
	}
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_BX(LR));
	call(make_a32(&g, how), NULL, 0);
	return io[0];
}

static uint32_t run_t32_version(uint8_t *at, unsigned v, enum how how)
{
	struct gen g = gen_at(at);

	switch (v) {
	case 0:	/* MRS r1, CPSR (32-bit) */
		t32(&g, T_MRS(R1));
		break;
	case 1:	/* two ordinary 16-bit ones where the MRS was */
		t16(&g, T_MOVS_IMM(R1, 0x5a));
		t16(&g, T_NOP);
		break;
	case 2:	/* 32-bit sensitive ones where 16-bit ordinary ones were */
		t32(&g, T_CPS(PSR_SYS));
		t32(&g, T_MRS(R1));
		t32(&g, T_CPS(PSR_SVC));
		break;
	case 3:	/* a 16-bit sensitive one at the MRS's first halfword */
		t16(&g, T_CPSIE_I);
		t32(&g, T_MRS(R1));
		t16(&g, T_CPSID_I);
		break;
	}
	t16(&g, T_STR(R1, R0, 0));
	t16(&g, T_BX(LR));
	call(make_t32(&g, how), NULL, 0);
	return io[0];
}

static void overwrite(void)
{
	static const uint32_t want_a[4] = { SVC_MASKED, 0x5a, SYS_MASKED, SVC_MASKED };
	static const uint32_t want_t[5] = { SVC_MASKED, 0x5a, SYS_MASKED, SVC_IRQ_ON, SVC_MASKED };
	static const unsigned va[4] = { 0, 1, 2, 0 }, vt[5] = { 0, 1, 2, 3, 0 };
	uint32_t a[4], t[5], x[4];
	int ok = 1;

	for (unsigned i = 0; i < 4; i++) {
		a[i] = run_a32_version(SCRATCH, va[i], i & 1 ? ALL : BY_LINE);
		ok &= CTL(a[i]) == want_a[i];
	}
	printf("rtcode: a32 overwritten in place, MRS / MOV / CPS,MRS,CPS / MRS: "
	       "%03lx %03lx %03lx %03lx\n", HEX(CTL(a[0])), HEX(CTL(a[1])), HEX(CTL(a[2])),
	       HEX(CTL(a[3])));
	check(ok);

	ok = 1;
	for (unsigned i = 0; i < 5; i++) {
		t[i] = run_t32_version(heap, vt[i], i & 1 ? ALL : BY_LINE);
		ok &= CTL(t[i]) == want_t[i];
	}
	printf("rtcode: t32 overwritten in place, MRS / MOVS,NOP / CPS,MRS,CPS / "
	       "CPSIE,MRS,CPSID / MRS: %03lx %03lx %03lx %03lx %03lx\n", HEX(CTL(t[0])),
	       HEX(CTL(t[1])), HEX(CTL(t[2])), HEX(CTL(t[3])), HEX(CTL(t[4])));
	check(ok);

	/* the other instruction set at the same address */
	x[0] = run_a32_version(again, 0, BY_LINE);
	x[1] = run_t32_version(again, 2, BY_LINE);
	x[2] = run_a32_version(again, 2, ALL);
	x[3] = run_t32_version(again, 3, ALL);
	printf("rtcode: one address, A32 MRS / T32 CPS,MRS,CPS / A32 CPS,MRS,CPS / "
	       "T32 CPSIE,MRS,CPSID: %03lx %03lx %03lx %03lx\n", HEX(CTL(x[0])),
	       HEX(CTL(x[1])), HEX(CTL(x[2])), HEX(CTL(x[3])));
	check(CTL(x[0]) == SVC_MASKED && CTL(x[1]) == SYS_MASKED && CTL(x[2]) == SYS_MASKED &&
	      CTL(x[3]) == SVC_IRQ_ON);
}

/*
 * One buffer rewritten 1000 times, A32 and T32 in turn, each routine
 * different: MRS into r1, r2, r3 or r12 (A32) or r1..r3, r8, r12 (T32),
 * every third one from System mode (CPS), the mode plus i added to the
 * result.  Each must return what it says, not what an earlier one did.
 */
static void many_rewrites(void)
{
	static const uint32_t ra[4] = { R1, R2, R3, R12 }, rt[5] = { R1, R2, R3, R8, R12 };
	uint32_t sum = 0, want = 0;
	unsigned bad = 0;

	for (unsigned i = 0; i < 1000; i++) {
		struct gen g = gen_at(again);
		uint32_t k = i & 0xff, sys = i % 3 == 0, r;
		enum how how = i & 2 ? ALL : BY_LINE;

		if (i & 1) {
			r = rt[i % 5];
			if (r == R8)
				t16(&g, T_MOV(R3, R8));
			if (sys)
				t32(&g, T_CPS(PSR_SYS));
			t32(&g, T_MRS(r));
			if (sys)
				t32(&g, T_CPS(PSR_SVC));
			t32(&g, T_AND_IMM(R1, r) | t32_imm(0x1f));
			t32(&g, T_ADD_IMM(R1, R1) | t32_imm(k));
			if (r == R8)
				t16(&g, T_MOV(R8, R3));
			t16(&g, T_STR(R1, R0, 0));
			t16(&g, T_BX(LR));
			call(make_t32(&g, how), NULL, 0);
		} else {
			r = ra[i % 4];
			if (sys)
				a32(&g, A_CPS(PSR_SYS));
			a32(&g, A_MRS(r));
			if (sys)
				a32(&g, A_CPS(PSR_SVC));
			a32(&g, A_AND_IMM(R1, r) | a32_imm(0x1f));
			a32(&g, A_ADD_IMM(R1, R1) | a32_imm(k));
			a32(&g, A_STR(R1, R0, 0));
			a32(&g, A_BX(LR));
			call(make_a32(&g, how), NULL, 0);
		}
		uint32_t w = (sys ? PSR_SYS : PSR_SVC) + k;
		bad += io[0] != w;
		sum = sum * 31 + io[0];
		want = want * 31 + w;
	}
	printf("rtcode: one buffer rewritten 1000 times, A32 and T32 in turn: checksum %08lx, "
	       "expected %08lx, %u wrong\n", HEX(sum), HEX(want), bad);
	check(sum == want && bad == 0);
}

/* The literal words as this guest wrote them, read back from memory */
static void literals_in_memory(void)
{
	unsigned changed = 0;

	for (unsigned i = 0; i < 3; i++) {
		/* a32_literals(): three LDR + STR pairs and BX LR, then the words */
		changed += get32(LIT_A32 + 28 + 4 * i) != lit_words[i];
		/* t32_literals(): three LDR + STR pairs and BX LR, a NOP, then them */
		changed += get32(LIT_T32 + 16 + 4 * i) != lit_words[i];
	}
	printf("rtcode: literal words read back from memory: %u of 6 changed\n", changed);
	check(changed == 0);
}

/* ---------------------------------------------------------------------
 * MMU on: RAM and the UART mapped flat by sections, and the MiB holding
 * the heap buffer again at FLAT_ALIAS (tests.h).  Routines are written
 * at their flat address and run at the alias: one physical page, two
 * virtual ones.
 */
static void virtual_alias(void)
{
	uint8_t *at = heap + 256;
	struct gen g;

	mmu_on_flat_alias(heap);
	g = gen_at(at);
	g.run = FLAT_ALIAS + ((uintptr_t)at & 0xfffffu);
	a32(&g, A_MRS(R1));
	a32(&g, A_CPS(PSR_SYS));
	a32(&g, A_MRS(R2));
	a32(&g, A_CPS(PSR_SVC));
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_STR(R2, R0, 4));
	a32(&g, A_BX(LR));
	call(make_a32(&g, BY_LINE), NULL, 0);
	uint32_t a0 = io[0], a1 = io[1];

	/* T32 at the same place, this time invalidating all of the I-cache */
	g = gen_at(at);
	g.run = FLAT_ALIAS + ((uintptr_t)at & 0xfffffu);
	t32(&g, T_MRS(R1));
	t16(&g, T_CPSIE_I);
	t32(&g, T_MRS(R2));
	t16(&g, T_CPSID_I);
	t16(&g, T_STR(R1, R0, 0));
	t16(&g, T_STR(R2, R0, 4));
	t16(&g, T_BX(LR));
	call(make_t32(&g, ALL), NULL, 0);
	mmu_off_flat();
	printf("rtcode: MMU on, written flat, run at a virtual alias: a32 %03lx %03lx, "
	       "then t32 %03lx %03lx\n", HEX(CTL(a0)), HEX(CTL(a1)), HEX(CTL(io[0])),
	       HEX(CTL(io[1])));
	check(CTL(a0) == SVC_MASKED && CTL(a1) == SYS_MASKED && CTL(io[0]) == SVC_MASKED &&
	      CTL(io[1]) == SVC_IRQ_ON);
}

/* ---------------------------------------------------------------------
 * The one check that copies code from this image's .text (rtcode_asm.S)
 */
extern const uint8_t rtcode_text_a32[], rtcode_text_a32_end[];
extern const uint8_t rtcode_text_t32[], rtcode_text_t32_end[];

static void copied_from_text(void)
{
	uint8_t *dst = heap + 512;
	struct gen g = gen_at(dst);
	uint32_t n = rtcode_text_a32_end - rtcode_text_a32;

	memcpy(dst, rtcode_text_a32, n);
	g.n = n;
	call(make_a32(&g, BY_LINE), NULL, 0);
	printf("rtcode: a32 copied from .text: MRS %03lx, CPS #0x1f, MRS %03lx\n",
	       HEX(CTL(io[0])), HEX(CTL(io[1])));
	check(CTL(io[0]) == SVC_MASKED && CTL(io[1]) == SYS_MASKED);

	/* rtcode_text_t32 is a Thumb function symbol: its address has bit 0 set */
	const uint8_t *src = (const uint8_t *)((uintptr_t)rtcode_text_t32 & ~1u);
	n = rtcode_text_t32_end - src;
	g = gen_at(dst + 128);
	memcpy(g.at, src, n);
	g.n = n;
	call(make_t32(&g, ALL), NULL, 0);
	printf("rtcode: t32 copied from .text: MRS %03lx, CPSIE i, MRS %03lx, CPSID i\n",
	       HEX(CTL(io[0])), HEX(CTL(io[1])));
	check(CTL(io[0]) == SVC_MASKED && CTL(io[1]) == SVC_IRQ_ON);
}

int main(void)
{
	uint32_t ctr = cp15_read(CTR);

	/* CTR.DminLine, IminLine: log2 of the smallest line in words */
	dline = 4u << ((ctr >> 16) & 0xf);
	iline = 4u << (ctr & 0xf);
	heap = malloc(1024);
	if (!heap || ((uintptr_t)heap & 3)) {
		printf("rtcode: no heap\n");
		return 1;
	}

	printf("rtcode: caller CPSR %03lx\n", HEX(CTL(read_cpsr())));
	check(CTL(read_cpsr()) == SVC_MASKED);

	a32_mrs();
	a32_msr_sys();
	a32_msr_irq();
	a32_cps();
	a32_spsr();
	a32_cond();
	a32_usr_regs();
	a32_erets();
	a32_literals();

	t32_mrs();
	t32_msr_sys();
	t32_cps();
	t32_spsr();
	t32_it();
	t32_eret();
	t32_literals();

	timer_pending();
	wfi_wfe();
	timer_off();

	make_keepers();
	data_beside_code();
	overwrite();
	many_rewrites();
	literals_in_memory();
	virtual_alias();
	copied_from_text();

	printf("rtcode: back in %03lx\n", HEX(CTL(read_cpsr())));
	check(CTL(read_cpsr()) == SVC_MASKED);
	printf("rtcode: %u checks, %u not as ARMv7 specifies\n", checks, wrong);
	printf("rtcode: done\n");
	return 0;
}
