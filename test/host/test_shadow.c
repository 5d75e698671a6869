/*
 * Shadow translation tables (hyp/shadow.c), compiled in directly and run
 * against a fake heap, a fake virt_to_phys and a fake TLB that records
 * which hardware ASIDs were invalidated.
 */
#include "hyp/shadow.c"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

/* ---- fakes of the heap and the MMU ---- */
#define ARENA_SIZE	(4u << 20)
#define FAKE_PA		0x80000000u

static uint8_t arena[ARENA_SIZE] __attribute__((aligned(16384)));
static size_t arena_used;
static unsigned asid_flushes[256];
static unsigned entry_syncs, table_syncs;

void *heap_alloc(size_t size, size_t align)
{
	size_t off = (arena_used + align - 1) & ~(align - 1);

	if (off > ARENA_SIZE || size > ARENA_SIZE - off)
		return NULL;
	arena_used = off + size;
	memset(arena + off, 0, size);
	return arena + off;
}

uint32_t virt_to_phys(const void *va)
{
	return FAKE_PA + (uint32_t)((const uint8_t *)va - arena);
}

void mmu_sync_table(const uint32_t *l1) { (void)l1; table_syncs++; }
void mmu_sync_entry(const uint32_t *e) { (void)e; entry_syncs++; }
void mmu_flush_asid(uint32_t asid) { asid_flushes[asid & 0xff]++; }

static uint32_t *phys_to_virt(uint32_t pa)
{
	assert_true(pa >= FAKE_PA && pa - FAKE_PA < ARENA_SIZE);
	return (uint32_t *)(void *)(arena + (pa - FAKE_PA));
}

/* The L2 table an L1 page-table entry points to. */
static uint32_t *l2_of(uint32_t l1e)
{
	assert_int_equal(l1e & 3, 1);
	return phys_to_virt(l1e & 0xfffffc00u);
}

/* ---- fixture ---- */
#define FIRST_ASID	2
static struct shadow s;
static uint32_t hyp_l1[4096];

static uint32_t hyp_slot(unsigned i)
{
	return (i << 20) | 0x40eu;	/* recognizable section */
}

static void reinit(unsigned kib)
{
	arena_used = 0;
	memset(asid_flushes, 0, sizeof(asid_flushes));
	entry_syncs = table_syncs = 0;
	for (unsigned i = 0; i < 4096; i++)
		hyp_l1[i] = in_hole(i << 20) ? hyp_slot(i) : 0xdeadbeef;
	assert_true(shadow_init(&s, kib, FIRST_ASID, hyp_l1));
}

static int setup(void **state)
{
	(void)state;
	reinit(256);
	return 0;
}

static unsigned total_flushes(void)
{
	unsigned n = 0;

	for (unsigned i = 0; i < 256; i++)
		n += asid_flushes[i];
	return n;
}

static struct shadow_map page(uint32_t va, uint32_t pa, unsigned rights, uint8_t dom)
{
	struct shadow_map m = { .va = va, .host_pa = pa, .size = 0x1000,
				.rights = rights, .domain = dom };
	return m;
}

static struct shadow_map section(uint32_t va, uint32_t pa, unsigned rights, uint8_t dom)
{
	struct shadow_map m = { .va = va, .host_pa = pa, .size = 0x100000,
				.rights = rights, .domain = dom };
	return m;
}

/* ---- 1. init ---- */
static void check_init(unsigned kib, unsigned nctx)
{
	reinit(kib);
	assert_int_equal(s.nctx, nctx);
	assert_int_equal(s.nl2, kib - nctx * 32);
	assert_int_equal(s.l2_used, 0);
	assert_int_equal(s.free_l2, 0);
	assert_int_equal(s.l2_pa, virt_to_phys(s.l2));
	assert_int_equal(s.l2_pa & 1023, 0);
	for (unsigned c = 0; c < nctx; c++)
		for (int w = 0; w < VIEW_NR; w++) {
			uint32_t *l1 = s.ctx[c].l1[w];

			assert_non_null(l1);
			assert_false(s.ctx[c].used);
			assert_int_equal((uintptr_t)l1 & 16383, 0);
			assert_int_equal(s.ctx[c].l1_pa[w], virt_to_phys(l1));
			assert_int_equal(s.ctx[c].hw_asid[w], FIRST_ASID + 2 * c + w);
			for (unsigned i = 0; i < 4096; i++)
				assert_int_equal(l1[i], in_hole(i << 20) ? hyp_slot(i) : 0);
		}
	for (unsigned c = nctx; c < SHADOW_CTX_MAX; c++)
		assert_null(s.ctx[c].l1[0]);
}

