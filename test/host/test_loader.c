/*
 * The guest image loader (hyp/loader.c).  Images are built in memory by a
 * small ELF32 writer below rather than by the cross toolchain, so each
 * test states exactly which header field or mapping symbol it is about,
 * and the malformed ones can be made field by field.
 *
 * Every image is handed to elf_load() as a heap copy of exactly its
 * length, and guest RAM is a heap buffer of exactly its size, so that the
 * host build's AddressSanitizer catches any read past the image or write
 * past RAM.
 */
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

static uint32_t put(struct img *im, const void *p, uint32_t n)
{
	uint32_t at = (im->len + 3) & ~3u;

	assert_true(at + n <= sizeof(im->b));
	memset(im->b + im->len, 0, at - im->len);
	memcpy(im->b + at, p, n);
	im->len = at + n;
	return at;
}

/* Appends a NUL-terminated name to a string table being built in tab. */
static uint32_t add_name(char *tab, uint32_t *len, const char *s)
{
	uint32_t at = *len;

	strcpy(tab + at, s);
	*len += strlen(s) + 1;
	return at;
}

static void build(struct img *im, const struct spec *s)
{
	struct elf32_ehdr eh = { .e_type = ET_EXEC, .e_machine = EM_ARM, .e_version = 1,
				 .e_entry = s->entry, .e_ehsize = sizeof(eh),
				 .e_phentsize = sizeof(struct elf32_phdr), .e_phnum = 2,
				 .e_shentsize = sizeof(struct elf32_shdr), .e_shnum = SEC_NR,
				 .e_shstrndx = SEC_SHSTRTAB };
	struct elf32_phdr ph[2] = { 0 };
	struct elf32_shdr sh[SEC_NR] = { 0 };
	struct elf32_sym sym[40] = { 0 };
	char str[512], shstr[128];
	uint32_t strlen_ = 1, shstrlen = 1, n = 0, text_size = s->nwords * 4;
	uint8_t data[4096];

	memset(im, 0, sizeof(*im));
	str[0] = shstr[0] = 0;
	memcpy(eh.e_ident, "\177ELF", 4);
	eh.e_ident[4] = ELFCLASS32;
	eh.e_ident[5] = ELFDATA2LSB;
	eh.e_ident[6] = 1;

	im->len = sizeof(eh);
	im->phoff = put(im, ph, sizeof(ph));		/* filled in below */
	im->len = 0x100;
	im->text_off = put(im, s->text, text_size);
	assert_true(s->data_file <= sizeof(data));
	memset(data, 0x5a, s->data_file);
	im->data_off = put(im, data, s->data_file);

	/* symbols: null, the given ones in .text, a global, and a $d in the
	 * non-executable .data that the loader must ignore */
	sym[n++] = (struct elf32_sym){ 0 };
	assert_true(s->nsyms + 3 <= sizeof(sym) / sizeof(sym[0]));
	for (unsigned i = 0; i < s->nsyms; i++)
		sym[n++] = (struct elf32_sym){ .st_name = add_name(str, &strlen_, s->syms[i].name),
					       .st_value = s->text_va + s->syms[i].off,
					       .st_shndx = SEC_TEXT };
	sym[n++] = (struct elf32_sym){ .st_name = add_name(str, &strlen_, "_start"),
				       .st_value = s->entry, .st_info = 0x12,
				       .st_shndx = SEC_TEXT };
	sym[n++] = (struct elf32_sym){ .st_name = add_name(str, &strlen_, "$d"),
				       .st_value = DATA_PA, .st_shndx = SEC_DATA };
	im->symoff = put(im, sym, n * sizeof(sym[0]));
	uint32_t stroff = put(im, str, strlen_);

	sh[SEC_TEXT] = (struct elf32_shdr){ add_name(shstr, &shstrlen, ".text"), SHT_PROGBITS,
		SHF_ALLOC | SHF_EXECINSTR, s->text_va, im->text_off, text_size, 0, 0, 4, 0 };
	sh[SEC_DATA] = (struct elf32_shdr){ add_name(shstr, &shstrlen, ".data"), SHT_PROGBITS,
		SHF_ALLOC | 1 /* SHF_WRITE */, DATA_PA, im->data_off, s->data_file, 0, 0, 4, 0 };
	sh[SEC_SYMTAB] = (struct elf32_shdr){ add_name(shstr, &shstrlen, ".symtab"), SHT_SYMTAB,
		0, 0, im->symoff, n * sizeof(sym[0]), SEC_STRTAB, 1, 4, sizeof(sym[0]) };
	sh[SEC_STRTAB] = (struct elf32_shdr){ add_name(shstr, &shstrlen, ".strtab"), 3,
		0, 0, stroff, strlen_, 0, 0, 1, 0 };
	uint32_t shname = add_name(shstr, &shstrlen, ".shstrtab");
	sh[SEC_SHSTRTAB] = (struct elf32_shdr){ shname, 3, 0, 0, 0, shstrlen, 0, 0, 1, 0 };
	sh[SEC_SHSTRTAB].sh_offset = put(im, shstr, shstrlen);
	im->shoff = put(im, sh, sizeof(sh));

	ph[0] = (struct elf32_phdr){ PT_LOAD, im->text_off, s->text_va, s->text_pa,
				     text_size, text_size, PF_X | 4, 4 };
	ph[1] = (struct elf32_phdr){ PT_LOAD, im->data_off, DATA_PA, DATA_PA,
				     s->data_file, s->data_mem, 6, 4 };
	memcpy(im->b + im->phoff, ph, sizeof(ph));
	eh.e_phoff = im->phoff;
	eh.e_shoff = im->shoff;
	memcpy(im->b, &eh, sizeof(eh));
}

