/* Code found at run time: see codescan.h. */
#include <string.h>
#include "hyp/codescan.h"
#include "hyp/vm.h"
#include "hyp/mem.h"
#include "hyp/rewrite.h"
#include "hyp/console.h"
#include "arch/arm/scan.h"
#include "arch/arm/flow.h"
#include "arch/arm/fastpath.h"
#include "arch/arm/vmsa.h"
#include "arch/arm/mmu.h"
#include "arch/arm/psr.h"
#include "arch/arm/layout.h"

#define CODE_PAGE_FREE	0xffffffffu
/* Page numbers: flash [0, 128 MiB) first, then RAM (up to 128 MiB). */
#define RAM_PAGE0	(FLASH_SIZE >> 12)
#define PAGE_NOS	(RAM_PAGE0 + (VM_WINDOW_MAX >> 12))
#define WORK_MAX	4096		/* branch targets waiting to be scanned */
#define STEPS_MAX	(1u << 20)	/* instructions one scan may decode */

/* Scratch of one scan (one runs at a time). */
static struct pending { uint32_t va; bool thumb; } work[WORK_MAX];
static unsigned nwork;

static int page_no(uint32_t gpa)
{
	if (gpa < FLASH_SIZE)
		return (int)(gpa >> 12);
	if (gpa - GUEST_RAM_BASE < VM_WINDOW_MAX)
		return (int)(RAM_PAGE0 + ((gpa - GUEST_RAM_BASE) >> 12));
	return -1;
}

bool codescan_enable(struct vm *vm)
{
	struct codescan *cs = &vm->cs;

	if (cs->on)
		return true;
	if (!cs->pages) {
		cs->pages = heap_alloc(CODESCAN_PAGES * sizeof(*cs->pages), 8);
		cs->index = heap_alloc(PAGE_NOS * sizeof(*cs->index), 8);
		cs->per_mib = heap_alloc((PAGE_NOS >> 8) * sizeof(*cs->per_mib), 8);
		if (!cs->pages || !cs->index || !cs->per_mib)
			return false;
	}
	cs->on = true;
	codescan_reset(vm);
	return true;
}

void codescan_reset(struct vm *vm)
{
	struct codescan *cs = &vm->cs;

	if (!cs->pages)
		return;
	for (unsigned i = 0; i < CODESCAN_PAGES; i++)
		cs->pages[i].gpa = CODE_PAGE_FREE;
	memset(cs->index, 0, PAGE_NOS * sizeof(*cs->index));
	memset(cs->per_mib, 0, (PAGE_NOS >> 8) * sizeof(*cs->per_mib));
	cs->used = cs->free_hint = 0;
}

static struct code_page *record(struct vm *vm, uint32_t gpa)
{
	int n = page_no(gpa);

	if (n < 0 || !vm->cs.on || !vm->cs.index[n])
		return NULL;
	return &vm->cs.pages[vm->cs.index[n] - 1];
}

/* Code trapvisor never scans: the ELF image's own (the loader rewrote it
 * from its mapping symbols) and flash nothing was loaded into (the same
 * blank page everywhere, with no instruction to rewrite). */
static bool prescanned(struct vm *vm, uint32_t gpa)
{
	if (gpa >= vm->rt.code_lo && gpa < vm->rt.code_hi)
		return true;
	return gpa < FLASH_SIZE && gpa >= vm->flash_len;
}

bool codescan_is_scanned(struct vm *vm, uint32_t gpa)
{
	return record(vm, gpa) != NULL;
}

unsigned codescan_rights(struct vm *vm, uint32_t gpa, bool privileged, unsigned rights)
{
	if (!vm->cs.on || prescanned(vm, gpa))
		return rights;
	if (record(vm, gpa))
		return rights & ~VMSA_W;
	return privileged ? rights & ~VMSA_X : rights;
}

bool codescan_section_ok(struct vm *vm, uint32_t gpa)
{
	uint32_t sect = gpa & ~(SECTION_SIZE - 1);
	int n = page_no(sect);

	if (!vm->cs.on)
		return true;
	if (n < 0 || vm->cs.per_mib[n >> 8])
		return false;
	return !(sect < vm->rt.code_hi && sect + SECTION_SIZE > vm->rt.code_lo);
}

static bool is_reached(const struct code_page *pg, uint32_t gpa)
{
	uint32_t h = (gpa & 0xfff) >> 1;

	return pg->reached[h / 32] >> (h % 32) & 1;
}

static bool is_literal(const struct code_page *pg, uint32_t gpa)
{
	uint32_t w = (gpa & 0xfff) >> 2;

	return pg->literal[w / 32] >> (w % 32) & 1;
}

