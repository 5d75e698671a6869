/*
 * fuzz_vmsa: the guest page-table walker (vmsa_walk, arch/arm/vmsa.c)
 * with fuzz-chosen SCTLR, TTBR0/1, TTBCR, DACR, virtual address and table
 * memory.  The table memory is the input itself: the walk's first read
 * returns the input's first descriptor and its second read the second,
 * wherever they are, so every descriptor type is one mutation away.
 * Reads outside a 256 MiB RAM window take an external abort.
 *
 * The result is checked against the ARM ARM (B3.5, short descriptors),
 * computed here from the descriptors directly: which TTBR and which
 * addresses the walk reads, the fault or the size and physical address of
 * the mapping.  And the permission answers must agree with each other:
 * vmsa_check() allows an access exactly when vmsa_rights() grants it.
 */
#include "test/fuzz/fuzz.h"
#include "arch/arm/vmsa.h"

#define RAM_BASE	0x40000000u
#define RAM_SIZE	0x10000000u
#define TTBCR_PD0	(1u << 4)
#define TTBCR_PD1	(1u << 5)

struct tables {
	uint32_t desc[2];	/* what the first and second read return */
	uint32_t addr[2];	/* where the walk read */
	unsigned reads;
	bool aborted;		/* the last read was outside RAM */
};

static bool table_read(void *arg, uint32_t pa, uint32_t *val)
{
	struct tables *t = arg;

	CHECK(t->reads < 2 && !t->aborted, "read %u at 0x%08x", t->reads + 1, pa);
	t->addr[t->reads] = pa;
	if (pa - RAM_BASE >= RAM_SIZE) {
		t->aborted = true;
		t->reads++;
		return false;
	}
	*val = t->desc[t->reads++];
	return true;
}

/* ARM ARM B3.5.4: TTBR1 for VAs whose top N bits are not all zero; the
 * L1 index is the VA's bits above bit 20 that the TTBR covers. */
static uint32_t l1_address(const struct vmsa_regs *r, uint32_t va, bool *ttbr1)
{
	unsigned n = r->ttbcr & 7;

	*ttbr1 = n && va >> (32 - n);
	if (*ttbr1)
		return (r->ttbr1 & 0xffffc000u) | (va >> 20) << 2;
	return (r->ttbr0 & ~((1u << (14 - n)) - 1)) | ((va << n) >> (20 + n)) << 2;
}

/* The walk ended in fault fs, as it should have. */
static void check_fault(const struct vmsa_result *res, uint32_t fs)
{
	CHECK(res->fsr == (fs | (uint32_t)res->domain << 4), "fsr 0x%x, expected fs 0x%x",
	      res->fsr, fs);
}

/* The mapping's size and PA from its last-level descriptor. */
static void check_mapping(const struct vmsa_result *res, uint32_t va, uint32_t d, uint32_t size)
{
	uint64_t pa = (d & ~(size - 1)) | (va & (size - 1));

	if (size == 0x1000000)			/* supersection: PA[39:32] */
		pa |= (uint64_t)((d >> 20) & 0xf) << 32 | (uint64_t)((d >> 5) & 0xf) << 36;
	CHECK(res->fsr == 0 && res->size == size, "fsr 0x%x size 0x%x, expected size 0x%x",
	      res->fsr, res->size, size);
	CHECK(res->pa == pa, "pa 0x%llx, expected 0x%llx (va 0x%08x, desc 0x%08x)",
	      (unsigned long long)res->pa, (unsigned long long)pa, va, d);
}

/* The second level, under L1 page-table descriptor d1. */
static void check_l2(const struct vmsa_result *res, const struct tables *t, uint32_t va)
{
	uint32_t d2 = t->desc[1];

	CHECK(t->reads == 2, "%u reads for a page", t->reads);
	CHECK(t->addr[1] == ((t->desc[0] & 0xfffffc00u) | ((va >> 12) & 0xff) << 2),
	      "L2 read at 0x%08x", t->addr[1]);
	if (t->aborted)
		check_fault(res, FS_WALK_EXT_L2);
	else if ((d2 & 3) == 0)
		check_fault(res, FS_TRANS_PAGE);
	else
		check_mapping(res, va, d2, (d2 & 3) == 1 ? 0x10000 : 0x1000);
}

