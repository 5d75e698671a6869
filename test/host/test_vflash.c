/*
 * The virtual CFI flash (hyp/vflash.c) against values worked out from the
 * CFI and Intel command set specifications for the geometry QEMU 7.2's
 * -M virt gives its two pflash_cfi01 banks (two 16-bit devices side by
 * side per 64 MiB bank, 256 KiB bus sectors, ID 0x89/0x18), and against
 * what qemu-system-arm 7.2 showed where QEMU departs from a real chip:
 * measured from U-Boot (md/mw) and from a bare-metal probe, with flash1 a
 * read-only drive.  Where a value is QEMU's and not the spec's, the
 * comment says so.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "hyp/vflash.h"

#define BANK1		0x04000000u
#define IMG_LEN		0x1006u		/* the last word is half image, half unwritten */

/* Status words, both devices: SR.7 ready, SR.5 erase error, SR.4 program error */
#define ST_READY	0x00800080u
#define ST_ERASE_ERR	0x00a000a0u
#define ST_PROG_ERR	0x00900090u

static struct vflash f;
static uint8_t img[IMG_LEN];

static uint8_t img_byte(uint32_t i) { return (uint8_t)(i * 31 + 7); }

/* What the image shows at off, little-endian, zero past its end (QEMU's flash RAM is zeroed) */
static uint32_t img_bytes(uint32_t off, unsigned size)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < size; i++)
		if (off + i < IMG_LEN)
			v |= (uint32_t)img_byte(off + i) << (8 * i);
	return v;
}

static int setup(void **state)
{
	(void)state;
	for (uint32_t i = 0; i < IMG_LEN; i++)
		img[i] = img_byte(i);
	memset(&f, 0x5a, sizeof(f));		/* init must not rely on a zeroed struct */
	vflash_init(&f, img, IMG_LEN);
	return 0;
}

static uint32_t rd(uint32_t off, unsigned size)
{
	uint32_t v = 0xdeadbeef;

	assert_int_equal(vflash_access(&f, off, size, 0, &v), 0);
	return v;
}

static uint32_t rd32(uint32_t off) { return rd(off, 4); }

static void wr(uint32_t off, unsigned size, uint32_t v)
{
	assert_int_equal(vflash_access(&f, off, size, 1, &v), 0);
}

/* A command to both devices of a bank, as U-Boot writes it on a 32-bit bus */
static void cmd(uint32_t off, uint8_t c) { wr(off, 4, (uint32_t)c << 16 | c); }

/* ---- reset --------------------------------------------------------------- */

static void test_reset_state(void **state)
{
	(void)state;
	assert_true(vflash_array_mode(&f));
	assert_int_equal(rd32(0), img_bytes(0, 4));
	cmd(0, 0x70);
	assert_false(vflash_array_mode(&f));
	assert_int_equal(rd32(0), ST_READY);
	assert_int_equal(rd(0, 2), 0x0080);
	assert_int_equal(rd(1, 1), 0x80);	/* QEMU: the status at any byte */
	cmd(0, 0xff);
	assert_true(vflash_array_mode(&f));
	cmd(BANK1, 0x70);
	assert_int_equal(rd32(BANK1), ST_READY);
	assert_int_equal(f.unimp, 0);
}

static void test_reset_returns_to_read_array(void **state)
{
	(void)state;
	cmd(0, 0x98);
	cmd(BANK1, 0x20);			/* fails: SR.5 */
	cmd(BANK1, 0x33);			/* unknown confirm */
	cmd(BANK1, 0x40);
	assert_false(vflash_array_mode(&f));
	vflash_reset(&f);
	assert_true(vflash_array_mode(&f));
	assert_int_equal(rd32(0x10), img_bytes(0x10, 4));
	cmd(BANK1, 0x70);
	assert_int_equal(rd32(BANK1), ST_READY);	/* error bits gone */
	assert_int_equal(f.unimp, 1);			/* accounting kept */
}

/* ---- read array ---------------------------------------------------------- */

