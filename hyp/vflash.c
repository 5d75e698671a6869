/*
 * Virtual CFI flash, Intel/Sharp command set (Intel's "basic command
 * set", CFI ID 0x0001), identical as a guest sees it to QEMU 7.2's
 * hw/block/pflash_cfi01.c with the parameters virt_flash_create1() in
 * hw/arm/virt.c gives both banks: width 4, device-width 2 (so
 * max-device-width 2), sector-length 256 KiB, 256 blocks, little-endian,
 * id0 0x89 (Intel), id1 0x18, id2 and id3 0, not secure, and with a
 * read-only backing (QEMU's pfl->ro).  Everything below was read in
 * QEMU's source and checked on qemu-system-arm 7.2 -M virt, from U-Boot
 * (md/mw) and from a bare-metal probe.  Modelled:
 *
 *  - the command is the low byte of the value written, whatever the size
 *    and whichever byte lane: QEMU does not model the two devices apart,
 *    so a command written to one device changes the mode of the bank;
 *  - read array: 0xff, 0x00 and 0xf0 (an AMD reset, which U-Boot sends
 *    while probing); unwritten flash (after the image in bank 0, all of
 *    bank 1) reads as 0x00, the zeroed RAM behind QEMU's flash;
 *  - read status 0x70, and the status returned by reads after 0x10, 0x20,
 *    0x40, 0x60 and 0xe8: the status byte at any offset, repeated in both
 *    halves for a word read (0x00800080);
 *  - clear status 0x50 clears all of it, ready bit included (0x70 then
 *    reads 0x00000000), and returns to read array;
 *  - read ID 0x90: word n of the bank (offset / 4) answers, modulo 256,
 *    0x89 for n = 0 and 0x18 for n = 1, repeated in both halves, and 0
 *    otherwise (no block lock status);
 *  - CFI query 0x98: word n answers table entry n repeated in both halves
 *    for n < 0x52 and 0 beyond; while querying, any write but 0xff is
 *    ignored (0x70, 0x90 and 0x00 included);
 *  - block erase 0x20: on read-only flash SR.5 (erase error) and SR.7 are
 *    set at once, before the confirm; 0xd0 then sets SR.7, 0xff returns
 *    to read array, anything else is an unimplemented sequence;
 *  - word program 0x40/0x10: the next write sets SR.4 (program error) and
 *    SR.7 and leaves status mode on;
 *  - buffered write 0xe8: SR.7; then the count (low 16 bits: words - 1);
 *    each data write, at any offset, sets SR.4 and SR.7; 0xd0 after the
 *    last one sets SR.7, anything else returns to read array;
 *  - block lock/unlock 0x60: 0xd0 or 0x01 sets SR.7, anything else returns
 *    to read array; nothing is ever locked;
 *  - an unknown command, or a wrong second cycle of erase, returns to read
 *    array and leaves the status alone (QEMU logs it with -d unimp,
 *    counted in f->unimp);
 *  - status bits are sticky: only 0x50 clears them;
 *  - each bank keeps its own mode; the power-on and system-reset state is
 *    read array with status 0x80;
 *  - accesses of 1, 2 and 4 bytes, aligned or not.  The flash has no
 *    size or alignment checks; a misaligned access is split by QEMU's
 *    TCG (7.2 accel/tcg/cputlb.c): a read becomes two aligned reads of
 *    the same size, at off rounded down and the next one, combined as
 *    little-endian (so a halfword read at 1 in status mode gives 0x8000);
 *    a write becomes byte writes in ascending order, each a command.
 *    Both halves of a read across the bank boundary see their own bank.
 *
 * Not modelled: writable flash (QEMU's flash with -bios and no drive is
 * writable RAM, so there a firmware's erase and program succeed; here
 * they fail as on a read-only drive), erase suspend, protection
 * registers, the ID reads of a bank without device-width, and reads that
 * would need the device after flash1 (a misaligned access running past
 * 0x08000000 reaches the GIC in QEMU; here it is refused).  No timing:
 * every operation is complete at once, as in QEMU.
 */
