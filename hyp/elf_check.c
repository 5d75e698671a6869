/*
 * Is this guest image a well-formed ELF32 ARM executable that fits the
 * VM's RAM?  The image comes from whoever wrote the guest package, so
 * nothing in it is trusted: every offset, size and count is checked
 * against the file and every address against RAM, with sums done in 64
 * bits so that no check can be defeated by wrapping around 2^32.
 *
 * Each refusal is one line naming the field, its value and why it cannot
 * be loaded (the user sees "[hyp] NAME: FILE refused: REASON").  A header
 * that does not say ELF32, version 1, with ELF32's structure sizes is of
 * another format, read wrongly if read at all: refused.  Fields that change
 * nothing in how the image is read or run (e_flags, e_shstrndx, p_align,
 * EI_OSABI) are not checked: that would only turn away images QEMU runs.
 * docs/ROBUSTNESS.md lists every kind and its message.
 */
#include <string.h>
#include "hyp/elf_check.h"

#define B32	0x100000000ull	/* 2^32: the first address past the 32-bit space */

/* [off, off + size) lies inside the file. */
static bool in_file(const struct image *im, uint32_t off, uint64_t size)
{
	return (uint64_t)off + size <= im->len;
}

/* [a, a + an) and [b, b + bn) share a byte (an empty range shares none). */
static bool overlap(uint64_t a, uint64_t an, uint64_t b, uint64_t bn)
{
	return an && bn && a < b + bn && b < a + an;
}

/* The first and the last byte two overlapping ranges share. */
static void shared(uint64_t a, uint64_t an, uint64_t b, uint64_t bn, unsigned *first,
		   unsigned *last)
{
	*first = a > b ? a : b;
	*last = (a + an < b + bn ? a + an : b + bn) - 1;
}

static const char *machine_name(unsigned m)
{
	switch (m) {
	case 3: return " (x86)";
	case 8: return " (MIPS)";
	case 20: return " (PowerPC)";
	case 62: return " (x86-64)";
	case 183: return " (AArch64)";
	case 243: return " (RISC-V)";
	default: return "";
	}
}

static const char *type_name(unsigned t)
{
	switch (t) {
	case 0: return "ET_NONE";
	case 1: return "ET_REL, an object file";
	case 3: return "ET_DYN, a shared object or PIE";
	case 4: return "ET_CORE, a core dump";
	default: return "unknown";
	}
}

static int check_ident(struct image *im)
{
	const uint8_t *id = im->p;

	if (im->len < 4)
		return FAIL(im, "not an ELF file: %u bytes, fewer than the 4 of the ELF magic",
			    U(im->len));
	if (memcmp(id, "\177ELF", 4) != 0)
		return FAIL(im, "not an ELF file: it starts %02x %02x %02x %02x, not with the "
			    "ELF magic 7f 45 4c 46", id[0], id[1], id[2], id[3]);
	if (im->len < sizeof(struct elf32_ehdr))
		return FAIL(im, "truncated ELF header: the file is %u bytes, an ELF32 header %u",
			    U(im->len), U(sizeof(struct elf32_ehdr)));
	if (id[EI_CLASS] != ELFCLASS32)
		return FAIL(im, "EI_CLASS %u (%s), not ELFCLASS32 (1): guests are 32-bit",
			    id[EI_CLASS], id[EI_CLASS] == ELFCLASS64 ? "ELFCLASS64" : "invalid");
	if (id[EI_DATA] != ELFDATA2LSB)
		return FAIL(im, "EI_DATA %u (%s), not ELFDATA2LSB (1): guests are little-endian",
			    id[EI_DATA], id[EI_DATA] == ELFDATA2MSB ? "big-endian" : "invalid");
	if (id[EI_VERSION] != EV_CURRENT)
		return FAIL(im, "EI_VERSION %u, not EV_CURRENT (1)", id[EI_VERSION]);
	return 0;
}