static void test_array_reads_image(void **state)
{
	(void)state;
	assert_int_equal(rd32(0), img_bytes(0, 4));
	assert_int_equal(rd32(0x1000), img_bytes(0x1000, 4));
	assert_int_equal(rd(0x10, 2), img_bytes(0x10, 2));
	assert_int_equal(rd(0x13, 1), img_byte(0x13));
	assert_int_equal(rd(0xffe, 2), img_bytes(0xffe, 2));
	/* the last word: two image bytes, then unwritten flash */
	assert_int_equal(rd32(0x1004), (uint32_t)img_byte(0x1005) << 8 | img_byte(0x1004));
	assert_int_equal(rd(0x1006, 2), 0);
}

static void test_array_reads_unbacked(void **state)
{
	(void)state;
	/* QEMU 7.2 -bios u-boot.bin: md.l 0xc1000 and md.l 0x04000000 read 0 */
	assert_int_equal(rd32(0x1008), 0);
	assert_int_equal(rd32(0x000c1000), 0);
	assert_int_equal(rd32(0x03fffffc), 0);
	assert_int_equal(rd32(BANK1), 0);
	assert_int_equal(rd(BANK1 + 0x123456, 2), 0);
	assert_int_equal(rd(VFLASH_SIZE - 1, 1), 0);
	assert_int_equal(rd32(VFLASH_SIZE - 4), 0);
}

static void test_image_longer_than_bank(void **state)
{
	uint8_t *big = calloc(VFLASH_BANK_SIZE + 8, 1);

	(void)state;
	assert_non_null(big);
	memset(big + VFLASH_BANK_SIZE - 4, 0xaa, 12);
	vflash_init(&f, big, VFLASH_BANK_SIZE + 8);
	assert_int_equal(rd32(BANK1 - 4), 0xaaaaaaaa);
	assert_int_equal(rd32(BANK1), 0);	/* bank 1 never shows the image */
	free(big);
}

static void test_no_image(void **state)
{
	(void)state;
	vflash_init(&f, NULL, 100);
	assert_int_equal(rd32(0), 0);
	assert_int_equal(rd(0x60, 1), 0);
	assert_true(vflash_array_mode(&f));
}

/* ---- CFI query ----------------------------------------------------------- */

/* CFI address n of one x16 device is bus word n: byte offset 4n */
static uint32_t cfi(uint32_t bank, unsigned n)
{
	uint32_t w = rd32(bank + 4 * n);

	assert_int_equal(w >> 16, w & 0xffff);	/* both devices answer alike */
	assert_int_equal(w & 0xff00, 0);	/* in the low byte of their 16 bits */
	return w & 0xff;
}

static void test_cfi_query_string(void **state)
{
	(void)state;
	cmd(0x55 * 4, 0x98);			/* the CFI query address; QEMU ignores it */
	assert_false(vflash_array_mode(&f));
	assert_int_equal(rd32(0x40), 0x00510051);	/* 'Q' */
	assert_int_equal(rd32(0x44), 0x00520052);	/* 'R' */
	assert_int_equal(rd32(0x48), 0x00590059);	/* 'Y' */
	cmd(0, 0xff);
	assert_true(vflash_array_mode(&f));
	assert_int_equal(rd32(0x40), img_bytes(0x40, 4));
}

