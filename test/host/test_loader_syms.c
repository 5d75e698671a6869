/*
 * Malformed section headers, symbol tables and mapping symbols, one kind
 * per test, with the exact reason elf_load() must give (headers, segments
 * and the entry point: test_loader_bad.c).  The mapping symbols decide
 * what is rewritten, so one that contradicts the image is refused; the
 * tests at the end pin down what is deliberately accepted.
 *
 * Default image: sections NULL, .text (1), .data (2), .symtab (3),
 * .strtab (4), .shstrtab (5); symbols: 0 null, 1 $a at .text+0, 2 $d at
 * +0x18, 3 $a at +0x20, 4 _start, 5 $d in .data.
 */
#include "test/host/loader_harness.h"

/* ---- the section header table ---------------------------------------------- */

static void test_no_sections(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_shnum = 0;
	REFUSED(im.len, "e_shnum 0: no section headers, so no symbol table with the $a/$t/$d "
		"mapping symbols that tell code from data");
}

static void test_shentsize(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_shentsize = 64;			/* ELF64's */
	REFUSED(im.len, "e_shentsize 64, not 40 (the size of an ELF32 section header)");
}

static void test_shdrs_misaligned(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_shoff = im.shoff + 2;
	REFUSED(im.len, "e_shoff 0x%x is not a multiple of 4", im.shoff + 2);
}

static void test_shdrs_outside_file(void **state)
{
	(void)state;
	const char *why = "section header table (e_shoff 0x%x, e_shnum %u x 40 bytes) runs "
			  "past the end of the file (0x%x bytes)";

	build_default(&im);
	REFUSED(im.shoff + 20, why, im.shoff, SEC_NR, im.shoff + 20);	/* cut inside it */
	EH(&im)->e_shnum = 0xffff;
	REFUSED(im.len, why, im.shoff, 0xffff, im.len);
	EH(&im)->e_shnum = SEC_NR;
	EH(&im)->e_shoff = 0xfffffff8;			/* offset + size wraps */
	REFUSED(im.len, why, 0xfffffff8, SEC_NR, im.len);
}

/* ---- the symbol table and its strings ------------------------------------------ */

static void test_no_symtab(void **state)
{
	(void)state;
	build_default(&im);
	SH(&im, SEC_SYMTAB)->sh_type = SHT_PROGBITS;	/* as if stripped */
	REFUSED(im.len, "no symbol table: the $a/$t/$d mapping symbols are needed to tell "
		"code from data (do not strip guest images)");
}

static void test_symtab_shape(void **state)
{
	(void)state;
	build_default(&im);
	SH(&im, SEC_SYMTAB)->sh_entsize = 24;		/* ELF64's */
	REFUSED(im.len, "symbol table (section 3): sh_entsize 24, not 16 (the size of an "
		"ELF32 symbol)");
	build_default(&im);
	SH(&im, SEC_SYMTAB)->sh_offset = im.symoff + 2;
	REFUSED(im.len, "symbol table (section 3): sh_offset 0x%x is not a multiple of 4",
		im.symoff + 2);
	build_default(&im);
	SH(&im, SEC_SYMTAB)->sh_size += 4;
	REFUSED(im.len, "symbol table (section 3): sh_size 0x64 is not a whole number of "
		"16-byte symbols");
}

static void test_symtab_outside_file(void **state)
{
	(void)state;
	const char *why = "symbol table (section 3): sh_offset 0x%x + sh_size 0x%x runs past "
			  "the end of the file (0x%x bytes)";

	build_default(&im);
	SH(&im, SEC_SYMTAB)->sh_size = 0xfffffff0;
	REFUSED(im.len, why, im.symoff, 0xfffffff0, im.len);
	build_default(&im);
	SH(&im, SEC_SYMTAB)->sh_offset = 0xfffffff0;	/* offset + size wraps */
	REFUSED(im.len, why, 0xfffffff0, 0x60, im.len);
}

static void test_symtab_link(void **state)
{
	(void)state;
	build_default(&im);
	SH(&im, SEC_SYMTAB)->sh_link = SEC_NR;
	REFUSED(im.len, "symbol table (section 3): sh_link 6 is not a section (e_shnum 6)");
	SH(&im, SEC_SYMTAB)->sh_link = SEC_TEXT;
	REFUSED(im.len, "symbol table (section 3): sh_link 1 is a section of type 1, not a "
		"string table (SHT_STRTAB, 3)");
	SH(&im, SEC_SYMTAB)->sh_link = 0;
	REFUSED(im.len, "symbol table (section 3): sh_link 0 is a section of type 0, not a "
		"string table (SHT_STRTAB, 3)");
}

static void test_strtab_outside_file(void **state)
{
	(void)state;
	const char *why = "string table (section 4): sh_offset 0x%x + sh_size 0x%x runs past "
			  "the end of the file (0x%x bytes)";

	build_default(&im);
	SH(&im, SEC_STRTAB)->sh_offset = im.len;
	SH(&im, SEC_STRTAB)->sh_size = 1;
	REFUSED(im.len, why, im.len, 1, im.len);
	build_default(&im);
	SH(&im, SEC_STRTAB)->sh_size = 0xffffffff;	/* offset + size wraps */
	REFUSED(im.len, why, SH(&im, SEC_STRTAB)->sh_offset, 0xffffffff, im.len);
}

/* ---- mapping symbols ------------------------------------------------------------ */