static void check_walk(const struct vmsa_regs *r, const struct vmsa_result *res,
		       const struct tables *t, uint32_t va)
{
	bool ttbr1;
	uint32_t l1 = l1_address(r, va, &ttbr1), d1 = t->desc[0];
	bool super = (d1 & 3) >= 2 && (d1 & (1u << 18));
	unsigned dom = super ? 0 : (d1 >> 5) & 0xf, dacr = (r->dacr >> (2 * dom)) & 3;

	if (r->ttbcr & (ttbr1 ? TTBCR_PD1 : TTBCR_PD0)) {
		CHECK(t->reads == 0, "walk disabled by TTBCR, yet it read");
		check_fault(res, FS_TRANS_SECT);
		return;
	}
	CHECK(t->reads >= 1 && t->addr[0] == l1, "L1 read at 0x%08x, expected 0x%08x",
	      t->addr[0], l1);
	if (t->aborted && t->reads == 1) {
		check_fault(res, FS_WALK_EXT_L1);
		return;
	}
	CHECK(t->reads == 1 || (d1 & 3) == 1, "%u reads for L1 descriptor 0x%08x", t->reads, d1);
	if ((d1 & 3) == 0) {
		check_fault(res, FS_TRANS_SECT);
		return;
	}
	CHECK(res->domain == dom, "domain %u, descriptor 0x%08x", res->domain, d1);
	if (dacr == 0 || dacr == 2)
		check_fault(res, (d1 & 3) == 1 ? FS_DOMAIN_PAGE : FS_DOMAIN_SECT);
	else if ((d1 & 3) == 1)
		check_l2(res, t, va);
	else
		check_mapping(res, va, d1, super ? 0x1000000 : 0x100000);
	if (dacr == 1 || dacr == 3)
		CHECK(res->manager == (dacr == 3), "manager %d, DACR field %u", res->manager, dacr);
	CHECK(res->level == ((d1 & 3) == 1 && (dacr & 1) ? 2 : 1), "level %u", res->level);
}

/* vmsa_check() and vmsa_rights() tell the same story. */
static void check_rights(const struct vmsa_result *res)
{
	static const unsigned accs[] = { VMSA_R, VMSA_W, VMSA_X };

	for (int priv = 0; priv < 2; priv++) {
		unsigned rights = vmsa_rights(res, priv);

		CHECK(!(rights & ~(VMSA_R | VMSA_W | VMSA_X)), "rights 0x%x", rights);
		CHECK(!res->manager || rights == (VMSA_R | VMSA_W | VMSA_X), "manager: 0x%x", rights);
		for (unsigned i = 0; i < 3; i++) {
			uint32_t fsr = vmsa_check(res, accs[i], priv);
			CHECK(!fsr == !!(rights & accs[i]), "access %u priv %d: fsr 0x%x, rights 0x%x",
			      accs[i], priv, fsr, rights);
			CHECK(!fsr || (fsr >> 4) == res->domain, "fsr 0x%x, domain %u", fsr,
			      res->domain);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	struct tables t = { .reads = 0 };
	struct vmsa_regs r;
	struct vmsa_result res;
	uint32_t va, fsr;

	t.desc[0] = take32(&in);
	t.desc[1] = take32(&in);
	va = take32(&in);
	r = (struct vmsa_regs){ .sctlr = take32(&in), .ttbr0 = take32(&in), .ttbr1 = take32(&in),
				.ttbcr = take32(&in) & ~TTBCR_EAE, .dacr = take32(&in) };
	/* (short-descriptor only: the LPAE walk is test_vmsa_lpae.c's) */
	memset(&res, 0xa5, sizeof(res));	/* the walk must set every field */
	fsr = vmsa_walk(&r, va, table_read, &t, &res);
	CHECK(fsr == res.fsr, "returned 0x%x, result says 0x%x", fsr, res.fsr);
	CHECK(res.domain < 16, "domain %u", res.domain);
	check_walk(&r, &res, &t, va);
	if (fsr == 0)
		check_rights(&res);
	return 0;
}