static void test_cfi_geometry(void **state)
{
	/*
	 * The query table of one device (CFI spec, JESD68): the fields U-Boot's
	 * flash_cfi reads, with the values QEMU gives a 32 MiB x16 device of
	 * 256 blocks of 128 KiB and a 2 KiB write buffer.
	 */
	static const struct { uint8_t n, v; } want[] = {
		{ 0x10, 'Q' }, { 0x11, 'R' }, { 0x12, 'Y' },
		{ 0x13, 0x01 }, { 0x14, 0x00 },		/* Intel/Sharp command set */
		{ 0x15, 0x31 }, { 0x16, 0x00 },		/* primary extended table at 0x31 */
		{ 0x17, 0 }, { 0x18, 0 }, { 0x19, 0 }, { 0x1a, 0 },	/* no alternate set */
		{ 0x1b, 0x45 }, { 0x1c, 0x55 },		/* Vcc min, max (QEMU's) */
		{ 0x1d, 0 }, { 0x1e, 0 },		/* no Vpp */
		{ 0x1f, 7 }, { 0x20, 7 }, { 0x21, 10 }, { 0x22, 0 },	/* typical timeouts, log2 */
		{ 0x23, 4 }, { 0x24, 4 }, { 0x25, 4 }, { 0x26, 0 },	/* maximum timeouts, log2 */
		{ 0x27, 25 },				/* device size 2^25 */
		{ 0x28, 0x02 }, { 0x29, 0x00 },		/* x8/x16 interface */
		{ 0x2a, 11 }, { 0x2b, 0 },		/* write buffer 2^11 */
		{ 0x2c, 1 },				/* one erase region */
		{ 0x2d, 0xff }, { 0x2e, 0x00 },		/* 256 blocks */
		{ 0x2f, 0x00 }, { 0x30, 0x02 },		/* of 512 x 256 bytes */
		{ 0x31, 'P' }, { 0x32, 'R' }, { 0x33, 'I' }, { 0x34, '1' }, { 0x35, '0' },
		{ 0x3f, 0x01 },				/* QEMU: one protection field */
	};
	uint8_t table[0x60] = { 0 };
	uint32_t blocks, block_size;

	(void)state;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		table[want[i].n] = want[i].v;
	cmd(BANK1, 0x98);
	for (unsigned n = 0; n < sizeof(table); n++)	/* every entry, and 0 past the end */
		assert_int_equal(cfi(BANK1, n), table[n]);
	assert_int_equal(rd32(BANK1 + 0x1040), 0);	/* no wrap-around, unlike read ID */

	/* what a CFI driver makes of it: the bus view of the bank, two devices wide */
	assert_int_equal(2u << cfi(BANK1, 0x27), VFLASH_BANK_SIZE);
	blocks = (cfi(BANK1, 0x2e) << 8 | cfi(BANK1, 0x2d)) + 1;
	block_size = (cfi(BANK1, 0x30) << 8 | cfi(BANK1, 0x2f)) * 256;
	assert_int_equal(blocks, 256);
	assert_int_equal(2 * block_size, VFLASH_SECTOR_SIZE);
	assert_int_equal(blocks * 2 * block_size, VFLASH_BANK_SIZE);
}

static void test_cfi_narrow_reads(void **state)
{
	(void)state;
	cmd(0, 0x98);
	/* QEMU: the word's low bytes, whichever lane is addressed */
	assert_int_equal(rd(0x40, 1), 'Q');
	assert_int_equal(rd(0x41, 1), 'Q');
	assert_int_equal(rd(0x43, 1), 'Q');
	assert_int_equal(rd(0x40, 2), 'Q');
	assert_int_equal(rd(0x42, 2), 'Q');
	assert_int_equal(rd(0x9c, 1), 25);	/* 0x27: device size */
}

static void test_cfi_mode_ignores_other_writes(void **state)
{
	static const uint8_t others[] = { 0x70, 0x90, 0x00, 0x50, 0x20, 0xd0, 0xf0 };

	(void)state;
	cmd(0, 0x98);
	/* QEMU 7.2: only 0xff leaves query mode (checked with U-Boot mw/md) */
	for (size_t i = 0; i < sizeof(others); i++) {
		cmd(0, others[i]);
		assert_int_equal(rd32(0x40), 0x00510051);
	}
	assert_false(vflash_array_mode(&f));
	assert_int_equal(f.unimp, 0);
	cmd(0, 0xff);
	assert_true(vflash_array_mode(&f));
}

/* ---- read ID ------------------------------------------------------------- */

static void test_read_id(void **state)
{
	(void)state;
	cmd(BANK1, 0x90);
	assert_false(vflash_array_mode(&f));
	assert_int_equal(rd32(BANK1), 0x00890089);	/* manufacturer: Intel */
	assert_int_equal(rd32(BANK1 + 4), 0x00180018);	/* device */
	assert_int_equal(rd32(BANK1 + 8), 0);		/* QEMU: no block lock status */
	assert_int_equal(rd32(BANK1 + 0x3fc), 0);
	assert_int_equal(rd32(BANK1 + 0x400), 0x00890089);	/* QEMU: every 256 words */
	assert_int_equal(rd32(BANK1 + 0x404), 0x00180018);
	assert_int_equal(rd(BANK1 + 1, 1), 0x89);
	assert_int_equal(rd(BANK1 + 5, 1), 0x18);
	assert_int_equal(rd(BANK1 + 6, 2), 0x0018);
	assert_int_equal(rd32(0), img_bytes(0, 4));	/* bank 0 still reads its array */
	cmd(BANK1, 0xff);
	assert_true(vflash_array_mode(&f));
	assert_int_equal(rd32(BANK1), 0);
}

