/*
 * Guest image loader.  An ELF32 ARM executable is checked field by field
 * (elf_check.c: the image is untrusted), copied into the VM's RAM at its
 * physical addresses as QEMU's -kernel does, and then its code is scanned
 * for the instructions that must be made to trap (arch/arm/scan.c).
 *
 * Code and data mix in the same section (literal pools), so an
 * instruction is only rewritten if the ELF mapping symbols (ARM ELF ABI:
 * $a starts A32 code, $t T32 code, $d data) say it is one, and of which
 * instruction set.  An image without them is refused rather than guessed at.
 */
#include <stdlib.h>
#include <string.h>
#include "hyp/loader.h"
#include "hyp/elf_check.h"
#include "hyp/rewrite.h"
#include "arch/arm/scan.h"
#include "arch/arm/fastpath.h"

#define MAPSYM_MAX	32768

struct mapsym {
	uint32_t addr;		/* virtual address (ELF st_value) */
	uint32_t end;		/* end of its section */
	uint32_t index;		/* in the symbol table: orders symbols at one address */
	char kind;		/* 'a', 't' or 'd' */
};

/* Scratch for one load at a time (boot, or a VM's reset). */
static struct mapsym syms[MAPSYM_MAX];

/* Copies every checked segment to its physical address, its zero-filled
 * tail (up to loadsz: elf_check.c) zeroed.  One that loads nothing was
 * not checked against RAM: not even a pointer to it is made. */
static void load_segments(const struct image *im)
{
	const struct guest_ram *ram = im->ram;

	for (unsigned i = 0; i < im->nseg; i++) {
		const struct seg *s = &im->seg[i];
		uint8_t *to;

		if (!s->loadsz)
			continue;
		to = ram->host + (s->paddr - ram->base);
		memcpy(to, im->p + s->offset, s->filesz);
		memset(to + s->filesz, 0, s->loadsz - s->filesz);
	}
}

/* Where virtual address va of the file's contents is in guest RAM, or NULL. */
static uint8_t *code_ptr(const struct image *im, uint32_t va, uint32_t len)
{
	for (unsigned i = 0; i < im->nseg; i++) {
		const struct seg *s = &im->seg[i];
		uint32_t off = va - s->vaddr;

		if (va >= s->vaddr && off < s->filesz && len <= s->filesz - off)
			return im->ram->host + (s->paddr - im->ram->base) + off;
	}
	return NULL;
}

static uint32_t code_pa(const struct image *im, const uint8_t *p)
{
	return im->ram->base + (uint32_t)(p - im->ram->host);
}

/* By address; at one address the later symbol last, so that it is the one
 * that counts (rewrite()): the linker lists the symbols of each input file
 * in link order, and one file's section may end with a mapping symbol at
 * the very address where the next file's begins.  qsort is not stable. */
