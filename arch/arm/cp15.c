/*
 * cp15 emulation table.  Every MRC/MCR/MRRC/MCRR a guest executes at its
 * virtual PL1 traps (the hardware runs it at PL0) and lands here: the
 * register is looked up by its encoding in the sorted table below and
 * its access function emulates it on the vCPU's shadow copy.  Encodings
 * not in the table are UNDEFINED to the guest, as on hardware.
 */
#include <stddef.h>
#include "arch/arm/cp15.h"
#include "arch/arm/cp15_hw.h"
#include "arch/arm/cpu_model.h"
#include "arch/arm/cp15_mmu.h"
#include "arch/arm/mmu_bits.h"
#include "arch/arm/vfp.h"
#include "arch/arm/fastpath.h"
#include "hyp/vcpu.h"
#include "hyp/vm.h"
#include "hyp/sched.h"
#include "hyp/vtimer.h"
#include "hyp/codewatch.h"

/* ---- access functions --------------------------------------------------- */

static void ret64(struct sysreg_access *a, uint64_t v)
{
	a->lo = (uint32_t)v;
	a->hi = (uint32_t)(v >> 32);
}

/* Identification registers: the virtual CPU's (cpu_model.h), read-only. */
static bool acc_id(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	(void)v;
	if (a->write)
		return false;
	a->lo = cpu_model[r->reset];
	return true;
}

/* Implementation-defined control (ACTLR): the model's value; writes are
 * ignored, since the real one is not the guest's to change (QEMU too). */
static bool acc_id_wi(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	(void)v;
	if (!a->write)
		a->lo = cpu_model[r->reset];
	return true;
}

/* A constant of the virtual machine, not of the host (CBAR). */
static bool acc_const(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	(void)v;
	if (a->write)
		return false;
	a->lo = r->reset;
	return true;
}

static bool acc_ro(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	if (a->write)
		return false;
	a->lo = v->cp15[r->slot];
	return true;
}

/* Plain shadow register.  64-bit rows keep their high word in slot + 1. */
bool acc_rw(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	if (a->write) {
		v->cp15[r->slot] = a->lo;
		if (a->is64)
			v->cp15[r->slot + 1] = a->hi;
	} else {
		a->lo = v->cp15[r->slot];
		a->hi = a->is64 ? v->cp15[r->slot + 1] : 0;
	}
	return true;
}

static bool acc_raz_wi(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	(void)v; (void)r;
	if (!a->write)
		a->lo = 0;
	return true;
}

/* Operations (cache, branch predictor, TLB maintenance): write-only. */
static bool acc_nop_op(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	(void)v; (void)r;
	return a->write;
}

/*
 * Instruction cache invalidation: done for real, since the guest may have
 * written code (its data writes go through trapvisor's cacheable mapping),
 * and the code it declares so is rescanned for sensitive instructions
 * (hyp/codewatch.c): the line for ICIMVAU, what it cleaned to PoU since
 * the last one for ICIALLU(IS).
 */
static bool acc_icache_op(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	if (!a->write)
		return false;
	if (r->key == CP15_KEY(7, 0, 5, 1))
		codewatch_inval_line(v, a->lo);
	else
		codewatch_inval_all(v);
	hw_icache_inval();
	return true;
}

/* DCCMVAU: what a guest does to code it wrote (codewatch.h). */
static bool acc_dccmvau(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	(void)r;
	if (!a->write)
		return false;
	codewatch_clean(v, a->lo);
	return true;
}

/* CP15ISB/DSB/DMB, usable from PL0 too. */
static bool acc_barrier(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	(void)v; (void)r;
	if (!a->write)
		return false;
	hw_barrier();
	return true;
}

/* CPACR gates the guest's VFP: the hardware FPEXC.EN follows. */
static bool acc_cpacr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	if (a->write)
		a->lo &= 0xc0f00000;		/* ASEDIS, D32DIS, cp11, cp10 */
	acc_rw(v, r, a);
	if (a->write)
		vfp_load_hw(v);
	return true;
}

static bool acc_masked(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a,
		       uint32_t mask)
{
	if (a->write)
		a->lo &= mask;
	return acc_rw(v, r, a);
}

