/* Virtual devices of a VM: guest-physical ranges emulated by trapvisor. */
#ifndef HYP_MMIO_H
#define HYP_MMIO_H

#include <stdint.h>
#include <stdbool.h>

struct vm;

struct vdev {
	const char *name;
	uint32_t base, size;
	/* off: offset in the device; returns 0 or a fault status */
	int (*access)(struct vm *vm, uint32_t off, unsigned size, int write, uint32_t *val);
};

/* The bits an access of size bytes (1, 2 or 4) carries. */
static inline uint32_t mmio_size_mask(unsigned size)
{
	return size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
}

bool mmio_device_at(struct vm *vm, uint32_t gpa);
/* 0, or FSR_SYNC_EXT when nothing is at gpa (as on QEMU virt). */
uint32_t mmio_access(struct vm *vm, uint32_t gpa, unsigned size, int write, uint32_t *val);

#endif
