/*
 * Guest image loader.  An ELF32 ARM executable is checked field by field
 * (every offset and size before it is used: the image is untrusted),
 * copied into the VM's RAM at its physical addresses as QEMU's -kernel
 * does, and then its code is scanned for the instructions that must be
 * made to trap (arch/arm/scan.c).
 *
 * Code and data mix in the same section (literal pools), so a word is
 * only rewritten if the ELF mapping symbols (ARM ELF ABI: $a starts A32
 * code, $t T32 code, $d data) say it is an A32 instruction.  An image
 * without them is refused rather than guessed at.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hyp/loader.h"
#include "hyp/elf.h"
#include "arch/arm/scan.h"
#include "arch/arm/fastpath.h"

#define MAPSYM_MAX	32768

struct mapsym {
	uint32_t addr;		/* virtual address (ELF st_value) */
	uint32_t end;		/* end of its section */
	char kind;		/* 'a', 't' or 'd' */
};

/* Scratch for one load at a time (boot, or a VM's reset). */
static struct mapsym syms[MAPSYM_MAX];

struct image {
	const uint8_t *p;
	uint32_t len;
	const struct elf32_ehdr *eh;
	const struct guest_ram *ram;
	char *err;
	size_t errlen;
};

#define FAIL(im, ...) (snprintf((im)->err, (im)->errlen, __VA_ARGS__), -1)

/* [off, off + size) lies inside the file. */
static bool in_file(const struct image *im, uint32_t off, uint32_t size)
{
	return off <= im->len && size <= im->len - off;
}

static const struct elf32_phdr *phdr(const struct image *im, unsigned i)
{
	return (const void *)(im->p + im->eh->e_phoff + i * sizeof(struct elf32_phdr));
}

static const struct elf32_shdr *shdr(const struct image *im, unsigned i)
{
	return (const void *)(im->p + im->eh->e_shoff + i * sizeof(struct elf32_shdr));
}

static int check_header(struct image *im)
{
	const struct elf32_ehdr *eh = (const void *)im->p;

	if (im->len < sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4) != 0)
		return FAIL(im, "not an ELF file");
	if (eh->e_ident[4] != ELFCLASS32 || eh->e_ident[5] != ELFDATA2LSB)
		return FAIL(im, "not a 32-bit little-endian ELF");
	if (eh->e_machine != EM_ARM || eh->e_type != ET_EXEC)
		return FAIL(im, "not an ARM executable (e_machine %u, e_type %u)",
			    eh->e_machine, eh->e_type);
	if (eh->e_phnum == 0 || eh->e_phentsize != sizeof(struct elf32_phdr) ||
	    !in_file(im, eh->e_phoff, eh->e_phnum * sizeof(struct elf32_phdr)))
		return FAIL(im, "truncated: program headers outside the file");
	if (eh->e_phoff & 3)
		return FAIL(im, "misaligned program headers");
	im->eh = eh;
	return 0;
}

/* Copies every PT_LOAD segment to its physical address, bss zeroed. */
static int load_segments(struct image *im)
{
	const struct guest_ram *ram = im->ram;
	unsigned loaded = 0;

	for (unsigned i = 0; i < im->eh->e_phnum; i++) {
		const struct elf32_phdr *ph = phdr(im, i);
		uint32_t off = ph->p_paddr - ram->base;

		/* file bytes but p_memsz 0 is malformed, not empty: checked
		 * below, as code_ptr() would look for code in them */
		if (ph->p_type != PT_LOAD || (ph->p_memsz == 0 && ph->p_filesz == 0))
			continue;
		if (ph->p_filesz > ph->p_memsz || !in_file(im, ph->p_offset, ph->p_filesz))
			return FAIL(im, "truncated: segment %u (%lu bytes at offset 0x%lx) "
				    "outside the file", i, (unsigned long)ph->p_filesz,
				    (unsigned long)ph->p_offset);
		if (ph->p_paddr < ram->base || off >= ram->size || ph->p_memsz > ram->size - off)
			return FAIL(im, "segment %u at 0x%08lx-0x%08lx is outside RAM "
				    "0x%08lx-0x%08lx", i, (unsigned long)ph->p_paddr,
				    (unsigned long)(ph->p_paddr + ph->p_memsz - 1),
				    (unsigned long)ram->base,
				    (unsigned long)(ram->base + ram->size - 1));
		memcpy(ram->host + off, im->p + ph->p_offset, ph->p_filesz);
		memset(ram->host + off + ph->p_filesz, 0, ph->p_memsz - ph->p_filesz);
		loaded++;
	}
	if (!loaded)
		return FAIL(im, "no loadable segment");
	return 0;
}

/* Where virtual address va of the file's contents is in guest RAM, or NULL. */
static uint8_t *code_ptr(const struct image *im, uint32_t va, uint32_t len)
{
	for (unsigned i = 0; i < im->eh->e_phnum; i++) {
		const struct elf32_phdr *ph = phdr(im, i);
		uint32_t off = va - ph->p_vaddr;

		if (ph->p_type == PT_LOAD && va >= ph->p_vaddr && off < ph->p_filesz &&
		    len <= ph->p_filesz - off)
			return im->ram->host + (ph->p_paddr - im->ram->base) + off;
	}
	return NULL;
}

static uint32_t code_pa(const struct image *im, const uint8_t *p)
{
	return im->ram->base + (uint32_t)(p - im->ram->host);
}

