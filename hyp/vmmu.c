/* The guest's MMU: see vmmu.h. */
#include <string.h>
#include "hyp/vmmu.h"
#include "hyp/vm.h"
#include "arch/arm/vmsa.h"
#include "arch/arm/mmu.h"
#include "arch/arm/mmu_bits.h"
#include "arch/arm/layout.h"

#define REFAULTS_MAX	4

/* Hardware ASIDs: VM i owns 31 of them from vm->asid = 1 + 31 * i, the
 * first for its flat table, two per shadow context after it. */

static struct vmsa_regs regs_of(const struct vcpu *v)
{
	return (struct vmsa_regs){
		.sctlr = v->cp15[C_SCTLR], .ttbr0 = v->cp15[C_TTBR0], .ttbr1 = v->cp15[C_TTBR1],
		.ttbcr = v->cp15[C_TTBCR], .dacr = v->cp15[C_DACR],
	};
}

/* The guest's tables live in its RAM; anywhere else the walk aborts. */
static bool read_table(void *arg, uint32_t pa, uint32_t *val)
{
	const uint8_t *p = vm_ram_ptr(arg, pa, 4);

	if (!p || (pa & 3))
		return false;
	memcpy(val, p, 4);
	return true;
}

static uint32_t walk(struct vcpu *v, uint32_t va, struct vmsa_result *res)
{
	struct vmsa_regs r = regs_of(v);

	return vmsa_walk(&r, va, read_table, v->vm, res);
}

bool vmmu_init(struct vm *vm, unsigned shadow_kib)
{
	return shadow_init(&vm->mmu.sh, shadow_kib, (uint8_t)(vm->asid + 1), vm->l1);
}

void vmmu_reset(struct vm *vm)
{
	vm->mmu.on = false;
	vm->mmu.cur = NULL;
	vm->mmu.refaults = 0;
	shadow_flush_all(&vm->mmu.sh);
}

void vmmu_load(struct vcpu *v)
{
	struct vm *vm = v->vm;
	struct shadow_ctx *c;
	enum view w;

	if (!vm->mmu.on) {
		mmu_use(vm->l1_pa, vm->asid);
		return;
	}
	c = vm->mmu.cur;
	if (!c)
		c = vm->mmu.cur = shadow_context(&vm->mmu.sh, v->cp15[C_CONTEXTIDR] & 0xff);
	w = vcpu_privileged(v) ? VIEW_PL1 : VIEW_PL0;
	mmu_use(c->l1_pa[w], c->hw_asid[w]);
}

/* ---- register writes: drop what they made stale ------------------------- */

/* M, AFE and TRE change every translation; the other bits none. */
void vmmu_sctlr_written(struct vcpu *v, uint32_t old)
{
	struct vmmu *m = &v->vm->mmu;
	uint32_t now = v->cp15[C_SCTLR];

	if (!((old ^ now) & (SCTLR_M | SCTLR_AFE | SCTLR_TRE)))
		return;
	shadow_flush_all(&m->sh);
	m->on = now & SCTLR_M;
	m->cur = NULL;
}

/* N and PD0/PD1 move VAs between tables: everything may be stale (and
 * QEMU's Cortex-A15 flushes its TLB on every TTBCR write too). */
void vmmu_ttbcr_written(struct vcpu *v)
{
	shadow_flush_all(&v->vm->mmu.sh);
}

/* Only the entries of domains whose access changed. */
void vmmu_dacr_written(struct vcpu *v, uint32_t old)
{
	uint32_t diff = old ^ v->cp15[C_DACR];
	uint16_t doms = 0;

	for (int d = 0; d < 16; d++)
		if ((diff >> (2 * d)) & 3)
			doms |= (uint16_t)(1u << d);
	shadow_flush_domains(&v->vm->mmu.sh, doms);
}

/* A new ASID selects another context: nothing is dropped (that is what
 * ASIDs are for).  TTBR writes drop nothing either: like a TLB, the
 * shadow keeps what it had until the guest's TLB maintenance says so. */
void vmmu_contextidr_written(struct vcpu *v)
{
	v->vm->mmu.cur = NULL;
}

