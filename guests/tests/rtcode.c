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
 */
#include <stdlib.h>
#include <string.h>
#include "tests.h"
#include "gic.h"

/* The mode, T, F, I and A bits of a PSR: what the checks compare */
#define CTL(psr)	((psr) & 0x1ffu)
#define FLAGS(psr)	((psr) >> 28)
#define SVC_MASKED	0x1d3u		/* main's CPSR: SVC, A, I, F (crt0.S) */
#define SYS_MASKED	0x1dfu
#define SVC_IRQ_ON	0x153u
#define SVC_FIQ_ON	0x193u

/* ---------------------------------------------------------------------
 * Encodings (ARM ARM A8.8), register and immediate fields left at 0
 */
enum { R0, R1, R2, R3, R8 = 8, R12 = 12, SP = 13, LR = 14, PC = 15 };
enum { EQ = 0x0, NE = 0x1 };

/* A32 */
#define A_MRS(rd)		(0xe10f0000u | (rd) << 12)
#define A_MRS_SPSR(rd)		(0xe14f0000u | (rd) << 12)
#define A_MSR_C(rn)		(0xe121f000u | (rn))		/* CPSR_c */
#define A_MSR_SPSR(rn)		(0xe16ff000u | (rn))		/* SPSR_fsxc */
#define A_CPS(mode)		(0xf1020000u | (mode))
#define A_CPSIE_I		0xf1080080u
#define A_CPSID_I		0xf10c0080u
#define A_WFI			0xe320f003u
#define A_WFE			0xe320f002u
#define A_SEV			0xe320f004u
#define A_NOP			0xe320f000u
#define A_DSB			0xf57ff04fu
#define A_STM_USR(rn, list)	(0xe8c00000u | (rn) << 16 | (list))	/* STMIA rn, {..}^ */
#define A_LDM_USR(rn, list)	(0xe8d00000u | (rn) << 16 | (list))	/* LDMIA rn, {..}^ */
#define A_MOVS_PC_LR		0xe1b0f00eu
#define A_SUBS_PC_LR(imm)	(0xe25ef000u | (imm))
#define A_SRSDB_SP(mode)	(0xf96d0500u | (mode))		/* SRSDB sp!, #mode */
#define A_RFEIA_SP		0xf8bd0a00u			/* RFEIA sp! */
#define A_BX(rm)		(0xe12fff10u | (rm))
#define A_MOV(rd, rm)		(0xe1a00000u | (rd) << 12 | (rm))
#define A_SUB(rd, rn, rm)	(0xe0400000u | (rn) << 16 | (rd) << 12 | (rm))
#define A_CMP_IMM(rn, imm)	(0xe3500000u | (rn) << 16 | (imm))
#define A_LDR(rt, rn, imm)	(0xe5900000u | (rn) << 16 | (rt) << 12 | (imm))
#define A_STR(rt, rn, imm)	(0xe5800000u | (rn) << 16 | (rt) << 12 | (imm))
#define A_LDR_LIT(rt)		(0xe59f0000u | (rt) << 12)	/* offset: a32_lit() */
/* data processing, immediate: imm12 from a32_imm() */
#define A_MOV_IMM(rd)		(0xe3a00000u | (rd) << 12)
#define A_ORR_IMM(rd, rn)	(0xe3800000u | (rn) << 16 | (rd) << 12)
#define A_BIC_IMM(rd, rn)	(0xe3c00000u | (rn) << 16 | (rd) << 12)
#define A_AND_IMM(rd, rn)	(0xe2000000u | (rn) << 16 | (rd) << 12)
#define A_ADD_IMM(rd, rn)	(0xe2800000u | (rn) << 16 | (rd) << 12)
#define A_COND(c, w)		(((w) & 0x0fffffffu) | (uint32_t)(c) << 28)

/* T32: 16-bit ones as 0xhhhh, 32-bit ones as 0xfirstsecond */
#define T_MRS(rd)		(0xf3ef8000u | (rd) << 8)
#define T_MRS_SPSR(rd)		(0xf3ff8000u | (rd) << 8)
#define T_MSR_C(rn)		(0xf3808100u | (rn) << 16)	/* CPSR_c */
#define T_MSR_SPSR(rn)		(0xf3908f00u | (rn) << 16)	/* SPSR_fsxc */
#define T_CPS(mode)		(0xf3af8100u | (mode))		/* CPS.W #mode */
#define T_CPSIE_I		0xb662u
#define T_CPSID_I		0xb672u
#define T_CPSIE_F		0xb661u
#define T_CPSID_F		0xb671u
#define T_WFI			0xbf30u
#define T_WFI_W			0xf3af8003u
#define T_WFE			0xbf20u
#define T_WFE_W			0xf3af8002u
#define T_SEV			0xbf40u
#define T_NOP			0xbf00u
#define T_DSB			0xf3bf8f4fu
#define T_SUBS_PC_LR(imm)	(0xf3de8f00u | (imm))
#define T_IT(cond, mask)	(0xbf00u | (cond) << 4 | (mask))
#define T_BX(rm)		(0x4700u | (rm) << 3)
#define T_MOV(rd, rm)		(0x4600u | ((rd) & 8u) << 4 | (rm) << 3 | ((rd) & 7u))
#define T_MOVS_IMM(rd, imm)	(0x2000u | (rd) << 8 | (imm))	/* MOV in an IT block */
#define T_CMP_IMM(rn, imm)	(0x2800u | (rn) << 8 | (imm))
#define T_LDR(rt, rn, imm)	(0x6800u | (imm) / 4 << 6 | (rn) << 3 | (rt))
#define T_STR(rt, rn, imm)	(0x6000u | (imm) / 4 << 6 | (rn) << 3 | (rt))
#define T_LDR_LIT(rt)		(0x4800u | (rt) << 8)		/* offset: t32_lit() */
#define T_ADR(rd)		(0xa000u | (rd) << 8)		/* offset: t32_lit() */
/* data processing, modified immediate: from t32_imm() */
#define T_ORR_IMM(rd, rn)	(0xf0400000u | (rn) << 16 | (rd) << 8)
#define T_BIC_IMM(rd, rn)	(0xf0200000u | (rn) << 16 | (rd) << 8)
#define T_AND_IMM(rd, rn)	(0xf0000000u | (rn) << 16 | (rd) << 8)
#define T_ADD_IMM(rd, rn)	(0xf1000000u | (rn) << 16 | (rd) << 8)