static int by_addr(const void *a, const void *b)
{
	const struct mapsym *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static bool executable(const struct elf32_shdr *sh)
{
	return sh->sh_type == SHT_PROGBITS && (sh->sh_flags & (SHF_ALLOC | SHF_EXECINSTR)) ==
	       (SHF_ALLOC | SHF_EXECINSTR);
}

/* Collects the mapping symbols of executable sections, sorted by address. */
static int mapping_symbols(struct image *im, unsigned *count)
{
	const struct elf32_ehdr *eh = im->eh;
	const struct elf32_shdr *symtab = NULL, *strtab;
	unsigned n = 0;

	if (eh->e_shnum == 0 || eh->e_shentsize != sizeof(struct elf32_shdr) ||
	    (eh->e_shoff & 3) || !in_file(im, eh->e_shoff, eh->e_shnum * sizeof(struct elf32_shdr)))
		return FAIL(im, "no section headers (or truncated): cannot tell code from "
			    "data without the $a/$t/$d mapping symbols");
	for (unsigned i = 0; i < eh->e_shnum && !symtab; i++)
		if (shdr(im, i)->sh_type == SHT_SYMTAB)
			symtab = shdr(im, i);
	if (!symtab)
		return FAIL(im, "no symbol table: the $a/$t/$d mapping symbols are needed "
			    "to tell code from data (do not strip guest images)");
	if (symtab->sh_link >= eh->e_shnum || (symtab->sh_offset & 3) ||
	    !in_file(im, symtab->sh_offset, symtab->sh_size))
		return FAIL(im, "truncated: symbol table outside the file");
	strtab = shdr(im, symtab->sh_link);
	if (!in_file(im, strtab->sh_offset, strtab->sh_size))
		return FAIL(im, "truncated: symbol names outside the file");

	const struct elf32_sym *sym = (const void *)(im->p + symtab->sh_offset);
	const char *names = (const char *)im->p + strtab->sh_offset;
	for (uint32_t i = 0; i < symtab->sh_size / sizeof(*sym); i++, sym++) {
		const struct elf32_shdr *sec;
		const char *nm;

		if (sym->st_name >= strtab->sh_size || strtab->sh_size - sym->st_name < 3 ||
		    sym->st_shndx == 0 ||
		    sym->st_shndx >= SHN_LORESERVE || sym->st_shndx >= eh->e_shnum)
			continue;
		nm = names + sym->st_name;
		if (nm[0] != '$' || !strchr("atd", nm[1]) || !nm[1] || (nm[2] && nm[2] != '.'))
			continue;
		sec = shdr(im, sym->st_shndx);
		if (!executable(sec))
			continue;
		if (n == MAPSYM_MAX)
			return FAIL(im, "more than %d mapping symbols", MAPSYM_MAX);
		syms[n++] = (struct mapsym){ sym->st_value, sec->sh_addr + sec->sh_size, nm[1] };
	}
	if (n == 0)
		return FAIL(im, "no $a/$t/$d mapping symbols in the code: cannot tell "
			    "code from data");
	qsort(syms, n, sizeof(syms[0]), by_addr);
	*count = n;
	return 0;
}

static int rewrite_a32(struct image *im, uint32_t va, uint32_t end, struct rewrite_table *rt)
{
	for (va = (va + 3) & ~3u; va < end && end - va >= 4; va += 4) {
		uint8_t *p = code_ptr(im, va, 4);
		uint32_t insn;

		if (!p)
			return FAIL(im, "A32 code at 0x%08lx is not in a loaded segment",
				    (unsigned long)va);
		memcpy(&insn, p, 4);
		if (!a32_is_sensitive(insn))
			continue;
		if (rt->count == rt->cap)
			return FAIL(im, "more than %lu sensitive instructions",
				    (unsigned long)rt->cap);
		rt->e[rt->count] = (struct rewrite_entry){ code_pa(im, p), insn, fast_kind(insn) };
		insn = a32_udf(rt->count++);
		memcpy(p, &insn, 4);
	}
	return 0;
}

/* T32 rewriting comes with run-time scanning; until then such code is refused. */
static int check_t32(struct image *im, uint32_t va, uint32_t end)
{
	for (va &= ~1u; va < end && end - va >= 2;) {
		uint8_t *p = code_ptr(im, va, 2);
		uint16_t hw1, hw2 = 0;

		if (!p)
			return FAIL(im, "T32 code at 0x%08lx is not in a loaded segment",
				    (unsigned long)va);
		memcpy(&hw1, p, 2);
		if (t32_insn_len(hw1) == 4 && end - va >= 4 && (p = code_ptr(im, va + 2, 2)))
			memcpy(&hw2, p, 2);
		if (t32_is_sensitive(hw1, hw2))
			return FAIL(im, "Thumb code at 0x%08lx has a sensitive instruction "
				    "(0x%04x 0x%04x): T32 rewriting is not supported yet",
				    (unsigned long)va, hw1, hw2);
		va += t32_insn_len(hw1);
	}
	return 0;
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
		if (syms[i].kind == 'a' && (r = rewrite_a32(im, syms[i].addr, end, rt)))
			return r;
		if (syms[i].kind == 't' && (r = check_t32(im, syms[i].addr, end)))
			return r;
	}
	return 0;
}

int elf_load(const uint8_t *img, uint32_t len, const struct guest_ram *ram,
	     struct rewrite_table *rt, uint32_t *entry, char *err, size_t errlen)
{
	struct image im = { .p = img, .len = len, .ram = ram, .err = err, .errlen = errlen };
	uint32_t e;
	int r;

	rt->count = 0;
	if ((r = check_header(&im)))
		return r;
	e = im.eh->e_entry;
	if (e < ram->base || e - ram->base >= ram->size)
		return FAIL(&im, "entry point 0x%08lx is outside RAM 0x%08lx-0x%08lx",
			    (unsigned long)e, (unsigned long)ram->base,
			    (unsigned long)(ram->base + ram->size - 1));
	if ((r = load_segments(&im)) || (r = rewrite(&im, rt)))
		return r;
	*entry = e;
	return 0;
}