void vmmu_tlbi(struct vcpu *v, enum tlbi op, uint32_t arg)
{
	struct shadow *s = &v->vm->mmu.sh;

	switch (op) {
	case TLBI_ALL:
		shadow_flush_all(s);
		break;
	case TLBI_MVA:		/* global entries for the VA go too */
	case TLBI_MVAA:
		shadow_flush_va(s, arg & 0xfffff000u);
		break;
	case TLBI_ASID:
		shadow_flush_asid(s, arg & 0xff);
		break;
	}
}

/* ---- translation ---------------------------------------------------------- */

uint32_t vmmu_translate(struct vcpu *v, uint32_t va, unsigned acc, bool privileged,
			uint64_t *gpa)
{
	struct vmsa_result res;
	uint32_t fsr;

	if (!v->vm->mmu.on) {
		*gpa = va;
		return 0;
	}
	if ((fsr = walk(v, va, &res)) || (fsr = vmsa_check(&res, acc, privileged)))
		return fsr;
	*gpa = res.pa;
	return 0;
}

/* RAM the shadow may map for gpa: its 1 MiB section when the guest maps
 * at least that much and it is all RAM, else its 4 KiB page. */
static bool shadow_map_of(struct vm *vm, uint32_t va, uint64_t gpa, const struct vmsa_result *res,
			  struct shadow_map *m)
{
	uint32_t sect = (uint32_t)gpa & 0xfff00000u;

	if (gpa >> 32 || !vm_ram_ptr(vm, (uint32_t)gpa, 1) || in_hole(va))
		return false;
	if (res->size >= 0x100000 && vm_ram_ptr(vm, sect, 0x100000)) {
		m->va = va & 0xfff00000u;
		m->size = 0x100000;
		m->host_pa = vm->ram_pa + (sect - GUEST_RAM_BASE);
	} else {
		m->va = va & 0xfffff000u;
		m->size = 0x1000;
		m->host_pa = vm->ram_pa + (((uint32_t)gpa & 0xfffff000u) - GUEST_RAM_BASE);
	}
	m->domain = res->domain;
	m->from_super = res->size > 0x100000;
	return true;
}

enum vmmu_abort vmmu_abort(struct vcpu *v, uint32_t va, unsigned acc, uint32_t *fsr,
			   uint64_t *gpa)
{
	struct vmmu *mm = &v->vm->mmu;
	bool priv = vcpu_privileged(v);
	struct vmsa_result res;
	struct shadow_map m;

	if ((*fsr = walk(v, va, &res)) || (*fsr = vmsa_check(&res, acc, priv))) {
		mm->guest_faults++;
		return VMMU_FAULT;
	}
	*gpa = res.pa;
	if (!shadow_map_of(v->vm, va, res.pa, &res, &m))
		return VMMU_NOT_RAM;
	m.rights = vmsa_rights(&res, priv);
	if (!mm->cur)
		vmmu_load(v);
	if (shadow_add(&mm->sh, mm->cur, priv ? VIEW_PL1 : VIEW_PL0, &m)) {
		mm->refaults = 0;
		return VMMU_FILLED;
	}
	return ++mm->refaults > REFAULTS_MAX ? VMMU_STUCK : VMMU_FILLED;
}

uint32_t vmmu_ats(struct vcpu *v, uint32_t va, bool write, bool user)
{
	struct vmsa_result res;
	uint32_t fsr;

	if (!v->vm->mmu.on)
		return va & 0xfffff000u;
	if ((fsr = walk(v, va, &res)) ||
	    (fsr = vmsa_check(&res, write ? VMSA_W : VMSA_R, !user)))
		return ((fsr & 0x400) >> 5) | ((fsr & 0xf) << 1) | 1;
	if (res.size == 0x1000000)	/* SS: PA[31:24], PA[39:32] at 23:16 */
		return ((uint32_t)res.pa & 0xff000000u) | (uint32_t)((res.pa >> 16) & 0xff0000u) | 2;
	return (uint32_t)res.pa & 0xfffff000u;
}
