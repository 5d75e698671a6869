/*
 * The guest package (scripts/mkpkg.py): a header, one entry per VM with
 * its name and configuration, then the images.  Loaded next to trapvisor
 * by QEMU's -device loader (or the Pi firmware).  Checked here before
 * anything in it is trusted.
 */
#include <string.h>
#include "hyp/pkg.h"
#include "hyp/vm.h"
#include "hyp/console.h"
#include "hyp/mem.h"
#include "arch/arm/layout.h"
#include "arch/arm/mmu.h"
#include "board/board.h"

struct pkg_header {
	char magic[8];
	uint32_t count;
	uint32_t size;
};

#define PKG_MAGIC	"TVPKG4\0\0"
#define PKG_INPUT	1	/* flags: the VM may own the console input */
#define PKG_PMU		2	/* flags: the VM uses the host's PMU cycle counter */
#define PKG_FIRMWARE	4	/* flags: the image is a raw firmware binary */

struct pkg_entry {
	char name[32];
	char file[64];			/* the image's file name, for messages */
	uint32_t offset, size, ram_mb, slice_us, flags, shadow_kib;
	uint32_t restart_max;		/* crash restarts allowed; 0: never */
	uint32_t dtb_offset, dtb_size;	/* a firmware VM's device tree; 0, 0: none */
};

#define FDT_MAGIC	0xd00dfeedu
#define FDT_HEADER	40		/* bytes of struct fdt_header (version 17) */

/* A big-endian word of a device tree, which the package need not align. */
static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/*
 * The entry's device tree, if it has one, is whole, inside the package,
 * small, and a flattened device tree as far as its header says (what the
 * firmware makes of the rest is the firmware's business, as natively).
 * Only a firmware VM has one, and it must.
 */
static bool dtb_ok(const struct pkg_entry *e, uint32_t pkg_size, const uint8_t *base,
		   const char *name, const char *file)
{
	const uint8_t *d = base + e->dtb_offset;
	bool firmware = e->flags & PKG_FIRMWARE;

	if (!e->dtb_size && !firmware)
		return true;
	if (!e->dtb_size) {
		hyp_printf("%s: %s: firmware image without a device tree\n", name, file);
		return false;
	}
	if (!firmware) {
		hyp_printf("%s: %s: a device tree, but not a firmware image\n", name, file);
		return false;
	}
	if (e->dtb_offset > pkg_size || e->dtb_size > pkg_size - e->dtb_offset) {
		hyp_printf("%s: %s: device tree outside the guest package\n", name, file);
		return false;
	}
	if (e->dtb_size > DTB_MAX) {
		hyp_printf("%s: %s: device tree of %lu bytes, more than %u KiB\n", name, file,
			   (unsigned long)e->dtb_size, DTB_MAX >> 10);
		return false;
	}
	if (e->dtb_size < FDT_HEADER) {
		hyp_printf("%s: %s: device tree of %lu bytes, shorter than its %d-byte header\n",
			   name, file, (unsigned long)e->dtb_size, FDT_HEADER);
		return false;
	}
	if (be32(d) != FDT_MAGIC) {
		hyp_printf("%s: %s: device tree magic 0x%08lx, not 0x%08x\n", name, file,
			   (unsigned long)be32(d), FDT_MAGIC);
		return false;
	}
	if (be32(d + 4) != e->dtb_size) {
		hyp_printf("%s: %s: device tree of %lu bytes, its header says %lu\n", name, file,
			   (unsigned long)e->dtb_size, (unsigned long)be32(d + 4));
		return false;
	}
	return true;
}

int pkg_start_vms(void)
{
	const uint8_t *base = mmu_map_package(host_mem.pkg_pa, PKG_MAX);
	const struct pkg_header *h = (const void *)base;
	const struct pkg_entry *e = (const void *)(h + 1);
	int started = 0;

	if (memcmp(h->magic, PKG_MAGIC, 8) != 0) {
		hyp_printf("no guest package at 0x%08lx (bad magic): nothing to run\n",
			   (unsigned long)host_mem.pkg_pa);
		return 0;
	}
	if (h->size > PKG_MAX || h->size < sizeof(*h) || h->count > (h->size - sizeof(*h)) / sizeof(*e)) {
		hyp_printf("guest package at 0x%08lx is malformed (size %lu, %lu entries)\n",
			   (unsigned long)host_mem.pkg_pa, (unsigned long)h->size,
			   (unsigned long)h->count);
		return 0;
	}
	for (uint32_t i = 0; i < h->count; i++, e++) {
		char name[VM_NAME_MAX], file[sizeof(e->file)];

		memcpy(name, e->name, sizeof(name) - 1);
		name[sizeof(name) - 1] = 0;
		memcpy(file, e->file, sizeof(file) - 1);
		file[sizeof(file) - 1] = 0;
		if (e->offset > h->size || e->size > h->size - e->offset) {
			hyp_printf("%s: %s: image outside the guest package\n", name, file);
			continue;
		}
		if (!dtb_ok(e, h->size, base, name, file))
			continue;
		struct vm_config cfg = {
			.name = name, .file = file, .image = base + e->offset, .len = e->size,
			.ram_mb = e->ram_mb, .slice_us = e->slice_us, .input = e->flags & PKG_INPUT,
			.pmu = e->flags & PKG_PMU,
			.shadow_kib = e->shadow_kib, .restart_max = e->restart_max,
			.firmware = e->flags & PKG_FIRMWARE,
			.dtb = e->dtb_size ? base + e->dtb_offset : NULL, .dtb_len = e->dtb_size,
		};
		if (vm_create(&cfg) >= 0)
			started++;
	}
	return started;
}
