/* Constants shared by entry.S and the C trap handlers. */
#ifndef ARCH_ARM_ENTRY_H
#define ARCH_ARM_ENTRY_H

/* struct cpu_ctx offsets (hyp/vcpu.h) */
#define CTX_SP		52
#define CTX_PC		60
#define CTX_CPSR	64

/* PSR_VIRT_MASK of arch/arm/psr.h: mode, F, I, A */
#define PSR_VIRT_BITS	0x1df

/* What brought us into trapvisor: index of trap_entry's table. */
#define TRAP_ENTRY_UND		0
#define TRAP_ENTRY_SVC		1
#define TRAP_ENTRY_PABT		2
#define TRAP_ENTRY_DABT		3
#define TRAP_ENTRY_IRQ		4
#define TRAP_ENTRY_FIQ		5
#define TRAP_ENTRY_RESET	6
#define TRAP_ENTRY_NR		5	/* the ones that come from a guest */

#endif
