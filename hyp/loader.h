/*
 * Guest image loader: ELF32 ARM executables into a VM's RAM, with the
 * sensitive instructions of their A32 code rewritten to traps.
 */
#ifndef HYP_LOADER_H
#define HYP_LOADER_H

#include <stdint.h>
#include <stddef.h>

/* One rewritten instruction: the word that was at addr before loading. */
struct rewrite_entry {
	uint32_t addr;
	uint32_t orig;
	uint32_t fast;		/* fast_kind(orig): the fast path's decode */
};

/* Per VM.  Entry i is the instruction replaced by "UDF #i" at e[i].addr. */
struct rewrite_table {
	struct rewrite_entry *e;
	uint32_t count, cap;
	uint32_t code_lo, code_hi;	/* guest-physical span of the image's code */
};

/* The guest RAM being loaded: guest-physical [base, base+size) is at host. */
struct guest_ram {
	uint32_t base;
	uint32_t size;
	uint8_t *host;
};

/*
 * Validates and loads an ELF image: copies its PT_LOAD segments (at
 * p_paddr, as QEMU's -kernel does), zero-fills their bss, rewrites the
 * sensitive instructions of $a regions in executable sections and records
 * them in rt.  On success returns 0 and sets *entry.  On any problem
 * returns -1 and leaves a one-line reason in err (never touches memory
 * outside ram).
 */
int elf_load(const uint8_t *img, uint32_t len, const struct guest_ram *ram,
	     struct rewrite_table *rt, uint32_t *entry, char *err, size_t errlen);

#endif