/* ---- unscanning ------------------------------------------------------------- */

static unsigned kind_len(enum rewrite_kind k)
{
	return k == REWRITE_T16 ? 2 : 4;
}

/* Puts back the original of entry i and frees it. */
static void restore(struct vm *vm, uint32_t i)
{
	struct rewrite_entry *e = &vm->rt.e[i];
	uint8_t *p = vm_code_ptr(vm, e->addr, kind_len(e->kind));

	if (p) {
		rewrite_put(e->kind, e->orig, p, p + 2);
		cache_sync_code(p, kind_len(e->kind));
	}
	e->addr = REWRITE_FREE;
}

/* Drops the record of pg; with `originals`, the rewrites of its page (and
 * of a T32 instruction straddling into it) too.  Without, they stay: a
 * later scan takes them for its own.  The caller flushes the shadow. */
static void unscan(struct vm *vm, struct code_page *pg, bool originals)
{
	uint32_t lo = pg->gpa - 2, hi = pg->gpa + 4096;

	for (uint32_t i = 0; originals && i < vm->rt.count; i++) {
		uint32_t a = vm->rt.e[i].addr;
		if (a != REWRITE_FREE && a - lo < hi - lo && !prescanned(vm, a) &&
		    (a >= pg->gpa || vm->rt.e[i].kind == REWRITE_T32))
			restore(vm, i);
	}
	vm->cs.index[page_no(pg->gpa)] = 0;
	vm->cs.per_mib[page_no(pg->gpa) >> 8]--;
	vm->cs.used--;
	pg->gpa = CODE_PAGE_FREE;
}

void codescan_written(struct vm *vm, uint32_t gpa)
{
	struct code_page *pg = record(vm, gpa);

	if (!pg)
		return;
	unscan(vm, pg, true);
	vm->cs.unscanned++;
	shadow_flush_all(&vm->mmu.sh);
}

void codescan_store(struct vm *vm, uint32_t gpa, unsigned size)
{
	struct code_page *pg = record(vm, gpa);

	if (!pg)
		return;
	for (uint32_t a = gpa & ~3u; a < gpa + size; a += 4)
		if ((a & ~0xfffu) == pg->gpa && !is_literal(pg, a)) {
			codescan_written(vm, gpa);
			return;
		}
}

/*
 * Few records left: every page is forgotten, and scanned again as it
 * runs.  Its rewrites stay (and their entries with them): code copied
 * from it, UDFs included, still finds them (original()).
 */
static void recycle(struct vm *vm)
{
	for (unsigned i = 0; i < CODESCAN_PAGES; i++)
		if (vm->cs.pages[i].gpa != CODE_PAGE_FREE)
			unscan(vm, &vm->cs.pages[i], false);
	vm->cs.recycled++;
	shadow_flush_all(&vm->mmu.sh);
}

/* ---- scanning -------------------------------------------------------------- */

/* The record of the page va is in, made if needed; NULL where there is
 * nothing to scan (not executable for the guest, not memory, prescanned). */
static struct code_page *page_at(struct vcpu *v, uint32_t va, uint32_t *gpa, bool *made)
{
	struct vm *vm = v->vm;
	struct code_page *pg;
	uint64_t pa;
	unsigned i;
	int n;

	if (vmmu_translate(v, va, VMSA_X, true, &pa) || pa >> 32)
		return NULL;
	*gpa = (uint32_t)pa;
	if ((n = page_no(*gpa)) < 0 || prescanned(vm, *gpa) || !vm_code_ptr(vm, *gpa, 2))
		return NULL;
	if (vm->cs.index[n])
		return &vm->cs.pages[vm->cs.index[n] - 1];
	if (vm->cs.used == CODESCAN_PAGES)	/* reach() makes room before the next scan */
		return NULL;
	for (i = vm->cs.free_hint; vm->cs.pages[i].gpa != CODE_PAGE_FREE;)
		i = (i + 1) % CODESCAN_PAGES;
	vm->cs.free_hint = (i + 1) % CODESCAN_PAGES;
	pg = &vm->cs.pages[i];
	memset(pg, 0, sizeof(*pg));
	pg->gpa = *gpa & ~0xfffu;
	vm->cs.index[n] = (uint16_t)(i + 1);
	vm->cs.per_mib[n >> 8]++;
	vm->cs.used++;
	vm->cs.scanned++;
	*made = true;
	return pg;
}

static void mark(struct code_page *pg, uint32_t gpa)
{
	uint32_t h = (gpa & 0xfff) >> 1;

	pg->reached[h / 32] |= 1u << (h % 32);
}