/* The header structures inside a built image, for breaking them. */
static struct elf32_ehdr *EH(struct img *im) { return (void *)im->b; }
static struct elf32_phdr *PH(struct img *im, unsigned i)
{
	return (void *)(im->b + im->phoff + i * sizeof(struct elf32_phdr));
}
static struct elf32_shdr *SH(struct img *im, unsigned i)
{
	return (void *)(im->b + im->shoff + i * sizeof(struct elf32_shdr));
}
static struct elf32_sym *SYM(struct img *im, unsigned i)
{
	return (void *)(im->b + im->symoff + i * sizeof(struct elf32_sym));
}

/* ---- loading ---------------------------------------------------------------- */

static uint8_t *ram_host;
static struct guest_ram ram;
static struct rewrite_entry ents[RT_CAP];
static struct rewrite_table rt;
static char err[256];
static uint32_t entry;

static int setup(void **state)
{
	(void)state;
	ram_host = malloc(RAM_SIZE);
	assert_non_null(ram_host);
	memset(ram_host, RAM_FILL, RAM_SIZE);
	ram = (struct guest_ram){ RAM_BASE, RAM_SIZE, ram_host };
	rt = (struct rewrite_table){ ents, 0, RT_CAP };
	err[0] = 0;
	entry = 0;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(ram_host);
	return 0;
}

/* elf_load() on a heap copy of exactly len bytes of the image. */
static int load_n(const uint8_t *p, uint32_t len)
{
	uint8_t *copy = malloc(len ? len : 1);
	int r;

	assert_non_null(copy);
	memcpy(copy, p, len);
	err[0] = 0;
	r = elf_load(copy, len, &ram, &rt, &entry, err, sizeof(err));
	free(copy);
	return r;
}

static int load(const struct img *im)
{
	return load_n(im->b, im->len);
}

static uint32_t ram_word(uint32_t pa)
{
	uint32_t w;

	assert_true(pa >= RAM_BASE && pa - RAM_BASE + 4 <= RAM_SIZE);
	memcpy(&w, ram_host + (pa - RAM_BASE), 4);
	return w;
}