static bool acc_vbar(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	return acc_masked(v, r, a, ~0x1fu);	/* VBAR[4:0] are RES0 */
}

/* PMUSERENR: the guest's own value.  Whether its User mode (and, since
 * trapvisor runs all of it there, its PL1) reaches the real PMU is the
 * VM's configuration (pmu=yes), set in cp15_load_hw(). */
static bool acc_pmuserenr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	return acc_masked(v, r, a, 1);		/* EN */
}

static bool acc_csselr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	return acc_masked(v, r, a, 0xf);	/* Level, InD */
}

static bool acc_ccsidr(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	(void)r;
	if (a->write)
		return false;
	a->lo = cpu_model_ccsidr(v->cp15[C_CSSELR]);
	return true;
}

/* TPIDRURO: PL0 reads it without trapping, so the hardware holds it. */
static bool acc_tpidruro(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	acc_rw(v, r, a);
	if (a->write)
		hw_set_tpidruro(a->lo);
	return true;
}

/* TPIDRURW: PL0 reads and writes it without trapping: the hardware copy
 * is the live one; the shadow is only where it waits between runs. */
static bool acc_tpidrurw(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	(void)r; (void)v;
	if (a->write)
		hw_set_tpidrurw(a->lo);
	else
		a->lo = hw_tpidrurw();
	return true;
}

/* ---- generic timer (ARM ARM B8) ----------------------------------------- */

#define CNTKCTL_PL0PCTEN	(1u << 0)
#define CNTKCTL_PL0VCTEN	(1u << 1)
#define CNTKCTL_PL0VTEN		(1u << 8)
#define CNTKCTL_PL0PTEN		(1u << 9)

/* From virtual User mode the guest's own CNTKCTL decides. */
static bool timer_pl0_ok(struct vcpu *v, uint32_t enable_bits)
{
	return vcpu_privileged(v) || (v->cp15[C_CNTKCTL] & enable_bits);
}

static bool is_virt_timer(const struct cp15_reg *r)
{
	return r->key == CP15_KEY(14, 0, 3, 0) || r->key == CP15_KEY(14, 0, 3, 1) ||
	       r->key == CP15_KEY64(3, 14);
}

static uint64_t timer_now(const struct cp15_reg *r)
{
	return is_virt_timer(r) ? hw_cntvct() : hw_cntpct();
}

static bool acc_cntfrq(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	if (!timer_pl0_ok(v, CNTKCTL_PL0PCTEN | CNTKCTL_PL0VCTEN))
		return false;
	return acc_rw(v, r, a);
}

static bool acc_cntkctl(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	return acc_masked(v, r, a, 0x3ff);
}

static bool acc_counter(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	bool virt = r->key == CP15_KEY64(1, 14);

	if (a->write || !timer_pl0_ok(v, virt ? CNTKCTL_PL0VCTEN : CNTKCTL_PL0PCTEN))
		return false;
	ret64(a, virt ? hw_cntvct() : hw_cntpct());
	return true;
}

/* The CVAL shadow slot of the timer row r belongs to. */
static unsigned cval_slot(const struct cp15_reg *r)
{
	return is_virt_timer(r) ? C_CNTV_CVAL : C_CNTP_CVAL;
}

static bool timer_access_ok(struct vcpu *v, const struct cp15_reg *r)
{
	return timer_pl0_ok(v, is_virt_timer(r) ? CNTKCTL_PL0VTEN : CNTKCTL_PL0PTEN);
}

/* CNTx_CTL: ISTATUS is computed, the condition being CNTxCT >= CVAL. */
static bool acc_cnt_ctl(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	if (!timer_access_ok(v, r))
		return false;
	if (a->write) {
		v->cp15[r->slot] = a->lo & (CNT_CTL_ENABLE | CNT_CTL_IMASK);
		sched_timer_changed(v);
		return true;
	}
	a->lo = v->cp15[r->slot];
	if ((a->lo & CNT_CTL_ENABLE) && timer_now(r) >= vcpu_cp15_64(v, cval_slot(r)))
		a->lo |= CNT_CTL_ISTATUS;
	return true;
}