#include <stddef.h>
#include "hyp/vflash.h"

#define CMD_READ_ARRAY	0x00	/* QEMU's internal value for read array */

/* Status register bits (Intel SR) */
#define SR_READY	0x80	/* SR.7: write state machine ready */
#define SR_ERASE_ERR	0x20	/* SR.5: block erase error */
#define SR_PROG_ERR	0x10	/* SR.4: program error */

/*
 * The CFI query table of one device, as QEMU 7.2 builds it for this
 * geometry (pflash_cfi01_fill_cfi_table, old-multiple-chip-handling off):
 * each 16-bit device holds half of every 256 KiB bus sector, so it
 * reports 256 blocks of 128 KiB, 32 MiB in all.  Entries not named are 0.
 */
#define CFI_LEN		0x52
static const uint8_t cfi_table[CFI_LEN] = {
	[0x10] = 'Q', [0x11] = 'R', [0x12] = 'Y',
	[0x13] = 0x01, [0x14] = 0x00,	/* primary command set: Intel/Sharp */
	[0x15] = 0x31, [0x16] = 0x00,	/* its extended table at 0x31 */
	/* 0x17-0x1a: no alternate command set */
	[0x1b] = 0x45, [0x1c] = 0x55,	/* Vcc 4.5 V - 5.5 V */
	/* 0x1d-0x1e: no Vpp */
	[0x1f] = 0x07,			/* typical word program: 2^7 us */
	[0x20] = 0x07,			/* typical buffer write: 2^7 us */
	[0x21] = 0x0a,			/* typical block erase: 2^10 ms */
	[0x22] = 0x00,			/* no chip erase */
	[0x23] = 0x04,			/* max word program: 2^4 x typical */
	[0x24] = 0x04,			/* max buffer write: 2^4 x typical */
	[0x25] = 0x04,			/* max block erase: 2^4 x typical */
	[0x26] = 0x00,
	[0x27] = 25,			/* device size: 2^25 = 32 MiB */
	[0x28] = 0x02, [0x29] = 0x00,	/* interface: x8/x16 */
	[0x2a] = 11, [0x2b] = 0x00,	/* write buffer: 2^11 bytes */
	[0x2c] = 0x01,			/* one erase block region */
	[0x2d] = 0xff, [0x2e] = 0x00,	/* 0x00ff + 1 = 256 blocks */
	[0x2f] = 0x00, [0x30] = 0x02,	/* of 0x0200 x 256 bytes = 128 KiB */
	[0x31] = 'P', [0x32] = 'R', [0x33] = 'I',
	[0x34] = '1', [0x35] = '0',	/* extended table version 1.0 */
	/* 0x36-0x3e: no optional features */
	[0x3f] = 0x01,			/* one protection register field */
};

/* Read ID answers of one device (QEMU's id0, id1; id2 and id3 go unused) */
#define ID_MANUFACTURER	0x0089	/* Intel */
#define ID_DEVICE	0x0018

void vflash_reset(struct vflash *f)
{
	for (unsigned i = 0; i < VFLASH_BANKS; i++) {
		struct vflash_bank *b = &f->bank[i];

		b->cmd = CMD_READ_ARRAY;
		b->wcycle = 0;
		b->status = SR_READY;	/* QEMU skips the ready delay after reset */
		b->count = 0;
	}
}

void vflash_init(struct vflash *f, const uint8_t *image, uint32_t image_len)
{
	f->bank[0].data = image;
	f->bank[0].len = image ? (image_len < VFLASH_BANK_SIZE ? image_len : VFLASH_BANK_SIZE) : 0;
	f->bank[1].data = NULL;
	f->bank[1].len = 0;
	f->unimp = 0;
	vflash_reset(f);
}