/*
 * True if the instructions around gpa (len bytes long) are those around
 * the entry's: the UDF there was copied with the code around it, which a
 * UDF the guest wrote itself (of the same immediate) is not.
 */
static bool copied_from(struct vm *vm, const struct rewrite_entry *e, uint32_t gpa, unsigned len)
{
	const uint32_t around[2] = { (uint32_t)-4, len };

	for (unsigned k = 0; k < 2; k++) {
		const uint8_t *a = vm_code_ptr(vm, gpa + around[k], 4);
		const uint8_t *b = vm_code_ptr(vm, e->addr + around[k], 4);
		if (a && b && !memcmp(a, b, 4))
			return true;
	}
	return false;
}

/*
 * What the guest wrote where trapvisor finds insn: the original if insn
 * is one of trapvisor's UDFs, recorded here (*here: its entry) or copied
 * here by the guest from where it was recorded (relocated code: U-Boot
 * copies itself, UDFs included).  A copy is only believed when every
 * live entry the immediate names had the same original, and the code
 * around it is the code around one of them.
 */
static uint32_t original(struct vm *vm, enum rewrite_kind kind, uint32_t insn, uint32_t gpa,
			 int32_t *here)
{
	const struct rewrite_table *rt = &vm->rt;
	uint32_t imm, span = kind == REWRITE_T16 ? 256 : 65536, orig = 0;
	bool found = false, around = false;

	*here = -1;
	if (kind == REWRITE_A32 ? !a32_udf_imm(insn, &imm) : !t32_udf_imm(insn, &imm))
		return insn;
	if ((*here = rewrite_find(rt, kind, imm, gpa)) >= 0)
		return rt->e[*here].orig;
	for (uint32_t i = imm; i < rt->count; i += span) {
		if (rt->e[i].addr == REWRITE_FREE || rt->e[i].kind != kind)
			continue;
		if (found && rt->e[i].orig != orig)
			return insn;
		orig = rt->e[i].orig;
		found = true;
		around |= copied_from(vm, &rt->e[i], gpa, kind == REWRITE_T16 ? 2 : 4);
	}
	if (!found || !around)
		return insn;
	vm->cs.copies++;
	return orig;
}

/* The table is full: entries whose UDF the guest has overwritten since
 * (in a page forgotten by recycle(), written natively) are freed. */
static void collect(struct vm *vm)
{
	for (uint32_t i = 0; i < vm->rt.count; i++) {
		struct rewrite_entry *e = &vm->rt.e[i];
		const uint8_t *p = vm_code_ptr(vm, e->addr, kind_len(e->kind));

		if (e->addr == REWRITE_FREE || prescanned(vm, e->addr) || !p)
			continue;
		if (rewrite_get(e->kind, p, p + 2) != rewrite_udf(e->kind, i))
			e->addr = REWRITE_FREE;
	}
}

/* Makes the instruction orig at p (gpa) trap; false if the table is full. */
static bool rewrite_at(struct vm *vm, enum rewrite_kind kind, uint32_t orig, uint8_t *p,
		       uint8_t *p2, uint32_t gpa)
{
	int32_t i = rewrite_alloc(&vm->rt);

	if (i < 0) {
		collect(vm);
		i = rewrite_alloc(&vm->rt);
	}
	if (i < 0)
		return false;
	vm->rt.e[i] = (struct rewrite_entry){ gpa, orig,
		kind == REWRITE_A32 ? fast_kind(orig) : FAST_NONE, kind };
	rewrite_put(kind, rewrite_udf(kind, (uint32_t)i), p, p2);
	if (kind == REWRITE_T32)
		cache_sync_code(p2, 2);
	cache_sync_code(p, kind_len(kind));
	vm->cs.rewritten++;
	return true;
}

/* The len bytes at va are literal data: never decoded from now on, and
 * if a path had already taken them for an instruction, its rewrite goes. */
static void mark_literal(struct vcpu *v, uint32_t va, unsigned len, bool *made)
{
	for (uint32_t a = va & ~3u; a < va + len; a += 4) {
		struct code_page *pg;
		uint32_t gpa, w, insn, imm;
		int32_t i;

		if (!(pg = page_at(v, a, &gpa, made)))
			continue;
		w = (gpa & 0xfff) >> 2;
		pg->literal[w / 32] |= 1u << (w % 32);
		memcpy(&insn, vm_code_ptr(v->vm, gpa, 4), 4);
		if (a32_udf_imm(insn, &imm) &&
		    (i = rewrite_find(&v->vm->rt, REWRITE_A32, imm, gpa)) >= 0)
			restore(v->vm, (uint32_t)i);
	}
}