static bool acc_cnt_cval(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	if (!timer_access_ok(v, r))
		return false;
	acc_rw(v, r, a);
	if (a->write)
		sched_timer_changed(v);
	return true;
}

/* CNTx_TVAL: a signed 32-bit view of CVAL - now. */
static bool acc_cnt_tval(struct vcpu *v, const struct cp15_reg *r, struct sysreg_access *a)
{
	uint64_t now;

	if (!timer_access_ok(v, r))
		return false;
	now = timer_now(r);
	if (a->write) {
		vcpu_set_cp15_64(v, cval_slot(r), now + (uint64_t)(int64_t)(int32_t)a->lo);
		sched_timer_changed(v);
	} else {
		a->lo = (uint32_t)(vcpu_cp15_64(v, cval_slot(r)) - now);
	}
	return true;
}

/* ---- the table, sorted by key ------------------------------------------- */

#define R(crn, op1, crm, op2, pl0, slot, fn, rst, nm) \
	{ CP15_KEY(crn, op1, crm, op2), pl0, slot, fn, rst, nm }
#define R64(op1, crm, pl0, slot, fn, rst, nm) \
	{ CP15_KEY64(op1, crm), pl0, slot, fn, rst, nm }
#define ID(crn, op1, crm, op2, id, nm)	R(crn, op1, crm, op2, 0, C_NONE, acc_id, id, nm)
#define OP(crn, op1, crm, op2, fn, nm)	R(crn, op1, crm, op2, 0, C_NONE, fn, 0, nm)
#define RW(crn, op1, crm, op2, slot, rst, nm) R(crn, op1, crm, op2, 0, slot, acc_rw, rst, nm)

/* The virtual machine's GIC, as the Cortex-A15 CBAR reports it on virt. */
#define GUEST_PERIPHBASE 0x08000000u

/* Reset values marked MODEL come from cpu_model[] at reset time. */
#define MODEL 0xffffffffu