bool vflash_array_mode(const struct vflash *f)
{
	for (unsigned i = 0; i < VFLASH_BANKS; i++)
		if (f->bank[i].cmd != CMD_READ_ARRAY)
			return false;
	return true;
}

/* ---- reads --------------------------------------------------------------- */

static uint32_t size_mask(unsigned size)
{
	return size == 4 ? 0xffffffffu : (1u << (8 * size)) - 1;
}

/* The backing, little-endian; zero past its end. */
static uint32_t array_read(const struct vflash_bank *b, uint32_t off, unsigned size)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < size; i++)
		if (b->data && off + i < b->len)
			v |= (uint32_t)b->data[off + i] << (8 * i);
	return v;
}

/*
 * A 16-bit answer from one device, as both devices give it: the two
 * halves of a word.  A narrower read takes the low bytes, whatever lane
 * it addresses, as QEMU truncates the word.
 */
static uint32_t both_devices(uint32_t v)
{
	return v | v << 16;
}

/* Read ID: the word index on the bus is the device's own address. */
static uint32_t id_read(uint32_t off)
{
	switch ((off >> 2) & 0xff) {
	case 0:
		return both_devices(ID_MANUFACTURER);
	case 1:
		return both_devices(ID_DEVICE);
	default:
		return 0;
	}
}

static uint32_t cfi_read(uint32_t off)
{
	uint32_t n = off >> 2;

	return n < CFI_LEN ? both_devices(cfi_table[n]) : 0;
}

/* An aligned read of one bank; off is the offset in the bank. */
static uint32_t bank_read(struct vflash_bank *b, uint32_t off, unsigned size)
{
	uint32_t v;

	switch (b->cmd) {
	case CMD_READ_ARRAY:
		return array_read(b, off, size);
	case 0x10: case 0x20: case 0x40: case 0x60: case 0x70: case 0xe8:
		/* one device's status per 16 bits: a word read gets both */
		v = size == 4 ? both_devices(b->status) : b->status;
		break;
	case 0x90:
		v = id_read(off);
		break;
	case 0x98:
		v = cfi_read(off);
		break;
	default:
		/* cannot happen: QEMU resets to read array and reads the array */
		b->cmd = CMD_READ_ARRAY;
		b->wcycle = 0;
		return array_read(b, off, size);
	}
	return v & size_mask(size);
}

/* ---- writes -------------------------------------------------------------- */

static void read_array(struct vflash_bank *b)
{
	b->cmd = CMD_READ_ARRAY;
	b->wcycle = 0;
}

/* A sequence QEMU does not implement: logged there, read array here and there. */
static void unimplemented(struct vflash *f, struct vflash_bank *b)
{
	f->unimp++;
	read_array(b);
}

/* First cycle: a command. */
static void write_cycle0(struct vflash *f, struct vflash_bank *b, uint8_t cmd)
{
	switch (cmd) {
	case 0x00:			/* QEMU's own read array */
	case 0xf0:			/* AMD reset, from CFI probes */
	case 0xff:			/* read array */
		read_array(b);
		return;
	case 0x10:			/* word program */
	case 0x40:
	case 0x60:			/* block lock/unlock setup */
	case 0x98:			/* CFI query */
		break;
	case 0x20:			/* block erase: done (failed) before the confirm */
		b->status |= SR_ERASE_ERR | SR_READY;
		break;
	case 0x50:			/* clear status */
		b->status = 0;
		read_array(b);
		return;
	case 0x70:			/* read status: a one-cycle mode */
	case 0x90:			/* read ID */
		b->cmd = cmd;
		return;
	case 0xe8:			/* buffered write */
		b->status |= SR_READY;
		break;
	default:
		unimplemented(f, b);
		return;
	}
	b->cmd = cmd;
	b->wcycle = 1;
}

