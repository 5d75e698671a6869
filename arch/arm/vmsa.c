/* The short-descriptor walk: see vmsa.h. */
#include "arch/arm/vmsa.h"

#define TTBCR_N(c)	((c) & 7u)
#define TTBCR_PD0	(1u << 4)
#define TTBCR_PD1	(1u << 5)
#define SCTLR_AFE	(1u << 29)

#define RW		(VMSA_R | VMSA_W)

/* AP[2:0] -> {PL1, PL0} rights, SCTLR.AFE = 0 (ARM ARM B3.7.1).  100 is
 * reserved: no access, as QEMU treats it. */
static const uint8_t ap_full[8][2] = {
	{ 0, 0 }, { RW, 0 }, { RW, VMSA_R }, { RW, RW },
	{ 0, 0 }, { VMSA_R, 0 }, { VMSA_R, VMSA_R }, { VMSA_R, VMSA_R },
};

/* AP[2:1] -> {PL1, PL0} rights, SCTLR.AFE = 1 (simplified model) */
static const uint8_t ap_simple[4][2] = {
	{ RW, 0 }, { RW, RW }, { VMSA_R, 0 }, { VMSA_R, VMSA_R },
};

/* The L1 descriptor's address for va; false if that walk is disabled. */
static bool l1_address(const struct vmsa_regs *r, uint32_t va, uint32_t *addr)
{
	unsigned n = TTBCR_N(r->ttbcr);
	uint32_t mask = n ? ~(0xffffffffu >> n) : 0;

	if (va & mask) {
		if (r->ttbcr & TTBCR_PD1)
			return false;
		*addr = r->ttbr1 & 0xffffc000u;
	} else {
		if (r->ttbcr & TTBCR_PD0)
			return false;
		*addr = r->ttbr0 & ~(0x3fffu >> n);
	}
	*addr |= (va >> 18) & 0x3ffcu;
	return true;
}

static uint32_t fault(struct vmsa_result *res, uint32_t fs)
{
	res->fsr = fs | (uint32_t)res->domain << 4;
	return res->fsr;
}

/* Rights from AP, once the descriptor has said where and how. */
static void set_rights(const struct vmsa_regs *r, struct vmsa_result *res, unsigned ap)
{
	const uint8_t *p;

	if (r->sctlr & SCTLR_AFE) {
		res->af_fault = !(ap & 1);
		p = ap_simple[ap >> 1];
	} else {
		p = ap_full[ap];
	}
	res->prot_pl1 = p[0] ? p[0] | VMSA_X : 0;
	res->prot_pl0 = p[1] ? p[1] | VMSA_X : 0;
}

/* The second level: small and large pages. */
static uint32_t walk_l2(const struct vmsa_regs *r, uint32_t va, uint32_t l1,
			vmsa_read_fn read, void *arg, struct vmsa_result *res)
{
	uint32_t d;

	res->level = 2;
	res->pxn = (l1 >> 2) & 1;
	if (!read(arg, (l1 & 0xfffffc00u) | ((va >> 10) & 0x3fcu), &d))
		return fault(res, FS_WALK_EXT_L2);
	switch (d & 3) {
	case 0:
		return fault(res, FS_TRANS_PAGE);
	case 1:					/* large page, 64 KiB */
		res->size = 0x10000;
		res->pa = (d & 0xffff0000u) | (va & 0xffffu);
		res->xn = (d >> 15) & 1;
		break;
	default:				/* small page, 4 KiB */
		res->size = 0x1000;
		res->pa = (d & 0xfffff000u) | (va & 0xfffu);
		res->xn = d & 1;
		break;
	}
	res->global = !(d & (1u << 11));
	set_rights(r, res, ((d >> 4) & 3) | ((d >> 7) & 4));
	return 0;
}

uint32_t vmsa_walk(const struct vmsa_regs *r, uint32_t va, vmsa_read_fn read, void *arg,
		   struct vmsa_result *res)
{
	uint32_t addr, d;
	unsigned dom;

	if (r->ttbcr & TTBCR_EAE)
		return vmsa_walk_lpae(r, va, read, arg, res);
	*res = (struct vmsa_result){ .level = 1 };
	if (!l1_address(r, va, &addr))
		return fault(res, FS_TRANS_SECT);
	if (!read(arg, addr, &d))
		return fault(res, FS_WALK_EXT_L1);
	if ((d & 3) == 0)
		return fault(res, FS_TRANS_SECT);
	/* Supersections are always domain 0 */
	res->domain = ((d & 3) == 1 || !(d & (1u << 18))) ? (d >> 5) & 0xf : 0;
	dom = (r->dacr >> (2 * res->domain)) & 3;
	if (dom == 0 || dom == 2)
		return fault(res, (d & 3) == 1 ? FS_DOMAIN_PAGE : FS_DOMAIN_SECT);
	res->manager = dom == 3;
	if ((d & 3) == 1) {
		if (walk_l2(r, va, d, read, arg, res))
			return res->fsr;
	} else {
		if (d & (1u << 18)) {		/* supersection, 16 MiB */
			res->size = 0x1000000;
			res->pa = (d & 0xff000000u) | (va & 0xffffffu);
			res->pa |= (uint64_t)((d >> 20) & 0xf) << 32;
			res->pa |= (uint64_t)((d >> 5) & 0xf) << 36;
		} else {
			res->size = 0x100000;
			res->pa = (d & 0xfff00000u) | (va & 0xfffffu);
		}
		res->xn = (d >> 4) & 1;
		res->pxn = d & 1;		/* type 0b11: section with PXN */
		res->global = !(d & (1u << 17));
		set_rights(r, res, ((d >> 10) & 3) | ((d >> 13) & 4));
	}
	if (res->manager) {
		res->prot_pl1 = res->prot_pl0 = VMSA_R | VMSA_W | VMSA_X;
		res->af_fault = false;
	}
	return 0;
}

unsigned vmsa_rights(const struct vmsa_result *res, bool privileged)
{
	unsigned p;

	if (res->manager)
		return VMSA_R | VMSA_W | VMSA_X;
	if (res->af_fault)
		return 0;
	p = privileged ? res->prot_pl1 : res->prot_pl0;
	if (res->xn || (privileged && res->pxn))
		p &= ~VMSA_X;
	return p;
}

uint32_t vmsa_check(const struct vmsa_result *res, unsigned acc, bool privileged)
{
	uint32_t perm = res->level == 1 ? FS_PERM_SECT : FS_PERM_PAGE;
	uint32_t dom = (uint32_t)res->domain << 4;

	if (res->lpae) {			/* long-descriptor status: level in 1:0 */
		perm = 0x20c | res->level;
		dom = 0;
	}
	if (res->manager)
		return 0;
	if (acc == VMSA_X && (res->xn || (privileged && res->pxn)))
		return perm | dom;
	if (res->af_fault)
		return res->lpae ? 0x208u | res->level : (res->level == 1 ? FS_AF_SECT : FS_AF_PAGE) | dom;
	if (!((privileged ? res->prot_pl1 : res->prot_pl0) & acc))
		return perm | dom;
	return 0;
}
