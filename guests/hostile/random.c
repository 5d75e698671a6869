/*
 * random: executes a long stream of pseudo-random 32-bit words (xorshift32,
 * fixed seed), one at a time, in SVC mode, with A, I and F masked.  Each
 * word is written into a slot, followed by a branch back; every register
 * of every mode (r0-r12, SP, LR) holds the same address V, in the middle
 * of a scratch area filled with UDF words.  Every exception vector leads
 * back to the runner in SVC mode, whatever the word did to the stack
 * pointers, the endianness or the mode: the vectors use no stack.
 *
 * Only the words that would make the guest lose control for sure are left
 * out (lose_control() below): branches by immediate, writes to the PC
 * other than BX/BLX/BXJ to V (the scratch: UDF), RFE, WFI/WFE (nothing
 * would ever wake it), and MCR/MCRR to SCTLR, ACTLR, CPACR, TTBR0/1,
 * TTBCR, DACR and VBAR (the MMU, the vectors).  SETEND, CPS, MSR, SRS,
 * SVC, HVC (PSCI, with r0 = V: not a function), coprocessor, load and
 * store words all run.  V is chosen so that no load or store through
 * the registers (any shift of V as an offset, LDM/STM ranges) reaches the
 * image, its stacks or the devices (checked offline for V = 0x42600000).
 *
 * Before the random stream come UDF #0 to #255: the encoding trapvisor's
 * loader puts in place of the instructions it rewrites.  Outside the
 * places it rewrote, each must be an undefined instruction to the guest.
 *
 * Under trapvisor the slot runs as data (the loader never saw it), so
 * MRS, MSR and CPS words there act as they do in User mode: the counts
 * differ from a native run; trapvisor must survive, and the VMs beside it
 * must not notice.  Built with -DRANDOM_TRACE it prints each word run and
 * how it ended, to compare a native run with trapvisor's line by line.
 */
#include "tests.h"

#define STR_(x)		#x
#define STR(x)		STR_(x)

#define WORDS		200000u
#define V		0x42600000	/* every register (no u: the asm uses it) */
#define FILL_LO		((uint32_t)V - 0x8000u)	/* scratch filled with UDF words */
#define FILL_HI		((uint32_t)V + 0x8000u)
#define SLOT		0x41000000	/* the word, the branch back, UDF words */
#define UDF_FILL	0xe7fdeafcu	/* UDF #0xdeac */
#define REFILL		1024		/* words between two refills */

/* What rnd_run() returns: how the word ended */
enum { R_DONE, R_MODE, R_USER, R_EXC /* + vector index */ };
#define NR		(R_EXC + 8)

static const char *const rname[NR] = {
	"completed", "left another mode or unmasked", "left User mode",
	"reset", "undefined", "svc", "prefetch abort", "data abort", "hyp", "irq", "fiq",
};

uint32_t rnd_run(void);
extern const uint32_t rnd_back[], rnd_vectors[];
uint32_t rnd_save[10];

/*
 * The runner and the vectors.  rnd_run saves the C context, loads V into
 * every register, sets the flags (Z, C) and jumps to the slot; the slot's
 * branch comes back to rnd_back in whatever mode the word left.  The CPS
 * and MRS here are rewritten by trapvisor's loader like any others.
 */
