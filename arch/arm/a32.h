/* A32 decoding helpers shared by the emulation files. */
#ifndef ARCH_ARM_A32_H
#define ARCH_ARM_A32_H

#include <stdint.h>
#include <stdbool.h>
#include "hyp/vcpu.h"

static inline uint32_t bits(uint32_t x, unsigned hi, unsigned lo)
{
	return (x >> lo) & ((2u << (hi - lo)) - 1);
}

static inline uint32_t bit(uint32_t x, unsigned n)
{
	return (x >> n) & 1;
}

/* ARM ARM A8.3 ConditionPassed() on the guest's flags. */
bool cond_passed(uint32_t cpsr, uint32_t cond);

/* Register n as an A32 instruction at ctx.r[15] reads it (PC reads +8). */
static inline uint32_t reg_read(const struct vcpu *v, unsigned n)
{
	return n == 15 ? v->ctx.r[15] + 8 : v->ctx.r[n];
}

/*
 * What an emulation routine did: EMU_NEXT, go on after the instruction;
 * EMU_DONE, it set PC (branch, exception return, or a virtual exception
 * was taken) or the VM stopped; EMU_UNDEF, the guest takes an Undefined
 * Instruction exception.
 */
enum emu {
	EMU_NEXT,
	EMU_DONE,
	EMU_UNDEF,
};

struct a32_op {
	uint32_t mask, value;
	enum trap_class cls;
	enum emu (*emulate)(struct vcpu *v, uint32_t insn);
};

/* Emulates one A32 instruction at ctx.r[15] that trapped (or was
 * rewritten to trap): condition check, then the first matching row. */
enum emu a32_emulate(struct vcpu *v, uint32_t insn);

/* Instruction classes, one file each. */
enum emu emu_mrs(struct vcpu *v, uint32_t insn);
enum emu emu_msr(struct vcpu *v, uint32_t insn);
enum emu emu_banked_undef(struct vcpu *v, uint32_t insn);
enum emu emu_cps(struct vcpu *v, uint32_t insn);
enum emu emu_coproc(struct vcpu *v, uint32_t insn);
enum emu emu_coproc64(struct vcpu *v, uint32_t insn);
enum emu emu_vfp_sysreg(struct vcpu *v, uint32_t insn);
enum emu emu_dp_eret(struct vcpu *v, uint32_t insn);
enum emu emu_eret(struct vcpu *v, uint32_t insn);
enum emu emu_ldm_user(struct vcpu *v, uint32_t insn);
enum emu emu_stm_user(struct vcpu *v, uint32_t insn);
enum emu emu_srs(struct vcpu *v, uint32_t insn);
enum emu emu_rfe(struct vcpu *v, uint32_t insn);
enum emu emu_wfx(struct vcpu *v, uint32_t insn);
enum emu emu_hvc(struct vcpu *v, uint32_t insn);
enum emu emu_smc(struct vcpu *v, uint32_t insn);
enum emu emu_ldst_user(struct vcpu *v, uint32_t insn);

/* The result of data-processing insn (ARM ARM A5.2.1), false if it is not
 * one with a result (multiplies, extra loads/stores, compares). */
bool dp_result(const struct vcpu *v, uint32_t insn, uint32_t *result);
/* Indirect branches of code found at run time (emul_branch.c, codescan.c) */
enum emu emu_bx_reg(struct vcpu *v, uint32_t insn);
enum emu emu_dp_pc(struct vcpu *v, uint32_t insn);
enum emu emu_ldr_pc(struct vcpu *v, uint32_t insn);
/* BXWritePC(): the PC and CPSR.T from an interworking branch target. */
void bx_write_pc(struct vcpu *v, uint32_t target);

/* Shared by the exception-return forms: CPSR <- SPSR, branch to pc. */
void exception_return(struct vcpu *v, uint32_t pc, uint32_t spsr);
/* ARM ARM CPSRWriteByInstr() on the virtual CPSR. */
void cpsr_write_by_instr(struct vcpu *v, uint32_t value, uint32_t bytemask, bool excpt_return);

#endif
