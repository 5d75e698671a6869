/*
 * fuzz_a32: the A32 trap emulation.  A vCPU in any state a guest can
 * reach (vcpu_input.c) runs a few fuzz-chosen instruction words the way
 * the undefined-instruction trap path (arch/arm/trap.c) runs them: through
 * a32_emulate() and every routine of its decode table, any condition,
 * any virtual mode.  Input: a count byte, that many words, the vCPU.
 *
 * Besides crashes and sanitizer reports, after each instruction:
 *  - the vCPU is sane (check_vcpu), a valid mode above all, since every
 *    banked register access indexes by it;
 *  - a completed instruction (EMU_NEXT) left the PC to the trap path, an
 *    UNDEFINED one changed nothing, one that branched (EMU_DONE) left a
 *    PC the guest can run from, and an abort was taken as the ARM ARM says;
 *  - virtual User mode gained nothing: it changed no mode, mask, bank,
 *    SPSR or PL1 shadow register, other than by taking an exception.
 */
#include "test/fuzz/vcpu_input.h"
#include "arch/arm/a32.h"
#include "arch/arm/vexc.h"

#define MAX_INSNS	8

static struct vcpu vc, before;

/* The shadow slots virtual User mode may write: the timers, when its
 * CNTKCTL lets it. */
static bool pl0_writable(unsigned slot)
{
	return slot == C_CNTP_CTL || slot == C_CNTP_CVAL || slot == C_CNTP_CVAL_HI ||
	       slot == C_CNTV_CTL || slot == C_CNTV_CVAL || slot == C_CNTV_CVAL_HI;
}

/* After an instruction from virtual User mode that took no exception. */
static void check_user_kept(const struct vcpu *v, const struct vcpu *b, uint32_t insn)
{
	uint32_t priv = PSR_MODE_MASK | PSR_A | PSR_I | PSR_F;

	CHECK((v->ctx.cpsr & priv) == (b->ctx.cpsr & priv), "insn 0x%08x from User: cpsr "
	      "0x%08x -> 0x%08x", insn, b->ctx.cpsr, v->ctx.cpsr);
	CHECK(!memcmp(v->bank, b->bank, sizeof(v->bank)) &&
	      !memcmp(v->r8_12_fiq, b->r8_12_fiq, sizeof(v->r8_12_fiq)),
	      "insn 0x%08x from User changed another mode's registers", insn);
	for (unsigned i = 0; i < CP15_NR; i++)
		CHECK(v->cp15[i] == b->cp15[i] || pl0_writable(i),
		      "insn 0x%08x from User changed shadow slot %u", insn, i);
	CHECK(v->fpexc == b->fpexc, "insn 0x%08x from User changed FPEXC", insn);
}

/* What trap_undef() does with one instruction, and the checks. */
static void step(struct vcpu *v, uint32_t insn)
{
	uint32_t pc = v->ctx.r[15];
	uint64_t aborts = v->traps[TRAP_DABT];
	bool took = false;		/* an exception, checked as such */

	before = *v;
	switch (a32_emulate(v, insn)) {
	case EMU_NEXT:
		CHECK(v->ctx.r[15] == pc, "insn 0x%08x completed with pc 0x%08x -> 0x%08x", insn,
		      pc, v->ctx.r[15]);
		v->ctx.r[15] = pc + 4;
		break;
	case EMU_UNDEF:
		check_only_regs(v, &before, 0);
		vexc_undef(v, pc);
		check_took(v, &before, PSR_MODE_UND, 0x04);
		took = true;
		break;
	case EMU_DONE:
		if (v->traps[TRAP_DABT] != aborts) {
			check_took(v, &before, PSR_MODE_ABT, 0x10);
			took = true;
		} else if (v->state == VCPU_RUNNABLE) {
			CHECK(!(v->ctx.r[15] & (v->ctx.cpsr & PSR_T ? 1 : 3)),
			      "insn 0x%08x returned to 0x%08x (cpsr 0x%08x)", insn,
			      v->ctx.r[15], v->ctx.cpsr);
		}
		break;
	}
	check_vcpu(v);
	if (vcpu_mode(&before) == PSR_MODE_USR && !took)
		check_user_kept(v, &before, insn);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	uint32_t insns[MAX_INSNS];
	unsigned n = 1 + pick(&in, MAX_INSNS);

	for (unsigned i = 0; i < n; i++)
		insns[i] = take32(&in);
	vcpu_from_input(&vc, &in, data, size);
	check_vcpu(&vc);
	/* as on the machine: A32 instructions trap only in A32 state */
	for (unsigned i = 0; i < n && vc.state == VCPU_RUNNABLE && !(vc.ctx.cpsr & PSR_T); i++)
		step(&vc, insns[i]);
	return 0;
}