static void test_init(void **state)
{
	(void)state;
	check_init(48, 1);
	check_init(63, 1);
	check_init(128, 2);
	check_init(256, 4);
	check_init(1024, 15);
	/* a pool the heap cannot hold */
	arena_used = ARENA_SIZE - 1024;
	assert_false(shadow_init(&s, 1024, FIRST_ASID, hyp_l1));
}

/* ---- 2. contexts ---- */
static void test_context(void **state)
{
	struct shadow_ctx *c[4], *x;
	struct shadow_map m = page(0x1000, 0x40001000, VMSA_R, 0);

	(void)state;
	assert_int_equal(s.nctx, 4);
	for (int i = 0; i < 4; i++) {
		c[i] = shadow_context(&s, (uint8_t)(10 + i));
		assert_true(c[i]->used);
		assert_int_equal(c[i]->guest_asid, 10 + i);
		for (int j = 0; j < i; j++)
			assert_ptr_not_equal(c[i], c[j]);
	}
	assert_ptr_equal(shadow_context(&s, 10), c[0]);
	assert_int_equal(s.ctx_evictions, 0);
	assert_int_equal(total_flushes(), 0);

	/* touch all but c[1]: it is the least recently used */
	shadow_context(&s, 12);
	shadow_context(&s, 13);
	shadow_context(&s, 10);
	assert_true(shadow_add(&s, c[1], VIEW_PL0, &m));
	assert_int_equal(s.l2_used, 1);
	x = shadow_context(&s, 99);
	assert_ptr_equal(x, c[1]);
	assert_int_equal(x->guest_asid, 99);
	assert_int_equal(s.ctx_evictions, 1);
	assert_int_equal(s.l2_used, 0);
	assert_int_equal(x->l1[VIEW_PL0][0], 0);
	assert_int_equal(asid_flushes[x->hw_asid[VIEW_PL1]], 1);
	assert_int_equal(asid_flushes[x->hw_asid[VIEW_PL0]], 1);
	assert_int_equal(total_flushes(), 2);
	assert_int_equal(x->l1[VIEW_PL0][0xf00], hyp_slot(0xf00));
	/* ASID 11 is gone: it comes back by evicting the next oldest (12) */
	x = shadow_context(&s, 11);
	assert_ptr_equal(x, c[2]);
	assert_int_equal(s.ctx_evictions, 2);
}

/* ---- 3. sections ---- */
static void test_add_section(void **state)
{
	struct shadow_ctx *c;
	struct shadow_map m = section(0x00300000, 0x45600000 | 0x1234, VMSA_R | VMSA_W, 5);
	uint32_t e;

	(void)state;
	c = shadow_context(&s, 1);
	assert_true(shadow_add(&s, c, VIEW_PL1, &m));
	e = c->l1[VIEW_PL1][3];
	assert_int_equal(e & 0xfff00000u, 0x45600000);
	assert_int_equal(e & 3, 2);			/* section */
	assert_true(e & (1u << 17));			/* nG */
	assert_int_equal((e >> 5) & 15, 5);		/* domain */
	assert_int_equal((e >> 10) & 3, 3);		/* AP=11 */
	assert_int_equal(e & (1u << 15), 0);		/* APX */
	assert_true(e & (1u << 4));			/* XN */
	assert_int_equal(c->l1[VIEW_PL0][3], 0);	/* other view untouched */
	assert_int_equal(s.fills, 1);
	assert_false(shadow_add(&s, c, VIEW_PL1, &m));
	assert_int_equal(s.fills, 1);
	assert_int_equal(total_flushes(), 0);

	m = section(0x00400000, 0x45700000, VMSA_R | VMSA_X, 15);
	assert_true(shadow_add(&s, c, VIEW_PL0, &m));
	e = c->l1[VIEW_PL0][4];
	assert_int_equal(e & 0xfff00000u, 0x45700000);
	assert_int_equal((e >> 10) & 3, 2);		/* AP=10 */
	assert_int_equal(e & (1u << 4), 0);		/* executable */
	assert_int_equal((e >> 5) & 15, 15);
	assert_int_equal(s.l2_used, 0);
}

