/* The guest's MMU: see vmmu.h. */
#include <string.h>
#include "hyp/vmmu.h"
#include "hyp/vm.h"
#include "arch/arm/vmsa.h"
#include "arch/arm/mmu.h"
#include "arch/arm/mmu_bits.h"
#include "arch/arm/layout.h"
#include "hyp/mem.h"

#define REFAULTS_MAX	4

/* Hardware ASIDs: VM i owns 31 of them from vm->asid = 1 + 31 * i, the
 * first for its flat table, two per shadow context after it. */

static struct vmsa_regs regs_of(const struct vcpu *v)
{
	return (struct vmsa_regs){
		.sctlr = v->cp15[C_SCTLR], .ttbr0 = v->cp15[C_TTBR0], .ttbr1 = v->cp15[C_TTBR1],
		.ttbcr = v->cp15[C_TTBCR], .dacr = v->cp15[C_DACR],
		.ttbr0_hi = v->cp15[C_TTBR0 + 1], .ttbr1_hi = v->cp15[C_TTBR1 + 1],
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
	vm->mmu.shadowed = vm->cs.on;
	vm->mmu.cur = NULL;
	vm->mmu.refaults = 0;
	shadow_flush_all(&vm->mmu.sh);
}

void vmmu_shadow_always(struct vm *vm)
{
	shadow_flush_all(&vm->mmu.sh);
	vm->mmu.shadowed = true;
	vm->mmu.cur = NULL;
}

/* With the MMU off, shadow tables (a VM scanning its code) map va to va
 * in the context of ASID 0; an SCTLR.M change empties every context. */
void vmmu_load(struct vcpu *v)
{
	struct vm *vm = v->vm;
	struct shadow_ctx *c;
	enum view w;

	if (!vm->mmu.shadowed) {
		mmu_use(vm->l1_pa, vm->asid);
		return;
	}
	c = vm->mmu.cur;
	if (!c)
		c = vm->mmu.cur = shadow_context(&vm->mmu.sh,
						 vm->mmu.on ? v->cp15[C_CONTEXTIDR] & 0xff : 0);
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
	m->shadowed = m->on || v->vm->cs.on;
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

/* The blank page every VM's unloaded flash maps to (read-only). */
static uint32_t blank_pa;

/* Host-physical address of guest-physical gpa's page if the shadow may
 * map it: RAM, or flash while it reads as memory (vflash.h). */
static bool host_page(struct vm *vm, uint32_t gpa, uint32_t *pa)
{
	if (vm_ram_ptr(vm, gpa, 1)) {
		*pa = vm->ram_pa + ((gpa & 0xfffff000u) - GUEST_RAM_BASE);
		return true;
	}
	if (!vm->firmware || gpa >= FLASH_SIZE || !vflash_array_mode(&vm->fl))
		return false;
	if (gpa < vm->flash_len) {
		*pa = vm->flash_pa + (gpa & 0xfffff000u);
		return true;
	}
	if (!blank_pa) {
		uint8_t *p = heap_alloc(4096, 4096);
		if (!p)
			return false;
		memset(p, 0, 4096);
		blank_pa = virt_to_phys(p);
	}
	*pa = blank_pa;
	return true;
}

/* Memory the shadow may map for gpa: its 1 MiB section when the guest maps
 * at least that much, it is all RAM (or loaded flash) and no page of it
 * needs rights of its own (codescan.c), else its 4 KiB page. */
static bool shadow_map_of(struct vm *vm, uint32_t va, uint64_t gpa, uint32_t size,
			  struct shadow_map *m)
{
	uint32_t sect = (uint32_t)gpa & 0xfff00000u, pa;

	if (gpa >> 32 || in_hole(va) || !host_page(vm, (uint32_t)gpa, &pa))
		return false;
	if (size >= 0x100000 && vm_code_ptr(vm, sect, 0x100000) && codescan_section_ok(vm, sect) &&
	    host_page(vm, sect, &pa)) {
		m->va = va & 0xfff00000u;
		m->size = 0x100000;
	} else {
		m->va = va & 0xfffff000u;
		m->size = 0x1000;
	}
	m->host_pa = pa;
	m->from_super = size > 0x100000;
	return true;
}

/* The guest's MMU off, shadowed: va is gpa, every right at both levels. */
static void identity(uint32_t va, struct vmsa_result *res)
{
	*res = (struct vmsa_result){ .pa = va, .size = 0x100000,
				     .prot_pl1 = VMSA_R | VMSA_W | VMSA_X,
				     .prot_pl0 = VMSA_R | VMSA_W | VMSA_X };
}

enum vmmu_abort vmmu_abort(struct vcpu *v, uint32_t va, unsigned acc, uint32_t *fsr,
			   uint64_t *gpa)
{
	struct vm *vm = v->vm;
	struct vmmu *mm = &vm->mmu;
	bool priv = vcpu_privileged(v);
	struct vmsa_result res;
	struct shadow_map m;
	unsigned rights;

	if (!mm->on)
		identity(va, &res);
	else if ((*fsr = walk(v, va, &res)) || (*fsr = vmsa_check(&res, acc, priv))) {
		mm->guest_faults++;
		return VMMU_FAULT;
	}
	*gpa = res.pa;
	if (!shadow_map_of(vm, va, res.pa, res.size, &m))
		return VMMU_NOT_RAM;
	if (res.pa < FLASH_SIZE && (acc & VMSA_W))
		return VMMU_NOT_RAM;		/* a flash command: vflash.c */
	rights = mm->on ? vmsa_rights(&res, priv) : res.prot_pl1;
	if (res.pa < FLASH_SIZE)
		rights &= ~VMSA_W;
	if ((acc & VMSA_W) && codescan_is_scanned(vm, (uint32_t)res.pa))
		return VMMU_CODE_WRITE;
	if (acc == VMSA_X && priv && !(codescan_rights(vm, (uint32_t)res.pa, priv, rights) & VMSA_X))
		codescan_enter(v, v->ctx.r[15], (va ^ v->ctx.r[15]) >> 12 != 0);
	m.rights = codescan_rights(vm, (uint32_t)res.pa, priv, rights);
	m.domain = res.domain;
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
