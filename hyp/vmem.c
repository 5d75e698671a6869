/*
 * Guest memory for emulated accesses: the guest's virtual address is
 * translated as its MMU would (identity while it is off), then the
 * guest-physical address is RAM through the VM window, a virtual device,
 * or nothing (an external abort).
 */
#include <string.h>
#include "hyp/vmem.h"
#include "hyp/vm.h"
#include "hyp/mmio.h"
#include "hyp/codescan.h"
#include "arch/arm/vmsa.h"

static uint32_t access(struct vcpu *v, uint32_t va, unsigned size, int write, uint32_t *val,
		       bool privileged)
{
	uint64_t gpa;
	uint32_t fsr = vmmu_translate(v, va, write ? VMSA_W : VMSA_R, privileged, &gpa);
	uint8_t *p;

	if (fsr)
		return fsr;
	if (gpa >> 32)
		return FSR_SYNC_EXT;
	p = vm_ram_ptr(v->vm, (uint32_t)gpa, size);
	if (!p)
		return mmio_access(v->vm, (uint32_t)gpa, size, write, val);
	if (write) {
		uint32_t x = *val;
		codescan_store(v->vm, (uint32_t)gpa, size);
		memcpy(p, &x, size);		/* little-endian: the low bytes */
	} else {
		uint32_t x = 0;
		memcpy(&x, p, size);
		*val = x;
	}
	return 0;
}

uint32_t vmem_read(struct vcpu *v, uint32_t va, unsigned size, uint32_t *val)
{
	return access(v, va, size, 0, val, vcpu_privileged(v));
}

uint32_t vmem_write(struct vcpu *v, uint32_t va, unsigned size, uint32_t val)
{
	return access(v, va, size, 1, &val, vcpu_privileged(v));
}

uint32_t vmem_read_user(struct vcpu *v, uint32_t va, unsigned size, uint32_t *val)
{
	return access(v, va, size, 0, val, false);
}

uint32_t vmem_write_user(struct vcpu *v, uint32_t va, unsigned size, uint32_t val)
{
	return access(v, va, size, 1, &val, false);
}

/* The guest-physical address of code at va (0xffffffff: none). */
static uint32_t vmem_gpa(struct vcpu *v, uint32_t va)
{
	uint64_t gpa;

	if (vmmu_translate(v, va, VMSA_X, vcpu_privileged(v), &gpa) || gpa >> 32)
		return 0xffffffffu;
	return (uint32_t)gpa;
}

uint32_t vmem_fetch(struct vcpu *v, uint32_t va, uint32_t *insn)
{
	const uint8_t *p = vm_ram_ptr(v->vm, vmem_gpa(v, va), 4);

	if (!p)
		return FSR_SYNC_EXT;
	memcpy(insn, p, 4);
	return 0;
}