/* ---- erase and program on read-only flash ------------------------------- */

static void test_erase_readonly(void **state)
{
	(void)state;
	cmd(0x40100, 0x20);
	/* QEMU: the (refused) erase is done at the setup write */
	assert_int_equal(rd32(0x40100), ST_ERASE_ERR);
	cmd(0x40100, 0xd0);
	assert_int_equal(rd32(0), ST_ERASE_ERR);
	assert_false(vflash_array_mode(&f));
	cmd(0, 0xff);
	assert_true(vflash_array_mode(&f));
	assert_int_equal(rd32(0x100), img_bytes(0x100, 4));	/* nothing erased */
	cmd(0, 0x70);
	assert_int_equal(rd32(0), ST_ERASE_ERR);		/* sticky */
	cmd(0, 0x50);
	assert_true(vflash_array_mode(&f));
	cmd(0, 0x70);
	assert_int_equal(rd32(0), 0);		/* QEMU: clear status clears SR.7 too */
	assert_int_equal(f.unimp, 0);
}

static void test_erase_bad_confirm(void **state)
{
	(void)state;
	cmd(BANK1, 0x20);
	cmd(BANK1, 0x33);
	assert_true(vflash_array_mode(&f));
	assert_int_equal(f.unimp, 1);
	cmd(BANK1, 0x70);
	assert_int_equal(rd32(BANK1), ST_ERASE_ERR);
	cmd(BANK1, 0x20);
	cmd(BANK1, 0xff);			/* read array instead of the confirm */
	assert_true(vflash_array_mode(&f));
	assert_int_equal(f.unimp, 1);
}

static void test_program_readonly(void **state)
{
	(void)state;
	cmd(0x100, 0x40);
	assert_int_equal(rd32(0x100), ST_READY);
	wr(0x100, 4, 0x12345678);
	assert_int_equal(rd32(0x100), ST_PROG_ERR);
	assert_false(vflash_array_mode(&f));	/* reads still answer the status */
	cmd(0, 0xff);
	assert_int_equal(rd32(0x100), img_bytes(0x100, 4));

	cmd(BANK1, 0x10);			/* the other word program code */
	wr(BANK1 + 8, 2, 0xbeef);
	assert_int_equal(rd32(BANK1), ST_PROG_ERR);
	cmd(BANK1, 0xff);
	assert_int_equal(rd32(BANK1 + 8), 0);
	/* a new program adds to the sticky bits */
	cmd(BANK1, 0x20);
	cmd(BANK1, 0xd0);
	assert_int_equal(rd32(BANK1), 0x00b000b0);
}

static void test_buffered_write_readonly(void **state)
{
	uint32_t a = BANK1 + 0x200000;

	(void)state;
	cmd(a, 0xe8);
	assert_int_equal(rd32(a), ST_READY);	/* buffer available */
	wr(a, 4, 0x00010001);			/* two words */
	assert_int_equal(rd32(a), ST_READY);
	wr(a, 4, 0xaaaaaaaa);
	assert_int_equal(rd32(a), ST_PROG_ERR);
	wr(a + 4, 4, 0xbbbbbbbb);
	cmd(a, 0xd0);
	assert_int_equal(rd32(a), ST_PROG_ERR);
	assert_false(vflash_array_mode(&f));
	cmd(a, 0xff);
	assert_true(vflash_array_mode(&f));
	assert_int_equal(rd32(a), 0);
	assert_int_equal(f.unimp, 0);
}

static void test_buffered_write_abort_and_count(void **state)
{
	uint32_t a = BANK1 + 0x200000;

	(void)state;
	cmd(a, 0xe8);
	wr(a, 4, 0);				/* one word */
	wr(a, 4, 0x5555);
	cmd(a, 0xff);				/* no confirm: QEMU gives up, read array */
	assert_true(vflash_array_mode(&f));
	assert_int_equal(f.unimp, 1);
	cmd(a, 0x70);
	assert_int_equal(rd32(a), ST_PROG_ERR);

	/* the count is what one device sees: the low 16 bits */
	cmd(a, 0xe8);
	wr(a, 4, 0xffff0000);
	wr(a, 4, 0x1234);
	cmd(a, 0xd0);				/* the confirm, not a second data word */
	cmd(a, 0xff);
	assert_true(vflash_array_mode(&f));
	assert_int_equal(f.unimp, 1);
}

