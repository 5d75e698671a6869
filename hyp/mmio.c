/*
 * The virtual machine's device map (the QEMU virt addresses of the guest
 * contract).  A device is one row; a guest-physical address with no row
 * and no RAM behind it takes a synchronous external abort, as on QEMU.
 */
#include <stddef.h>
#include "hyp/mmio.h"
#include "hyp/vuart.h"
#include "hyp/vmem.h"

static const struct vdev vdevs[] = {
	{ "pl011", 0x09000000, 0x1000, vuart_access },
};

static const struct vdev *find(uint32_t gpa)
{
	for (size_t i = 0; i < sizeof(vdevs) / sizeof(vdevs[0]); i++)
		if (gpa - vdevs[i].base < vdevs[i].size)
			return &vdevs[i];
	return NULL;
}

bool mmio_device_at(struct vm *vm, uint32_t gpa)
{
	(void)vm;
	return find(gpa) != NULL;
}

uint32_t mmio_access(struct vm *vm, uint32_t gpa, unsigned size, int write, uint32_t *val)
{
	const struct vdev *d = find(gpa);

	if (!d)
		return FSR_SYNC_EXT;
	return d->access(vm, gpa - d->base, size, write, val);
}
