/* Shadow system registers of a vCPU: index into vcpu->cp15[]. */
#ifndef ARCH_ARM_CP15_REGS_H
#define ARCH_ARM_CP15_REGS_H

enum cp15_shadow {
	C_MPIDR,
	C_CSSELR,
	C_SCTLR, C_CPACR,
	C_TTBR0, C_TTBR0_HI, C_TTBR1, C_TTBR1_HI, C_TTBCR,
	C_DACR,
	C_DFSR, C_IFSR, C_ADFSR, C_AIFSR,
	C_DFAR, C_IFAR,
	C_PAR, C_PAR_HI,
	C_PRRR, C_NMRR, C_AMAIR0, C_AMAIR1,
	C_VBAR,
	C_FCSEIDR, C_CONTEXTIDR, C_TPIDRURW, C_TPIDRURO, C_TPIDRPRW,
	C_CNTFRQ, C_CNTKCTL,
	C_CNTP_CTL, C_CNTP_CVAL, C_CNTP_CVAL_HI,
	C_CNTV_CTL, C_CNTV_CVAL, C_CNTV_CVAL_HI,
	C_NONE,			/* rows with no storage (ID registers, operations) */
	CP15_NR = C_NONE
};

#endif