/* Second cycle: the operand of the command in b->cmd. */
static void write_cycle1(struct vflash *f, struct vflash_bank *b, uint32_t val)
{
	uint8_t cmd = (uint8_t)val;

	switch (b->cmd) {
	case 0x10:
	case 0x40:			/* the data: the flash is read-only */
		b->status |= SR_PROG_ERR | SR_READY;
		b->wcycle = 0;		/* reads keep returning the status */
		return;
	case 0x20:
		if (cmd == 0xd0) {	/* confirm */
			b->status |= SR_READY;
			b->wcycle = 0;
		} else if (cmd == 0xff) {
			read_array(b);
		} else {
			unimplemented(f, b);
		}
		return;
	case 0x60:
		if (cmd == 0xd0 || cmd == 0x01) {	/* unlock or lock: ignored */
			b->status |= SR_READY;
			b->wcycle = 0;
		} else {
			read_array(b);	/* 0xff, or an unknown lock command (not logged) */
		}
		return;
	case 0x98:
		if (cmd == 0xff)
			read_array(b);
		return;			/* anything else: still querying */
	case 0xe8:
		/* the word count, as one device sees it on its 16 bits */
		b->count = val & 0xffff;
		b->wcycle = 2;
		return;
	default:
		unimplemented(f, b);
		return;
	}
}

static void write_bank(struct vflash *f, struct vflash_bank *b, uint32_t val)
{
	switch (b->wcycle) {
	case 0:
		write_cycle0(f, b, (uint8_t)val);
		return;
	case 1:
		write_cycle1(f, b, val);
		return;
	case 2:
		if (b->cmd != 0xe8) {
			unimplemented(f, b);
			return;
		}
		/* buffered write data, wherever it is addressed: refused */
		b->status |= SR_PROG_ERR | SR_READY;
		if (b->count-- == 0)
			b->wcycle = 3;	/* that was the last word: await the confirm */
		return;
	case 3:
		if (b->cmd == 0xe8 && (uint8_t)val == 0xd0) {
			b->status |= SR_READY;
			b->wcycle = 0;
		} else {
			unimplemented(f, b);	/* QEMU cannot abort a buffered write */
		}
		return;
	default:
		read_array(b);
		return;
	}
}

/* ---- accesses ------------------------------------------------------------ */

static struct vflash_bank *bank_of(struct vflash *f, uint32_t off)
{
	return &f->bank[off / VFLASH_BANK_SIZE];
}

static uint32_t read_aligned(struct vflash *f, uint32_t off, unsigned size)
{
	return bank_read(bank_of(f, off), off % VFLASH_BANK_SIZE, size);
}

/*
 * TCG's split of a misaligned read: the aligned reads either side,
 * joined little-endian.  For a bank in read array this gives the bytes
 * themselves, as QEMU's direct RAM read does.
 */
static uint32_t read_split(struct vflash *f, uint32_t off, unsigned size)
{
	uint32_t first = off & ~(size - 1);
	unsigned shift = 8 * (off - first);
	uint64_t lo = read_aligned(f, first, size);
	uint64_t hi = read_aligned(f, first + size, size);

	return (uint32_t)((lo >> shift) | hi << (8 * size - shift)) & size_mask(size);
}

int vflash_access(struct vflash *f, uint32_t off, unsigned size, int write, uint32_t *val)
{
	if ((size != 1 && size != 2 && size != 4) || off >= VFLASH_SIZE ||
	    size > VFLASH_SIZE - off) {
		if (!write)
			*val = 0;
		return VFLASH_FSR_EXT;
	}
	if (!write) {
		*val = (off & (size - 1)) ? read_split(f, off, size) : read_aligned(f, off, size);
		return 0;
	}
	if (!(off & (size - 1))) {
		write_bank(f, bank_of(f, off), *val & size_mask(size));
		return 0;
	}
	/* TCG's split of a misaligned write: bytes, lowest address first */
	for (unsigned i = 0; i < size; i++)
		write_bank(f, bank_of(f, off + i), (*val >> (8 * i)) & 0xff);
	return 0;
}