#define assert_refused(im_or_call, phrase) do {					\
	assert_int_equal((im_or_call), -1);					\
	if (!strstr(err, (phrase)))						\
		fail_msg("error \"%s\" does not mention \"%s\"", err, (phrase));	\
} while (0)

/* The default image: A32 code with a literal pool and a second A32 run. */
static const uint32_t text_mixed[] = {
	MRS_R0_CPSR, NOP, CPSID_I, MOV_R0_0,	/* 0x00 $a */
	LDR_R0_PC, WFI,				/* 0x10 */
	MRS_R0_CPSR, WFI,			/* 0x18 $d: literals that look like code */
	SUBS_PC_LR_4, BX_LR,			/* 0x20 $a */
};
static const struct msym syms_mixed[] = { { "$a", 0 }, { "$d", 0x18 }, { "$a", 0x20 } };

static void default_spec(struct spec *s)
{
	*s = (struct spec){ text_mixed, 10, RAM_BASE, RAM_BASE, syms_mixed, 3, 16, 80,
			    RAM_BASE };
}

static void build_default(struct img *im)
{
	struct spec s;

	default_spec(&s);
	build(im, &s);
}

/* The default image with other code and mapping symbols. */
static void build_code(struct img *im, const uint32_t *text, unsigned n,
		       const struct msym *syms, unsigned nsyms)
{
	struct spec s;

	default_spec(&s);
	s.text = text, s.nwords = n, s.syms = syms, s.nsyms = nsyms;
	build(im, &s);
}
#define N(a)	(sizeof(a) / sizeof((a)[0]))
#define BUILD(text, syms)	build_code(&im, text, N(text), syms, N(syms))

static struct img im;	/* one image per test, too big for the stack comfortably */

/* ---- well-formed images ------------------------------------------------------ */

static void test_load_copies_rewrites_and_zeroes(void **state)
{
	(void)state;
	build_default(&im);
	assert_int_equal(load(&im), 0);
	assert_int_equal(entry, RAM_BASE);

	/* $a words: sensitive ones became UDF #i, in address order */
	static const struct { uint32_t off, orig; } want[] = {
		{ 0x00, MRS_R0_CPSR }, { 0x08, CPSID_I }, { 0x14, WFI }, { 0x20, SUBS_PC_LR_4 },
	};
	assert_int_equal(rt.count, 4);
	for (unsigned i = 0; i < 4; i++) {
		assert_int_equal(rt.e[i].addr, RAM_BASE + want[i].off);
		assert_int_equal(rt.e[i].orig, want[i].orig);
		assert_int_equal(ram_word(RAM_BASE + want[i].off), a32_udf(i));
	}
	/* the others, and the literal pool under $d, are as in the file */
	assert_int_equal(ram_word(RAM_BASE + 0x04), NOP);
	assert_int_equal(ram_word(RAM_BASE + 0x0c), MOV_R0_0);
	assert_int_equal(ram_word(RAM_BASE + 0x10), LDR_R0_PC);
	assert_int_equal(ram_word(RAM_BASE + 0x18), MRS_R0_CPSR);
	assert_int_equal(ram_word(RAM_BASE + 0x1c), WFI);
	assert_int_equal(ram_word(RAM_BASE + 0x24), BX_LR);
	/* nothing written past the text segment */
	assert_int_equal(ram_host[0x28], RAM_FILL);

	/* .data copied, .bss (p_memsz > p_filesz) zeroed, nothing beyond */
	uint8_t *d = ram_host + (DATA_PA - RAM_BASE);
	for (unsigned i = 0; i < 16; i++)
		assert_int_equal(d[i], 0x5a);
	for (unsigned i = 16; i < 80; i++)
		assert_int_equal(d[i], 0);
	assert_int_equal(d[80], RAM_FILL);
	assert_int_equal(d[-1], RAM_FILL);

	/* loading again (a VM reset) starts the table over, not appending */
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 4);
}

