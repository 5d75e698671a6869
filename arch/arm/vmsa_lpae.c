/*
 * The long-descriptor (LPAE) walk, TTBCR.EAE = 1 (ARM ARM B3.6): what
 * Debian's U-Boot for virt builds when it turns its caches on.  Up to
 * three levels of 64-bit descriptors: 1 GiB and 2 MiB blocks, 4 KiB pages.
 * Faults use the long-descriptor status encoding (LPAE bit 9 set).
 */
#include "arch/arm/vmsa.h"

#define TTBCR_T0SZ(c)	((c) & 7u)
#define TTBCR_EPD0	(1u << 7)
#define TTBCR_T1SZ(c)	(((c) >> 16) & 7u)
#define TTBCR_EPD1	(1u << 23)

#define RW		(VMSA_R | VMSA_W)
#define LPAE_FSR	(1u << 9)
#define ST_TRANS	0x04u		/* status: translation fault, level in 1:0 */
#define ST_AF		0x08u
#define ST_PERM		0x0cu
#define ST_WALK_EXT	0x14u

/* AP[2:1] -> {PL1, PL0} rights (ARM ARM B3.7.1) */
static const uint8_t ap_lpae[4][2] = {
	{ RW, 0 }, { RW, RW }, { VMSA_R, 0 }, { VMSA_R, VMSA_R },
};

static uint32_t fault(struct vmsa_result *res, uint32_t status, unsigned level)
{
	res->level = (uint8_t)level;
	res->fsr = LPAE_FSR | status | level;
	return res->fsr;
}

static bool read64(vmsa_read_fn read, void *arg, uint64_t pa, uint64_t *d)
{
	uint32_t lo, hi;

	if (pa >> 32 || !read(arg, (uint32_t)pa, &lo) || !read(arg, (uint32_t)pa + 4, &hi))
		return false;
	*d = (uint64_t)hi << 32 | lo;
	return true;
}

/* Which TTBR translates va and the size of its input range (bits); false
 * if neither does or that walk is disabled. */
static bool pick_ttbr(const struct vmsa_regs *r, uint32_t va, uint64_t *base, unsigned *bits)
{
	unsigned t0 = TTBCR_T0SZ(r->ttbcr), t1 = TTBCR_T1SZ(r->ttbcr);
	uint64_t va64 = va;

	if (t0 ? va64 < (1ull << (32 - t0)) : (!t1 || va64 < (1ull << 32) - (1ull << (32 - t1)))) {
		if (r->ttbcr & TTBCR_EPD0)
			return false;
		*base = (uint64_t)(r->ttbr0_hi & 0xff) << 32 | r->ttbr0;
		*bits = 32 - t0;
		return true;
	}
	if (!t1 || va64 < (1ull << 32) - (1ull << (32 - t1)) || (r->ttbcr & TTBCR_EPD1))
		return false;
	*base = (uint64_t)(r->ttbr1_hi & 0xff) << 32 | r->ttbr1;
	*bits = 32 - t1;
	return true;
}

uint32_t vmsa_walk_lpae(const struct vmsa_regs *r, uint32_t va, vmsa_read_fn read, void *arg,
			struct vmsa_result *res)
{
	unsigned bits, level, ap_table = 0;
	bool xn_table = false, pxn_table = false;
	uint64_t base, d;

	*res = (struct vmsa_result){ .lpae = true };
	if (!pick_ttbr(r, va, &base, &bits))
		return fault(res, ST_TRANS, 1);
	/* the first level is the one whose index holds the range's top bit */
	level = bits > 30 ? 1 : 2;
	{
		unsigned shift = level == 1 ? 30 : 21, n = bits - shift;
		base &= ~((8ull << n) - 1) & 0xffffffffffull;
		base += ((va >> shift) & ((1u << n) - 1)) * 8ull;
	}
	for (;; level++) {
		unsigned shift = 39 - 9 * level;	/* 30, 21, 12 */
		if (!read64(read, arg, base, &d))
			return fault(res, ST_WALK_EXT, level);
		if (!(d & 1) || (level == 3 && !(d & 2)))
			return fault(res, ST_TRANS, level);
		if (level < 3 && (d & 2)) {		/* next-level table */
			pxn_table |= (d >> 59) & 1;
			xn_table |= (d >> 60) & 1;
			ap_table |= (unsigned)(d >> 61) & 3;
			base = (d & 0xfffffff000ull) + ((va >> (shift - 9)) & 0x1ff) * 8ull;
			continue;
		}
		res->level = (uint8_t)level;
		res->size = 1u << shift;
		res->pa = (d & 0xfffffff000ull & ~((1ull << shift) - 1)) | (va & (res->size - 1));
		break;
	}
	res->af_fault = !((d >> 10) & 1);
	res->global = !((d >> 11) & 1);
	res->xn = ((d >> 54) & 1) || xn_table;
	res->pxn = ((d >> 53) & 1) || pxn_table;
	{
		unsigned ap = (unsigned)(d >> 6) & 3;
		if (ap_table & 2)			/* APTable[1]: no writes */
			ap |= 2;
		res->prot_pl1 = ap_lpae[ap][0] | VMSA_X;
		res->prot_pl0 = (ap_table & 1) || !ap_lpae[ap][1] ? 0 : ap_lpae[ap][1] | VMSA_X;
	}
	return 0;
}
