/* Constants shared by entry.S and the C trap handlers. */
#ifndef ARCH_ARM_ENTRY_H
#define ARCH_ARM_ENTRY_H

/* struct cpu_ctx offsets (hyp/vcpu.h) */
#define CTX_SP		52
#define CTX_PC		60
#define CTX_CPSR	64

/* PSR_VIRT_MASK of arch/arm/psr.h: mode, F, I, A */
#define PSR_VIRT_BITS	0x1df

#ifdef __ASSEMBLER__
/*
 * The two halves of the guest's CPSR.  Its mode and A/I/F masks are
 * virtual, kept in the vCPU; the rest (flags, GE, E, IT, T) is what the
 * hardware holds while it runs (entry.S, fastpath.S).
 */
/* dst := the guest's CPSR, from the vCPU's (\virt) and SPSR (\hw); dst != hw */
.macro GUEST_CPSR dst, virt, hw, tmp
	movw	\tmp, #PSR_VIRT_BITS
	and	\dst, \virt, \tmp
	bic	\tmp, \hw, \tmp
	orr	\dst, \dst, \tmp
.endm
/* dst := what SPSR must hold to run the guest whose CPSR is \cpsr:
 * its non-virtual bits, User mode, FIQs masked (physical ones are
 * trapvisor's, IRQs and aborts taken) */
.macro HW_SPSR dst, cpsr, tmp
	movw	\tmp, #PSR_VIRT_BITS
	bic	\dst, \cpsr, \tmp
	orr	\dst, \dst, #(0x10 | 0x40)
.endm
#endif

/* What brought us into trapvisor: index of trap_entry's table. */
#define TRAP_ENTRY_UND		0
#define TRAP_ENTRY_SVC		1
#define TRAP_ENTRY_PABT		2
#define TRAP_ENTRY_DABT		3
#define TRAP_ENTRY_IRQ		4
#define TRAP_ENTRY_FIQ		5
#define TRAP_ENTRY_RESET	6
#define TRAP_ENTRY_NR		5	/* the ones that come from a guest */
#define TRAP_ENTRY_NONE		7	/* vcpu.last_trap_kind before the first */

#endif
