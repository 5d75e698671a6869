/*
 * cp15 rows that shape the guest's translations (SCTLR, TTBCR, DACR,
 * CONTEXTIDR), TLB maintenance and address translation operations: the
 * access functions of those rows in cp15.c.  They keep the shadow value and
 * tell the guest's MMU (hyp/vmmu.h) what went stale.
 */
#ifndef ARCH_ARM_CP15_MMU_H
#define ARCH_ARM_CP15_MMU_H

#include "arch/arm/cp15.h"

bool acc_sctlr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a);
bool acc_ttbcr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a);
bool acc_dacr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a);
bool acc_contextidr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a);
/* TLBI*: Op2 says which (0 all, 1 by MVA, 2 by ASID, 3 by MVA all ASIDs) */
bool acc_tlbi(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a);
/* ATS1C{PR,PW,UR,UW}: Op2 0-3 */
bool acc_ats(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a);

#endif