static void push(uint32_t va, bool thumb)
{
	if (nwork < WORK_MAX)
		work[nwork++] = (struct pending){ va, thumb };
}

/* One instruction at va: decoded, marked reached, rewritten if it must
 * trap; *f its flow.  False where scanning this path stops before it. */
static bool step(struct vcpu *v, uint32_t va, bool thumb, bool in_it, bool force, bool *made,
		 struct flow *f, unsigned *len)
{
	struct vm *vm = v->vm;
	uint32_t gpa, gpa2 = 0, insn, lit;
	unsigned lit_len;
	struct code_page *pg = page_at(v, va, &gpa, made), *pg2 = NULL;
	uint8_t *p, *p2 = NULL;
	enum rewrite_kind kind = REWRITE_A32;
	int32_t here;

	if (!pg || (is_reached(pg, gpa) && !force) || is_literal(pg, gpa))
		return false;
	p = vm_code_ptr(vm, gpa, thumb ? 2 : 4);
	if (thumb)
		kind = t32_insn_len((uint16_t)rewrite_get(REWRITE_T16, p, NULL)) == 4 ? REWRITE_T32
									   : REWRITE_T16;
	if (kind == REWRITE_T32) {
		/* the second halfword may be on the next page */
		if (!(pg2 = ((va + 2) & 0xfff) ? pg : page_at(v, va + 2, &gpa2, made)))
			return false;
		if (pg2 == pg)
			gpa2 = gpa + 2;
		p2 = vm_code_ptr(vm, gpa2, 2);
	}
	*len = kind_len(kind);
	insn = original(vm, kind, rewrite_get(kind, p, p2), gpa, &here);
	mark(pg, gpa);
	if (!thumb)
		mark(pg, gpa + 2);
	if (pg2)
		mark(pg2, gpa2);
	if (thumb)
		t32_flow(insn, va, in_it, f);
	else
		a32_flow(insn, va, f);
	if (thumb ? t32_literal(insn, va, &lit, &lit_len) : a32_literal(insn, va, &lit, &lit_len))
		mark_literal(v, lit, lit_len, made);
	if (here < 0 && (f->kind == FLOW_INDIRECT ||
			 (thumb ? t32_is_sensitive((uint16_t)(insn >> (*len == 4 ? 16 : 0)),
						   (uint16_t)insn)
				: a32_is_sensitive(insn))) &&
	    !rewrite_at(vm, kind, insn, p, p2, gpa)) {
		hyp_printf("%s: rewrite table full (%lu entries): code at 0x%08lx not scanned\n",
			   vm->name, (unsigned long)vm->rt.cap, (unsigned long)va);
		return false;
	}
	return true;
}

/* Straight-line code from va until something ends it. */
static void run(struct vcpu *v, uint32_t va, bool thumb, bool force, bool *made, unsigned *steps)
{
	unsigned it = 0, len;
	struct flow f;

	while ((*steps)++ < STEPS_MAX && step(v, va, thumb, it > 0, force, made, &f, &len)) {
		force = false;
		if (f.kind == FLOW_BRANCH)
			push(f.thumb ? f.target | 1 : f.target & ~3u, f.thumb);
		if (!f.cont)
			return;
		it = f.it ? f.it_count : it ? it - 1 : 0;
		va += len;
	}
}

static void reach(struct vcpu *v, uint32_t va, bool thumb, bool force)
{
	unsigned steps = 0;
	bool made = false;

	/* Room for this scan, taken here rather than halfway through it */
	if (v->vm->cs.used > CODESCAN_PAGES * 3 / 4)
		recycle(v->vm);
	nwork = 0;
	run(v, va, thumb, force, &made, &steps);
	while (nwork) {
		struct pending p = work[--nwork];
		run(v, p.thumb ? p.va & ~1u : p.va, p.thumb, false, &made, &steps);
	}
	/* new scanned pages: mappings that let the guest write them go */
	if (made)
		shadow_flush_all(&v->vm->mmu.sh);
}

void codescan_enter(struct vcpu *v, uint32_t va, bool force)
{
	if (v->vm->cs.on)
		reach(v, va, v->ctx.cpsr & PSR_T, force);
}

void codescan_resume(struct vcpu *v)
{
	uint32_t va = v->ctx.r[15];
	struct code_page *pg;
	uint64_t gpa;

	if (!v->vm->cs.on || !vcpu_privileged(v) || vmmu_translate(v, va, VMSA_X, true, &gpa) ||
	    gpa >> 32 || !(pg = record(v->vm, (uint32_t)gpa)) || is_reached(pg, (uint32_t)gpa))
		return;
	reach(v, va, v->ctx.cpsr & PSR_T, false);
}