/* Segments go to p_paddr (as QEMU -kernel does), mapping symbols are in
 * virtual addresses, and the table records where the word is in RAM. */
static void test_paddr_differs_from_vaddr(void **state)
{
	(void)state;
	struct spec s;

	default_spec(&s);
	s.text_va = 0xc0008000;
	s.text_pa = RAM_BASE + 0x8000;
	s.entry = RAM_BASE + 0x8000;
	build(&im, &s);
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 4);
	assert_int_equal(rt.e[0].addr, RAM_BASE + 0x8000);
	assert_int_equal(rt.e[3].addr, RAM_BASE + 0x8020);
	assert_int_equal(ram_word(RAM_BASE + 0x8008), a32_udf(1));
	assert_int_equal(ram_word(RAM_BASE + 0x8018), MRS_R0_CPSR);	/* $d */
}

/* Bytes before the first mapping symbol are of unknown kind: left alone. */
static void test_before_first_mapping_symbol(void **state)
{
	(void)state;
	static const uint32_t text[] = { WFI, CPSID_I, WFI, BX_LR };
	static const struct msym syms[] = { { "$a", 8 } };
	BUILD(text, syms);
	assert_int_equal(load(&im), 0);
	assert_int_equal(ram_word(RAM_BASE + 0), WFI);
	assert_int_equal(ram_word(RAM_BASE + 4), CPSID_I);
	assert_int_equal(rt.count, 1);
	assert_int_equal(rt.e[0].addr, RAM_BASE + 8);
	assert_int_equal(ram_word(RAM_BASE + 8), a32_udf(0));
}

/* "$a.foo" is a mapping symbol (ARM ELF ABI), "$abc" and "$x" are not. */
static void test_mapping_symbol_names(void **state)
{
	(void)state;
	static const uint32_t text[] = { WFI, WFI, WFI, WFI };
	static const struct msym syms[] = {
		{ "$a.start", 0 }, { "$d.lit", 4 }, { "$abc", 8 }, { "$x", 12 },
	};
	BUILD(text, syms);
	assert_int_equal(load(&im), 0);
	/* only the first word is A32; $d.lit runs to the end of .text */
	assert_int_equal(rt.count, 1);
	assert_int_equal(ram_word(RAM_BASE + 0), a32_udf(0));
	for (unsigned off = 4; off < 16; off += 4)
		assert_int_equal(ram_word(RAM_BASE + off), WFI);
}

/* Thumb with a sensitive instruction, 16- or 32-bit, is refused for now
 * (DESIGN.md: T32 rewriting is a later issue). */
static void test_thumb_sensitive_refused(void **state)
{
	(void)state;
	static const struct msym syms[] = { { "$a", 0 }, { "$t", 4 }, { "$a", 12 } };
	static const uint32_t text16[] = { NOP, T_NOP_BX, T_CPSID_NOP, BX_LR };
	static const uint32_t text32[] = { NOP, T_NOP_BX, T2(0xf3ef, 0x8000), BX_LR };
	/*                                         mrs r0, cpsr ^^^ */

	BUILD(text16, syms);
	assert_refused(load(&im), "Thumb");
	assert_non_null(strstr(err, "0x40000008"));	/* says where */
	BUILD(text32, syms);
	assert_refused(load(&im), "Thumb");
	assert_non_null(strstr(err, "0xf3ef 0x8000"));
}

/* Thumb, then data, then A32. */
static const uint32_t text_thumb[] = { T_NOP_BX, T_BL, T2(0xbf30, 0xbf30), WFI, BX_LR };
static const struct msym syms_thumb[] = { { "$t", 0 }, { "$d", 8 }, { "$a", 12 } };

/* Thumb without sensitive instructions runs as it is; the A32 after it is
 * still rewritten.  A T32 WFI's bytes inside a $d of that region are data. */
