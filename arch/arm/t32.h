/*
 * T32 (Thumb-2) instructions that reach trapvisor.  A T32 instruction is
 * held in a uint32_t the way the ARM ARM writes it: a 32-bit one as
 * hw1:hw2 (hw1, the halfword at the lower address, in bits 31:16), a
 * 16-bit one as hw1 alone.  The two never meet: a 32-bit one's hw1 is at
 * least 0xe800.
 *
 * The instructions are emulated by the A32 routines (emul_*.c, ldst.c):
 * t32_decode.c turns each T32 encoding into the A32 instruction that does
 * the same, or, where A32 has no such instruction (LDRT with an offset,
 * the Thumb loads and stores), into the same load/store operation.
 */
#ifndef ARCH_ARM_T32_H
#define ARCH_ARM_T32_H

#include "arch/arm/a32.h"

static inline unsigned t32_len(uint32_t t)
{
	return t > 0xffff ? 4 : 2;
}

/*
 * ITSTATE, the IT block state (ARM ARM A2.5.2): IT[7:2] in CPSR[15:10],
 * IT[1:0] in CPSR[26:25].  IT[7:5] is the block's base condition, IT[4:0]
 * the condition's low bit for this instruction and the mask of the rest.
 */
static inline uint32_t itstate(uint32_t cpsr)
{
	return ((cpsr >> 8) & 0xfc) | ((cpsr >> 25) & 3);
}

/* The condition the instruction at hand executes under: AL outside an IT block. */
static inline uint32_t it_cond(uint32_t cpsr)
{
	uint32_t it = itstate(cpsr);

	return (it & 0xf) ? it >> 4 : 0xe;
}

/* ITAdvance(): the CPSR after an instruction of an IT block completed. */
uint32_t it_advance(uint32_t cpsr);

/* Emulates one T32 instruction at ctx.r[15] that trapped (or was
 * rewritten to trap): its condition (ITSTATE), then its table row. */
enum emu t32_emulate(struct vcpu *v, uint32_t t);
/* The A32 instruction t32_emulate runs for t; a UDF if there is none. */
uint32_t t32_to_a32(uint32_t t);
/* After an instruction at pc that completed (EMU_NEXT): the next one,
 * ITSTATE advanced. */
void t32_next(struct vcpu *v, uint32_t pc, uint32_t t);

/* Indirect branches of code found at run time (emul_branch.c) */
enum emu t32_emu_branch(struct vcpu *v, uint32_t t);

/* Loads and stores (t32_ldst.c): a T32 load/store at ctx.r[15] that hit a
 * device, or LDRT & co.  Counts nothing; no condition check (a load that
 * fails its condition does not fault). */
enum emu t32_emulate_ldst(struct vcpu *v, uint32_t t);

#endif
