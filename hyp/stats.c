#include "hyp/stats.h"

const char *const trap_class_name[TRAP_NR] = {
	[TRAP_CP15] = "cp15", [TRAP_VFP] = "vfp", [TRAP_PSR] = "psr", [TRAP_CPS] = "cps",
	[TRAP_WFX] = "wfx", [TRAP_ERET] = "eret", [TRAP_LDSTM] = "ldstm", [TRAP_SVC] = "svc",
	[TRAP_HVC] = "hvc", [TRAP_SMC] = "smc", [TRAP_UNDEF] = "undef", [TRAP_PABT] = "pabt",
	[TRAP_DABT] = "dabt", [TRAP_MMIO] = "mmio", [TRAP_IRQ] = "irq",
	[TRAP_BRANCH] = "branch",
};