static void test_thumb_clean_loads(void **state)
{
	(void)state;
	BUILD(text_thumb, syms_thumb);
	assert_int_equal(load(&im), 0);
	assert_int_equal(ram_word(RAM_BASE + 0), T_NOP_BX);
	assert_int_equal(ram_word(RAM_BASE + 4), T_BL);
	assert_int_equal(ram_word(RAM_BASE + 8), T2(0xbf30, 0xbf30));
	assert_int_equal(rt.count, 1);
	assert_int_equal(rt.e[0].addr, RAM_BASE + 12);
}

static void test_rewrite_table_full(void **state)
{
	(void)state;
	build_default(&im);
	rt.cap = 2;
	assert_refused(load(&im), "more than 2 sensitive");
	assert_true(rt.count <= 2);
}

/* ---- malformed images -------------------------------------------------------- */

/*
 * One broken field (or a cut) each.  Every case must be refused with -1
 * and a reason naming the problem, before anything is trusted.
 */
static void test_refuse_malformed(void **state)
{
	(void)state;
	for (unsigned k = 0;; k++) {
		const char *phrase;
		uint32_t len;

		build_default(&im);
		len = im.len;
		switch (k) {
		case 0: len = 51; phrase = "not an ELF"; break;	/* shorter than a header */
		case 1: len = 0; phrase = "not an ELF"; break;
		case 2: im.b[1] = 'X'; phrase = "not an ELF"; break;
		case 3: im.b[4] = 2; phrase = "32-bit"; break;		/* ELFCLASS64 */
		case 4: im.b[5] = 2; phrase = "little-endian"; break;	/* ELFDATA2MSB */
		case 5: EH(&im)->e_machine = 62; phrase = "not an ARM executable"; break;
		case 6: EH(&im)->e_type = 3; phrase = "not an ARM executable"; break; /* ET_DYN */
		/* program headers */
		case 7: len = im.phoff + 40; phrase = "program headers"; break;
		case 8: EH(&im)->e_phnum = 1000; phrase = "program headers"; break;
		case 9: EH(&im)->e_phoff = 0xfffffff0; phrase = "program headers"; break;
		case 10: EH(&im)->e_phentsize = 56; phrase = "program headers"; break;
		case 11: EH(&im)->e_phnum = 0; phrase = "program headers"; break;
		/* segment data in the file */
		case 12: PH(&im, 0)->p_offset = im.len - 4; phrase = "outside the file"; break;
		case 13: PH(&im, 1)->p_offset = 0xfffffffc; phrase = "outside the file"; break;
		case 14: PH(&im, 1)->p_filesz = 84; phrase = "segment 1"; break; /* > p_memsz */
		case 15: len = im.text_off + 8; phrase = "outside the file"; break;
		/* segment and entry in RAM */
		case 16: PH(&im, 0)->p_paddr = RAM_BASE - 0x1000; phrase = "outside RAM"; break;
		case 17: PH(&im, 1)->p_paddr = RAM_BASE + RAM_SIZE - 16; phrase = "outside RAM"; break;
		case 18: PH(&im, 1)->p_memsz = 0xfffffff0; phrase = "outside RAM"; break;
		case 19: PH(&im, 0)->p_type = 0; PH(&im, 1)->p_type = 6; /* PT_PHDR */
			 phrase = "no loadable segment"; break;
		case 20: EH(&im)->e_entry = RAM_BASE + RAM_SIZE; phrase = "entry point"; break;
		case 21: EH(&im)->e_entry = 0; phrase = "entry point"; break;
		/* sections and symbols */
		case 22: EH(&im)->e_shnum = 0; phrase = "no section headers"; break;
		case 23: len = im.shoff + 20; phrase = "no section headers"; break;
		case 24: EH(&im)->e_shentsize = 64; phrase = "no section headers"; break;
		case 25: SH(&im, SEC_SYMTAB)->sh_type = SHT_PROGBITS; /* as if stripped */
			 phrase = "no symbol table"; break;
		case 26: SH(&im, SEC_SYMTAB)->sh_size = 0xfffffff0;
			 phrase = "symbol table outside the file"; break;
		case 27: SH(&im, SEC_SYMTAB)->sh_link = SEC_NR; phrase = "symbol table"; break;
		case 28: SH(&im, SEC_STRTAB)->sh_offset = im.len; SH(&im, SEC_STRTAB)->sh_size = 1;
			 phrase = "symbol names outside the file"; break;
		case 29: /* .text no longer executable: its $a/$d no longer count */
			 SH(&im, SEC_TEXT)->sh_flags = SHF_ALLOC;
			 phrase = "no $a/$t/$d mapping symbols"; break;
		default: return;
		}
		int r = load_n(im.b, len);
		if (r != -1 || !strstr(err, phrase))
			fail_msg("case %u: returned %d, error \"%s\", expected \"%s\"", k, r, err,
				 phrase);
	}
}

