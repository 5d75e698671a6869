/*
 * ATAGS, the list the Raspberry Pi firmware (and QEMU's Linux boot path)
 * leaves in RAM for the kernel it starts: how much RAM the ARM has after
 * the VideoCore's share, and where an initramfs (for trapvisor: the guest
 * package) was loaded.
 */
#ifndef BOARD_DRIVERS_ATAGS_H
#define BOARD_DRIVERS_ATAGS_H

#include <stdbool.h>
#include <stdint.h>

#define ATAGS_DEFAULT_PA	0x100	/* where they are when r2 does not say */
#define FDT_MAGIC_LE		0xedfe0dd0u	/* 0xd00dfeed, big-endian */

struct atags_info {
	uint32_t mem_start, mem_size;		/* size 0: no ATAG_MEM */
	uint32_t initrd_start, initrd_size;	/* size 0: no ATAG_INITRD2 */
};

/* Reads the list at p (at most max_words long); false if p holds none. */
bool atags_read(const volatile uint32_t *p, uint32_t max_words, struct atags_info *out);

#endif