#define FLAG_N	0x80000000u
#define FLAG_Z	0x40000000u
#define FLAG_C	0x20000000u
#define FLAG_V	0x10000000u
#define NZCV	0xf0000000u

/* A32 modified immediate: imm8 rotated right by twice the 4-bit field */
static uint32_t a32_imm(uint32_t v)
{
	for (uint32_t rot = 0; rot < 16; rot++) {
		uint32_t r = (v << (2 * rot)) | (rot ? v >> (32 - 2 * rot) : 0);
		if (r < 256)
			return rot << 8 | r;
	}
	return ~0u;	/* not encodable: every caller passes one that is */
}

/* T32 modified immediate (i:imm3:imm8): small ones, or '1':imm7 rotated */
static uint32_t t32_imm(uint32_t v)
{
	if (v < 256)
		return v;
	for (uint32_t rot = 8; rot < 32; rot++) {
		uint32_t r = (v << rot) | (v >> (32 - rot));
		if (r >= 0x80 && r < 0x100)
			return (rot >> 4) << 26 | ((rot >> 1) & 7) << 12 | (rot & 1) << 7 |
			       (r & 0x7f);
	}
	return ~0u;
}

/* ---------------------------------------------------------------------
 * Writing a routine and making it code
 */
struct gen {
	uint8_t *at;		/* where the routine is written */
	uintptr_t run;		/* where it runs: `at`, or a virtual alias of it */
	uint32_t n;		/* bytes written */
};

static struct gen gen_at(void *p)
{
	return (struct gen){ p, (uintptr_t)p, 0 };
}

static void put32(uint8_t *p, uint32_t w) { memcpy(p, &w, 4); }
static void put16(uint8_t *p, uint16_t h) { memcpy(p, &h, 2); }
static uint32_t get32(const uint8_t *p) { uint32_t w; memcpy(&w, p, 4); return w; }
static uint16_t get16(const uint8_t *p) { uint16_t h; memcpy(&h, p, 2); return h; }

/* returns the offset of what it wrote, for the literal fix-ups below */
static uint32_t a32(struct gen *g, uint32_t w)
{
	put32(g->at + g->n, w);
	g->n += 4;
	return g->n - 4;
}

static uint32_t t16(struct gen *g, uint32_t h)
{
	put16(g->at + g->n, (uint16_t)h);
	g->n += 2;
	return g->n - 2;
}

/* a 32-bit T32 instruction: first halfword first (it holds the opcode) */
static uint32_t t32(struct gen *g, uint32_t w)
{
	t16(g, w >> 16);
	t16(g, w & 0xffff);
	return g->n - 4;
}

/* T32 literals and A32 code after T32 code are word aligned: pad with NOP */
static void t_align4(struct gen *g)
{
	if (g->n & 2)
		t16(g, T_NOP);
}

/* The A32 LDR (literal) at offset `at` loads the word at offset `lit` */
static void a32_lit(struct gen *g, uint32_t at, uint32_t lit)
{
	put32(g->at + at, get32(g->at + at) | (lit - (at + 8)));	/* PC reads +8 */
}

/* The 16-bit T32 LDR (literal) or ADR at `at` addresses offset `lit`
 * (word aligned, as the routines' starts are) */
static void t32_lit(struct gen *g, uint32_t at, uint32_t lit)
{
	put16(g->at + at, get16(g->at + at) | (lit - ((at + 4) & ~3u)) / 4);
}

enum how { BY_LINE, ALL };

static uint32_t dline, iline;	/* smallest cache lines, from CTR */

/*
 * What ARMv7 requires before executing instructions written as data
 * (ARM ARM B2.2.9), for len bytes written at `at` and run at `run` (the
 * same address, or a virtual alias of it), on this single CPU.
 * Natively QEMU models no caches, so a step missing here would not
 * show: each is here because silicon needs it.
 */
static void sync_code(const void *at, uintptr_t run, uint32_t len, enum how how)
{
	uintptr_t start = (uintptr_t)at, end = start + len, a;

	/* 1. The new instructions are in the data side (D-cache, or a write
	 *    buffer): clean each line to the point of unification, where
	 *    instruction fetches look.  By the VA they were written at,
	 *    every line the range touches. */
	for (a = start & ~(uintptr_t)(dline - 1); a < end; a += dline)
		cp15_write(DCCMVAU, a);
	/* 2. The cleans complete before the I-cache invalidation starts:
	 *    otherwise a refill could fetch the old bytes again. */
	dsb();
	/* 3. No stale copy of the old instructions stays in the I-cache:
	 *    each line by the VA they will be fetched from (an I-cache may
	 *    be indexed by VA), or all of it. */
	if (how == ALL)
		cp15_write(ICIALLU, 0);
	else
		for (a = run & ~(uintptr_t)(iline - 1); a < run + len; a += iline)
			cp15_write(ICIMVAU, a);
	/* 4. Branch predictors may hold targets learnt from the old code at
	 *    these addresses (the buffers are reused); ARMv7 asks for this
	 *    unless ID_MMFR1 says they need none. */
	cp15_write(BPIALL, 0);
	/* 5. The invalidations complete before anything fetches... */
	dsb();
	/* 6. ...and this CPU's pipeline drops instructions it may already
	 *    have fetched: the next fetch sees the new code. */
	isb();
}