/* A PT_LOAD with file bytes but p_memsz 0 is not "empty": the rewrite
 * would find code in its p_filesz bytes and write at its never-checked
 * p_paddr.  It must be refused like any p_filesz > p_memsz. */
static void test_zero_memsz_segment_refused(void **state)
{
	(void)state;
	build_default(&im);
	PH(&im, 0)->p_memsz = 0;
	PH(&im, 0)->p_paddr = 0x10000000;		/* far outside RAM */
	assert_refused(load(&im), "segment 0");
	assert_int_equal(rt.count, 0);
	/* a truly empty one (no file bytes either) is just skipped */
	build_default(&im);
	PH(&im, 1)->p_filesz = PH(&im, 1)->p_memsz = 0;
	PH(&im, 1)->p_paddr = 0x10000000;
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 4);
}

static void test_refuse_no_mapping_symbols(void **state)
{
	(void)state;
	/* only _start, and a $d in a non-executable section */
	build_code(&im, text_mixed, N(text_mixed), NULL, 0);
	assert_refused(load(&im), "no $a/$t/$d mapping symbols");
}

/* Mapping symbols whose names are not wholly inside the string table do
 * not count, and st_name near 2^32 must not wrap the bounds check into a
 * wild read. */
static void test_symbol_name_out_of_range(void **state)
{
	(void)state;
	build_default(&im);
	const uint32_t size = SH(&im, SEC_STRTAB)->sh_size;
	const uint32_t bad[] = { size - 2, size - 1, size, 0x80000000,
				 0xfffffffd, 0xfffffffe, 0xffffffff };

	for (unsigned i = 0; i < N(bad); i++) {
		build_default(&im);
		for (unsigned j = 1; j <= 3; j++)	/* $a, $d, $a in .text */
			SYM(&im, j)->st_name = bad[i];
		assert_refused(load(&im), "no $a/$t/$d mapping symbols");
	}
}

/* ---- fuzz --------------------------------------------------------------------- */

static uint32_t rng = 0x2545f491;

static uint32_t rnd(void)	/* xorshift32: deterministic across runs */
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* Every accepted image must satisfy what the trap path relies on: each
 * rewritten word is the UDF naming its own entry, holds a sensitive
 * original, and lies in the file bytes of a PT_LOAD segment that was
 * actually copied (p_memsz != 0), so the loader never wrote elsewhere. */
static void check_loaded(const uint8_t *img)
{
	const struct elf32_ehdr *eh = (const void *)img;

	assert_true(entry >= RAM_BASE && entry - RAM_BASE < RAM_SIZE);
	assert_true(rt.count <= rt.cap);
	for (uint32_t i = 0; i < rt.count; i++) {
		uint32_t a = rt.e[i].addr;
		bool inside = false;

		/* (a may be unaligned: a segment whose p_paddr and p_vaddr
		 * differ mod 4 is accepted, and only the VA is aligned) */
		assert_int_equal(ram_word(a), a32_udf(i));
		assert_true(a32_is_sensitive(rt.e[i].orig));
		for (unsigned j = 0; j < eh->e_phnum && !inside; j++) {
			const struct elf32_phdr *ph =
				(const void *)(img + eh->e_phoff + j * sizeof(*ph));
			inside = ph->p_type == PT_LOAD && ph->p_memsz && a >= ph->p_paddr &&
				 ph->p_filesz >= 4 && a - ph->p_paddr <= ph->p_filesz - 4;
		}
		if (!inside)
			fail_msg("entry %u at 0x%08x is in no loaded segment", i, a);
	}
}