int elf_check_header(struct image *im)
{
	const struct elf32_ehdr *eh = (const void *)im->p;
	int r;

	if ((r = check_ident(im)))
		return r;
	if (eh->e_version != EV_CURRENT)
		return FAIL(im, "e_version %u, not EV_CURRENT (1)", U(eh->e_version));
	if (eh->e_machine != EM_ARM)
		return FAIL(im, "e_machine %u%s, not EM_ARM (40): not a 32-bit ARM image",
			    eh->e_machine, machine_name(eh->e_machine));
	if (eh->e_type != ET_EXEC)
		return FAIL(im, "e_type %u (%s), not ET_EXEC (2): only executables linked "
			    "at fixed addresses are loaded", eh->e_type, type_name(eh->e_type));
	/* the sizes are those of the structures the loader reads in place:
	 * any other value means an image of another format */
	if (eh->e_ehsize != sizeof(*eh))
		return FAIL(im, "e_ehsize %u, not %u (the size of an ELF32 header)",
			    eh->e_ehsize, U(sizeof(*eh)));
	if (eh->e_phentsize != sizeof(struct elf32_phdr))
		return FAIL(im, "e_phentsize %u, not %u (the size of an ELF32 program header)",
			    eh->e_phentsize, U(sizeof(struct elf32_phdr)));
	if (eh->e_phnum == 0)
		return FAIL(im, "e_phnum 0: no program headers, nothing to load");
	/* headers are read in place as words: trapvisor is built with
	 * -mno-unaligned-access, and the package keeps images 4-aligned */
	if (eh->e_phoff & 3)
		return FAIL(im, "e_phoff 0x%x is not a multiple of 4", U(eh->e_phoff));
	if (!in_file(im, eh->e_phoff, (uint64_t)eh->e_phnum * sizeof(struct elf32_phdr)))
		return FAIL(im, "program header table (e_phoff 0x%x, e_phnum %u x %u bytes) "
			    "runs past the end of the file (0x%x bytes)", U(eh->e_phoff),
			    eh->e_phnum, U(sizeof(struct elf32_phdr)), U(im->len));
	im->eh = eh;
	return 0;
}

/* ---- segments ------------------------------------------------------------------ */

/* One PT_LOAD on its own: its bytes are in the file, its ranges do not wrap. */
static int check_phdr(struct image *im, unsigned i, const struct elf32_phdr *ph)
{
	if (ph->p_filesz > ph->p_memsz)
		return FAIL(im, "segment %u: p_filesz 0x%x is larger than p_memsz 0x%x", i,
			    U(ph->p_filesz), U(ph->p_memsz));
	if (!in_file(im, ph->p_offset, ph->p_filesz))
		return FAIL(im, "segment %u: p_offset 0x%x + p_filesz 0x%x runs past the end "
			    "of the file (0x%x bytes)", i, U(ph->p_offset), U(ph->p_filesz),
			    U(im->len));
	if (ph->p_paddr + (uint64_t)ph->p_memsz > B32)
		return FAIL(im, "segment %u: p_paddr 0x%08x + p_memsz 0x%x wraps past 0xffffffff",
			    i, U(ph->p_paddr), U(ph->p_memsz));
	if (ph->p_vaddr + (uint64_t)ph->p_memsz > B32)
		return FAIL(im, "segment %u: p_vaddr 0x%08x + p_memsz 0x%x wraps past 0xffffffff",
			    i, U(ph->p_vaddr), U(ph->p_memsz));
	/* mapping symbols find code by virtual address, the rewrite patches
	 * it at the physical one: an A32 word aligned in one must be in both */
	if ((ph->p_vaddr ^ ph->p_paddr) & 3)
		return FAIL(im, "segment %u: p_vaddr 0x%08x and p_paddr 0x%08x differ by a "
			    "non-multiple of 4, so its code would be misaligned in RAM", i,
			    U(ph->p_vaddr), U(ph->p_paddr));
	return 0;
}

/*
 * The bytes segment s takes in RAM.  As QEMU's ELF loader does: a segment
 * whose zero-filled tail (p_memsz beyond p_filesz) runs into another
 * segment is loaded as its file data alone.  Images whose p_paddr are
 * load addresses packed end to end (the guest copies its data to where it
 * runs and zeroes its own .bss) then load here as they do natively.
 */
static uint32_t load_size(const struct image *im, const struct seg *s)
{
	uint64_t zero = (uint64_t)s->paddr + s->filesz;

	for (unsigned j = 0; j < im->nseg; j++) {
		const struct seg *o = &im->seg[j];

		if (o != s && overlap(zero, s->memsz - s->filesz, o->paddr, o->memsz))
			return s->filesz;
	}
	return s->memsz;
}

static int check_in_ram(struct image *im, const struct seg *s)
{
	const struct guest_ram *ram = im->ram;
	uint64_t end = (uint64_t)s->paddr + s->loadsz, ram_end = (uint64_t)ram->base + ram->size;
	const char *what;

	if (end <= ram->base || s->paddr >= ram_end)
		what = "is outside";
	else if (s->paddr < ram->base)
		what = "starts below";
	else if (end > ram_end)
		what = "runs past the end of";
	else
		return 0;
	return FAIL(im, "segment %u at 0x%08x-0x%08x %s RAM 0x%08x-0x%08x", s->ph, U(s->paddr),
		    U(end - 1), what, U(ram->base), U(ram_end - 1));
}