const struct cp15_reg cp15_table[] = {
	ID(0, 0, 0, 0, MODEL_MIDR, "MIDR"),
	ID(0, 0, 0, 1, MODEL_CTR, "CTR"),
	ID(0, 0, 0, 2, MODEL_TCMTR, "TCMTR"),
	ID(0, 0, 0, 3, MODEL_TLBTR, "TLBTR"),
	R(0, 0, 0, 5, 0, C_MPIDR, acc_ro, 0x80000000, "MPIDR"),
	ID(0, 0, 0, 6, MODEL_REVIDR, "REVIDR"),
	ID(0, 0, 1, 0, MODEL_ID_PFR0, "ID_PFR0"),
	ID(0, 0, 1, 1, MODEL_ID_PFR1, "ID_PFR1"),
	ID(0, 0, 1, 2, MODEL_ID_DFR0, "ID_DFR0"),
	ID(0, 0, 1, 3, MODEL_ID_AFR0, "ID_AFR0"),
	ID(0, 0, 1, 4, MODEL_ID_MMFR0, "ID_MMFR0"),
	ID(0, 0, 1, 5, MODEL_ID_MMFR1, "ID_MMFR1"),
	ID(0, 0, 1, 6, MODEL_ID_MMFR2, "ID_MMFR2"),
	ID(0, 0, 1, 7, MODEL_ID_MMFR3, "ID_MMFR3"),
	ID(0, 0, 2, 0, MODEL_ID_ISAR0, "ID_ISAR0"),
	ID(0, 0, 2, 1, MODEL_ID_ISAR1, "ID_ISAR1"),
	ID(0, 0, 2, 2, MODEL_ID_ISAR2, "ID_ISAR2"),
	ID(0, 0, 2, 3, MODEL_ID_ISAR3, "ID_ISAR3"),
	ID(0, 0, 2, 4, MODEL_ID_ISAR4, "ID_ISAR4"),
	ID(0, 0, 2, 5, MODEL_ID_ISAR5, "ID_ISAR5"),
	R(0, 1, 0, 0, 0, C_NONE, acc_ccsidr, 0, "CCSIDR"),
	ID(0, 1, 0, 1, MODEL_CLIDR, "CLIDR"),
	ID(0, 1, 0, 7, MODEL_AIDR, "AIDR"),
	R(0, 2, 0, 0, 0, C_CSSELR, acc_csselr, 0, "CSSELR"),
	R(1, 0, 0, 0, 0, C_SCTLR, acc_sctlr, MODEL, "SCTLR"),
	R(1, 0, 0, 1, 0, C_NONE, acc_id_wi, MODEL_ACTLR, "ACTLR"),
	R(1, 0, 0, 2, 0, C_CPACR, acc_cpacr, 0, "CPACR"),
	RW(2, 0, 0, 0, C_TTBR0, 0, "TTBR0"),
	RW(2, 0, 0, 1, C_TTBR1, 0, "TTBR1"),
	R(2, 0, 0, 2, 0, C_TTBCR, acc_ttbcr, 0, "TTBCR"),
	R(3, 0, 0, 0, 0, C_DACR, acc_dacr, 0, "DACR"),
	RW(5, 0, 0, 0, C_DFSR, 0, "DFSR"),
	RW(5, 0, 0, 1, C_IFSR, 0, "IFSR"),
	RW(5, 0, 1, 0, C_ADFSR, 0, "ADFSR"),
	RW(5, 0, 1, 1, C_AIFSR, 0, "AIFSR"),
	RW(6, 0, 0, 0, C_DFAR, 0, "DFAR"),
	RW(6, 0, 0, 2, C_IFAR, 0, "IFAR"),
	OP(7, 0, 1, 0, acc_icache_op, "ICIALLUIS"),
	OP(7, 0, 1, 6, acc_nop_op, "BPIALLIS"),
	RW(7, 0, 4, 0, C_PAR, 0, "PAR"),
	OP(7, 0, 5, 0, acc_icache_op, "ICIALLU"),
	OP(7, 0, 5, 1, acc_icache_op, "ICIMVAU"),
	R(7, 0, 5, 4, PL0_W, C_NONE, acc_barrier, 0, "CP15ISB"),
	OP(7, 0, 5, 6, acc_nop_op, "BPIALL"),
	OP(7, 0, 5, 7, acc_nop_op, "BPIMVA"),
	OP(7, 0, 6, 1, acc_nop_op, "DCIMVAC"),
	OP(7, 0, 6, 2, acc_nop_op, "DCISW"),
	OP(7, 0, 8, 0, acc_ats, "ATS1CPR"),
	OP(7, 0, 8, 1, acc_ats, "ATS1CPW"),
	OP(7, 0, 8, 2, acc_ats, "ATS1CUR"),
	OP(7, 0, 8, 3, acc_ats, "ATS1CUW"),
	OP(7, 0, 10, 1, acc_nop_op, "DCCMVAC"),
	OP(7, 0, 10, 2, acc_nop_op, "DCCSW"),
	R(7, 0, 10, 4, PL0_W, C_NONE, acc_barrier, 0, "CP15DSB"),
	R(7, 0, 10, 5, PL0_W, C_NONE, acc_barrier, 0, "CP15DMB"),
	OP(7, 0, 11, 1, acc_dccmvau, "DCCMVAU"),
	OP(7, 0, 14, 1, acc_nop_op, "DCCIMVAC"),
	OP(7, 0, 14, 2, acc_nop_op, "DCCISW"),
	OP(8, 0, 3, 0, acc_tlbi, "TLBIALLIS"),
	OP(8, 0, 3, 1, acc_tlbi, "TLBIMVAIS"),
	OP(8, 0, 3, 2, acc_tlbi, "TLBIASIDIS"),
	OP(8, 0, 3, 3, acc_tlbi, "TLBIMVAAIS"),
	OP(8, 0, 5, 0, acc_tlbi, "ITLBIALL"),
	OP(8, 0, 5, 1, acc_tlbi, "ITLBIMVA"),
	OP(8, 0, 5, 2, acc_tlbi, "ITLBIASID"),
	OP(8, 0, 6, 0, acc_tlbi, "DTLBIALL"),
	OP(8, 0, 6, 1, acc_tlbi, "DTLBIMVA"),
	OP(8, 0, 6, 2, acc_tlbi, "DTLBIASID"),
	OP(8, 0, 7, 0, acc_tlbi, "TLBIALL"),
	OP(8, 0, 7, 1, acc_tlbi, "TLBIMVA"),
	OP(8, 0, 7, 2, acc_tlbi, "TLBIASID"),
	OP(8, 0, 7, 3, acc_tlbi, "TLBIMVAA"),
	R(9, 0, 14, 0, PL0_R, C_PMUSERENR, acc_pmuserenr, 0, "PMUSERENR"),
	ID(9, 1, 0, 2, MODEL_L2CTLR, "L2CTLR"),
	RW(10, 0, 2, 0, C_PRRR, 0, "PRRR"),
	RW(10, 0, 2, 1, C_NMRR, 0, "NMRR"),
	RW(10, 0, 3, 0, C_AMAIR0, 0, "AMAIR0"),
	RW(10, 0, 3, 1, C_AMAIR1, 0, "AMAIR1"),
	R(12, 0, 0, 0, 0, C_VBAR, acc_vbar, 0, "VBAR"),
	RW(13, 0, 0, 0, C_FCSEIDR, 0, "FCSEIDR"),
	R(13, 0, 0, 1, 0, C_CONTEXTIDR, acc_contextidr, 0, "CONTEXTIDR"),
	R(13, 0, 0, 2, PL0_R | PL0_W, C_TPIDRURW, acc_tpidrurw, 0, "TPIDRURW"),
	R(13, 0, 0, 3, PL0_R, C_TPIDRURO, acc_tpidruro, 0, "TPIDRURO"),
	RW(13, 0, 0, 4, C_TPIDRPRW, 0, "TPIDRPRW"),
	R(14, 0, 0, 0, PL0_R, C_CNTFRQ, acc_cntfrq, MODEL, "CNTFRQ"),
	R(14, 0, 1, 0, 0, C_CNTKCTL, acc_cntkctl, 0, "CNTKCTL"),
	R(14, 0, 2, 0, PL0_R | PL0_W, C_NONE, acc_cnt_tval, 0, "CNTP_TVAL"),
	R(14, 0, 2, 1, PL0_R | PL0_W, C_CNTP_CTL, acc_cnt_ctl, 0, "CNTP_CTL"),
	R(14, 0, 3, 0, PL0_R | PL0_W, C_NONE, acc_cnt_tval, 0, "CNTV_TVAL"),
	R(14, 0, 3, 1, PL0_R | PL0_W, C_CNTV_CTL, acc_cnt_ctl, 0, "CNTV_CTL"),
	R(15, 4, 0, 0, 0, C_NONE, acc_const, GUEST_PERIPHBASE, "CBAR"),
	R64(0, 2, 0, C_TTBR0, acc_rw, 0, "TTBR0"),
	R64(0, 7, 0, C_PAR, acc_rw, 0, "PAR"),
	R64(0, 14, PL0_R, C_NONE, acc_counter, 0, "CNTPCT"),
	R64(1, 2, 0, C_TTBR1, acc_rw, 0, "TTBR1"),
	R64(1, 14, PL0_R, C_NONE, acc_counter, 0, "CNTVCT"),
	R64(2, 14, PL0_R | PL0_W, C_CNTP_CVAL, acc_cnt_cval, 0, "CNTP_CVAL"),
	R64(3, 14, PL0_R | PL0_W, C_CNTV_CVAL, acc_cnt_cval, 0, "CNTV_CVAL"),
};
const unsigned cp15_table_len = sizeof(cp15_table) / sizeof(cp15_table[0]);
_Static_assert(sizeof(cp15_table) / sizeof(cp15_table[0]) < 255, "row numbers fit a byte");

