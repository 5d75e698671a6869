/* Trap classes, counted per vCPU and shown in the exit summary. */
#ifndef HYP_STATS_H
#define HYP_STATS_H

enum trap_class {
	TRAP_CP15,	/* MRC/MCR/MRRC/MCRR to a system register */
	TRAP_VFP,	/* VMRS/VMSR of FPEXC, FPSID, MVFR */
	TRAP_PSR,	/* MRS/MSR of CPSR/SPSR, banked forms */
	TRAP_CPS,
	TRAP_WFX,	/* WFI/WFE */
	TRAP_ERET,	/* every exception-return form */
	TRAP_LDSTM,	/* LDM/STM with user registers, LDRT & co, SRS */
	TRAP_SVC,	/* guest SVC, delivered to the guest */
	TRAP_HVC,	/* PSCI calls */
	TRAP_SMC,
	TRAP_UNDEF,	/* undefined instructions delivered to the guest */
	TRAP_PABT,
	TRAP_DABT,	/* data aborts delivered to the guest */
	TRAP_MMIO,	/* emulated device accesses */
	TRAP_IRQ,
	TRAP_BRANCH,	/* indirect branches of code found at run time (codescan.c) */
	TRAP_NR
};

extern const char *const trap_class_name[TRAP_NR];

#endif