/* ---- 4. small pages ---- */
static void test_add_page(void **state)
{
	struct shadow_ctx *c;
	struct shadow_map m = page(0x00523000, 0x47abc000 | 0x123, VMSA_R | VMSA_W, 3);
	uint32_t l1e, e, *l2;

	(void)state;
	c = shadow_context(&s, 1);
	assert_true(shadow_add(&s, c, VIEW_PL0, &m));
	assert_int_equal(s.l2_used, 1);
	l1e = c->l1[VIEW_PL0][5];
	assert_int_equal(l1e & 3, 1);			/* page table */
	assert_int_equal((l1e >> 5) & 15, 3);
	assert_true((l1e & 0xfffffc00u) >= s.l2_pa);
	assert_true((l1e & 0xfffffc00u) < s.l2_pa + s.nl2 * 1024);
	l2 = l2_of(l1e);
	e = l2[0x23];
	assert_int_equal(e & 0xfffff000u, 0x47abc000);
	assert_int_equal(e & 2, 2);			/* small page */
	assert_true(e & (1u << 11));			/* nG */
	assert_int_equal((e >> 4) & 3, 3);		/* AP=11 */
	assert_int_equal(e & (1u << 9), 0);		/* APX */
	assert_int_equal(e & 1, 1);			/* XN */
	for (unsigned i = 0; i < 256; i++)
		if (i != 0x23)
			assert_int_equal(l2[i], 0);
	assert_false(shadow_add(&s, c, VIEW_PL0, &m));

	/* the same MiB: the same table */
	m = page(0x005ff000, 0x47000000, VMSA_R | VMSA_X, 3);
	assert_true(shadow_add(&s, c, VIEW_PL0, &m));
	assert_int_equal(c->l1[VIEW_PL0][5], l1e);
	assert_int_equal(s.l2_used, 1);
	e = l2[0xff];
	assert_int_equal(e & 0xfffff000u, 0x47000000);
	assert_int_equal((e >> 4) & 3, 2);		/* AP=10 */
	assert_int_equal(e & 1, 0);

	/* another view, another MiB: tables of their own */
	assert_true(shadow_add(&s, c, VIEW_PL1, &m));
	assert_int_equal(s.l2_used, 2);
	assert_int_not_equal(c->l1[VIEW_PL1][5] & ~0x3ffu, l1e & ~0x3ffu);
	m.va = 0x00600000;
	assert_true(shadow_add(&s, c, VIEW_PL1, &m));
	assert_int_equal(s.l2_used, 3);
	assert_int_equal(s.fills, 4);
	assert_int_equal(total_flushes(), 0);

	/* the same MiB in another domain: the table is replaced */
	m = page(0x00500000, 0x48000000, VMSA_R, 7);
	assert_true(shadow_add(&s, c, VIEW_PL0, &m));
	assert_int_equal(s.l2_used, 3);
	l1e = c->l1[VIEW_PL0][5];
	assert_int_equal((l1e >> 5) & 15, 7);
	assert_int_equal(l2_of(l1e)[0x23], 0);
	assert_int_equal(l2_of(l1e)[0] & 0xfffff000u, 0x48000000);
}

