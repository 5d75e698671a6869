/*
 * The virtual CPU: a plain data structure holding everything the guest
 * believes is its processor.  The hardware always runs the guest in User
 * mode; the guest's own mode, masks, banked registers and cp15 live here.
 */
#ifndef HYP_VCPU_H
#define HYP_VCPU_H

#include <stdint.h>
#include <stdbool.h>
#include "arch/arm/psr.h"
#include "arch/arm/cp15_regs.h"
#include "hyp/stats.h"

struct vm;

/*
 * What the exception entry saves (arch/arm/entry.S): the registers the
 * guest sees right now.  r[13], r[14] are the current virtual mode's SP and
 * LR, r[15] the PC to resume at.  cpsr is the full virtual CPSR: mode and
 * A/I/F are virtual, the rest is copied from the hardware at every trap.
 * Offsets are fixed by entry.S: do not reorder.
 */
struct cpu_ctx {
	uint32_t r[16];
	uint32_t cpsr;
};

/* One bank per virtual mode that has its own SP, LR and SPSR. */
enum bank {
	BANK_USR,	/* User and System share one */
	BANK_SVC,
	BANK_ABT,
	BANK_UND,
	BANK_IRQ,
	BANK_FIQ,
	BANK_MON,
	BANK_NR
};

struct banked {
	uint32_t sp, lr, spsr;
};

enum vcpu_state {
	VCPU_OFF,
	VCPU_RUNNABLE,
	VCPU_FAILED,
};

struct vcpu {
	uint32_t pad;			/* entry.S: the vCPU is at ctx - 4 (fastpath.h offsets) */
	struct cpu_ctx ctx;		/* entry.S saves/restores here */

	/* Banked registers of the modes not current; the current mode's
	 * SP/LR are in ctx, its SPSR in bank[current].spsr. */
	struct banked bank[BANK_NR];
	uint32_t r8_12_usr[5];		/* r8-r12 of non-FIQ modes, while in FIQ */
	uint32_t r8_12_fiq[5];		/* FIQ's r8-r12, while not in FIQ */

	uint32_t cp15[CP15_NR];		/* shadow system registers */
	uint32_t fpexc;			/* shadow FPEXC (VFP enable) */
	uint64_t vfp_d[32];		/* D0-D31 and FPSCR while another vCPU runs */
	uint32_t vfp_fpscr;

	struct vm *vm;
	enum vcpu_state state;
	bool wfi;			/* waiting for an interrupt */
	uint64_t traps[TRAP_NR];	/* counted per class, for the summary */
	uint32_t last_trap_info;	/* UND: the instruction; aborts: the fault address */
	uint32_t last_trap_pc;
	uint32_t last_trap_kind;	/* TRAP_ENTRY_* (arch/arm/entry.h) */

	/* fault containment: the last synchronous exception taken, and how
	 * many times in a row (arch/arm/vexc.c); the last instruction
	 * trapped without completing, and how many times (trap.c) */
	struct { uint32_t kind, pc, far, n; } xloop;
	uint32_t retry_pc, retry_info, retries;
	bool trace;			/* every trap logged (monitor "trace") */
};

/* Poison written over shadow state before reset: a value never left by
 * any reset, so a register that reset forgot shows up in tests. */
#define VCPU_POISON	0xdeadc0deu

/* A 64-bit shadow register: its low word in slot, its high word in slot + 1. */
static inline uint64_t vcpu_cp15_64(const struct vcpu *v, unsigned slot)
{
	return ((uint64_t)v->cp15[slot + 1] << 32) | v->cp15[slot];
}

static inline void vcpu_set_cp15_64(struct vcpu *v, unsigned slot, uint64_t val)
{
	v->cp15[slot] = (uint32_t)val;
	v->cp15[slot + 1] = (uint32_t)(val >> 32);
}

static inline uint32_t vcpu_mode(const struct vcpu *v)
{
	return v->ctx.cpsr & PSR_MODE_MASK;
}

static inline bool vcpu_privileged(const struct vcpu *v)
{
	return vcpu_mode(v) != PSR_MODE_USR;
}

void vcpu_reset(struct vcpu *v, uint32_t entry);
int mode_bank(uint32_t mode);		/* bank of a mode, -1 if not a valid mode */
bool mode_valid(uint32_t mode);
void vcpu_set_mode(struct vcpu *v, uint32_t mode);	/* swaps banked registers */
void vcpu_write_cpsr(struct vcpu *v, uint32_t cpsr);	/* full CPSR write, mode change included */
uint32_t *vcpu_spsr(struct vcpu *v);			/* NULL in User/System mode */
uint32_t *vcpu_banked_reg(struct vcpu *v, uint32_t mode, int reg);	/* a register of any mode */

#endif
