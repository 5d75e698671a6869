/* Shadow translation tables: see shadow.h. */
#include <string.h>
#include "hyp/shadow.h"
#include "hyp/mem.h"
#include "arch/arm/vmsa.h"
#include "arch/arm/mmu.h"
#include "arch/arm/layout.h"

#define L2_ENTRIES	256

/* Short-descriptor bits of the entries trapvisor writes */
#define D_PAGETABLE	1u
#define D_SECTION	2u
#define D_DOMAIN(d)	((uint32_t)(d) << 5)
#define DOMAIN_OF(e)	(((e) >> 5) & 0xfu)
/* section: normal memory WBWA (TEX=001 C B), nG; AP[1:0] at 11:10 */
#define S_NORMAL	((1u << 12) | (1u << 3) | (1u << 2) | (1u << 17))
#define S_AP_RO		(2u << 10)		/* PL1 RW, PL0 RO */
#define S_AP_RW		(3u << 10)
#define S_XN		(1u << 4)
/* small page: TEX=001 at 8:6, C B, nG; AP[1:0] at 5:4 */
#define P_SMALL		2u
#define P_NORMAL	((1u << 6) | (1u << 3) | (1u << 2) | (1u << 11))
#define P_AP_RO		(2u << 4)
#define P_AP_RW		(3u << 4)
#define P_XN		1u

static uint32_t *l2_table(struct shadow *s, unsigned i)
{
	return s->l2 + i * L2_ENTRIES;
}

bool shadow_init(struct shadow *s, unsigned kib, uint8_t first_hw_asid, const uint32_t *hyp_l1)
{
	unsigned nctx = kib / 64;

	if (kib < SHADOW_KIB_MIN)
		return false;
	if (nctx < 1)
		nctx = 1;
	if (nctx > SHADOW_CTX_MAX)
		nctx = SHADOW_CTX_MAX;
	memset(s, 0, sizeof(*s));
	s->nctx = nctx;
	s->nl2 = kib - nctx * 32;
	s->l2 = heap_alloc(s->nl2 * 1024, 1024);
	if (!s->l2)
		return false;
	s->l2_pa = virt_to_phys(s->l2);
	for (unsigned i = 0; i < s->nl2; i++)
		l2_table(s, i)[0] = i + 1 < s->nl2 ? i + 1 : (uint32_t)-1;
	s->free_l2 = 0;
	for (unsigned c = 0; c < nctx; c++) {
		for (int w = 0; w < VIEW_NR; w++) {
			uint32_t *l1 = heap_alloc(16384, 16384);
			if (!l1)
				return false;
			/* trapvisor's part: the same as in the VM's own table */
			memcpy(&l1[HOLE_SLOT_FIRST], &hyp_l1[HOLE_SLOT_FIRST],
			       (HOLE_SLOT_END - HOLE_SLOT_FIRST) * 4);
			mmu_sync_table(l1);
			s->ctx[c].l1[w] = l1;
			s->ctx[c].l1_pa[w] = virt_to_phys(l1);
			s->ctx[c].hw_asid[w] = (uint8_t)(first_hw_asid + 2 * c + w);
		}
	}
	return true;
}

static void free_l2(struct shadow *s, uint32_t entry)
{
	unsigned i = ((entry & 0xfffffc00u) - s->l2_pa) / 1024;

	l2_table(s, i)[0] = (uint32_t)s->free_l2;
	s->free_l2 = (int)i;
	s->l2_used--;
}

/* Drops L1 slot i of a view (and the L2 table under it). */
static void clear_slot(struct shadow *s, uint32_t *l1, unsigned i)
{
	if ((l1[i] & 3) == D_PAGETABLE)
		free_l2(s, l1[i]);
	l1[i] = 0;
	mmu_sync_entry(&l1[i]);
}

static void flush_tlb(struct shadow_ctx *c)
{
	for (int w = 0; w < VIEW_NR; w++)
		mmu_flush_asid(c->hw_asid[w]);
}

static void clear_ctx(struct shadow *s, struct shadow_ctx *c)
{
	for (int w = 0; w < VIEW_NR; w++)
		for (unsigned i = 0; i < 4096; i = next_guest_slot(i))
			if (c->l1[w][i])
				clear_slot(s, c->l1[w], i);
	memset(c->super, 0, sizeof(c->super));
	flush_tlb(c);
}

struct shadow_ctx *shadow_context(struct shadow *s, uint8_t asid)
{
	struct shadow_ctx *victim = NULL;

	s->stamp++;
	for (unsigned i = 0; i < s->nctx; i++) {
		struct shadow_ctx *c = &s->ctx[i];
		if (c->used && c->guest_asid == asid) {
			c->stamp = s->stamp;
			return c;
		}
	}
	/* a free context, else the least recently used one */
	for (unsigned i = 0; i < s->nctx; i++) {
		struct shadow_ctx *c = &s->ctx[i];
		if (!c->used) {
			victim = c;
			break;
		}
		if (!victim || c->stamp < victim->stamp)
			victim = c;
	}
	if (victim->used) {
		clear_ctx(s, victim);
		s->ctx_evictions++;
	}
	victim->used = true;
	victim->guest_asid = asid;
	victim->stamp = s->stamp;
	return victim;
}