/* What a routine gets in r0: inputs in, results out */
typedef void (*fn_t)(volatile uint32_t *io);

static fn_t make_a32(struct gen *g, enum how how)
{
	sync_code(g->at, g->run, g->n, how);
	return (fn_t)g->run;
}

/* Bit 0 set: the C caller (A32) enters it with BLX, in Thumb state */
static fn_t make_t32(struct gen *g, enum how how)
{
	sync_code(g->at, g->run, g->n, how);
	return (fn_t)(g->run | 1);
}

/* ---------------------------------------------------------------------
 * The buffers
 */
#define PAGE		4096
#define IO		0		/* mixed.data[IO..IO+15]: a routine's io */
#define COUNTERS	64		/* mixed.data[COUNTERS..]: written all along */

static struct {
	uint8_t code[1024];		/* A32 scratch 0-255, kept routines 256+ */
	volatile uint32_t data[(PAGE - 1024) / 4];
} mixed __attribute__((aligned(PAGE)));

#define SCRATCH		(mixed.code)		/* rewritten by each A32 check */
#define KEEP_A32	(mixed.code + 256)	/* written once, run many times */
#define KEEP_T32	(mixed.code + 384)
#define LIT_A32		(mixed.code + 512)	/* literals after the code */
#define LIT_T32		(mixed.code + 640)

static uint8_t again[256] __attribute__((aligned(64)));
static uint8_t *heap;				/* malloc'd: the T32 checks */

static volatile uint32_t *const io = &mixed.data[IO];

/* Runs fn with io[] holding `in`, then a marker (so stale results show) */
static void call(fn_t fn, const uint32_t *in, unsigned n_in)
{
	for (unsigned i = 0; i < 16; i++)
		io[i] = i < n_in ? in[i] : 0xdeadbeefu;
	mixed.data[COUNTERS]++;			/* a data write on the code's page */
	fn(io);
}

/* ---------------------------------------------------------------------
 * Reporting: each check prints what it read, and is counted against what
 * the architecture gives
 */
static unsigned checks, wrong;

static void check(int ok)
{
	checks++;
	if (!ok) {
		wrong++;
		printf("rtcode:   ^ not as ARMv7 specifies\n");
	}
}

extern const char stack_sys_top[];

/* ---------------------------------------------------------------------
 * A32, in the scratch area of the mixed page
 */
static void a32_mrs(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_BX(LR));
	call(make_a32(&g, BY_LINE), NULL, 0);
	printf("rtcode: a32 MRS r1, CPSR: %03lx\n", HEX(CTL(io[0])));
	check(CTL(io[0]) == SVC_MASKED);
}

/* MSR CPSR_c to System mode (SP is SP_usr there) and back */
static void a32_msr_sys(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_MRS(R3));
	a32(&g, A_ORR_IMM(R1, R3) | a32_imm(0x1f));
	a32(&g, A_MSR_C(R1));
	a32(&g, A_MRS(R2));
	a32(&g, A_MOV(R12, SP));
	a32(&g, A_MSR_C(R3));
	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R2, R0, 0));
	a32(&g, A_STR(R12, R0, 4));
	a32(&g, A_STR(R1, R0, 8));
	a32(&g, A_BX(LR));
	call(make_a32(&g, ALL), NULL, 0);
	printf("rtcode: a32 MSR CPSR_c to System: %03lx, SP %s, MSR CPSR_c back: %03lx\n",
	       HEX(CTL(io[0])), io[1] == (uint32_t)stack_sys_top ? "SP_usr" : "WRONG",
	       HEX(CTL(io[2])));
	check(CTL(io[0]) == SYS_MASKED && io[1] == (uint32_t)stack_sys_top &&
	      CTL(io[2]) == SVC_MASKED);
}

/* MSR CPSR_c clears I, then sets it again (nothing is pending) */
static void a32_msr_irq(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_MRS(R3));
	a32(&g, A_BIC_IMM(R1, R3) | a32_imm(PSR_I));
	a32(&g, A_MSR_C(R1));
	a32(&g, A_MRS(R2));
	a32(&g, A_MSR_C(R3));
	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R2, R0, 0));
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_BX(LR));
	call(make_a32(&g, BY_LINE), NULL, 0);
	printf("rtcode: a32 MSR CPSR_c I clear: %03lx, I set again: %03lx\n",
	       HEX(CTL(io[0])), HEX(CTL(io[1])));
	check(CTL(io[0]) == SVC_IRQ_ON && CTL(io[1]) == SVC_MASKED);
}

