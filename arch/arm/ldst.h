/*
 * Emulation of loads and stores that hit a virtual device (or that must
 * check PL0's rights: LDRT & co).  Each instruction set decodes its own
 * encodings (ldst.c for A32, t32_ldst.c for T32) into the operations
 * below, which do the accesses: one set of semantics for both.
 */
#ifndef ARCH_ARM_LDST_H
#define ARCH_ARM_LDST_H

#include "arch/arm/a32.h"

/* A load or store of one register, or of two (LDRD/STRD). */
struct ldst_one {
	unsigned rn, rt, rt2;	/* rt2: the second register of a doubleword */
	unsigned size;		/* bytes per register: 1, 2 or 4 */
	bool dual, load, sign;
	bool user;		/* LDRT & co: PL0's permissions whatever the mode */
	bool index, add, wback;	/* ARM ARM P, U, W: offset before the access, added, written back */
	uint32_t base;		/* Rn's value as the instruction reads it (PC: its own rule) */
	uint32_t offset;
};

/* LDM/STM without ^: the lowest register at the lowest address. */
struct ldst_many {
	unsigned rn, list;
	bool load, inc, before, wback;
	uint32_t pc;		/* what a stored PC reads as */
};

enum emu ldst_one(struct vcpu *v, const struct ldst_one *op);
enum emu ldst_many(struct vcpu *v, const struct ldst_many *op);

/* Decodes the A32 load/store at ctx.r[15] and performs it through vmem
 * (so every address it touches goes to RAM, a device or a guest abort). */
enum emu a32_emulate_ldst(struct vcpu *v, uint32_t insn);

#endif