__asm__(
"	.syntax unified\n"
"	.arm\n"
"	.text\n"
"	.global rnd_run, rnd_back, rnd_vectors\n"
"rnd_run:\n"
"	ldr	r12, =rnd_save\n"
"	stm	r12, {r4-r11, sp, lr}\n"
"	ldr	r0, =" STR(V) "\n"
"	mov	r1, r0\n	mov	r2, r0\n	mov	r3, r0\n	mov	r4, r0\n"
"	mov	r5, r0\n	mov	r6, r0\n	mov	r7, r0\n	mov	r8, r0\n"
"	mov	r9, r0\n	mov	r10, r0\n	mov	r11, r0\n	mov	r12, r0\n"
"	mov	sp, r0\n	mov	lr, r0\n"
"	cmp	r0, r0\n"
"	ldr	pc, =" STR(SLOT) "\n"
"rnd_back:\n"
"	setend	le\n"
"	mrs	r0, cpsr\n"
"	lsl	r0, r0, #23\n"			/* A, I, F, T and the mode */
"	lsr	r0, r0, #23\n"
"	ldr	r1, =0x1d3\n"
"	cmp	r0, r1\n"
"	moveq	r0, #0\n"			/* R_DONE */
"	beq	rnd_restore\n"
"	and	r0, r0, #0x1f\n"
"	cmp	r0, #0x10\n"
"	beq	rnd_user\n"
"	cpsid	aif, #0x13\n"
"	mov	r0, #1\n"			/* R_MODE */
"	b	rnd_restore\n"
"rnd_user:\n"
"	svc	#0xbac\n"			/* the vector sees LR = rnd_user + 4 */
"rnd_restore:\n"
"	ldr	r12, =rnd_save\n"
"	ldm	r12, {r4-r11, sp, lr}\n"
"	bx	lr\n"
"	.balign	32\n"
"rnd_vectors:\n"
"	b	rnd_v0\n	b	rnd_v1\n	b	rnd_v2\n	b	rnd_v3\n"
"	b	rnd_v4\n	b	rnd_v5\n	b	rnd_v6\n	b	rnd_v7\n"
"rnd_v0:	mov	r0, #3\n	b	rnd_exc\n"
"rnd_v1:	mov	r0, #4\n	b	rnd_exc\n"
"rnd_v2:	mov	r0, #5\n	b	rnd_exc\n"
"rnd_v3:	mov	r0, #6\n	b	rnd_exc\n"
"rnd_v4:	mov	r0, #7\n	b	rnd_exc\n"
"rnd_v5:	mov	r0, #8\n	b	rnd_exc\n"
"rnd_v6:	mov	r0, #9\n	b	rnd_exc\n"
"rnd_v7:	mov	r0, #10\n	b	rnd_exc\n"
"rnd_exc:\n"
"	setend	le\n"
"	mov	r1, lr\n"
"	cpsid	aif, #0x13\n"
"	ldr	r2, =rnd_user + 4\n"
"	cmp	r1, r2\n"
"	cmpeq	r0, #5\n"
"	moveq	r0, #2\n"			/* R_USER: its own SVC, not the word's */
"	b	rnd_restore\n"
"	.ltorg\n");

static uint32_t seed = 0x9e3779b9u;