static void a32_cps(void)
{
	static const uint32_t ops[4] = { A_CPS(PSR_SYS), A_CPS(PSR_SVC), A_CPSIE_I, A_CPSID_I };
	struct gen g = gen_at(SCRATCH);

	for (unsigned i = 0; i < 4; i++) {
		a32(&g, ops[i]);
		a32(&g, A_MRS(R1));
		a32(&g, A_STR(R1, R0, 4 * i));
	}
	a32(&g, A_BX(LR));
	call(make_a32(&g, ALL), NULL, 0);
	printf("rtcode: a32 CPS #0x1f: %03lx, CPS #0x13: %03lx, CPSIE i: %03lx, CPSID i: %03lx\n",
	       HEX(CTL(io[0])), HEX(CTL(io[1])), HEX(CTL(io[2])), HEX(CTL(io[3])));
	check(CTL(io[0]) == SYS_MASKED && CTL(io[1]) == SVC_MASKED &&
	      CTL(io[2]) == SVC_IRQ_ON && CTL(io[3]) == SVC_MASKED);
}

/* SPSR_svc, then SPSR_irq (CPS to IRQ mode): set, read back, restored */
static const uint32_t spsr_in[2] = { 0x900001d3u, 0x60000110u };

static void a32_spsr(void)
{
	struct gen g = gen_at(SCRATCH);

	for (unsigned i = 0; i < 2; i++) {
		if (i)
			a32(&g, A_CPS(PSR_IRQ));
		a32(&g, A_LDR(R1, R0, 4 * i));
		a32(&g, A_MRS_SPSR(R12));
		a32(&g, A_MSR_SPSR(R1));
		a32(&g, A_MRS_SPSR(R2));
		a32(&g, A_MSR_SPSR(R12));
		a32(&g, A_STR(R2, R0, 8 + 4 * i));
	}
	a32(&g, A_MRS(R3));
	a32(&g, A_CPS(PSR_SVC));
	a32(&g, A_STR(R3, R0, 16));
	a32(&g, A_BX(LR));
	call(make_a32(&g, BY_LINE), spsr_in, 2);
	printf("rtcode: a32 MSR/MRS SPSR_svc: %08lx, SPSR_irq: %08lx (in mode %03lx)\n",
	       HEX(io[2]), HEX(io[3]), HEX(CTL(io[4])));
	check(io[2] == spsr_in[0] && io[3] == spsr_in[1] && CTL(io[4]) == 0x1d2);
}

/* MRSNE and MSREQ CPSR_c (to System), io[0] = 0 (Z set) or 1 (Z clear) */
static void a32_cond(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_LDR(R1, R0, 0));
	a32(&g, A_MRS(R3));
	a32(&g, A_ORR_IMM(R12, R3) | a32_imm(0x1f));
	a32(&g, A_MOV_IMM(R2) | 0xee);
	a32(&g, A_CMP_IMM(R1, 0));
	a32(&g, A_COND(NE, A_MRS(R2)));
	a32(&g, A_COND(EQ, A_MSR_C(R12)));
	a32(&g, A_MRS(R1));
	a32(&g, A_MSR_C(R3));
	a32(&g, A_STR(R2, R0, 4));
	a32(&g, A_STR(R1, R0, 8));
	a32(&g, A_BX(LR));
	fn_t fn = make_a32(&g, BY_LINE);
	for (uint32_t z = 0; z < 2; z++) {
		call(fn, &z, 1);
		printf("rtcode: a32 Z %s: MRSNE r2 -> %03lx, MSREQ CPSR_c to System -> %03lx\n",
		       z ? "clear" : "set", HEX(z ? CTL(io[1]) : io[1]), HEX(CTL(io[2])));
		check(z ? CTL(io[1]) == SVC_MASKED && CTL(io[2]) == SVC_MASKED
			: io[1] == 0xee && CTL(io[2]) == SYS_MASKED);
	}
}

/*
 * LDM/STM of the User registers from SVC mode: SP_usr and LR_usr saved
 * (STM ^), set from io[0..1] (LDM ^), read back with STM ^ and in
 * System mode, restored.  SVC's own SP and LR must not move (LR: the
 * routine returns through it).
 */
static void a32_usr_regs(void)
{
	static const uint32_t in[2] = { 0x4a5a6a7au, 0x4b5b6b7bu };
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_MOV(R2, SP));
	a32(&g, A_STR(R2, R0, 40));		/* SP_svc before */
	a32(&g, A_ADD_IMM(R1, R0) | 8);		/* io + 2: the originals */
	a32(&g, A_ADD_IMM(R12, R0) | 16);	/* io + 4: STM ^ of the new */
	a32(&g, A_STM_USR(R1, 1u << SP | 1u << LR));
	a32(&g, A_LDM_USR(R0, 1u << SP | 1u << LR));
	a32(&g, A_NOP);				/* no banked register right after */
	a32(&g, A_STM_USR(R12, 1u << SP | 1u << LR));
	a32(&g, A_CPS(PSR_SYS));
	a32(&g, A_MOV(R2, SP));
	a32(&g, A_MOV(R3, LR));
	a32(&g, A_CPS(PSR_SVC));
	a32(&g, A_STR(R2, R0, 24));
	a32(&g, A_STR(R3, R0, 28));
	a32(&g, A_MOV(R2, SP));
	a32(&g, A_STR(R2, R0, 32));		/* SP_svc after */
	a32(&g, A_LDM_USR(R1, 1u << SP | 1u << LR));
	a32(&g, A_NOP);
	a32(&g, A_CPS(PSR_SYS));
	a32(&g, A_MOV(R2, SP));
	a32(&g, A_CPS(PSR_SVC));
	a32(&g, A_STR(R2, R0, 36));		/* SP_usr restored */
	a32(&g, A_BX(LR));
	call(make_a32(&g, ALL), in, 2);
	printf("rtcode: a32 LDM {sp, lr}^ then STM {sp, lr}^: %08lx %08lx, in System: "
	       "%08lx %08lx\n", HEX(io[4]), HEX(io[5]), HEX(io[6]), HEX(io[7]));
	printf("rtcode: a32 SP_usr before %s, restored %s, SP_svc %s\n",
	       io[2] == (uint32_t)stack_sys_top ? "its stack top" : "WRONG",
	       io[9] == (uint32_t)stack_sys_top ? "its stack top" : "WRONG",
	       io[8] == io[10] ? "untouched" : "WRONG");
	check(io[4] == in[0] && io[5] == in[1] && io[6] == in[0] && io[7] == in[1] &&
	      io[2] == (uint32_t)stack_sys_top && io[9] == (uint32_t)stack_sys_top &&
	      io[8] == io[10]);
}

