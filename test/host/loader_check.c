/* The loader's invariants, checked after a load: see loader_check.h. */
#include <stdio.h>
#include <string.h>
#include "test/host/loader_check.h"
#include "hyp/rewrite.h"
#include "hyp/elf.h"
#include "arch/arm/scan.h"
#include "arch/arm/fastpath.h"

static char why[160];

#define FAILED(...) (snprintf(why, sizeof(why), __VA_ARGS__), why)

/* Program header i, if the header table says there is one inside the
 * file (copied: the image may be malformed and misaligned). */
static bool get_phdr(const uint8_t *img, uint32_t len, unsigned i, struct elf32_phdr *ph)
{
	struct elf32_ehdr eh;
	uint64_t at;

	if (len < sizeof(eh))
		return false;
	memcpy(&eh, img, sizeof(eh));
	at = eh.e_phoff + (uint64_t)i * sizeof(*ph);
	if (i >= eh.e_phnum || at + sizeof(*ph) > len)
		return false;
	memcpy(ph, img + at, sizeof(*ph));
	return true;
}

/* Guest-physical [pa, pa + size) lies in the file bytes of a PT_LOAD
 * segment that was copied. */
static bool in_loaded_file_bytes(const uint8_t *img, uint32_t len, uint32_t pa, uint32_t size)
{
	struct elf32_phdr ph;

	for (unsigned j = 0; get_phdr(img, len, j, &ph); j++)
		if (ph.p_type == PT_LOAD && ph.p_memsz && pa >= ph.p_paddr &&
		    ph.p_filesz >= size && pa - ph.p_paddr <= ph.p_filesz - size)
			return true;
	return false;
}

/* The original of e is a sensitive instruction of its kind (A32: with the
 * fast path's decode of it). */
static bool orig_sensitive(const struct rewrite_entry *e)
{
	if (e->kind == REWRITE_A32)
		return a32_is_sensitive(e->orig) && e->fast == fast_kind(e->orig);
	if (e->kind == REWRITE_T16)
		return e->orig <= 0xffff && t32_is_sensitive(e->orig, 0);
	return e->orig > 0xffff && t32_is_sensitive(e->orig >> 16, e->orig & 0xffff);
}

const char *loader_check_loaded(const uint8_t *img, uint32_t len, const struct guest_ram *ram,
				const struct rewrite_table *rt, uint32_t entry)
{
	if (entry < ram->base || entry - ram->base >= ram->size)
		return FAILED("entry 0x%08x outside RAM", entry);
	if (rt->count > rt->cap)
		return FAILED("%u rewrites in a table of %u", rt->count, rt->cap);
	for (uint32_t i = 0; i < rt->count; i++) {
		const struct rewrite_entry *e = &rt->e[i];
		unsigned n = e->kind == REWRITE_A32 ? 4 : 2;	/* bytes checked at addr */
		uint32_t word = 0, udf;

		if (e->kind >= REWRITE_KINDS)
			return FAILED("rewrite %u: kind %u", i, e->kind);
		udf = rewrite_udf(e->kind, i);
		/* (e->addr may be unaligned: a segment whose p_paddr and
		 * p_vaddr differ mod 4 is accepted, and only the VA is aligned) */
		if (e->addr < ram->base || e->addr - ram->base > ram->size - n)
			return FAILED("rewrite %u at 0x%08x outside RAM", i, e->addr);
		memcpy(&word, ram->host + (e->addr - ram->base), n);
		/* a T32 UDF.W's second halfword may lie in another segment */
		if (word != (e->kind == REWRITE_T32 ? udf >> 16 : udf))
			return FAILED("rewrite %u: 0x%08x at 0x%08x is not its UDF", i, word, e->addr);
		if (!orig_sensitive(e))
			return FAILED("rewrite %u: original 0x%08x (fast 0x%x)", i, e->orig, e->fast);
		if (!in_loaded_file_bytes(img, len, e->addr, n))
			return FAILED("rewrite %u at 0x%08x is in no loaded segment", i, e->addr);
	}
	return NULL;
}

/* The end of the PT_LOAD segment that covers RAM offset off, or off if none. */
static uint64_t covered_to(const uint8_t *img, uint32_t len, const struct guest_ram *ram,
			   uint32_t off)
{
	uint64_t pa = (uint64_t)ram->base + off, end = off;
	struct elf32_phdr ph;

	for (unsigned j = 0; get_phdr(img, len, j, &ph); j++)
		if (ph.p_type == PT_LOAD && pa >= ph.p_paddr &&
		    pa < (uint64_t)ph.p_paddr + ph.p_memsz &&
		    (uint64_t)ph.p_paddr + ph.p_memsz - ram->base > end)
			end = (uint64_t)ph.p_paddr + ph.p_memsz - ram->base;
	return end;
}

const char *loader_check_untouched(const uint8_t *img, uint32_t len, const struct guest_ram *ram,
				   uint8_t fill)
{
	uint64_t fill8 = 0x0101010101010101ull * fill, w;

	for (uint64_t off = 0; off < ram->size; off++) {
		uint64_t end;

		/* a word at a time while it all holds fill: the fuzzer's speed */
		if (!(off & 7) && ram->size - off >= 8 &&
		    (memcpy(&w, ram->host + off, 8), w == fill8)) {
			off += 7;
			continue;
		}
		if (ram->host[off] == fill)
			continue;
		end = covered_to(img, len, ram, (uint32_t)off);
		if (end == off)
			return FAILED("RAM at 0x%08llx written outside every segment",
				      (unsigned long long)(ram->base + off));
		off = end - 1;		/* the whole segment may hold anything */
	}
	return NULL;
}