/* ---- 5. flush by va ---- */
static void test_flush_va(void **state)
{
	struct shadow_ctx *a, *b;
	struct shadow_map m = page(0x00100000, 0x40000000, VMSA_R, 0);
	struct shadow_map sec = section(0x00200000, 0x41200000, VMSA_R, 0);

	(void)state;
	a = shadow_context(&s, 1);
	b = shadow_context(&s, 2);
	assert_true(shadow_add(&s, a, VIEW_PL1, &m));
	assert_true(shadow_add(&s, a, VIEW_PL0, &m));
	assert_true(shadow_add(&s, b, VIEW_PL0, &m));
	assert_true(shadow_add(&s, a, VIEW_PL1, &sec));
	assert_int_equal(s.l2_used, 3);

	shadow_flush_va(&s, 0x00100abc);
	assert_int_equal(s.l2_used, 0);
	assert_int_equal(a->l1[VIEW_PL1][1], 0);
	assert_int_equal(a->l1[VIEW_PL0][1], 0);
	assert_int_equal(b->l1[VIEW_PL0][1], 0);
	assert_int_not_equal(a->l1[VIEW_PL1][2], 0);	/* neighbour kept */
	assert_int_equal(asid_flushes[a->hw_asid[VIEW_PL1]], 1);
	assert_int_equal(asid_flushes[b->hw_asid[VIEW_PL0]], 1);
	/* the freed tables are reused */
	assert_true(shadow_add(&s, a, VIEW_PL0, &m));
	assert_int_equal(s.l2_used, 1);

	/* trapvisor's addresses are not the guest's to flush */
	shadow_flush_va(&s, 0xf0000000);
	shadow_flush_va(&s, 0xfeffffff);
	assert_int_equal(a->l1[VIEW_PL0][0xf00], hyp_slot(0xf00));
	assert_int_equal(a->l1[VIEW_PL0][0xfef], hyp_slot(0xfef));
	assert_int_equal(s.l2_used, 1);

	/* the top 16 MiB are the guest's again: high vectors */
	m = page(0xffff0000, 0x40001000, VMSA_R | VMSA_X, 0);
	assert_true(shadow_add(&s, a, VIEW_PL1, &m));
	assert_int_equal(s.l2_used, 2);
	shadow_flush_va(&s, 0xffff0004);
	assert_int_equal(a->l1[VIEW_PL1][0xfff], 0);
	assert_int_equal(s.l2_used, 1);
	assert_true(shadow_add(&s, a, VIEW_PL1, &m));
	shadow_flush_all(&s);
	assert_int_equal(a->l1[VIEW_PL1][0xfff], 0);
	assert_int_equal(a->l1[VIEW_PL0][0xfef], hyp_slot(0xfef));
	assert_int_equal(s.l2_used, 0);
	m = page(0x00100000, 0x40000000, VMSA_R, 0);
	assert_true(shadow_add(&s, a, VIEW_PL0, &m));

	/* a supersection at 16 MiB shadowed as sections and a page */
	for (unsigned i = 0; i < 16; i += 3) {
		struct shadow_map sm = section(0x01000000 + (i << 20), 0x50000000 + (i << 20),
					       VMSA_R, 1);
		sm.from_super = true;
		assert_true(shadow_add(&s, a, VIEW_PL0, &sm));
	}
	m = page(0x01f01000, 0x60000000, VMSA_R, 1);
	m.from_super = true;
	assert_true(shadow_add(&s, a, VIEW_PL1, &m));
	sec = section(0x02000000, 0x52000000, VMSA_R, 1);	/* next 16 MiB */
	assert_true(shadow_add(&s, a, VIEW_PL0, &sec));
	assert_int_equal(s.l2_used, 2);
	shadow_flush_va(&s, 0x01234567);
	for (unsigned i = 0x10; i < 0x20; i++) {
		assert_int_equal(a->l1[VIEW_PL0][i], 0);
		assert_int_equal(a->l1[VIEW_PL1][i], 0);
	}
	assert_int_equal(s.l2_used, 1);
	assert_int_not_equal(a->l1[VIEW_PL0][0x20], 0);
	assert_int_not_equal(a->l1[VIEW_PL0][1], 0);
	assert_int_equal(a->super[0], 0);
	assert_false(shadow_add(&s, a, VIEW_PL0, &sec));	/* still there */
}

