/*
 * Shared by the loader's host tests (test_loader.c, test_loader_fuzz.c):
 * a small ELF32 writer, so each test states exactly which header field or
 * mapping symbol it is about, and a harness that hands images to
 * elf_load() as heap copies of exactly their length, with guest RAM a heap
 * buffer of exactly its size, so that AddressSanitizer catches any read
 * past the image or write past RAM.
 */
#ifndef TEST_HOST_LOADER_HARNESS_H
#define TEST_HOST_LOADER_HARNESS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "hyp/loader.h"
#include "hyp/elf.h"
#include "arch/arm/scan.h"

#define RAM_BASE	0x40000000u
#define RAM_SIZE	0x40000u		/* 256 KiB */
#define DATA_PA		(RAM_BASE + 0x10000)
#define RAM_FILL	0xaa			/* what RAM holds before a load */
#define RT_CAP		64

/* A32 encodings from arm-none-eabi-as -march=armv7-a. */
#define MRS_R0_CPSR	0xe10f0000u	/* mrs r0, cpsr */
#define CPSID_I		0xf10c0080u	/* cpsid i */
#define WFI		0xe320f003u	/* wfi */
#define SUBS_PC_LR_4	0xe25ef004u	/* subs pc, lr, #4 */
#define NOP		0xe320f000u	/* nop */
#define MOV_R0_0	0xe3a00000u	/* mov r0, #0 */
#define BX_LR		0xe12fff1eu	/* bx lr */
#define LDR_R0_PC	0xe59f0000u	/* ldr r0, [pc, #0] */
/* T32 (first halfword in the low half, as it lies in memory) */
#define T2(a, b)	((uint32_t)(a) | (uint32_t)(b) << 16)
#define T_NOP_BX	T2(0xbf00, 0x4770)	/* nop; bx lr */
#define T_BL		T2(0xf7ff, 0xfffe)	/* bl . */
#define T_CPSID_NOP	T2(0xb672, 0xbf00)	/* cpsid i; nop */

#define N(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- a little ELF32 writer ------------------------------------------------ */

struct msym {
	const char *name;	/* "$a", "$t", "$d", or anything */
	uint32_t off;		/* offset into .text */
};

/* One executable image: .text (one PT_LOAD) and .data+.bss (another). */
struct spec {
	const uint32_t *text; unsigned nwords;
	uint32_t text_va, text_pa;
	const struct msym *syms; unsigned nsyms;
	uint32_t data_file, data_mem;	/* .data bytes in the file, in memory */
	uint32_t entry;
};

/* The built image and where its parts are, so tests can break them. */
struct img {
	uint8_t b[16384];
	uint32_t len;
	uint32_t phoff, text_off, data_off, symoff, shoff;
};

enum { SEC_NULL, SEC_TEXT, SEC_DATA, SEC_SYMTAB, SEC_STRTAB, SEC_SHSTRTAB, SEC_NR };

void build(struct img *im, const struct spec *s);

/* The header structures inside a built image, for breaking them. */
static inline struct elf32_ehdr *EH(struct img *im) { return (void *)im->b; }
static inline struct elf32_phdr *PH(struct img *im, unsigned i)
{
	return (void *)(im->b + im->phoff + i * sizeof(struct elf32_phdr));
}
static inline struct elf32_shdr *SH(struct img *im, unsigned i)
{
	return (void *)(im->b + im->shoff + i * sizeof(struct elf32_shdr));
}
static inline struct elf32_sym *SYM(struct img *im, unsigned i)
{
	return (void *)(im->b + im->symoff + i * sizeof(struct elf32_sym));
}

/* ---- loading ---------------------------------------------------------------- */

extern uint8_t *ram_host;
extern struct guest_ram ram;	/* RAM_SIZE bytes at RAM_BASE, in ram_host */
extern struct rewrite_table rt;
extern char err[256];
extern uint32_t entry;
extern struct img im;	/* one image per test, too big for the stack comfortably */

int loader_setup(void **state);
int loader_teardown(void **state);
/* elf_load() on a heap copy of exactly len bytes of the image. */
int load_n(const uint8_t *p, uint32_t len);
int load(const struct img *im);
uint32_t ram_word(uint32_t pa);
/* RAM as before any load, the rewrite table empty (for a second load). */
void ram_refill(void);

#define assert_refused(im_or_call, phrase) do {					\
	assert_int_equal((im_or_call), -1);					\
	if (!strstr(err, (phrase)))						\
		fail_msg("error \"%s\" does not mention \"%s\"", err, (phrase));	\
} while (0)

/*
 * elf_load() refuses the first len bytes of the image im with exactly the
 * reason fmt formats.  REFUSED: found before anything is copied, so RAM
 * and the rewrite table must be untouched; REFUSED_LATE: found while
 * rewriting (mapping symbols), after the copy.
 */
void refused(uint32_t len, bool untouched, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define REFUSED(len, ...)	refused((len), true, __VA_ARGS__)
#define REFUSED_LATE(len, ...)	refused((len), false, __VA_ARGS__)

/* The default image: A32 code with a literal pool and a second A32 run. */
extern const uint32_t text_mixed[10];
extern const struct msym syms_mixed[3];
/* Thumb code, a literal, then A32 */
extern const uint32_t text_thumb[5];
extern const struct msym syms_thumb[3];

/* The spec of the default image, for tests that change one part of it. */
void default_spec(struct spec *s);
void build_default(struct img *im);
/* The default image with other code and mapping symbols. */
void build_code(struct img *im, const uint32_t *text, unsigned n,
		const struct msym *syms, unsigned nsyms);
#define BUILD(text, syms)	build_code(&im, text, N(text), syms, N(syms))

#endif