/*
 * No two segments share a byte of RAM: which one should it hold?  (QEMU
 * refuses to start: "rom: requested regions overlap".)  Nor a virtual
 * address of their file data: the mapping symbols, which say where the
 * code to rewrite is, are virtual addresses and could then mean either.
 */
static int check_overlaps(struct image *im)
{
	unsigned first, last;

	for (unsigned i = 0; i < im->nseg; i++)
		for (unsigned j = i + 1; j < im->nseg; j++) {
			const struct seg *a = &im->seg[i], *b = &im->seg[j];

			if (overlap(a->paddr, a->loadsz, b->paddr, b->loadsz)) {
				shared(a->paddr, a->loadsz, b->paddr, b->loadsz, &first, &last);
				return FAIL(im, "segments %u and %u overlap in guest-physical memory "
					    "at 0x%08x-0x%08x", a->ph, b->ph, first, last);
			}
			if (overlap(a->vaddr, a->filesz, b->vaddr, b->filesz)) {
				shared(a->vaddr, a->filesz, b->vaddr, b->filesz, &first, &last);
				return FAIL(im, "segments %u and %u overlap in virtual addresses at "
					    "0x%08x-0x%08x: the mapping symbols cannot say which "
					    "holds the code", a->ph, b->ph, first, last);
			}
		}
	return 0;
}

int elf_check_segments(struct image *im)
{
	const struct elf32_phdr *ph = (const void *)(im->p + im->eh->e_phoff);
	int r;

	im->nseg = 0;
	for (unsigned i = 0; i < im->eh->e_phnum; i++, ph++) {
		/* a PT_LOAD of no bytes at all loads nothing (QEMU skips it too);
		 * file bytes and p_memsz 0 is p_filesz > p_memsz, refused */
		if (ph->p_type != PT_LOAD || (ph->p_filesz == 0 && ph->p_memsz == 0))
			continue;
		if ((r = check_phdr(im, i, ph)))
			return r;
		if (im->nseg == LOAD_MAX)
			return FAIL(im, "more than %d PT_LOAD segments", LOAD_MAX);
		im->seg[im->nseg++] = (struct seg){ i, ph->p_offset, ph->p_vaddr, ph->p_paddr,
						    ph->p_filesz, ph->p_memsz, ph->p_flags, 0 };
	}
	if (im->nseg == 0)
		return FAIL(im, "no PT_LOAD segment with contents (e_phnum %u): nothing to load",
			    im->eh->e_phnum);
	for (unsigned i = 0; i < im->nseg; i++) {
		/* (a .bss-only segment cut to nothing loads nothing, anywhere) */
		im->seg[i].loadsz = load_size(im, &im->seg[i]);
		if (im->seg[i].loadsz && (r = check_in_ram(im, &im->seg[i])))
			return r;
	}
	return check_overlaps(im);
}

/* ---- entry point ------------------------------------------------------------- */

/*
 * Where the VM starts.  As QEMU's -kernel does, e_entry is taken as a
 * virtual address when it lies in the file data of an executable segment
 * whose p_vaddr and p_paddr differ, and the VM starts at its physical
 * address.  Bit 0 set means Thumb (vcpu_reset()).
 *
 * QEMU would jump anywhere; trapvisor refuses an entry that cannot be the
 * image's own code: outside RAM (nothing there to run), an A32 entry not
 * word aligned (a PC alignment fault at once), or one whose first
 * instruction is not wholly in the file data of a loaded segment (RAM
 * there is zeroes, not this image's code: a corrupted e_entry, not a
 * design).  PF_X is not required: with the MMU off, as every guest
 * starts, nothing enforces it.
 */
