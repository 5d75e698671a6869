/*
 * System register (coprocessor 15) emulation: a sorted table of
 * {CRn, Op1, CRm, Op2} -> access function, shadow slot, reset value,
 * in the style of the old 32-bit KVM/ARM coproc.c.  A new register is one
 * row in cp15.c.
 */
#ifndef ARCH_ARM_CP15_H
#define ARCH_ARM_CP15_H

#include <stdint.h>
#include <stdbool.h>

struct vcpu;

/* One MRC/MCR (is64 false) or MRRC/MCRR (is64 true) access. */
struct sysreg_access {
	bool write;
	bool is64;
	uint32_t lo, hi;	/* value written, or read back */
};

struct cp15_reg;
typedef bool (*cp15_access_fn)(struct vcpu *, const struct cp15_reg *, struct sysreg_access *);

struct cp15_reg {
	uint32_t key;		/* CP15_KEY(): the table is sorted on it */
	uint8_t pl0;		/* PL0_R / PL0_W: allowed from virtual User mode */
	uint8_t slot;		/* enum cp15_shadow, or C_NONE */
	cp15_access_fn access;	/* false: the access is UNDEFINED */
	uint32_t reset;
	const char *name;
};

#define PL0_R	1
#define PL0_W	2

/* 32-bit registers by (CRn, Op1, CRm, Op2); 64-bit ones by (Op1, CRm) */
#define CP15_KEY(crn, op1, crm, op2)	(((crn) << 12) | ((op1) << 8) | ((crm) << 4) | (op2))
#define CP15_KEY64(op1, crm)		(0x10000 | ((op1) << 8) | ((crm) << 4))

/* The plain shadow register access, for rows with side effects to build on */
bool acc_rw(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a);

const struct cp15_reg *cp15_find(uint32_t key);
/* Emulates an access; false means the guest must take an Undefined Instruction. */
bool cp15_access(struct vcpu *v, uint32_t key, struct sysreg_access *a);
void cp15_reset(struct vcpu *v);

/* Host-side effects of shadow state: what the hardware must hold while
 * this vCPU runs (TPIDRURO, TPIDRURW, SCTLR.A, FPEXC). */
void cp15_load_hw(struct vcpu *v);
void cp15_save_hw(struct vcpu *v);

/* Table self-check for tests: sorted, no duplicates. */
bool cp15_table_sorted(void);
extern const struct cp15_reg cp15_table[];
extern const unsigned cp15_table_len;

#endif