static uint32_t xorshift(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

/* True for the words that would make the guest lose control for sure. */
static int lose_control(uint32_t w)
{
	uint32_t op = (w >> 25) & 7, rd = (w >> 12) & 15, rn = (w >> 16) & 15;

	if (op == 5)					/* B, BL, BLX (immediate) */
		return 1;
	if (w >> 28 == 0xf)				/* RFE: loads PC and CPSR */
		return (w & 0xfe500000u) == 0xf8100000u;
	if ((w & 0x0ffffffeu) == 0x0320f002u)		/* WFE, WFI */
		return 1;
	if ((w & 0x0ff000f0u) == 0x07f000f0u)		/* UDF: kept whatever its imm */
		return 0;
	if (op <= 1) {			/* data processing, misc, multiply, extra load/store */
		uint32_t x = w & 0x0ffffff0u;

		if ((w & 0x0fb0f000u) == 0x0320f000u || (w & 0x0fb0fff0u) == 0x0120f000u)
			return 0;			/* MSR (its bits 15:12 are 1111) */
		if (x == 0x012fff10u || x == 0x012fff20u || x == 0x012fff30u)
			return 0;			/* BX, BXJ, BLX to V: a UDF */
		if (rd == 15)				/* Rd or Rt is the PC */
			return 1;
		if ((w & 0x0f0000f0u) == 0x00000090u || (w & 0x0f900090u) == 0x01000080u)
			return rn == 15;		/* multiplies: Rd in bits 19:16 */
		if ((w & 0x0e000090u) == 0x00000090u && (w & 0x60u)) {	/* extra load/store */
			if (rn == 15 && (!((w >> 24) & 1) || ((w >> 21) & 1)))
				return 1;		/* PC base written back */
			if ((w & 0x0e1000d0u) == 0x000000d0u)	/* LDRD/STRD Rt=14: */
				return rd == 14;		/* Rt2 is the PC */
		}
		return 0;
	}
	if (op == 3 && (w >> 4) & 1)	/* media: some write Rd in bits 19:16 */
		return rd == 15 || rn == 15;
	if (op <= 3)			/* load/store word or byte: into the PC, or a */
		return rd == 15 || (rn == 15 && (!((w >> 24) & 1) || ((w >> 21) & 1)));
					/* PC base written back */
	if (op == 4)			/* LDM with the PC, or based on the PC */
		return ((w >> 20) & 1 && (w >> 15) & 1) || rn == 15;
	if ((w & 0x0f100f10u) == 0x0e000f10u)		/* MCR p15 */
		return rn == 1 || rn == 2 || rn == 3 || rn == 12;
	if ((w & 0x0ff00f00u) == 0x0c400f00u)		/* MCRR p15 (TTBR0/1) */
		return 1;
	return 0;
}

static void fill(uint32_t from, uint32_t to)
{
	for (uint32_t a = from; a < to; a += 4)
		*(volatile uint32_t *)a = UDF_FILL;
}

/* Runs w in the slot; returns how it ended. */
static uint32_t run(uint32_t w)
{
	volatile uint32_t *slot = (volatile uint32_t *)SLOT;

	slot[0] = w;
	slot[1] = 0xea000000u | (((uint32_t)rnd_back - (SLOT + 4) - 8) >> 2 & 0xffffffu);
	cp15_write(DCCMVAU, SLOT);	/* what ARMv7 asks before running written code */
	dsb();
	cp15_write(ICIALLU, 0);
	cp15_write(BPIALL, 0);
	dsb();
	isb();
	return rnd_run();
}

/* Every mode's SP and LR (and FIQ's r8-r12) = V, so whatever a word
 * stores is V; SPSRs hold SVC with A, I, F masked. */
#define BANKED_V(mode, spsr)							\
	__asm__ volatile("cps #" #mode "\n\t"					\
			 "mov r8, %0\n\tmov r9, %0\n\tmov r10, %0\n\t"		\
			 "mov r11, %0\n\tmov r12, %0\n\tmov sp, %0\n\tmov lr, %0\n\t"	\
			 spsr "cps #0x13"						\
			 :: "r"(V), "r"(PSR_SVC | PSR_A | PSR_I | PSR_F)		\
			 : "r8", "r9", "r10", "r11", "r12", "memory")

static void banked_v(void)
{
	BANKED_V(0x11, "msr spsr_fsxc, %1\n\t");
	BANKED_V(0x12, "msr spsr_fsxc, %1\n\t");
	BANKED_V(0x17, "msr spsr_fsxc, %1\n\t");
	BANKED_V(0x1b, "msr spsr_fsxc, %1\n\t");
	BANKED_V(0x1f, "");		/* SYS: User's SP and LR; no SPSR */
}

int main(void)
{
	static uint32_t count[NR];
	uint32_t filtered = 0, udf_undef = 0;

	printf("random: %lu pseudo-random words in SVC mode, registers = 0x%08lx\n",
	       HEX(WORDS), HEX(V));
	fill(SLOT, SLOT + 0x1000);
	fill(FILL_LO, FILL_HI);
	/* SVC's own SP and LR are V only while a word runs (rnd_run) */
	banked_v();
	cp15_write(VBAR, (uint32_t)rnd_vectors);
	isb();

	for (uint32_t i = 0; i < 256; i++)	/* UDF #i: imm12 = i >> 4, imm4 = i & 15 */
		udf_undef += run(0xe7f000f0u | (i >> 4) << 8 | (i & 15)) == R_EXC + EXC_UND;
	printf("random: UDF #0 to #255 (trapvisor's rewrite encoding): %lu undefined "
	       "instructions of 256\n", HEX(udf_undef));

	for (uint32_t i = 0; i < WORDS; i++) {
		uint32_t w = xorshift();

		if (i % REFILL == 0) {
			fill(SLOT + 8, SLOT + 0x1000);
			fill(FILL_LO, FILL_HI);
		}
		if (lose_control(w)) {
			filtered++;
			continue;
		}
#ifdef RANDOM_TRACE
		{
			uint32_t r = run(w);
			count[r]++;
			printf("%08lx %lu\n", HEX(w), HEX(r));
		}
#else
		count[run(w)]++;
#endif
		if ((i + 1) % 50000 == 0)
			printf("random: %lu words\n", HEX(i + 1));
	}

	cp15_write(VBAR, (uint32_t)rt_vectors);
	isb();
	printf("random: %lu words, %lu left out, %lu run:", HEX(WORDS), HEX(filtered),
	       HEX(WORDS - filtered));
	for (int k = 0; k < NR; k++)
		if (count[k])
			printf(" %s %lu,", rname[k], HEX(count[k]));
	printf(" seed 0x9e3779b9\n");
	printf("random: done\n");
	return 0;
}