/*
 * Exception returns without an exception: SPSR_svc set by hand, LR the
 * next instruction.  MOVS PC, LR to System mode with N set; SUBS PC, LR,
 * #4 with SPSR.T set, into T32 code written right after it; SRSDB to the
 * SVC stack and RFEIA from it, with C set.  Each ends back in SVC mode,
 * SPSR_svc restored, through r2 = the caller's LR.
 */
static void a32_erets(void)
{
	struct gen g = gen_at(SCRATCH);
	fn_t fn;

	/* MOVS PC, LR */
	a32(&g, A_MOV(R2, LR));
	a32(&g, A_MRS(R3));
	a32(&g, A_MRS_SPSR(R12));
	a32(&g, A_BIC_IMM(R1, R3) | a32_imm(NZCV));
	a32(&g, A_ORR_IMM(R1, R1) | a32_imm(FLAG_N));
	a32(&g, A_ORR_IMM(R1, R1) | 0x1f);
	a32(&g, A_MSR_SPSR(R1));
	a32(&g, A_ADD_IMM(LR, PC) | 0);		/* PC reads +8: the MRS below */
	a32(&g, A_MOVS_PC_LR);
	a32(&g, A_MRS(R1));			/* System mode, N: CPSR := SPSR */
	a32(&g, A_CPS(PSR_SVC));
	a32(&g, A_MSR_SPSR(R12));
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_BX(R2));
	fn = make_a32(&g, BY_LINE);
	call(fn, NULL, 0);
	printf("rtcode: a32 MOVS PC, LR: flags %lx, %03lx; back %03lx\n", HEX(FLAGS(io[0])),
	       HEX(CTL(io[0])), HEX(CTL(io[1])));
	check(FLAGS(io[0]) == 8 && CTL(io[0]) == SYS_MASKED && CTL(io[1]) == SVC_MASKED);

	/* SUBS PC, LR, #4 into Thumb */
	g = gen_at(SCRATCH);
	a32(&g, A_MOV(R2, LR));
	a32(&g, A_MRS(R3));
	a32(&g, A_MRS_SPSR(R12));
	a32(&g, A_BIC_IMM(R1, R3) | a32_imm(NZCV));
	a32(&g, A_ORR_IMM(R1, R1) | a32_imm(FLAG_Z));
	a32(&g, A_ORR_IMM(R1, R1) | a32_imm(PSR_T));
	a32(&g, A_MSR_SPSR(R1));
	a32(&g, A_ADD_IMM(LR, PC) | 4);		/* the T32 code + 4 */
	a32(&g, A_SUBS_PC_LR(4));
	t32(&g, T_MRS(R1));			/* Thumb, Z; T reads as 0 */
	t16(&g, T_STR(R1, R0, 0));
	t16(&g, T_MOVS_IMM(R1, 0x5a));		/* 16-bit: only right as T32 */
	t16(&g, T_STR(R1, R0, 4));
	t32(&g, T_MSR_SPSR(R12));
	t16(&g, T_BX(R2));			/* to the A32 caller */
	fn = make_a32(&g, ALL);
	call(fn, NULL, 0);
	printf("rtcode: a32 SUBS PC, LR, #4 with SPSR.T: T32 code ran (%02lx), flags %lx, %03lx\n",
	       HEX(io[1]), HEX(FLAGS(io[0])), HEX(CTL(io[0])));
	check(io[1] == 0x5a && FLAGS(io[0]) == 4 && CTL(io[0]) == SVC_MASKED);

	/* SRSDB / RFEIA */
	g = gen_at(SCRATCH);
	a32(&g, A_MOV(R2, LR));
	a32(&g, A_MRS(R3));
	a32(&g, A_MRS_SPSR(R12));
	a32(&g, A_BIC_IMM(R1, R3) | a32_imm(NZCV));
	a32(&g, A_ORR_IMM(R1, R1) | a32_imm(FLAG_C));
	a32(&g, A_MSR_SPSR(R1));
	a32(&g, A_MOV(R1, SP));
	a32(&g, A_ADD_IMM(LR, PC) | 4);		/* the instruction after RFE */
	a32(&g, A_SRSDB_SP(PSR_SVC));
	a32(&g, A_RFEIA_SP);
	a32(&g, A_MRS(R3));
	a32(&g, A_STR(R3, R0, 0));
	a32(&g, A_SUB(R1, R1, SP));		/* 0: SP back where it was */
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_MSR_SPSR(R12));
	a32(&g, A_BX(R2));
	fn = make_a32(&g, BY_LINE);
	call(fn, NULL, 0);
	printf("rtcode: a32 SRSDB sp!, RFEIA sp!: flags %lx, %03lx, SP moved by %ld\n",
	       HEX(FLAGS(io[0])), HEX(CTL(io[0])), (long)io[1]);
	check(FLAGS(io[0]) == 2 && CTL(io[0]) == SVC_MASKED && io[1] == 0);
}

