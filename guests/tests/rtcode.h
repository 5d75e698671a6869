/*
 * Shared by rtcode's files (rtcode.c has what the guest does and why):
 * the encodings it assembles routines from, writing a routine and making
 * it code, the buffers, reporting, and the checks each file holds.
 */
#ifndef GUEST_RTCODE_H
#define GUEST_RTCODE_H

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
static inline uint32_t a32_imm(uint32_t v)
{
	for (uint32_t rot = 0; rot < 16; rot++) {
		uint32_t r = (v << (2 * rot)) | (rot ? v >> (32 - 2 * rot) : 0);
		if (r < 256)
			return rot << 8 | r;
	}
	return ~0u;	/* not encodable: every caller passes one that is */
}

/* T32 modified immediate (i:imm3:imm8): small ones, or '1':imm7 rotated */
static inline uint32_t t32_imm(uint32_t v)
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

static inline struct gen gen_at(void *p)
{
	return (struct gen){ p, (uintptr_t)p, 0 };
}

static inline void put32(uint8_t *p, uint32_t w) { memcpy(p, &w, 4); }
static inline void put16(uint8_t *p, uint16_t h) { memcpy(p, &h, 2); }
static inline uint32_t get32(const uint8_t *p) { uint32_t w; memcpy(&w, p, 4); return w; }
static inline uint16_t get16(const uint8_t *p) { uint16_t h; memcpy(&h, p, 2); return h; }

/* returns the offset of what it wrote, for the literal fix-ups below */
static inline uint32_t a32(struct gen *g, uint32_t w)
{
	put32(g->at + g->n, w);
	g->n += 4;
	return g->n - 4;
}

static inline uint32_t t16(struct gen *g, uint32_t h)
{
	put16(g->at + g->n, (uint16_t)h);
	g->n += 2;
	return g->n - 2;
}

/* a 32-bit T32 instruction: first halfword first (it holds the opcode) */
static inline uint32_t t32(struct gen *g, uint32_t w)
{
	t16(g, w >> 16);
	t16(g, w & 0xffff);
	return g->n - 4;
}

/* T32 literals and A32 code after T32 code are word aligned: pad with NOP */
static inline void t_align4(struct gen *g)
{
	if (g->n & 2)
		t16(g, T_NOP);
}

/* The A32 LDR (literal) at offset `at` loads the word at offset `lit` */
static inline void a32_lit(struct gen *g, uint32_t at, uint32_t lit)
{
	put32(g->at + at, get32(g->at + at) | (lit - (at + 8)));	/* PC reads +8 */
}

/* The 16-bit T32 LDR (literal) or ADR at `at` addresses offset `lit`
 * (word aligned, as the routines' starts are) */
static inline void t32_lit(struct gen *g, uint32_t at, uint32_t lit)
{
	put16(g->at + at, get16(g->at + at) | (lit - ((at + 4) & ~3u)) / 4);
}

enum how { BY_LINE, ALL };

extern uint32_t dline, iline;	/* smallest cache lines, from CTR */

/* What a routine gets in r0: inputs in, results out */
typedef void (*fn_t)(volatile uint32_t *io);

/* What ARMv7 requires before running len bytes of instructions written
 * at `at` and run at `run` (rtcode_gen.c) */
void sync_code(const void *at, uintptr_t run, uint32_t len, enum how how);
fn_t make_a32(struct gen *g, enum how how);
/* Bit 0 set: the C caller (A32) enters it with BLX, in Thumb state */
fn_t make_t32(struct gen *g, enum how how);

/* ---------------------------------------------------------------------
 * The buffers (rtcode_gen.c)
 */
#define PAGE		4096
#define IO		0		/* mixed.data[IO..IO+15]: a routine's io */
#define COUNTERS	64		/* mixed.data[COUNTERS..]: written all along */

struct mixed_page {
	uint8_t code[1024];		/* A32 scratch 0-255, kept routines 256+ */
	volatile uint32_t data[(PAGE - 1024) / 4];
};
extern struct mixed_page mixed;

#define SCRATCH		(mixed.code)		/* rewritten by each A32 check */
#define KEEP_A32	(mixed.code + 256)	/* written once, run many times */
#define KEEP_T32	(mixed.code + 384)
#define LIT_A32		(mixed.code + 512)	/* literals after the code */
#define LIT_T32		(mixed.code + 640)

extern uint8_t again[256];
extern uint8_t *heap;				/* malloc'd: the T32 checks */

#define io		(&mixed.data[IO])

/* Runs fn with io[] holding `in`, then a marker (so stale results show) */
void call(fn_t fn, const uint32_t *in, unsigned n_in);

/* Reporting: each check prints what it read, and is counted against what
 * the architecture gives */
extern unsigned checks, wrong;
void check(int ok);

extern const char stack_sys_top[];
/* SPSR_svc, then SPSR_irq: what the SPSR checks set (rtcode_a32.c) */
extern const uint32_t spsr_in[2];
/* Literals after the code, loaded by LDR (literal) (rtcode_a32.c) */
extern const uint32_t lit_words[3];

/* The checks, in the order main() runs them */
void a32_mrs(void);
void a32_msr_sys(void);
void a32_msr_irq(void);
void a32_cps(void);
void a32_spsr(void);
void a32_cond(void);
void a32_usr_regs(void);
void a32_erets(void);
void a32_literals(void);
void t32_mrs(void);
void t32_msr_sys(void);
void t32_cps(void);
void t32_spsr(void);
void t32_it(void);
void t32_eret(void);
void t32_literals(void);
void timer_pending(void);
void wfi_wfe(void);
void timer_off(void);

#endif
