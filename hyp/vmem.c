/*
 * Guest memory for emulated accesses.  With the guest's MMU off a virtual
 * address is a guest-physical one: RAM through the VM window, else a
 * virtual device, else an external abort.
 */
#include <string.h>
#include "hyp/vmem.h"
#include "hyp/vm.h"
#include "hyp/mmio.h"

static uint32_t access(struct vcpu *v, uint32_t va, unsigned size, int write, uint32_t *val)
{
	uint8_t *p = vm_ram_ptr(v->vm, va, size);

	if (!p)
		return mmio_access(v->vm, va, size, write, val);
	if (write) {
		uint32_t x = *val;
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
	return access(v, va, size, 0, val);
}

uint32_t vmem_write(struct vcpu *v, uint32_t va, unsigned size, uint32_t val)
{
	return access(v, va, size, 1, &val);
}

uint32_t vmem_fetch(struct vcpu *v, uint32_t va, uint32_t *insn)
{
	uint8_t *p = vm_ram_ptr(v->vm, va, 4);

	if (!p)
		return FSR_SYNC_EXT;
	memcpy(insn, p, 4);
	return 0;
}
