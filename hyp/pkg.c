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

#define PKG_INPUT	1	/* flags: the VM may own the console input */
#define PKG_PMU		2	/* flags: the VM uses the host's PMU cycle counter */

struct pkg_entry {
	char name[32];
	char file[64];			/* the image's file name, for messages */
	uint32_t offset, size, ram_mb, slice_us, flags, shadow_kib;
	uint32_t restart_max;		/* crash restarts allowed; 0: never */
};

int pkg_start_vms(void)
{
	const uint8_t *base = mmu_map_package(host_mem.pkg_pa, PKG_MAX);
	const struct pkg_header *h = (const void *)base;
	const struct pkg_entry *e = (const void *)(h + 1);
	int started = 0;

	if (memcmp(h->magic, "TVPKG3\0\0", 8) != 0) {
		hyp_printf("no guest package at 0x%08lx (bad magic): nothing to run\n",
			   (unsigned long)host_mem.pkg_pa);
		return 0;
	}
	if (h->size > PKG_MAX || h->count > (h->size - sizeof(*h)) / sizeof(*e)) {
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
		struct vm_config cfg = {
			.name = name, .file = file, .image = base + e->offset, .len = e->size,
			.ram_mb = e->ram_mb, .slice_us = e->slice_us, .input = e->flags & PKG_INPUT,
			.pmu = e->flags & PKG_PMU,
			.shadow_kib = e->shadow_kib, .restart_max = e->restart_max,
		};
		if (vm_create(&cfg) >= 0)
			started++;
	}
	return started;
}
