/*
 * Clean rescans (codewatch.h).  Why this design rather than watching
 * writes to code pages: a guest's code and data share pages (literal
 * pools, a JIT's buffer next to its state), so write-protecting them
 * would trap every data write, and deciding that a page "is code" would
 * still mean guessing which words are instructions.  The I-cache
 * maintenance the architecture already demands says both when code is
 * complete and exactly which lines are code, costs nothing to a guest
 * that writes no code, and is what a correct guest does on real silicon
 * anyway (without it, it would run stale instructions there).
 *
 * What is rescanned: lines the guest invalidated by address (ICIMVAU),
 * or cleaned to PoU (DCCMVAU) before invalidating the whole I-cache.
 * Cleaning to the point of coherency (DCCMVAC) is for DMA and is not a
 * sign of code.  Lines inside the image's own code (A32 and T32) are
 * skipped: the loader rewrote those with the mapping symbols, which
 * separate literal data from instructions and one instruction set from
 * the other; a blind rescan there could corrupt a literal that looks like
 * an instruction.  Run-time code is taken as A32: cache maintenance says
 * where code is, not which instruction set it is in (T32 run-time code
 * arrives with dynamic scanning, see docs).
 */
#include <stdbool.h>
#include "hyp/codewatch.h"
#include "hyp/rewrite.h"
#include "hyp/vm.h"
#include "hyp/vmmu.h"
#include "hyp/console.h"
#include "arch/arm/mmu.h"
#include "arch/arm/vmsa.h"

#define LINE_MASK	(~(uint32_t)(CODEWATCH_LINE - 1))

/* Guest-physical address of the line holding va, as a PL1 read would
 * translate it, or 0 if that faults or the line is not the VM's RAM. */
static uint32_t line_gpa(struct vcpu *v, uint32_t va)
{
	uint64_t gpa;

	if (vmmu_translate(v, va, VMSA_R, true, &gpa) || gpa >> 32 ||
	    !vm_ram_ptr(v->vm, (uint32_t)gpa & LINE_MASK, CODEWATCH_LINE))
		return 0;
	return (uint32_t)gpa & LINE_MASK;
}

/*
 * Rewrites [lo, hi), less the image's own code.  False if the VM failed:
 * its rewrite table is full.
 */
static bool rescan(struct vm *vm, uint32_t lo, uint32_t hi)
{
	const struct rewrite_table *rt = &vm->rt;
	int n;

	if (lo >= hi)
		return true;
	if (lo < rt->code_hi && hi > rt->code_lo)	/* overlaps the image's code */
		return rescan(vm, lo, rt->code_lo & LINE_MASK) &&
		       rescan(vm, (rt->code_hi + CODEWATCH_LINE - 1) & LINE_MASK, hi);
	n = rewrite_rescan(&vm->rt, vm_ram_ptr(vm, lo, hi - lo), lo, hi - lo);
	if (n < 0) {
		vcpu_fail(&vm->vcpu, "run-time code at 0x%08lx: more sensitive instructions "
			  "than its rewrite table holds (%lu)", (unsigned long)lo,
			  (unsigned long)vm->rt.cap);
		return false;
	}
	vm->cw.lines += (hi - lo) / CODEWATCH_LINE;
	vm->cw.rewritten += (uint32_t)n;
	cache_sync_code(vm_ram_ptr(vm, lo, hi - lo), hi - lo);
	return true;
}

void codewatch_clean(struct vcpu *v, uint32_t va)
{
	struct codewatch *cw = &v->vm->cw;
	uint32_t pa = line_gpa(v, va);

	if (!pa)
		return;
	for (uint32_t i = 0; i < cw->n; i++) {
		if (pa >= cw->lo[i] && pa < cw->hi[i])
			return;
		if (pa == cw->hi[i]) {		/* the usual case: the next line */
			cw->hi[i] += CODEWATCH_LINE;
			return;
		}
	}
	if (cw->n == CODEWATCH_RANGES) {	/* forget the oldest */
		cw->dropped++;
		for (uint32_t i = 1; i < cw->n; i++) {
			cw->lo[i - 1] = cw->lo[i];
			cw->hi[i - 1] = cw->hi[i];
		}
		cw->n--;
	}
	cw->lo[cw->n] = pa;
	cw->hi[cw->n++] = pa + CODEWATCH_LINE;
}

void codewatch_inval_line(struct vcpu *v, uint32_t va)
{
	uint32_t pa = line_gpa(v, va);

	if (pa)
		rescan(v->vm, pa, pa + CODEWATCH_LINE);
}

void codewatch_inval_all(struct vcpu *v)
{
	struct codewatch *cw = &v->vm->cw;

	uint32_t n = cw->n;

	cw->n = 0;
	for (uint32_t i = 0; i < n; i++)
		if (!rescan(v->vm, cw->lo[i], cw->hi[i]))
			return;
}