/* ---- lock, unknown commands, read array --------------------------------- */

static void test_lock_unlock(void **state)
{
	(void)state;
	cmd(0x40000, 0x60);
	assert_int_equal(rd32(0x40000), ST_READY);
	cmd(0x40000, 0xd0);			/* unlock */
	assert_int_equal(rd32(0x40000), ST_READY);
	cmd(0, 0xff);
	cmd(0x40000, 0x60);
	cmd(0x40000, 0x01);			/* lock: nothing changes */
	assert_int_equal(rd32(0), ST_READY);
	cmd(0, 0xff);
	cmd(0x40000, 0x60);
	cmd(0x40000, 0x2f);			/* unknown: read array, not logged by QEMU */
	assert_true(vflash_array_mode(&f));
	assert_int_equal(f.unimp, 0);
	assert_int_equal(rd32(0), img_bytes(0, 4));
}

static void test_unknown_command(void **state)
{
	(void)state;
	cmd(0, 0x20);				/* leave SR.5 set */
	cmd(0, 0xd0);
	cmd(0, 0x33);
	assert_true(vflash_array_mode(&f));
	assert_int_equal(f.unimp, 1);
	assert_int_equal(rd32(0), img_bytes(0, 4));
	cmd(0, 0xd0);				/* a confirm with nothing to confirm */
	assert_int_equal(f.unimp, 2);
	cmd(0, 0x70);
	assert_int_equal(rd32(0), ST_ERASE_ERR);	/* status left alone */
}

static void test_read_array_commands(void **state)
{
	static const uint8_t codes[] = { 0xff, 0x00, 0xf0 };	/* 0xf0: AMD reset */

	(void)state;
	for (size_t i = 0; i < sizeof(codes); i++) {
		cmd(BANK1, 0x90);
		assert_false(vflash_array_mode(&f));
		cmd(BANK1, codes[i]);
		assert_true(vflash_array_mode(&f));
	}
	cmd(0, 0x70);
	cmd(0, 0x50);				/* clear status also returns to read array */
	assert_true(vflash_array_mode(&f));
	assert_int_equal(f.unimp, 0);
}

static void test_command_any_size_and_lane(void **state)
{
	(void)state;
	/* QEMU: the command is the low byte of the value, wherever it lands */
	wr(BANK1 + 1, 1, 0x90);
	assert_int_equal(rd32(BANK1), 0x00890089);
	wr(BANK1 + 2, 2, 0x0098);
	assert_int_equal(rd32(BANK1 + 0x40), 0x00510051);
	wr(BANK1, 4, 0x98000000);		/* low byte 0x00: still querying */
	assert_int_equal(rd32(BANK1 + 0x40), 0x00510051);
	wr(BANK1 + 3, 1, 0xff);
	assert_true(vflash_array_mode(&f));
	wr(0, 4, 0x00700098);			/* the devices disagree: the low one wins */
	assert_int_equal(rd32(0x40), 0x00510051);
}

/* ---- banks, sizes, alignment --------------------------------------------- */

static void test_banks_independent(void **state)
{
	(void)state;
	cmd(BANK1, 0x70);
	assert_false(vflash_array_mode(&f));
	assert_int_equal(rd32(0), img_bytes(0, 4));
	assert_int_equal(rd32(BANK1 - 4), 0);		/* last word of bank 0: array */
	assert_int_equal(rd32(BANK1), ST_READY);	/* first word of bank 1 */
	assert_int_equal(rd32(VFLASH_SIZE - 4), ST_READY);
	cmd(BANK1 - 4, 0x90);				/* a command to bank 0's last word */
	assert_int_equal(rd32(0), 0x00890089);
	assert_int_equal(rd32(BANK1), ST_READY);
	cmd(BANK1, 0xff);
	assert_false(vflash_array_mode(&f));		/* bank 0 still in read ID */
	cmd(0, 0xff);
	assert_true(vflash_array_mode(&f));
}