/* Literals after the code, loaded by LDR (literal) */
static const uint32_t lit_words[3] = {
	0xe10f0000u,	/* "mrs r0, cpsr" */
	0xb662b672u,	/* "cpsid i", "cpsie i" in T32, first at the lower address */
	0x8000f3efu,	/* "mrs r0, cpsr" in T32 */
};

static void a32_literals(void)
{
	struct gen g = gen_at(LIT_A32);
	uint32_t ld[3];

	for (unsigned i = 0; i < 3; i++) {
		ld[i] = a32(&g, A_LDR_LIT(R1));
		a32(&g, A_STR(R1, R0, 4 * i));
	}
	a32(&g, A_BX(LR));
	for (unsigned i = 0; i < 3; i++)
		a32_lit(&g, ld[i], a32(&g, lit_words[i]));
	call(make_a32(&g, BY_LINE), NULL, 0);
	printf("rtcode: a32 literals after BX LR, loaded: %08lx %08lx %08lx\n",
	       HEX(io[0]), HEX(io[1]), HEX(io[2]));
	check(io[0] == lit_words[0] && io[1] == lit_words[1] && io[2] == lit_words[2]);
}

/* ---------------------------------------------------------------------
 * T32, in the heap buffer, entered with BLX from the A32 caller
 */
static void t32_mrs(void)
{
	struct gen g = gen_at(heap);

	t32(&g, T_MRS(R1));
	t16(&g, T_MOV(R3, R8));			/* r8 is the caller's */
	t32(&g, T_MRS(R8));
	t32(&g, T_MRS(R12));
	t16(&g, T_STR(R1, R0, 0));
	t16(&g, T_MOV(R1, R8));
	t16(&g, T_STR(R1, R0, 4));
	t16(&g, T_MOV(R1, R12));
	t16(&g, T_STR(R1, R0, 8));
	t16(&g, T_MOV(R8, R3));
	t16(&g, T_BX(LR));
	call(make_t32(&g, BY_LINE), NULL, 0);
	printf("rtcode: t32 MRS r1, r8, r12, CPSR: %03lx %03lx %03lx\n",
	       HEX(CTL(io[0])), HEX(CTL(io[1])), HEX(CTL(io[2])));
	check(CTL(io[0]) == SVC_MASKED && CTL(io[1]) == SVC_MASKED && CTL(io[2]) == SVC_MASKED);
}

static void t32_msr_sys(void)
{
	struct gen g = gen_at(heap);

	t32(&g, T_MRS(R3));
	t32(&g, T_ORR_IMM(R1, R3) | t32_imm(0x1f));
	t32(&g, T_MSR_C(R1));
	t32(&g, T_MRS(R2));
	t16(&g, T_MOV(R12, SP));
	t32(&g, T_MSR_C(R3));
	t32(&g, T_MRS(R1));
	t16(&g, T_STR(R2, R0, 0));
	t16(&g, T_STR(R1, R0, 8));
	t16(&g, T_MOV(R1, R12));
	t16(&g, T_STR(R1, R0, 4));
	t16(&g, T_BX(LR));
	call(make_t32(&g, ALL), NULL, 0);
	printf("rtcode: t32 MSR CPSR_c to System: %03lx, SP %s, MSR CPSR_c back: %03lx\n",
	       HEX(CTL(io[0])), io[1] == (uint32_t)stack_sys_top ? "SP_usr" : "WRONG",
	       HEX(CTL(io[2])));
	check(CTL(io[0]) == SYS_MASKED && io[1] == (uint32_t)stack_sys_top &&
	      CTL(io[2]) == SVC_MASKED);
}

/* CPS.W #mode (32-bit), CPSIE/CPSID i and f (16-bit) */
static void t32_cps(void)
{
	static const uint32_t ops[6] = {
		T_CPS(PSR_SYS), T_CPS(PSR_SVC), T_CPSIE_I, T_CPSID_I, T_CPSIE_F, T_CPSID_F,
	};
	static const uint32_t want[6] = {
		SYS_MASKED, SVC_MASKED, SVC_IRQ_ON, SVC_MASKED, SVC_FIQ_ON, SVC_MASKED,
	};
	struct gen g = gen_at(heap);
	int ok = 1;

	for (unsigned i = 0; i < 6; i++) {
		if (ops[i] >> 16)
			t32(&g, ops[i]);
		else
			t16(&g, ops[i]);
		t32(&g, T_MRS(R1));
		t16(&g, T_STR(R1, R0, 4 * i));
	}
	t16(&g, T_BX(LR));
	call(make_t32(&g, BY_LINE), NULL, 0);
	printf("rtcode: t32 CPS.W #0x1f: %03lx, CPS.W #0x13: %03lx, CPSIE i: %03lx, "
	       "CPSID i: %03lx, CPSIE f: %03lx, CPSID f: %03lx\n", HEX(CTL(io[0])),
	       HEX(CTL(io[1])), HEX(CTL(io[2])), HEX(CTL(io[3])), HEX(CTL(io[4])),
	       HEX(CTL(io[5])));
	for (unsigned i = 0; i < 6; i++)
		ok &= CTL(io[i]) == want[i];
	check(ok);
}

