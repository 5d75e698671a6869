/*
 * The checks of an untrusted guest ELF image (elf_check.c), shared with
 * the loader that runs them (loader.c) and nothing else: hyp/loader.h is
 * the interface to the rest of trapvisor.
 */
#ifndef HYP_ELF_CHECK_H
#define HYP_ELF_CHECK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "hyp/elf.h"
#include "hyp/loader.h"

/* More PT_LOAD segments than a linker makes for one image (ours have one
 * to three).  The overlap checks compare every pair, and the rewrite looks
 * up the segment of every code word, so the count has to be small. */
#define LOAD_MAX	16

/*
 * A PT_LOAD segment once checked: its file data is inside the file,
 * neither its physical nor its virtual range wraps, [paddr, paddr +
 * loadsz) is inside guest RAM and overlaps no other segment's.  Only these
 * copies are used after the checks, never the program headers again.
 */
struct seg {
	unsigned ph;		/* its program header's index, for messages */
	uint32_t offset, vaddr, paddr, filesz, memsz, flags;
	uint32_t loadsz;	/* what is written to RAM: memsz, or filesz (see elf_check.c) */
};

struct image {
	const uint8_t *p;
	uint32_t len;
	const struct guest_ram *ram;
	const struct elf32_ehdr *eh;		/* by elf_check_header() */
	struct seg seg[LOAD_MAX];		/* by elf_check_segments() */
	unsigned nseg;
	uint32_t entry;				/* by elf_check_entry() */
	const struct elf32_shdr *symtab, *strtab; /* by elf_check_symtab() */
	char *err;
	size_t errlen;
};

/* Refuses the image: the one-line reason goes to im->err. */
#define FAIL(im, ...) (snprintf((im)->err, (im)->errlen, __VA_ARGS__), -1)
/* uint32_t is unsigned long for the target and unsigned int on the build
 * machine (host tests): messages print every number as an unsigned. */
#define U(x) ((unsigned)(x))

/* In this order; each relies on the ones before it.  0, or -1 refused. */
int elf_check_header(struct image *im);		/* ELF header, program header table */
int elf_check_segments(struct image *im);	/* PT_LOAD segments: file, RAM, overlaps */
int elf_check_entry(struct image *im);		/* e_entry */
int elf_check_symtab(struct image *im);		/* section headers, .symtab, its strings */

/* Section header i (i < e_shnum), once elf_check_symtab() has passed. */
static inline const struct elf32_shdr *elf_shdr(const struct image *im, unsigned i)
{
	return (const void *)(im->p + im->eh->e_shoff + i * sizeof(struct elf32_shdr));
}

#endif
