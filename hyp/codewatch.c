/*
 * When an ELF guest starts writing code: see codewatch.h.  Why not scan
 * every VM's code at run time from the start: a guest that never writes
 * code would pay for execute faults and page-granular shadow mappings it
 * does not need, and the loader has already rewritten its code exactly.
 */
#include "hyp/codewatch.h"
#include "hyp/vm.h"
#include "hyp/vmmu.h"
#include "hyp/console.h"
#include "arch/arm/vmsa.h"

/* True if the line at va is guest RAM outside the image's code. */
static bool outside_image_code(struct vcpu *v, uint32_t va)
{
	const struct rewrite_table *rt = &v->vm->rt;
	uint64_t gpa;

	if (vmmu_translate(v, va, VMSA_R, true, &gpa) || gpa >> 32 ||
	    !vm_ram_ptr(v->vm, (uint32_t)gpa, 1))
		return false;
	return gpa < rt->code_lo || gpa >= rt->code_hi;
}

static void start_scanning(struct vcpu *v)
{
	struct vm *vm = v->vm;

	if (vm->cs.on)
		return;
	if (!codescan_enable(vm)) {
		hyp_printf("%s: no memory to scan the code it writes: runs unscanned\n", vm->name);
		return;
	}
	vmmu_shadow_always(vm);
	vmmu_load(v);
}

void codewatch_clean(struct vcpu *v, uint32_t va)
{
	if (!v->vm->cw.cleaned && outside_image_code(v, va))
		v->vm->cw.cleaned = true;
}

void codewatch_inval_line(struct vcpu *v, uint32_t va)
{
	if (outside_image_code(v, va))
		start_scanning(v);
}

void codewatch_inval_all(struct vcpu *v)
{
	if (v->vm->cw.cleaned)
		start_scanning(v);
}