static void t32_spsr(void)
{
	struct gen g = gen_at(heap);

	for (unsigned i = 0; i < 2; i++) {
		if (i)
			t32(&g, T_CPS(PSR_IRQ));
		t16(&g, T_LDR(R1, R0, 4 * i));
		t32(&g, T_MRS_SPSR(R12));
		t32(&g, T_MSR_SPSR(R1));
		t32(&g, T_MRS_SPSR(R2));
		t32(&g, T_MSR_SPSR(R12));
		t16(&g, T_STR(R2, R0, 8 + 4 * i));
	}
	t32(&g, T_MRS(R3));
	t32(&g, T_CPS(PSR_SVC));
	t16(&g, T_STR(R3, R0, 16));
	t16(&g, T_BX(LR));
	call(make_t32(&g, ALL), spsr_in, 2);
	printf("rtcode: t32 MSR/MRS SPSR_svc: %08lx, SPSR_irq: %08lx (in mode %03lx)\n",
	       HEX(io[2]), HEX(io[3]), HEX(CTL(io[4])));
	check(io[2] == spsr_in[0] && io[3] == spsr_in[1] && CTL(io[4]) == 0x1d2);
}

/*
 * ITET NE: MRSNE r2, CPSR; MSREQ CPSR_c (to System); MOVNE r1, #0x77.
 * The MOVNE after the two sensitive ones shows that ITSTATE advanced
 * past them as it should, whichever ran.
 */
static void t32_it(void)
{
	struct gen g = gen_at(heap);

	t16(&g, T_LDR(R1, R0, 0));
	t32(&g, T_MRS(R3));
	t32(&g, T_ORR_IMM(R12, R3) | t32_imm(0x1f));
	t16(&g, T_MOVS_IMM(R2, 0xee));
	t16(&g, T_CMP_IMM(R1, 0));
	t16(&g, T_IT(NE, 0x6));			/* ITET NE */
	t32(&g, T_MRS(R2));
	t32(&g, T_MSR_C(R12));
	t16(&g, T_MOVS_IMM(R1, 0x77));		/* in an IT block: MOV, flags kept */
	t32(&g, T_MRS(R12));
	t32(&g, T_MSR_C(R3));
	t16(&g, T_STR(R2, R0, 4));
	t16(&g, T_STR(R1, R0, 8));
	t16(&g, T_MOV(R1, R12));
	t16(&g, T_STR(R1, R0, 12));
	t16(&g, T_BX(LR));
	fn_t fn = make_t32(&g, BY_LINE);
	for (uint32_t z = 0; z < 2; z++) {
		call(fn, &z, 1);
		printf("rtcode: t32 ITET NE, Z %s: MRSNE r2 -> %03lx, MSREQ CPSR_c to System -> "
		       "%03lx, MOVNE r1 -> %02lx\n", z ? "clear" : "set",
		       HEX(z ? CTL(io[1]) : io[1]), HEX(CTL(io[3])), HEX(io[2]));
		check(z ? CTL(io[1]) == SVC_MASKED && CTL(io[3]) == SVC_MASKED && io[2] == 0x77
			: io[1] == 0xee && CTL(io[3]) == SYS_MASKED && io[2] == 0);
	}
}

/*
 * SUBS PC, LR, #0 from T32 with SPSR.T clear (MRS reads T as 0): into
 * A32 code written right after it, flags from the SPSR (C, V).
 */
static void t32_eret(void)
{
	struct gen g = gen_at(heap);
	uint32_t adr;

	t16(&g, T_MOV(R2, LR));			/* the A32 caller */
	t32(&g, T_MRS(R3));
	t32(&g, T_MRS_SPSR(R12));
	t32(&g, T_BIC_IMM(R1, R3) | t32_imm(NZCV));
	t32(&g, T_ORR_IMM(R1, R1) | t32_imm(FLAG_C));
	t32(&g, T_ORR_IMM(R1, R1) | t32_imm(FLAG_V));
	t32(&g, T_MSR_SPSR(R1));
	adr = t16(&g, T_ADR(R1));
	t16(&g, T_MOV(LR, R1));
	t32(&g, T_SUBS_PC_LR(0));
	t_align4(&g);
	t32_lit(&g, adr, g.n);
	a32(&g, A_MRS(R1));			/* A32 now */
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_MOV_IMM(R1) | 0xa5);
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_MSR_SPSR(R12));
	a32(&g, A_BX(R2));
	call(make_t32(&g, BY_LINE), NULL, 0);
	printf("rtcode: t32 SUBS PC, LR, #0 with SPSR.T clear: A32 code ran (%02lx), "
	       "flags %lx, %03lx\n", HEX(io[1]), HEX(FLAGS(io[0])), HEX(CTL(io[0])));
	check(io[1] == 0xa5 && FLAGS(io[0]) == 3 && CTL(io[0]) == SVC_MASKED);
}

/* A T32 literal pool after BX LR, loaded with 16-bit LDR (literal) */
static void t32_literals(void)
{
	struct gen g = gen_at(LIT_T32);
	uint32_t ld[3];

	for (unsigned i = 0; i < 3; i++) {
		ld[i] = t16(&g, T_LDR_LIT(R1));
		t16(&g, T_STR(R1, R0, 4 * i));
	}
	t16(&g, T_BX(LR));
	t_align4(&g);
	for (unsigned i = 0; i < 3; i++) {
		t32_lit(&g, ld[i], g.n);
		t16(&g, lit_words[i] & 0xffff);	/* as halfwords: little-endian words */
		t16(&g, lit_words[i] >> 16);
	}
	call(make_t32(&g, ALL), NULL, 0);
	printf("rtcode: t32 literal pool after BX LR, loaded: %08lx %08lx %08lx\n",
	       HEX(io[0]), HEX(io[1]), HEX(io[2]));
	check(io[0] == lit_words[0] && io[1] == lit_words[1] && io[2] == lit_words[2]);
}