int elf_check_entry(struct image *im)
{
	const struct guest_ram *ram = im->ram;
	const uint32_t e_entry = im->eh->e_entry;
	uint32_t e = e_entry, pc;

	for (unsigned i = 0; i < im->nseg; i++) {
		const struct seg *s = &im->seg[i];

		if ((s->flags & PF_X) && s->vaddr != s->paddr && e_entry >= s->vaddr &&
		    e_entry - s->vaddr < s->filesz)
			e = e_entry - s->vaddr + s->paddr;
	}
	pc = e & ~1u;
	if (pc < ram->base || pc - ram->base >= ram->size)
		return FAIL(im, "entry point 0x%08x is outside RAM 0x%08x-0x%08x", U(e_entry),
			    U(ram->base), U(ram->base + ram->size - 1));
	if ((e & 3) == 2)
		return FAIL(im, "entry point 0x%08x is A32 (bit 0 clear) but not a multiple of 4",
			    U(e_entry));
	for (unsigned i = 0; i < im->nseg; i++) {
		const struct seg *s = &im->seg[i];
		uint32_t insn = (e & 1) ? 2 : 4;	/* the first instruction, whole */

		if (pc >= s->paddr && s->filesz >= insn && pc - s->paddr <= s->filesz - insn) {
			im->entry = e;
			return 0;
		}
	}
	return FAIL(im, "entry point 0x%08x is in no segment's file data: the VM would "
		    "start in zeroed RAM", U(e_entry));
}

/* ---- sections: the symbol table and its strings ----------------------------- */

static int check_section_table(struct image *im)
{
	const struct elf32_ehdr *eh = im->eh;

	if (eh->e_shnum == 0)
		return FAIL(im, "e_shnum 0: no section headers, so no symbol table with the "
			    "$a/$t/$d mapping symbols that tell code from data");
	if (eh->e_shentsize != sizeof(struct elf32_shdr))
		return FAIL(im, "e_shentsize %u, not %u (the size of an ELF32 section header)",
			    eh->e_shentsize, U(sizeof(struct elf32_shdr)));
	if (eh->e_shoff & 3)
		return FAIL(im, "e_shoff 0x%x is not a multiple of 4", U(eh->e_shoff));
	if (!in_file(im, eh->e_shoff, (uint64_t)eh->e_shnum * sizeof(struct elf32_shdr)))
		return FAIL(im, "section header table (e_shoff 0x%x, e_shnum %u x %u bytes) "
			    "runs past the end of the file (0x%x bytes)", U(eh->e_shoff),
			    eh->e_shnum, U(sizeof(struct elf32_shdr)), U(im->len));
	return 0;
}

int elf_check_symtab(struct image *im)
{
	const struct elf32_ehdr *eh = im->eh;
	const struct elf32_shdr *sh, *str;
	unsigned i;
	int r;

	if ((r = check_section_table(im)))
		return r;
	for (i = 0; i < eh->e_shnum && elf_shdr(im, i)->sh_type != SHT_SYMTAB; i++)
		;
	if (i == eh->e_shnum)
		return FAIL(im, "no symbol table: the $a/$t/$d mapping symbols are needed "
			    "to tell code from data (do not strip guest images)");
	sh = elf_shdr(im, i);
	if (sh->sh_entsize != sizeof(struct elf32_sym))
		return FAIL(im, "symbol table (section %u): sh_entsize %u, not %u (the size of "
			    "an ELF32 symbol)", i, U(sh->sh_entsize), U(sizeof(struct elf32_sym)));
	if (sh->sh_offset & 3)
		return FAIL(im, "symbol table (section %u): sh_offset 0x%x is not a multiple of 4",
			    i, U(sh->sh_offset));
	if (sh->sh_size % sizeof(struct elf32_sym))
		return FAIL(im, "symbol table (section %u): sh_size 0x%x is not a whole number "
			    "of %u-byte symbols", i, U(sh->sh_size), U(sizeof(struct elf32_sym)));
	if (!in_file(im, sh->sh_offset, sh->sh_size))
		return FAIL(im, "symbol table (section %u): sh_offset 0x%x + sh_size 0x%x runs "
			    "past the end of the file (0x%x bytes)", i, U(sh->sh_offset),
			    U(sh->sh_size), U(im->len));
	if (sh->sh_link >= eh->e_shnum)
		return FAIL(im, "symbol table (section %u): sh_link %u is not a section "
			    "(e_shnum %u)", i, U(sh->sh_link), eh->e_shnum);
	str = elf_shdr(im, sh->sh_link);
	if (str->sh_type != SHT_STRTAB)
		return FAIL(im, "symbol table (section %u): sh_link %u is a section of type %u, "
			    "not a string table (SHT_STRTAB, 3)", i, U(sh->sh_link),
			    U(str->sh_type));
	if (!in_file(im, str->sh_offset, str->sh_size))
		return FAIL(im, "string table (section %u): sh_offset 0x%x + sh_size 0x%x runs "
			    "past the end of the file (0x%x bytes)", U(sh->sh_link),
			    U(str->sh_offset), U(str->sh_size), U(im->len));
	im->symtab = sh;
	im->strtab = str;
	return 0;
}