/* A free L2 table (zeroed); every context is emptied first if none is left. */
static int alloc_l2(struct shadow *s)
{
	int i;

	if (s->free_l2 < 0) {
		shadow_flush_all(s);
		s->recycles++;
	}
	i = s->free_l2;
	s->free_l2 = (int)l2_table(s, (unsigned)i)[0];
	memset(l2_table(s, (unsigned)i), 0, 1024);
	s->l2_used++;
	return i;
}

static uint32_t section_desc(const struct shadow_map *m)
{
	uint32_t d = (m->host_pa & 0xfff00000u) | D_SECTION | S_NORMAL | D_DOMAIN(m->domain);

	d |= (m->rights & VMSA_W) ? S_AP_RW : S_AP_RO;
	if (!(m->rights & VMSA_X))
		d |= S_XN;
	return d;
}

static uint32_t page_desc(const struct shadow_map *m)
{
	uint32_t d = (m->host_pa & 0xfffff000u) | P_SMALL | P_NORMAL;

	d |= (m->rights & VMSA_W) ? P_AP_RW : P_AP_RO;
	if (!(m->rights & VMSA_X))
		d |= P_XN;
	return d;
}

bool shadow_add(struct shadow *s, struct shadow_ctx *c, enum view view,
		const struct shadow_map *m)
{
	uint32_t *l1 = c->l1[view], *e, want;
	unsigned i = m->va >> 20;
	bool stale = false;		/* replaced something the TLB may hold */

	if (m->size >= 0x100000) {
		e = &l1[i];
		want = section_desc(m);
		if (*e == want)
			return false;
		if (*e) {
			clear_slot(s, l1, i);
			stale = true;
		}
	} else {
		want = page_desc(m);
		if ((l1[i] & 3) != D_PAGETABLE || DOMAIN_OF(l1[i]) != m->domain) {
			int t;
			if (l1[i]) {
				clear_slot(s, l1, i);
				stale = true;
			}
			t = alloc_l2(s);	/* may empty l1 too: it is refilled below */
			l1[i] = (s->l2_pa + (uint32_t)t * 1024) | D_PAGETABLE | D_DOMAIN(m->domain);
			mmu_sync_entry(&l1[i]);
		}
		e = &l2_table(s, ((l1[i] & 0xfffffc00u) - s->l2_pa) / 1024)[(m->va >> 12) & 0xff];
		if (*e == want)
			return false;
		stale |= *e != 0;
	}
	*e = want;
	mmu_sync_entry(e);
	if (stale)
		mmu_flush_asid(c->hw_asid[view]);
	/* after any recycling above, which forgets these marks */
	if (m->from_super)
		c->super[m->va >> 29] |= 1u << ((m->va >> 24) & 31);
	s->fills++;
	return true;
}

void shadow_flush_all(struct shadow *s)
{
	for (unsigned i = 0; i < s->nctx; i++)
		if (s->ctx[i].used)
			clear_ctx(s, &s->ctx[i]);
}

void shadow_flush_asid(struct shadow *s, uint8_t asid)
{
	for (unsigned i = 0; i < s->nctx; i++)
		if (s->ctx[i].used && s->ctx[i].guest_asid == asid)
			clear_ctx(s, &s->ctx[i]);
}

/* Everything that may translate va: its 1 MiB slot, or the whole 16 MiB
 * when a supersection was shadowed there (one TLB entry for the guest). */
void shadow_flush_va(struct shadow *s, uint32_t va)
{
	if (in_hole(va))
		return;
	for (unsigned k = 0; k < s->nctx; k++) {
		struct shadow_ctx *c = &s->ctx[k];
		uint32_t bit = 1u << ((va >> 24) & 31);
		unsigned first = va >> 20, n = 1;

		if (!c->used)
			continue;
		if (c->super[va >> 29] & bit) {
			first &= ~15u;
			n = 16;
			c->super[va >> 29] &= ~bit;
		}
		for (int w = 0; w < VIEW_NR; w++)
			for (unsigned i = first; i < first + n; i++)
				if (c->l1[w][i])
					clear_slot(s, c->l1[w], i);
		flush_tlb(c);
	}
}

void shadow_flush_domains(struct shadow *s, uint16_t domains)
{
	if (!domains)
		return;
	for (unsigned k = 0; k < s->nctx; k++) {
		struct shadow_ctx *c = &s->ctx[k];
		if (!c->used)
			continue;
		for (int w = 0; w < VIEW_NR; w++)
			for (unsigned i = 0; i < 4096; i = next_guest_slot(i))
				if (c->l1[w][i] && (domains >> DOMAIN_OF(c->l1[w][i]) & 1))
					clear_slot(s, c->l1[w], i);
		flush_tlb(c);
	}
}
