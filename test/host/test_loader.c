/*
 * The guest image loader (hyp/loader.c): well-formed images are copied,
 * zeroed and rewritten exactly where the mapping symbols say.  Images come
 * from the ELF writer in loader_harness.c; malformed ones, refused with a
 * reason, are in test_loader_bad.c and test_loader_syms.c, the mutation
 * fuzz test in test_loader_fuzz.c.
 */
#include "test/host/loader_harness.h"

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
	/* the code span run-time rescans leave alone: all of it, $d included */
	assert_int_equal(rt.code_lo, RAM_BASE);
	assert_int_equal(rt.code_hi, RAM_BASE + 0x28);

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
	assert_int_equal(rt.code_lo, RAM_BASE + 0x8000);		/* physical */
	assert_int_equal(rt.code_hi, RAM_BASE + 0x8028);
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

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, loader_setup, loader_teardown)
	const struct CMUnitTest tests[] = {
		T(test_load_copies_rewrites_and_zeroes),
		T(test_paddr_differs_from_vaddr),
		T(test_before_first_mapping_symbol),
		T(test_mapping_symbol_names),
		T(test_thumb_sensitive_refused),
		T(test_thumb_clean_loads),
		T(test_rewrite_table_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