static void test_bad_size_and_range(void **state)
{
	static const struct { uint32_t off; unsigned size; } bad[] = {
		{ 0, 0 }, { 0, 3 }, { 0, 8 }, { BANK1, 3 },
		{ VFLASH_SIZE, 4 }, { VFLASH_SIZE, 1 }, { 0xfffffffc, 4 },
		{ VFLASH_SIZE - 2, 4 },		/* runs into the GIC in QEMU */
		{ VFLASH_SIZE - 1, 2 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint32_t v = 0xdeadbeef;

		assert_int_equal(vflash_access(&f, bad[i].off, bad[i].size, 0, &v), VFLASH_FSR_EXT);
		assert_int_equal(v, 0);
		v = 0x00900090;
		assert_int_equal(vflash_access(&f, bad[i].off, bad[i].size, 1, &v), VFLASH_FSR_EXT);
		assert_true(vflash_array_mode(&f));
	}
	assert_int_equal(rd(VFLASH_SIZE - 2, 2), 0);	/* the last halfword is fine */
}

static void test_misaligned_reads(void **state)
{
	(void)state;
	/* read array: the bytes themselves */
	assert_int_equal(rd(2, 4), img_bytes(2, 4));
	assert_int_equal(rd(0x1005, 2), img_byte(0x1005));
	assert_int_equal(rd(0x1003, 4), img_bytes(0x1003, 4));
	/* otherwise QEMU's TCG reads the aligned neighbours (measured on 7.2) */
	cmd(BANK1 + 0x100000, 0x70);
	assert_int_equal(rd(BANK1 + 0x100002, 4), ST_READY);
	assert_int_equal(rd(BANK1 + 0x100001, 2), 0x8000);
	assert_int_equal(rd(BANK1 + 0x100ffe, 4), ST_READY);
	/* across the banks: bank 0 array (0), bank 1 status */
	assert_int_equal(rd(BANK1 - 2, 4), 0x00800000);
	assert_int_equal(rd(BANK1 - 1, 2), 0x8000);
	cmd(BANK1, 0xff);
	cmd(0, 0x70);				/* and the other way round */
	assert_int_equal(rd(BANK1 - 2, 4), 0x00000080);
	assert_int_equal(rd(2, 4), ST_READY);
	cmd(0, 0x90);				/* halves of the two ID words */
	assert_int_equal(rd(2, 4), 0x00180089);
	assert_int_equal(rd(3, 2), 0x1800);
}

static void test_misaligned_writes_are_bytes(void **state)
{
	(void)state;
	/* bytes 0x90 (read ID), 0x00 (read array), 0x98 (query), 0x00 (ignored) */
	wr(BANK1 + 0x100ffe, 4, 0x00980090);
	assert_int_equal(rd32(BANK1 + 0x40), 0x00510051);
	assert_int_equal(rd32(BANK1), 0);		/* query, not read ID */
	cmd(BANK1, 0xff);
	/* 0x00 at 1 (read array), then 0x70 at 2 (read status) */
	wr(1, 2, 0x7000);
	assert_int_equal(rd32(0), ST_READY);
	cmd(0, 0xff);
	/* a misaligned program: its first byte is the data, the next a command */
	cmd(BANK1, 0x40);
	wr(BANK1 + 1, 2, 0x90ab);
	assert_int_equal(rd32(BANK1), 0x00890089);
	cmd(BANK1, 0x70);
	assert_int_equal(rd32(BANK1), ST_PROG_ERR);
	/* a write across the banks reaches both */
	cmd(BANK1, 0xff);
	wr(BANK1 - 1, 2, 0x7090);
	assert_int_equal(rd32(0), 0x00890089);
	assert_int_equal(rd32(BANK1), ST_PROG_ERR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup(fn, setup)
		T(test_reset_state),
		T(test_reset_returns_to_read_array),
		T(test_array_reads_image),
		T(test_array_reads_unbacked),
		T(test_image_longer_than_bank),
		T(test_no_image),
		T(test_cfi_query_string),
		T(test_cfi_geometry),
		T(test_cfi_narrow_reads),
		T(test_cfi_mode_ignores_other_writes),
		T(test_read_id),
		T(test_erase_readonly),
		T(test_erase_bad_confirm),
		T(test_program_readonly),
		T(test_buffered_write_readonly),
		T(test_buffered_write_abort_and_count),
		T(test_lock_unlock),
		T(test_unknown_command),
		T(test_read_array_commands),
		T(test_command_any_size_and_lane),
		T(test_banks_independent),
		T(test_bad_size_and_range),
		T(test_misaligned_reads),
		T(test_misaligned_writes_are_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
