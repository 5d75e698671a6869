/*
 * Virtual CFI parallel flash with the Intel/Sharp command set, behaving as
 * a guest sees QEMU 7.2's hw/block/pflash_cfi01.c on -M virt: two banks,
 * flash0 at guest-physical 0x00000000 and flash1 at 0x04000000, each 64 MiB
 * made of two 16-bit devices side by side on a 32-bit bus, 256 KiB erase
 * blocks as the bus sees them.  Both banks are read-only: bank 0 shows the
 * firmware image, bank 1 has no backing.
 *
 * Self-contained (no other trapvisor header) so that the host tests and
 * the fuzzer build it as is.  The owner:
 *   - calls vflash_init() once with the image, vflash_reset() at a guest
 *     system reset;
 *   - while vflash_array_mode() is true, may let the guest read (and
 *     execute) the banks straight from a read-only mapping: the image
 *     bytes, and zeros after them and in all of bank 1;
 *   - forwards every guest write, and every guest read while
 *     vflash_array_mode() is false, to vflash_access(), then checks
 *     vflash_array_mode() again to pick the mapping.
 */
#ifndef HYP_VFLASH_H
#define HYP_VFLASH_H

#include <stdbool.h>
#include <stdint.h>

#define VFLASH_BANKS		2
#define VFLASH_BANK_SIZE	0x04000000u	/* 64 MiB: half of virt's 128 MiB flash window */
#define VFLASH_SIZE		(VFLASH_BANKS * VFLASH_BANK_SIZE)
#define VFLASH_SECTOR_SIZE	0x00040000u	/* erase block as the bus sees it */
#define VFLASH_FSR_EXT		0x008		/* DFSR: synchronous external abort */

/* One bank: a QEMU pflash_cfi01 device.  Guest-visible state only. */
struct vflash_bank {
	const uint8_t *data;	/* backing, never written; NULL: none */
	uint32_t len;		/* backing bytes; the rest of the bank reads as 0 */
	uint8_t cmd;		/* 0x00: read array, else what reads answer (status, ID, CFI) */
	uint8_t wcycle;		/* write cycle reached within a multi-cycle command, 0-3 */
	uint8_t status;		/* status register of one device: SR.7 ready, SR.5/SR.4 errors */
	uint32_t count;		/* buffered write: data writes still expected, minus one */
};

/* Both banks, indexed by guest-physical address / VFLASH_BANK_SIZE. */
struct vflash {
	struct vflash_bank bank[VFLASH_BANKS];
	/* accounting, not guest-visible; vflash_reset() keeps it */
	uint64_t unimp;		/* sequences QEMU reports with -d unimp (then read array) */
};

/*
 * Bank 0 shows image (image_len bytes, at most VFLASH_BANK_SIZE: the rest
 * is not shown, as QEMU would refuse the image), bank 1 no backing.  The
 * image must stay valid and unchanged for the life of the flash.  Ends
 * with vflash_reset().
 */
void vflash_init(struct vflash *f, const uint8_t *image, uint32_t image_len);
/* Power-on state of both banks: read array, status 0x80 (ready). */
void vflash_reset(struct vflash *f);
/* True when both banks are in read-array mode: reads may go to the backing directly. */
bool vflash_array_mode(const struct vflash *f);
/*
 * One guest access: off from guest-physical 0 (0 .. VFLASH_SIZE - 1), size
 * 1, 2 or 4, *val the value written (low size bytes used) or read
 * (zero-extended).  Returns 0, or VFLASH_FSR_EXT for an impossible size or
 * an access that does not lie wholly within the two banks.  Misaligned
 * accesses succeed, split as QEMU 7.2's TCG splits them (see vflash.c).
 */
int vflash_access(struct vflash *f, uint32_t off, unsigned size, int write, uint32_t *val);

#endif