static int by_addr(const void *a, const void *b)
{
	const struct mapsym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static bool executable(const struct elf32_shdr *sh)
{
	return sh->sh_type == SHT_PROGBITS && (sh->sh_flags & (SHF_ALLOC | SHF_EXECINSTR)) ==
	       (SHF_ALLOC | SHF_EXECINSTR);
}

/* The kind of mapping symbol "$a", "$t", "$d" or "$x.anything" names
 * (ARM ELF ABI), or 0.  Reads only the sh_size bytes of the string table. */
static char mapping_kind(const struct image *im, uint32_t st_name)
{
	uint32_t size = im->strtab->sh_size;
	const char *nm = (const char *)im->p + im->strtab->sh_offset + st_name;

	if (st_name >= size || size - st_name < 3)
		return 0;
	if (nm[0] != '$' || !nm[1] || !strchr("atd", nm[1]) || (nm[2] && nm[2] != '.'))
		return 0;
	return nm[1];
}

/*
 * Collects the mapping symbols of executable sections, sorted by address.
 * They decide which words are rewritten, so one that contradicts the rest
 * of the image (a section index that is not one, an address outside its
 * section) is refused, not skipped: skipping it would silently leave code
 * unrewritten.  Those of non-executable sections mark no code: ignored.
 */
static int mapping_symbols(struct image *im, unsigned *count)
{
	const struct elf32_sym *sym = (const void *)(im->p + im->symtab->sh_offset);
	const uint32_t nsyms = im->symtab->sh_size / sizeof(*sym);
	const unsigned shnum = im->eh->e_shnum;
	unsigned n = 0;

	for (uint32_t i = 0; i < nsyms; i++, sym++) {
		const struct elf32_shdr *sec;
		char kind = mapping_kind(im, sym->st_name);
		uint64_t end;

		/* SHN_UNDEF and the reserved indices (SHN_ABS...) are in no
		 * section, so they mark no code */
		if (!kind || sym->st_shndx == 0 || sym->st_shndx >= SHN_LORESERVE)
			continue;
		if (sym->st_shndx >= shnum)
			return FAIL(im, "mapping symbol $%c (symbol %u): st_shndx %u is not a "
				    "section (e_shnum %u)", kind, U(i), sym->st_shndx, shnum);
		sec = elf_shdr(im, sym->st_shndx);
		if (!executable(sec))
			continue;
		end = (uint64_t)sec->sh_addr + sec->sh_size;
		if (end > 0x100000000ull)
			return FAIL(im, "section %u (0x%x bytes at 0x%08x) wraps past 0xffffffff",
				    sym->st_shndx, U(sec->sh_size), U(sec->sh_addr));
		/* (at the section's end it marks nothing: an empty region) */
		if (sym->st_value < sec->sh_addr || sym->st_value > end)
			return FAIL(im, "mapping symbol $%c (symbol %u) at 0x%08x is outside its "
				    "section %u (0x%08x-0x%08x)", kind, U(i), U(sym->st_value),
				    sym->st_shndx, U(sec->sh_addr), U(end - 1));
		if (n == MAPSYM_MAX)
			return FAIL(im, "more than %d mapping symbols", MAPSYM_MAX);
		syms[n++] = (struct mapsym){ sym->st_value, (uint32_t)end, i, kind };
	}
	if (n == 0)
		return FAIL(im, "no $a/$t/$d mapping symbols in the code: cannot tell "
			    "code from data");
	qsort(syms, n, sizeof(syms[0]), by_addr);
	*count = n;
	return 0;
}

/* Code a mapping symbol marks must be in the image as loaded: if sections
 * and segments disagree, which is right is anyone's guess. */
static int not_loaded(struct image *im, const struct mapsym *m, uint32_t va)
{
	return FAIL(im, "$%c code at 0x%08x (mapping symbol %u) is in no segment's file data",
		    m->kind, U(va), U(m->index));
}

/* A new entry for the instruction orig at p; -1 (refused) if the table is full. */
static int32_t record(struct image *im, struct rewrite_table *rt, const uint8_t *p,
		      uint32_t orig, enum rewrite_kind kind)
{
	if (rt->count == rt->cap)
		return FAIL(im, "more than %u sensitive instructions", U(rt->cap));
	rt->e[rt->count] = (struct rewrite_entry){ code_pa(im, p), orig,
		kind == REWRITE_A32 ? fast_kind(orig) : FAST_NONE, kind };
	return (int32_t)rt->count++;
}

static int rewrite_a32(struct image *im, const struct mapsym *m, uint32_t end,
		       struct rewrite_table *rt)
{
	for (uint32_t va = (m->addr + 3) & ~3u; va < end && end - va >= 4; va += 4) {
		uint8_t *p = code_ptr(im, va, 4);
		uint32_t insn;
		int32_t i;

		if (!p)
			return not_loaded(im, m, va);
		memcpy(&insn, p, 4);
		if (!a32_is_sensitive(insn))
			continue;
		if ((i = record(im, rt, p, insn, REWRITE_A32)) < 0)
			return -1;
		insn = a32_udf((uint32_t)i);
		memcpy(p, &insn, 4);
	}
	return 0;
}

/*
 * T32 code, one instruction after the other from the mapping symbol, as
 * the disassembler reads it (Thumb code keeps its literals under $d).  A
 * sensitive instruction becomes a UDF of its own size: 16-bit CPS/WFI/WFE
 * a 16-bit UDF, 32-bit ones a UDF.W.  Never a 16-bit UDF and a filler
 * for a 32-bit one: in an IT block that would be two instructions where
 * there was one, and the filler would take the next one's condition.
 * The halfwords are reached one at a time, as a 32-bit instruction may
 * straddle two segments.
 */
static int rewrite_t32(struct image *im, const struct mapsym *m, uint32_t end,
		       struct rewrite_table *rt)
{
	for (uint32_t va = (m->addr + 1) & ~1u; va < end && end - va >= 2;) {
		uint8_t *p1 = code_ptr(im, va, 2), *p2 = NULL;
		uint16_t hw1, hw2 = 0;
		uint32_t t;
		int32_t i;

		if (!p1)
			return not_loaded(im, m, va);
		memcpy(&hw1, p1, 2);
		if (t32_insn_len(hw1) == 4) {
			if (end - va < 4)	/* cut short by the region's end: not an instruction */
				break;
			if (!(p2 = code_ptr(im, va + 2, 2)))
				return not_loaded(im, m, va + 2);
			memcpy(&hw2, p2, 2);
		}
		va += t32_insn_len(hw1);
		if (!t32_is_sensitive(hw1, hw2))
			continue;
		t = p2 ? (uint32_t)hw1 << 16 | hw2 : hw1;
		if ((i = record(im, rt, p1, t, p2 ? REWRITE_T32 : REWRITE_T16)) < 0)
			return -1;
		rewrite_put(p2 ? REWRITE_T32 : REWRITE_T16,
			    rewrite_udf(p2 ? REWRITE_T32 : REWRITE_T16, (uint32_t)i), p1, p2);
	}
	return 0;
}

/*
 * Widens rt's code span to the guest-physical [va, end) of a mapped
 * region: dynamic scanning (codescan.c) leaves that span to the loader.
 */
static void note_code(struct image *im, uint32_t va, uint32_t end, struct rewrite_table *rt)
{
	const uint8_t *first = code_ptr(im, va, 1), *last = code_ptr(im, end - 1, 1);

	if (!first || !last || end <= va)
		return;
	if (rt->code_hi == 0 || code_pa(im, first) < rt->code_lo)
		rt->code_lo = code_pa(im, first);
	if (code_pa(im, last) + 1 > rt->code_hi)
		rt->code_hi = code_pa(im, last) + 1;
}

static int rewrite(struct image *im, struct rewrite_table *rt)
{
	unsigned n;
	int r;

	if ((r = mapping_symbols(im, &n)))
		return r;
	for (unsigned i = 0; i < n; i++) {
		uint32_t end = syms[i].end;

		if (i + 1 < n && syms[i + 1].addr < end)
			end = syms[i + 1].addr;
		note_code(im, syms[i].addr, end, rt);
		if (syms[i].kind == 'a' && (r = rewrite_a32(im, &syms[i], end, rt)))
			return r;
		if (syms[i].kind == 't' && (r = rewrite_t32(im, &syms[i], end, rt)))
			return r;
	}
	return 0;
}

int elf_load(const uint8_t *img, uint32_t len, const struct guest_ram *ram,
	     struct rewrite_table *rt, uint32_t *entry, char *err, size_t errlen)
{
	struct image im = { .p = img, .len = len, .ram = ram, .err = err, .errlen = errlen };
	int r;

	rt->count = 0;
	rt->code_lo = rt->code_hi = 0;
	if ((r = elf_check_header(&im)) || (r = elf_check_segments(&im)) ||
	    (r = elf_check_entry(&im)) || (r = elf_check_symtab(&im)))
		return r;
	load_segments(&im);
	if ((r = rewrite(&im, rt)))
		return r;
	*entry = im.entry;
	return 0;
}