/* ---- 6. flush by ASID, all, by domain ---- */
static void test_flush_asid_all_domains(void **state)
{
	struct shadow_ctx *a, *b;
	struct shadow_map p = page(0x00100000, 0x40000000, VMSA_R, 2);
	struct shadow_map q = section(0x00200000, 0x41200000, VMSA_R, 4);

	(void)state;
	a = shadow_context(&s, 1);
	b = shadow_context(&s, 2);
	assert_true(shadow_add(&s, a, VIEW_PL0, &p));
	assert_true(shadow_add(&s, a, VIEW_PL1, &q));
	assert_true(shadow_add(&s, b, VIEW_PL0, &p));
	assert_true(shadow_add(&s, b, VIEW_PL1, &q));

	shadow_flush_asid(&s, 1);
	assert_int_equal(a->l1[VIEW_PL0][1], 0);
	assert_int_equal(a->l1[VIEW_PL1][2], 0);
	assert_int_not_equal(b->l1[VIEW_PL0][1], 0);
	assert_int_not_equal(b->l1[VIEW_PL1][2], 0);
	assert_int_equal(s.l2_used, 1);
	assert_int_equal(asid_flushes[a->hw_asid[VIEW_PL0]], 1);
	assert_int_equal(asid_flushes[a->hw_asid[VIEW_PL1]], 1);
	assert_int_equal(asid_flushes[b->hw_asid[VIEW_PL0]], 0);
	assert_true(a->used);				/* kept, just empty */
	shadow_flush_asid(&s, 77);			/* unknown: nothing */
	assert_int_equal(total_flushes(), 2);

	assert_true(shadow_add(&s, a, VIEW_PL0, &p));
	shadow_flush_all(&s);
	assert_int_equal(s.l2_used, 0);
	for (unsigned i = 0; i < 4096; i++) {
		uint32_t want = in_hole(i << 20) ? hyp_slot(i) : 0;
		assert_int_equal(a->l1[VIEW_PL0][i], want);
		assert_int_equal(b->l1[VIEW_PL1][i], want);
	}

	/* domains: 2 (page) and 4 (section) in both contexts */
	assert_true(shadow_add(&s, a, VIEW_PL0, &p));
	assert_true(shadow_add(&s, a, VIEW_PL1, &q));
	assert_true(shadow_add(&s, b, VIEW_PL0, &p));
	assert_true(shadow_add(&s, b, VIEW_PL1, &q));
	shadow_flush_domains(&s, 0);
	assert_int_equal(s.l2_used, 2);
	shadow_flush_domains(&s, (1u << 3) | (1u << 15));	/* unused domains */
	assert_int_equal(s.l2_used, 2);
	assert_int_not_equal(a->l1[VIEW_PL1][2], 0);
	shadow_flush_domains(&s, 1u << 2);
	assert_int_equal(s.l2_used, 0);
	assert_int_equal(a->l1[VIEW_PL0][1], 0);
	assert_int_equal(b->l1[VIEW_PL0][1], 0);
	assert_int_not_equal(a->l1[VIEW_PL1][2], 0);
	assert_int_not_equal(b->l1[VIEW_PL1][2], 0);
	shadow_flush_domains(&s, 1u << 4);
	assert_int_equal(a->l1[VIEW_PL1][2], 0);
	assert_int_equal(b->l1[VIEW_PL1][2], 0);
	assert_int_equal(b->l1[VIEW_PL1][0xf00], hyp_slot(0xf00));
}

/* ---- 7. pool exhaustion ---- */
static void test_recycle(void **state)
{
	struct shadow_ctx *c;
	struct shadow_map m;

	(void)state;
	reinit(48);
	assert_int_equal(s.nctx, 1);
	assert_int_equal(s.nl2, 16);
	c = shadow_context(&s, 1);
	for (unsigned i = 0; i < 16; i++) {
		m = page(i << 20, 0x40000000 + (i << 12), VMSA_R, 0);
		assert_true(shadow_add(&s, c, i & 1 ? VIEW_PL0 : VIEW_PL1, &m));
		assert_int_equal(s.l2_used, i + 1);
	}
	assert_int_equal(s.free_l2, -1);
	assert_int_equal(s.recycles, 0);

	m = page(0x01000000 | 0x5000, 0x4f000000, VMSA_R | VMSA_W, 0);
	assert_true(shadow_add(&s, c, VIEW_PL0, &m));
	assert_int_equal(s.recycles, 1);
	assert_int_equal(s.l2_used, 1);
	for (unsigned i = 0; i < 16; i++) {
		assert_int_equal(c->l1[VIEW_PL0][i], 0);
		assert_int_equal(c->l1[VIEW_PL1][i], 0);
	}
	assert_int_equal(l2_of(c->l1[VIEW_PL0][0x10])[5] & 0xfffff000u, 0x4f000000);
	assert_int_equal(asid_flushes[c->hw_asid[VIEW_PL0]], 1);
	assert_int_equal(asid_flushes[c->hw_asid[VIEW_PL1]], 1);

	/* keep going well past another exhaustion */
	for (unsigned i = 0; i < 40; i++) {
		m = page((0x100u + i) << 20, 0x40000000, VMSA_R, (uint8_t)(i & 15));
		assert_true(shadow_add(&s, c, VIEW_PL1, &m));
		assert_true(s.l2_used >= 1 && s.l2_used <= 16);
	}
	assert_int_equal(s.recycles, 3);
	assert_int_not_equal(c->l1[VIEW_PL1][0x100 + 39], 0);
	shadow_flush_all(&s);
	assert_int_equal(s.l2_used, 0);
}