/* ---------------------------------------------------------------------
 * WFI and WFE, with the virtual timer's interrupt pending and masked
 * (CPSR.I): WFI returns at once (a pending interrupt wakes it even
 * masked), WFE after SEV returns at once (the event register is set).
 */
static void timer_pending(void)
{
	uint32_t pending = vtimer_make_pending(0xf0);

	printf("rtcode: virtual timer interrupt pending: %lu\n", HEX(pending));
	check(pending == 1);
}

static void timer_off(void)
{
	cp15_write(CNTV_CTL, 0);
	isb();
	gic_disable_irq(IRQ_VTIMER);
	gicc_write(GICC_CTLR, 0);
	gicd_write(GICD_CTLR, 0);
	printf("rtcode: timer off, pending %lu\n", HEX(gic_pending(IRQ_VTIMER)));
	check(gic_pending(IRQ_VTIMER) == 0);
}

static void wfi_wfe(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_DSB);
	a32(&g, A_WFI);
	a32(&g, A_MOV_IMM(R1) | 1);
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_SEV);
	a32(&g, A_WFE);
	a32(&g, A_MOV_IMM(R1) | 2);
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R1, R0, 8));
	a32(&g, A_BX(LR));
	call(make_a32(&g, BY_LINE), NULL, 0);
	printf("rtcode: a32 WFI returned %lu, SEV; WFE returned %lu, CPSR %03lx\n",
	       HEX(io[0]), HEX(io[1]), HEX(CTL(io[2])));
	check(io[0] == 1 && io[1] == 2 && CTL(io[2]) == SVC_MASKED);

	g = gen_at(heap);
	t32(&g, T_DSB);
	t16(&g, T_WFI);
	t16(&g, T_MOVS_IMM(R1, 1));
	t16(&g, T_STR(R1, R0, 0));
	t32(&g, T_DSB);
	t32(&g, T_WFI_W);
	t16(&g, T_MOVS_IMM(R1, 2));
	t16(&g, T_STR(R1, R0, 4));
	t16(&g, T_SEV);
	t16(&g, T_WFE);
	t16(&g, T_MOVS_IMM(R1, 3));
	t16(&g, T_STR(R1, R0, 8));
	t16(&g, T_SEV);
	t32(&g, T_WFE_W);
	t16(&g, T_MOVS_IMM(R1, 4));
	t16(&g, T_STR(R1, R0, 12));
	t32(&g, T_MRS(R1));
	t16(&g, T_STR(R1, R0, 16));
	t16(&g, T_BX(LR));
	call(make_t32(&g, ALL), NULL, 0);
	printf("rtcode: t32 WFI returned %lu, WFI.W %lu, SEV; WFE %lu, SEV; WFE.W %lu, "
	       "CPSR %03lx\n", HEX(io[0]), HEX(io[1]), HEX(io[2]), HEX(io[3]),
	       HEX(CTL(io[4])));
	check(io[0] == 1 && io[1] == 2 && io[2] == 3 && io[3] == 4 &&
	      CTL(io[4]) == SVC_MASKED);
}

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
 * the heap buffer again at ALIAS.  Routines are written at their flat
 * address and run at the alias: one physical page, two virtual ones.
 */
#define L1		0x42000000u	/* 16 KiB in RAM, past the image */
#define ALIAS		0x80000000u
#define SECT_RAM	(0x2u | 1u << 12 | 1u << 3 | 1u << 2 | 3u << 10)	/* normal WB */
#define SECT_DEV	(0x2u | 1u << 2 | 1u << 4 | 3u << 10)	/* device, XN */

static void mmu_on(void)
{
	uint32_t *l1 = (uint32_t *)L1;

	memset(l1, 0, 16384);
	l1[0x090] = 0x09000000u | SECT_DEV;
	for (uint32_t mib = 0x400; mib < 0x440; mib++)
		l1[mib] = mib << 20 | SECT_RAM;
	l1[ALIAS >> 20] = ((uintptr_t)heap & ~0xfffffu) | SECT_RAM;
	dsb();				/* the table is in memory before the walk */
	cp15_write(TTBCR, 0);
	cp15_write(DACR, 1);		/* domain 0: client */
	cp15_write(TTBR0, L1);
	cp15_write(TLBIALL, 0);
	dsb();
	isb();
	cp15_write(SCTLR, cp15_read(SCTLR) | 1);
	isb();
}

static void mmu_off(void)
{
	cp15_write(SCTLR, cp15_read(SCTLR) & ~1u);
	isb();
}

static void virtual_alias(void)
{
	uint8_t *at = heap + 256;
	struct gen g;

	mmu_on();
	g = gen_at(at);
	g.run = ALIAS + ((uintptr_t)at & 0xfffffu);
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
	g.run = ALIAS + ((uintptr_t)at & 0xfffffu);
	t32(&g, T_MRS(R1));
	t16(&g, T_CPSIE_I);
	t32(&g, T_MRS(R2));
	t16(&g, T_CPSID_I);
	t16(&g, T_STR(R1, R0, 0));
	t16(&g, T_STR(R2, R0, 4));
	t16(&g, T_BX(LR));
	call(make_t32(&g, ALL), NULL, 0);
	mmu_off();
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
