/*
 * The A32 instructions a guest kernel executes at PL1 that reach
 * trapvisor: a decode table, searched in order, first match wins.
 * Anything not here is UNDEFINED for the guest too (its own UDF, a
 * coprocessor it does not have, ...).
 */
#include "arch/arm/a32.h"

static const struct a32_op a32_ops[] = {
	/* hints first: WFI/WFE live inside the MSR-immediate space */
	{ 0x0ffffffe, 0x0320f002, TRAP_WFX,   emu_wfx },		/* WFE, WFI */
	{ 0x0fbf0fff, 0x010f0000, TRAP_PSR,   emu_mrs },		/* MRS Rd, CPSR/SPSR */
	{ 0x0fb00eff, 0x01000200, TRAP_PSR,   emu_banked_undef },	/* MRS Rd, <banked> */
	{ 0x0fb0fff0, 0x0120f000, TRAP_PSR,   emu_msr },		/* MSR <psr>_<f>, Rn */
	{ 0x0fb0fef0, 0x0120f200, TRAP_PSR,   emu_banked_undef },	/* MSR <banked>, Rn */
	{ 0x0fb0f000, 0x0320f000, TRAP_PSR,   emu_msr },		/* MSR <psr>_<f>, #imm */
	{ 0xfff1fe20, 0xf1000000, TRAP_CPS,   emu_cps },
	{ 0x0fffffff, 0x0160006e, TRAP_ERET,  emu_eret },
	{ 0xfe5fffe0, 0xf84d0500, TRAP_LDSTM, emu_srs },
	{ 0xfe50ffff, 0xf8100a00, TRAP_ERET,  emu_rfe },
	{ 0x0e500000, 0x08500000, TRAP_ERET,  emu_ldm_user },		/* LDM ^ (+ERET if PC) */
	{ 0x0e500000, 0x08400000, TRAP_LDSTM, emu_stm_user },		/* STM ^ */
	{ 0x0ff000f0, 0x01400070, TRAP_HVC,   emu_hvc },
	{ 0x0ff000f0, 0x01600070, TRAP_SMC,   emu_smc },
	{ 0x0fe00fff, 0x0ee00a10, TRAP_VFP,   emu_vfp_sysreg },		/* VMRS/VMSR */
	{ 0x0f000010, 0x0e000010, TRAP_CP15,  emu_coproc },		/* MRC/MCR */
	{ 0x0fe00000, 0x0c400000, TRAP_CP15,  emu_coproc64 },		/* MRRC/MCRR */
	{ 0x0c10f000, 0x0010f000, TRAP_ERET,  emu_dp_eret },		/* <op>S PC, ... */
	{ 0x0fffffc0, 0x012fff00, TRAP_BRANCH, emu_bx_reg },		/* BX, BLX, BXJ (register) */
	{ 0x0c10f000, 0x0000f000, TRAP_BRANCH, emu_dp_pc },		/* <op> PC, ... */
	{ 0x0c50f000, 0x0410f000, TRAP_BRANCH, emu_ldr_pc },		/* LDR PC, ... */
	{ 0x0f200000, 0x04200000, TRAP_LDSTM, emu_ldst_user },		/* LDRT, STRT, -BT (imm) */
	{ 0x0f200010, 0x06200000, TRAP_LDSTM, emu_ldst_user },		/* LDRT, STRT, -BT (reg) */
	{ 0x0f2000f0, 0x002000b0, TRAP_LDSTM, emu_ldst_user },		/* LDRHT, STRHT */
	{ 0x0f3000f0, 0x003000d0, TRAP_LDSTM, emu_ldst_user },		/* LDRSBT */
	{ 0x0f3000f0, 0x003000f0, TRAP_LDSTM, emu_ldst_user },		/* LDRSHT */
};

bool cond_passed(uint32_t cpsr, uint32_t cond)
{
	bool n = cpsr & PSR_N, z = cpsr & PSR_Z, c = cpsr & PSR_C, v = cpsr & PSR_V;
	bool r;

	switch (cond >> 1) {
	case 0: r = z; break;
	case 1: r = c; break;
	case 2: r = n; break;
	case 3: r = v; break;
	case 4: r = c && !z; break;
	case 5: r = n == v; break;
	case 6: r = !z && n == v; break;
	default: return true;		/* AL (and 1111, unconditional) */
	}
	return (cond & 1) ? !r : r;
}

enum emu a32_emulate(struct vcpu *v, uint32_t insn)
{
	uint32_t cond = insn >> 28;

	/* A conditional instruction that fails its check does nothing,
	 * whether or not the hardware would have trapped it. */
	if (cond != 0xf && !cond_passed(v->ctx.cpsr, cond))
		return EMU_NEXT;
	for (unsigned i = 0; i < sizeof(a32_ops) / sizeof(a32_ops[0]); i++) {
		const struct a32_op *op = &a32_ops[i];
		if ((insn & op->mask) == op->value) {
			/* the unconditional space only holds CPS, SRS, RFE here */
			if (cond == 0xf && (op->value >> 28) != 0xf)
				continue;
			v->traps[op->cls]++;
			return op->emulate(v, insn);
		}
	}
	return EMU_UNDEF;
}
