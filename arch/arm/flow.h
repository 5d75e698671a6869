/*
 * Control flow of one instruction, for finding code at run time
 * (hyp/codescan.c): where execution can go after it.  Pure decoding,
 * no state: the host tests run it as is.
 *
 * Execution only ever reaches code by falling through, by a direct
 * branch (its target is in the instruction), by a return, or by an
 * indirect branch (its target is in a register or in memory).  The first
 * two are followed when code is scanned; returns go back after the call
 * that was followed; an indirect branch is made to trap, so that its
 * target is known before it is taken.
 */
#ifndef ARCH_ARM_FLOW_H
#define ARCH_ARM_FLOW_H

#include <stdint.h>
#include <stdbool.h>

enum flow_kind {
	FLOW_NEXT,	/* goes on to the next instruction */
	FLOW_BRANCH,	/* direct branch to target (and on, if conditional or a call) */
	FLOW_RETURN,	/* BX LR, POP {...,PC} & co: back after a call */
	FLOW_INDIRECT,	/* to an address computed at run time: must trap */
	FLOW_STOP,	/* UNDEFINED, an exception return, or not an instruction */
};

struct flow {
	enum flow_kind kind;
	bool cont;		/* execution may also go on after it */
	bool call;		/* a call: it goes on after it when the callee returns */
	uint32_t target;	/* FLOW_BRANCH */
	bool thumb;		/* the target's instruction set */
	bool it;		/* T32 IT: the next it_count instructions are conditional */
	unsigned it_count;
};

/*
 * A PC-relative load (LDR & co, LDRD, VLDR "literal"): the len bytes at
 * *addr are data that code reads, a literal pool.  False for anything else.
 */
bool a32_literal(uint32_t insn, uint32_t pc, uint32_t *addr, unsigned *len);
bool t32_literal(uint32_t t, uint32_t pc, uint32_t *addr, unsigned *len);

/* The A32 instruction insn at address pc. */
void a32_flow(uint32_t insn, uint32_t pc, struct flow *f);
/* The T32 instruction t (t32.h layout) at pc; in_it: inside an IT block,
 * where every instruction is conditional. */
void t32_flow(uint32_t t, uint32_t pc, bool in_it, struct flow *f);

#endif