/* ---- lookup ------------------------------------------------------------------ */

/*
 * Two tables by 14-bit encoding (CP15_KEY14), built from cp15_table once:
 * the row of each 32-bit register, for cp15_find(), and what the MRC/MCR
 * fast path (fastpath.S) may do with it.  A fast read is one whose access
 * function returns the shadow slot as it is; a fast write one that only
 * stores it (acc_rw); the fast path needs nothing else from the row.
 */
static uint8_t cp15_row[1 << 14];
uint8_t cp15_fast[1 << 14];
static bool lookup_ready;

static unsigned key14(uint32_t key)
{
	return CP15_KEY14((key >> 12) & 0xf, (key >> 8) & 7, (key >> 4) & 0xf, key & 7);
}

static unsigned fast_flags(const struct cp15_reg *r)
{
	static const cp15_access_fn plain_read[] = {
		acc_rw, acc_ro, acc_vbar, acc_csselr, acc_pmuserenr, acc_cntkctl, acc_cntfrq,
		acc_tpidruro, acc_cpacr, acc_sctlr, acc_ttbcr, acc_dacr, acc_contextidr,
	};
	unsigned f = 0;

	if (r->slot == C_NONE || (r->key & 0x10000))
		return 0;
	for (unsigned i = 0; i < sizeof(plain_read) / sizeof(plain_read[0]); i++)
		if (r->access == plain_read[i])
			f |= CP15_FAST_R;
	if (r->access == acc_rw)
		f |= CP15_FAST_W;
	return f ? f | r->slot : 0;
}