/* Mutates one thing in the header area of the image in buf. */
static void mutate(uint8_t *buf, const struct img *base)
{
	static const uint32_t nasty[] = {
		0, 1, 2, 3, 4, 0x7fffffff, 0x80000000, 0xfffffffc, 0xfffffffd, 0xfffffffe,
		0xffffffff, RAM_BASE, RAM_BASE + RAM_SIZE - 4, RAM_BASE + RAM_SIZE, 0x10000000,
		0xffff,
	};
	/* the parts the loader parses, picked evenly so the small ones
	 * (program headers) get as much attention as the big ones */
	const uint32_t from[4] = { 0, base->phoff, base->symoff, base->shoff };
	const uint32_t to[4] = { base->phoff, base->phoff + 2 * sizeof(struct elf32_phdr),
				 base->shoff, base->len };
	unsigned part = rnd() % 4;
	uint32_t where = from[part] + rnd() % (to[part] - from[part]);
	uint32_t v;

	switch (rnd() % 4) {
	case 0:		/* flip one bit */
		buf[where] ^= 1u << (rnd() % 8);
		break;
	case 1:		/* random byte */
		buf[where] = rnd();
		break;
	case 2:		/* an edge value in a 32-bit field */
		v = nasty[rnd() % (sizeof(nasty) / sizeof(nasty[0]))];
		memcpy(buf + (where & ~3u), &v, 4);
		break;
	default:	/* a 16-bit field near the file's length (counts, offsets) */
		v = base->len - rnd() % 64;
		memcpy(buf + (where & ~1u), &v, 2);
	}
}

static void test_fuzz(void **state)
{
	(void)state;
	static struct img bases[2];
	static uint8_t buf[sizeof(bases[0].b)];
	unsigned ok = 0, refused = 0;

	/* one A32 image with a literal pool, one with Thumb code */
	build_default(&bases[0]);
	build_code(&bases[1], text_thumb, N(text_thumb), syms_thumb, N(syms_thumb));
	for (unsigned iter = 0; iter < 20000; iter++) {
		const struct img *base = &bases[iter % 2];
		uint32_t len = base->len;

		memcpy(buf, base->b, len);
		for (unsigned m = 1 + rnd() % 3; m; m--)
			mutate(buf, base);
		if (rnd() % 4 == 0)
			len = rnd() % (len + 1);

		rt.cap = 1 + rnd() % RT_CAP;
		int r = load_n(buf, len);
		if (r == 0) {
			check_loaded(buf);
			ok++;
		} else {
			assert_int_equal(r, -1);
			assert_true(err[0] != 0);
			refused++;
		}
	}
	/* a fuzzer that only ever hits the magic check tests nothing */
	print_message("fuzz: %u loaded, %u refused\n", ok, refused);
	assert_true(ok > 500 && refused > 500);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_load_copies_rewrites_and_zeroes),
		T(test_paddr_differs_from_vaddr),
		T(test_before_first_mapping_symbol),
		T(test_mapping_symbol_names),
		T(test_thumb_sensitive_refused),
		T(test_thumb_clean_loads),
		T(test_rewrite_table_full),
		T(test_refuse_malformed),
		T(test_zero_memsz_segment_refused),
		T(test_refuse_no_mapping_symbols),
		T(test_symbol_name_out_of_range),
		T(test_fuzz),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
