/*
 * C side of the trap fast paths (fastpath.h): the load-time decode of a
 * rewritten instruction, and the check that the offsets the assembly
 * uses are the structures' own.
 */
#include <stddef.h>
#include "arch/arm/fastpath.h"
#include "arch/arm/psr.h"
#include "hyp/vm.h"

/* On the target only: host unit tests build this file with 64-bit pointers. */
#ifdef __arm__
#define FROM_CTX(field, off) _Static_assert(offsetof(struct vcpu, field) - \
	offsetof(struct vcpu, ctx) == (off), "vcpu." #field " (fastpath.h)")
FROM_CTX(bank, FP_BANK);
FROM_CTX(cp15, FP_CP15);
FROM_CTX(vm, FP_VM);
FROM_CTX(traps, FP_TRAPS);
FROM_CTX(last_trap_info, FP_LAST_INFO);
FROM_CTX(last_trap_pc, FP_LAST_PC);
FROM_CTX(last_trap_kind, FP_LAST_KIND);
_Static_assert(sizeof(struct banked) == FP_BANK_SIZE, "struct banked");
_Static_assert(offsetof(struct vm, ram_pa) == FP_VM_RAM_PA, "vm.ram_pa");
_Static_assert(offsetof(struct vm, rt.e) == FP_VM_RT_E, "vm.rt.e");
_Static_assert(offsetof(struct vm, rt.count) == FP_VM_RT_COUNT, "vm.rt.count");
_Static_assert(offsetof(struct vm, mmu.shadowed) == FP_VM_MMU_ON, "vm.mmu.shadowed");
_Static_assert(offsetof(struct vm, gic.irq_out) == FP_VM_IRQ_OUT, "vm.gic.irq_out");
_Static_assert(offsetof(struct vm, gic.fiq_out) == FP_VM_FIQ_OUT, "vm.gic.fiq_out");
_Static_assert(sizeof(((struct vm *)0)->gic.irq_out) == 1, "irq_out is a byte");
_Static_assert(sizeof(struct rewrite_entry) == FP_RT_SIZE, "struct rewrite_entry");
_Static_assert(offsetof(struct rewrite_entry, addr) == FP_RT_ADDR, "rewrite_entry.addr");
_Static_assert(offsetof(struct rewrite_entry, fast) == FP_RT_FAST, "rewrite_entry.fast");
_Static_assert(BANK_USR == 0 && BANK_SVC == 1 && BANK_ABT == 2 && BANK_UND == 3 &&
	       BANK_IRQ == 4, "bank order (fastpath.S eret_bank)");
_Static_assert(C_SCTLR == FP_C_SCTLR && C_VBAR == FP_C_VBAR, "shadow slots");
_Static_assert(TRAP_CP15 == 0 && TRAP_PSR == 2 && TRAP_CPS == 3 && TRAP_ERET == 5 &&
	       TRAP_SVC == 7, "trap classes (fastpath.S)");
#endif

static uint32_t fast(uint32_t kind, uint32_t reg, uint32_t cond, uint32_t operand)
{
	return kind | reg << 4 | cond << 8 | operand << 12;
}

/*
 * What the fast path may do with an instruction the loader rewrote:
 * only the forms that need nothing but the virtual CPSR and the general
 * registers r0-r12, with any condition.  The rest (SPSR, other fields,
 * banked registers, SP/LR/PC operands, rotated immediates) is FAST_NONE.
 */
uint32_t fast_kind(uint32_t insn)
{
	uint32_t cond = insn >> 28, rd = (insn >> 12) & 0xf, rn = insn & 0xf;
	uint32_t body = insn & 0x0fffffff;

	if (cond == 0xf) {					/* unconditional space */
		if ((insn & 0xfffffe3f) == 0xf1080000)		/* CPSIE <aif>, no mode */
			return fast(FAST_CPSIE, 0, 0xe, insn & (PSR_A | PSR_I | PSR_F));
		if ((insn & 0xfffffe3f) == 0xf10c0000)		/* CPSID <aif>, no mode */
			return fast(FAST_CPSID, 0, 0xe, insn & (PSR_A | PSR_I | PSR_F));
		return FAST_NONE;
	}
	if ((body & 0x0fff0fff) == 0x010f0000 && rd < 13)	/* MRS Rd, CPSR */
		return fast(FAST_MRS, rd, cond, 0);
	if ((body & 0x0ffffff0) == 0x0121f000 && rn < 13)	/* MSR CPSR_c, Rn */
		return fast(FAST_MSR_REG, rn, cond, 0);
	if ((body & 0x0fffff00) == 0x0321f000)			/* MSR CPSR_c, #imm, no rotation */
		return fast(FAST_MSR_IMM, 0, cond, insn & 0xff);
	if (body == 0x01b0f00e)					/* MOVS PC, LR */
		return fast(FAST_ERET, 0, cond, 0);
	if ((body & 0x0fffff00) == 0x025ef000)			/* SUBS PC, LR, #imm8 */
		return fast(FAST_ERET, 0, cond, insn & 0xff);
	return FAST_NONE;
}