static void lookup_init(void)
{
	_Static_assert(C_NONE <= CP15_FAST_SLOT, "shadow slots fit the fast table");
	for (unsigned i = 0; i < cp15_table_len; i++) {
		const struct cp15_reg *r = &cp15_table[i];
		if (r->key & 0x10000)
			continue;
		cp15_row[key14(r->key)] = (uint8_t)(i + 1);
		cp15_fast[key14(r->key)] = (uint8_t)fast_flags(r);
	}
	lookup_ready = true;
}

const struct cp15_reg *cp15_find(uint32_t key)
{
	unsigned lo = 0, hi = cp15_table_len;

	if (!(key & 0x10000))		/* built by the first cp15_reset() */
		return cp15_row[key14(key)] ? &cp15_table[cp15_row[key14(key)] - 1] : NULL;
	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;
		if (cp15_table[mid].key == key)
			return &cp15_table[mid];
		if (cp15_table[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* IMPLEMENTATION DEFINED c15 space not in the table: RAZ/WI at PL1, as
 * QEMU's Cortex-A15 (and the real one, for the registers it has). */
static const struct cp15_reg c15_dummy = { 0, 0, C_NONE, acc_raz_wi, 0, "c15" };

bool cp15_access(struct vcpu *v, uint32_t key, struct sysreg_access *a)
{
	const struct cp15_reg *r = cp15_find(key);

	if (!r && !a->is64 && (key >> 12) == 15)
		r = &c15_dummy;
	if (!r)
		return false;
	if (!vcpu_privileged(v) && !(r->pl0 & (a->write ? PL0_W : PL0_R)))
		return false;
	return r->access(v, r, a);
}

void cp15_reset(struct vcpu *v)
{
	if (!lookup_ready)
		lookup_init();		/* before any access: cp15_find, fastpath.S */
	for (unsigned i = 0; i < cp15_table_len; i++) {
		const struct cp15_reg *r = &cp15_table[i];
		uint32_t val = r->reset;

		if (r->slot == C_NONE || r->access == acc_id)
			continue;
		if (val == MODEL)
			val = r->slot == C_SCTLR ? cpu_model[MODEL_SCTLR_RESET] : cpu_model[MODEL_CNTFRQ];
		v->cp15[r->slot] = val;
		if (r->key & 0x10000)		/* 64-bit: the high word too */
			v->cp15[r->slot + 1] = 0;
	}
}

bool cp15_table_sorted(void)
{
	for (unsigned i = 1; i < cp15_table_len; i++)
		if (cp15_table[i - 1].key >= cp15_table[i].key)
			return false;
	return true;
}

void cp15_load_hw(struct vcpu *v)
{
	hw_set_tpidruro(v->cp15[C_TPIDRURO]);
	hw_set_tpidrurw(v->cp15[C_TPIDRURW]);
	hw_set_alignment_check(!!(v->cp15[C_SCTLR] & SCTLR_A));
	hw_set_pmuserenr(v->vm->pmu);
}

void cp15_save_hw(struct vcpu *v)
{
	v->cp15[C_TPIDRURW] = hw_tpidrurw();
}