static const char no_mapsyms[] = "no $a/$t/$d mapping symbols in the code: cannot tell code "
				 "from data";

static void test_no_mapping_symbols(void **state)
{
	(void)state;
	/* only _start, and a $d in a non-executable section */
	build_code(&im, text_mixed, N(text_mixed), NULL, 0);
	REFUSED_LATE(im.len, no_mapsyms);
	/* .text no longer executable: its $a/$d no longer count */
	build_default(&im);
	SH(&im, SEC_TEXT)->sh_flags = SHF_ALLOC;
	REFUSED_LATE(im.len, no_mapsyms);
}

/* Names not wholly inside the string table do not count, and st_name near
 * 2^32 must not wrap the bounds check into a wild read. */
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
		REFUSED_LATE(im.len, no_mapsyms);
	}
}

static void test_mapping_symbol_bad_section(void **state)
{
	(void)state;
	build_default(&im);
	SYM(&im, 1)->st_shndx = 200;
	REFUSED_LATE(im.len, "mapping symbol $a (symbol 1): st_shndx 200 is not a section "
		     "(e_shnum 6)");
}

/* An address outside its own section would make the loader rewrite (or
 * spare) words of whatever lies there. */
static void test_mapping_symbol_outside_section(void **state)
{
	(void)state;
	const char *why = "mapping symbol $a (symbol %u) at 0x%08x is outside its section 1 "
			  "(0x40000000-0x40000027)";

	build_default(&im);
	SYM(&im, 1)->st_value = RAM_BASE + 0x1000;
	REFUSED_LATE(im.len, why, 1, RAM_BASE + 0x1000);
	build_default(&im);
	SYM(&im, 3)->st_value = RAM_BASE - 4;
	REFUSED_LATE(im.len, why, 3, RAM_BASE - 4);
}

static void test_section_wraps(void **state)
{
	(void)state;
	build_default(&im);
	SH(&im, SEC_TEXT)->sh_size = 0xfffffff0;
	REFUSED_LATE(im.len, "section 1 (0xfffffff0 bytes at 0x40000000) wraps past 0xffffffff");
}

/* Code the symbols mark but the segments do not load: .text longer than
 * the file data of its segment (the rest would be .bss). */
static void test_code_not_loaded(void **state)
{
	(void)state;
	build_default(&im);
	PH(&im, 0)->p_filesz = 0x10;
	REFUSED_LATE(im.len, "$a code at 0x40000010 (mapping symbol 1) is in no segment's "
		     "file data");
	BUILD(text_thumb, syms_thumb);
	PH(&im, 0)->p_filesz = 4;
	REFUSED_LATE(im.len, "$t code at 0x40000004 (mapping symbol 1) is in no segment's "
		     "file data");
}

/* ---- accepted on purpose --------------------------------------------------------- */

/* SHN_ABS (or any reserved index) is no section: such a symbol marks no
 * code and is ignored, like those of non-executable sections. */
static void test_absolute_mapping_symbol_ignored(void **state)
{
	(void)state;
	build_default(&im);
	SYM(&im, 1)->st_shndx = 0xfff1;			/* the $a at .text+0 */
	SYM(&im, 1)->st_value = 0x10;
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 1);			/* only the $a at +0x20 */
	assert_int_equal(ram_word(RAM_BASE), MRS_R0_CPSR);
	assert_int_equal(rt.e[0].addr, RAM_BASE + 0x20);
}

/* At its section's very end a mapping symbol marks an empty region. */
static void test_mapping_symbol_at_section_end(void **state)
{
	(void)state;
	build_default(&im);
	SYM(&im, 3)->st_value = RAM_BASE + 0x28;	/* the second $a */
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 3);			/* the $d now runs to the end */
	assert_int_equal(ram_word(RAM_BASE + 0x20), SUBS_PC_LR_4);
}

/* Two mapping symbols at one address: the later in the symbol table
 * counts, whatever qsort does (the linker lists each input file's symbols
 * in link order, so the later one starts the next file's code). */
static void test_mapping_symbols_same_address(void **state)
{
	(void)state;
	static const struct msym d_then_a[] = { { "$d", 0 }, { "$a", 0 }, { "$d", 0x18 },
						{ "$a", 0x20 } };
	static const struct msym a_then_d[] = { { "$a", 0 }, { "$d", 0 }, { "$d", 0x18 },
						{ "$a", 0x20 } };

	BUILD(text_mixed, d_then_a);
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 4);
	assert_int_equal(ram_word(RAM_BASE), a32_udf(0));
	ram_refill();
	BUILD(text_mixed, a_then_d);
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 1);
	assert_int_equal(ram_word(RAM_BASE), MRS_R0_CPSR);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, loader_setup, loader_teardown)
	const struct CMUnitTest tests[] = {
		T(test_no_sections),
		T(test_shentsize),
		T(test_shdrs_misaligned),
		T(test_shdrs_outside_file),
		T(test_no_symtab),
		T(test_symtab_shape),
		T(test_symtab_outside_file),
		T(test_symtab_link),
		T(test_strtab_outside_file),
		T(test_no_mapping_symbols),
		T(test_symbol_name_out_of_range),
		T(test_mapping_symbol_bad_section),
		T(test_mapping_symbol_outside_section),
		T(test_section_wraps),
		T(test_code_not_loaded),
		T(test_absolute_mapping_symbol_ignored),
		T(test_mapping_symbol_at_section_end),
		T(test_mapping_symbols_same_address),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
