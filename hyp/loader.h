/*
 * Guest image loader: ELF32 ARM executables into a VM's RAM, with the
 * sensitive instructions of their A32 and T32 code rewritten to traps.
 */
#ifndef HYP_LOADER_H
#define HYP_LOADER_H

#include <stdint.h>
#include <stddef.h>

/*
 * Which UDF replaced an instruction: A32 "UDF #imm16", T32 16-bit
 * "UDF #imm8" or T32 32-bit "UDF.W #imm16".  The kind is part of the
 * match: a UDF of another kind at that address is not the one trapvisor
 * put there (a guest's own, say), so it stays the guest's.
 */
enum rewrite_kind {
	REWRITE_A32,
	REWRITE_T16,
	REWRITE_T32,
	REWRITE_KINDS
};

/* One rewritten instruction: what was at guest-physical addr before. */
struct rewrite_entry {
	uint32_t addr;
	uint32_t orig;		/* the A32 word, or the T32 instruction (arch/arm/t32.h) */
	uint32_t fast;		/* A32: fast_kind(orig), the fast path's decode; else FAST_NONE */
	uint32_t kind;		/* enum rewrite_kind */
};

/*
 * Per VM.  Entry i replaced the instruction at e[i].addr with a UDF whose
 * immediate is i modulo 2^(the immediate's width): exactly i for the
 * 16-bit immediates (the table never holds more than 65536 entries), and
 * i's low 8 bits for the 16-bit T32 UDF (rewrite_find() in hyp/rewrite.c).
 */
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
 * sensitive instructions of $a (A32) and $t (T32) regions in executable
 * sections and records them in rt.  On success returns 0 and sets *entry.  On any problem
 * returns -1 and leaves a one-line reason in err (never touches memory
 * outside ram).
 */
int elf_load(const uint8_t *img, uint32_t len, const struct guest_ram *ram,
	     struct rewrite_table *rt, uint32_t *entry, char *err, size_t errlen);

#endif