/* ---- 8. replacing an entry flushes that view's ASID ---- */
static void test_replace_flushes(void **state)
{
	struct shadow_ctx *c;
	struct shadow_map m = page(0x00700000, 0x40000000, VMSA_R, 0);

	(void)state;
	c = shadow_context(&s, 1);
	assert_true(shadow_add(&s, c, VIEW_PL0, &m));
	assert_int_equal(total_flushes(), 0);
	m.rights = VMSA_R | VMSA_W;			/* write fault: upgraded */
	assert_true(shadow_add(&s, c, VIEW_PL0, &m));
	assert_int_equal(asid_flushes[c->hw_asid[VIEW_PL0]], 1);
	assert_int_equal(total_flushes(), 1);
	assert_int_equal((l2_of(c->l1[VIEW_PL0][7])[0] >> 4) & 3, 3);
	m.host_pa = 0x40100000;				/* moved */
	assert_true(shadow_add(&s, c, VIEW_PL0, &m));
	assert_int_equal(asid_flushes[c->hw_asid[VIEW_PL0]], 2);
	assert_int_equal(asid_flushes[c->hw_asid[VIEW_PL1]], 0);
	assert_int_equal(s.fills, 3);
	assert_int_equal(s.l2_used, 1);
}

/* ---- 9. replacing at the first level flushes too; a supersection mark
 * survives the recycle its own page triggered (both were bugs) ---- */
static void test_replace_l1_and_super_after_recycle(void **state)
{
	struct shadow_ctx *c;
	struct shadow_map m = section(0x00800000, 0x40000000, VMSA_R, 0);
	unsigned before;

	(void)state;
	c = shadow_context(&s, 1);
	assert_true(shadow_add(&s, c, VIEW_PL1, &m));
	before = asid_flushes[c->hw_asid[VIEW_PL1]];
	m.host_pa = 0x40100000;				/* section -> other section */
	assert_true(shadow_add(&s, c, VIEW_PL1, &m));
	assert_int_equal(asid_flushes[c->hw_asid[VIEW_PL1]], before + 1);
	m = page(0x00800000, 0x40000000, VMSA_R, 0);	/* section -> page table */
	assert_true(shadow_add(&s, c, VIEW_PL1, &m));
	assert_int_equal(asid_flushes[c->hw_asid[VIEW_PL1]], before + 2);
	m.domain = 5;					/* page table, other domain */
	assert_true(shadow_add(&s, c, VIEW_PL1, &m));
	assert_int_equal(asid_flushes[c->hw_asid[VIEW_PL1]], before + 3);

	/* fill every L2 table, then add a supersection page: it recycles */
	shadow_flush_all(&s);
	for (unsigned k = 0; s.free_l2 >= 0; k++) {
		struct shadow_map p = page(0x01000000 + k * 0x100000, 0x40000000, VMSA_R, 0);
		assert_true(shadow_add(&s, c, VIEW_PL1, &p));
	}
	m = page(0x20000000, 0x40000000, VMSA_R, 0);
	m.from_super = true;
	assert_true(shadow_add(&s, c, VIEW_PL1, &m));
	assert_true(s.recycles >= 1);
	assert_true(c->super[0x20000000u >> 29] & (1u << ((0x20000000u >> 24) & 31)));
	shadow_flush_va(&s, 0x20f00000);		/* elsewhere in its 16 MiB */
	assert_int_equal(c->l1[VIEW_PL1][0x200], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test_setup(test_context, setup),
		cmocka_unit_test_setup(test_add_section, setup),
		cmocka_unit_test_setup(test_add_page, setup),
		cmocka_unit_test_setup(test_flush_va, setup),
		cmocka_unit_test_setup(test_flush_asid_all_domains, setup),
		cmocka_unit_test_setup(test_recycle, setup),
		cmocka_unit_test_setup(test_replace_flushes, setup),
		cmocka_unit_test_setup(test_replace_l1_and_super_after_recycle, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
