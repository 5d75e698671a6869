/* cp15 rows of the guest's MMU: see cp15_mmu.h. */
#include "arch/arm/cp15_mmu.h"
#include "arch/arm/vmsa.h"
#include "arch/arm/cp15_hw.h"
#include "arch/arm/mmu_bits.h"
#include "hyp/vcpu.h"
#include "hyp/vm.h"


bool acc_sctlr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	uint32_t old = v->cp15[r->slot];

	acc_rw(v, r, a);

	if (a->write) {
		hw_set_alignment_check(!!(a->lo & SCTLR_A));
		vmmu_sctlr_written(v, old);
	}
	return true;
}

/* Short-descriptor format: only N is there (PD0/PD1 come with the
 * Security Extensions, which the virtual CPU does not have; QEMU agrees). */
bool acc_ttbcr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	if (!a->write)
		return acc_rw(v, r, a);
	/* long-descriptor: T0SZ, EPD0, T1SZ, EPD1, A1 and EAE (IRGN/ORGN/SH
	 * only say how the walk is cached: kept, no effect) */
	a->lo &= (a->lo & TTBCR_EAE) ? 0x80ff7fffu : 7u;
	acc_rw(v, r, a);
	vmmu_ttbcr_written(v);
	return true;
}

bool acc_dacr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	uint32_t old = v->cp15[r->slot];

	acc_rw(v, r, a);

	if (a->write)
		vmmu_dacr_written(v, old);
	return true;
}

bool acc_contextidr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	uint32_t old = v->cp15[r->slot];

	acc_rw(v, r, a);

	if (a->write && (old ^ a->lo) & 0xff)
		vmmu_contextidr_written(v);
	return true;
}

bool acc_tlbi(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	static const enum tlbi by_op2[4] = { TLBI_ALL, TLBI_MVA, TLBI_ASID, TLBI_MVAA };

	if (!a->write)
		return false;
	vmmu_tlbi(v, by_op2[r->key & 3], a->lo);
	return true;
}

bool acc_ats(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	unsigned op2 = r->key & 3;

	if (!a->write)
		return false;
	v->cp15[C_PAR] = vmmu_ats(v, a->lo, op2 & 1, op2 >= 2);
	v->cp15[C_PAR_HI] = 0;
	return true;
}
