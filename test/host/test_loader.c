/*
 * The guest image loader (hyp/loader.c): well-formed images are copied,
 * zeroed and rewritten exactly where the mapping symbols say, A32 and
 * T32.  Images come
 * from the ELF writer in loader_harness.c; malformed ones, refused with a
 * reason, are in test_loader_bad.c and test_loader_syms.c, the mutation
 * fuzz test in test_loader_fuzz.c.
 */
#include "test/host/loader_harness.h"
#include "arch/arm/fastpath.h"

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

/* A sensitive T32 instruction becomes a UDF of its own size, recorded as
 * a T32 entry (no longer refused, as before T32 emulation). */
static void test_thumb_rewritten(void **state)
{
	(void)state;
	static const struct msym syms[] = { { "$a", 0 }, { "$t", 4 }, { "$a", 12 } };
	static const uint32_t text16[] = { NOP, T_NOP_BX, T_CPSID_NOP, BX_LR };
	static const uint32_t text32[] = { NOP, T_NOP_BX, T2(0xf3ef, 0x8000), BX_LR };
	/*                                         mrs r0, cpsr ^^^ */

	BUILD(text16, syms);
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 1);
	assert_int_equal(rt.e[0].addr, RAM_BASE + 8);
	assert_int_equal(rt.e[0].orig, 0xb672);
	assert_int_equal(rt.e[0].kind, REWRITE_T16);
	assert_int_equal(rt.e[0].fast, FAST_NONE);
	assert_int_equal(ram_word(RAM_BASE + 8), T2(0xde00, 0xbf00));	/* udf #0; nop */
	assert_int_equal(ram_word(RAM_BASE + 4), T_NOP_BX);

	ram_refill();
	BUILD(text32, syms);
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 1);
	assert_int_equal(rt.e[0].orig, 0xf3ef8000);
	assert_int_equal(rt.e[0].kind, REWRITE_T32);
	assert_int_equal(ram_word(RAM_BASE + 8), T2(0xf7f0, 0xa000));	/* udf.w #0 */
}

/*
 * Thumb as compilers lay it out: instructions at any halfword, a 32-bit
 * one across a word boundary, an IT block, literals under $d (which look
 * like CPSID and MRS, and stay), then A32.  Entries in address order,
 * numbered across both instruction sets.
 */
static void test_thumb_mixed(void **state)
{
	(void)state;
	static const uint32_t text[] = {
		T2(0xbf08, 0xf3ef),	/* 0x00 $t: it eq; mrseq r1, cpsr (hw1) */
		T2(0x8100, 0xb662),	/* 0x04 (hw2); cpsie i */
		T2(0xf3af, 0x8003),	/* 0x08 wfi.w */
		T2(0x4770, 0xbf00),	/* 0x0c bx lr; nop */
		T2(0xb672, 0xb672),	/* 0x10 $d */
		T2(0xf3ef, 0x8000),	/* 0x14 */
		MRS_R0_CPSR, BX_LR,	/* 0x18 $a */
	};
	static const struct msym syms[] = { { "$t", 0 }, { "$d", 0x10 }, { "$a", 0x18 } };
	static const struct { uint32_t off, orig, kind; } want[] = {
		{ 0x02, 0xf3ef8100, REWRITE_T32 }, { 0x06, 0xb662, REWRITE_T16 },
		{ 0x08, 0xf3af8003, REWRITE_T32 }, { 0x18, MRS_R0_CPSR, REWRITE_A32 },
	};

	BUILD(text, syms);
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 4);
	for (unsigned i = 0; i < 4; i++) {
		assert_int_equal(rt.e[i].addr, RAM_BASE + want[i].off);
		assert_int_equal(rt.e[i].orig, want[i].orig);
		assert_int_equal(rt.e[i].kind, want[i].kind);
	}
	assert_int_equal(rt.e[3].fast, fast_kind(MRS_R0_CPSR));
	assert_int_equal(ram_word(RAM_BASE + 0x00), T2(0xbf08, 0xf7f0));	/* udf.w #0 */
	assert_int_equal(ram_word(RAM_BASE + 0x04), T2(0xa000, 0xde01));	/* udf #1 */
	assert_int_equal(ram_word(RAM_BASE + 0x08), T2(0xf7f0, 0xa002));	/* udf.w #2 */
	assert_int_equal(ram_word(RAM_BASE + 0x0c), T2(0x4770, 0xbf00));
	assert_int_equal(ram_word(RAM_BASE + 0x10), T2(0xb672, 0xb672));
	assert_int_equal(ram_word(RAM_BASE + 0x14), T2(0xf3ef, 0x8000));
	assert_int_equal(ram_word(RAM_BASE + 0x18), a32_udf(3));
	assert_int_equal(rt.code_lo, RAM_BASE);
	assert_int_equal(rt.code_hi, RAM_BASE + 0x20);
}

/* A 32-bit instruction's first halfword as the last of a $t region is no
 * instruction (what follows is data): left, whatever hw2 would make it. */
static void test_thumb_cut_short(void **state)
{
	(void)state;
	static const uint32_t text[] = { T2(0xbf00, 0xf3ef), T2(0x8000, 0x0000), BX_LR };
	static const struct msym syms[] = { { "$t", 0 }, { "$d", 4 }, { "$a", 8 } };

	BUILD(text, syms);
	assert_int_equal(load(&im), 0);
	assert_int_equal(rt.count, 0);
	assert_int_equal(ram_word(RAM_BASE + 0), T2(0xbf00, 0xf3ef));
	assert_int_equal(ram_word(RAM_BASE + 4), T2(0x8000, 0x0000));
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
	static const uint32_t text[] = { T2(0xb672, 0xbf30), BX_LR };	/* cpsid i; wfi */
	static const struct msym syms[] = { { "$t", 0 }, { "$a", 4 } };

	build_default(&im);
	rt.cap = 2;
	assert_refused(load(&im), "more than 2 sensitive");
	assert_true(rt.count <= 2);
	ram_refill();
	BUILD(text, syms);
	rt.cap = 1;
	assert_refused(load(&im), "more than 1 sensitive");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, loader_setup, loader_teardown)
	const struct CMUnitTest tests[] = {
		T(test_load_copies_rewrites_and_zeroes),
		T(test_paddr_differs_from_vaddr),
		T(test_before_first_mapping_symbol),
		T(test_mapping_symbol_names),
		T(test_thumb_rewritten),
		T(test_thumb_mixed),
		T(test_thumb_cut_short),
		T(test_thumb_clean_loads),
		T(test_rewrite_table_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
