/*
 * fuzz_vflash: the virtual CFI flash (hyp/vflash.c) under a sequence of
 * guest accesses of any size, aligned or not, near the start and end of
 * each bank (so across the bank boundary and past the end of flash), and
 * resets.  Input: the image length (1 byte, up to 64), then operations of
 * 7 bytes: what (1), offset (2), value (4).  what: bits 1:0 the kind
 * (0, 1 access, 2 reset, 3 nothing), bits 3:2 the size (1, 2, 4, or the
 * impossible 3), bit 4 write, bits 6:5 the area (bank 0's start, bank 0's
 * last 64 KiB, bank 1's start, bank 1's last 64 KiB and past it).
 *
 * After each one: an access succeeds exactly when the contract in
 * vflash.h says; a read fits its size (and reads 0 when refused); an
 * aligned read of a bank in read array returns the image bytes, or 0
 * past them; each bank stays in a state QEMU can reach (a known command,
 * write cycle 0-3, read array only at cycle 0, only SR.7, SR.5 and SR.4);
 * vflash_array_mode() is true exactly when both banks read their array;
 * the image is never written.
 */
#include "test/fuzz/fuzz.h"
#include "hyp/vflash.h"

#define MAX_OPS		64
#define IMG_MAX		64

static struct vflash f;
static uint8_t img[IMG_MAX], img_copy[IMG_MAX];
static uint32_t img_len;

static const uint32_t areas[4] = {
	0, VFLASH_BANK_SIZE - 0x10000, VFLASH_BANK_SIZE, VFLASH_SIZE - 0x10000,
};

static uint32_t backing(uint32_t off, unsigned size)
{
	uint32_t v = 0;

	for (unsigned i = 0; i < size; i++)
		if (off + i < img_len)
			v |= (uint32_t)img[off + i] << (8 * i);
	return v;
}

static void check_bank(const struct vflash_bank *b, unsigned i)
{
	static const uint8_t cmds[] = { 0x00, 0x10, 0x20, 0x40, 0x60, 0x70, 0x90, 0x98, 0xe8 };
	bool known = false;

	for (size_t k = 0; k < sizeof(cmds); k++)
		known |= b->cmd == cmds[k];
	CHECK(known, "bank %u: command 0x%x", i, b->cmd);
	CHECK(b->wcycle <= 3 && (b->cmd || !b->wcycle), "bank %u: cycle %u of 0x%x", i, b->wcycle,
	      b->cmd);
	CHECK(!(b->status & ~0xb0), "bank %u: status 0x%x", i, b->status);
}

static void check_state(const struct vflash *v)
{
	check_bank(&v->bank[0], 0);
	check_bank(&v->bank[1], 1);
	CHECK(vflash_array_mode(v) == (!v->bank[0].cmd && !v->bank[1].cmd), "array mode");
}

static void access(struct vflash *v, uint32_t off, unsigned size, bool write, uint32_t val)
{
	bool ok = (size == 1 || size == 2 || size == 4) && off < VFLASH_SIZE &&
		  off + size <= VFLASH_SIZE;
	bool array = !(off & (size - 1)) && ok && !v->bank[off / VFLASH_BANK_SIZE].cmd;
	int r = vflash_access(v, off, size, write, &val);

	CHECK(ok ? r == 0 : r == VFLASH_FSR_EXT, "access at 0x%x size %u: %d", off, size, r);
	CHECK(write || (ok ? size == 4 || val >> (8 * size) == 0 : val == 0),
	      "read 0x%x in %u bytes (result %d)", val, size, r);
	CHECK(write || !array || val == (off < VFLASH_BANK_SIZE ? backing(off, size) : 0),
	      "array read 0x%x at 0x%x size %u", val, off, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned sizes[] = { 1, 2, 4, 3 };	/* 3: an impossible size */
	struct input in = { data, size };

	for (unsigned i = 0; i < IMG_MAX; i++)
		img[i] = img_copy[i] = (uint8_t)(i * 31 + 7);
	img_len = take8(&in) % (IMG_MAX + 1);
	memset(&f, 0xa5, sizeof(f));
	vflash_init(&f, img, img_len);
	check_state(&f);
	for (unsigned i = 0; i < MAX_OPS && in.left; i++) {
		uint32_t what = take8(&in), off = take16(&in), val = take32(&in);

		switch (what & 3) {
		case 0:
		case 1:
			access(&f, areas[(what >> 5) & 3] + off, sizes[(what >> 2) & 3], what & 0x10,
			       val);
			break;
		case 2:
			vflash_reset(&f);
			break;
		default:
			break;
		}
		check_state(&f);
	}
	CHECK(!memcmp(img, img_copy, sizeof(img)), "image written");
	return 0;
}
