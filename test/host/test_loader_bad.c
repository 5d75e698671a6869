/*
 * Malformed guest images, one kind per test: the harness's image
 * (loader_harness.c) with one field broken, and the exact reason elf_load()
 * must give.  Refusals of the headers, segments and entry come before
 * anything is copied, so RAM must be as it was.  Sections and symbols:
 * test_loader_syms.c.  docs/ROBUSTNESS.md tabulates these.
 *
 * Image layout (default): program headers at 0x34 (2), .text at 0x100 in
 * segment 0 (RAM_BASE, 0x28 bytes), .data at 0x128 in segment 1 (DATA_PA,
 * 0x10 bytes of file, 0x50 in memory), then symbols, strings, sections.
 */
#include "test/host/loader_harness.h"

/* ---- the ELF header --------------------------------------------------------- */

static void test_not_elf(void **state)
{
	(void)state;
	build_default(&im);
	REFUSED(0, "not an ELF file: 0 bytes, fewer than the 4 of the ELF magic");
	REFUSED(3, "not an ELF file: 3 bytes, fewer than the 4 of the ELF magic");
	im.b[1] = 'X';
	REFUSED(im.len, "not an ELF file: it starts 7f 58 4c 46, not with the ELF magic "
		"7f 45 4c 46");
}

static void test_header_truncated(void **state)
{
	(void)state;
	build_default(&im);
	REFUSED(4, "truncated ELF header: the file is 4 bytes, an ELF32 header 52");
	REFUSED(51, "truncated ELF header: the file is 51 bytes, an ELF32 header 52");
}

static void test_class(void **state)
{
	(void)state;
	build_default(&im);
	im.b[EI_CLASS] = ELFCLASS64;
	REFUSED(im.len, "EI_CLASS 2 (ELFCLASS64), not ELFCLASS32 (1): guests are 32-bit");
	im.b[EI_CLASS] = 0;
	REFUSED(im.len, "EI_CLASS 0 (invalid), not ELFCLASS32 (1): guests are 32-bit");
}

static void test_big_endian(void **state)
{
	(void)state;
	build_default(&im);
	im.b[EI_DATA] = ELFDATA2MSB;
	REFUSED(im.len, "EI_DATA 2 (big-endian), not ELFDATA2LSB (1): guests are "
		"little-endian");
}

static void test_version(void **state)
{
	(void)state;
	build_default(&im);
	im.b[EI_VERSION] = 0;
	REFUSED(im.len, "EI_VERSION 0, not EV_CURRENT (1)");
	build_default(&im);
	EH(&im)->e_version = 2;
	REFUSED(im.len, "e_version 2, not EV_CURRENT (1)");
}

static void test_machine(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_machine = 62;
	REFUSED(im.len, "e_machine 62 (x86-64), not EM_ARM (40): not a 32-bit ARM image");
	EH(&im)->e_machine = 183;
	REFUSED(im.len, "e_machine 183 (AArch64), not EM_ARM (40): not a 32-bit ARM image");
	EH(&im)->e_machine = 1234;
	REFUSED(im.len, "e_machine 1234, not EM_ARM (40): not a 32-bit ARM image");
}

static void test_type(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_type = 3;
	REFUSED(im.len, "e_type 3 (ET_DYN, a shared object or PIE), not ET_EXEC (2): only "
		"executables linked at fixed addresses are loaded");
	EH(&im)->e_type = 1;
	REFUSED(im.len, "e_type 1 (ET_REL, an object file), not ET_EXEC (2): only "
		"executables linked at fixed addresses are loaded");
}

static void test_header_sizes(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_ehsize = 64;				/* ELF64's */
	REFUSED(im.len, "e_ehsize 64, not 52 (the size of an ELF32 header)");
	build_default(&im);
	EH(&im)->e_phentsize = 56;			/* ELF64's */
	REFUSED(im.len, "e_phentsize 56, not 32 (the size of an ELF32 program header)");
}

/* ---- the program header table -------------------------------------------------- */

static void test_phnum_zero(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_phnum = 0;
	REFUSED(im.len, "e_phnum 0: no program headers, nothing to load");
}

static void test_phdrs_misaligned(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_phoff = im.phoff + 2;
	REFUSED(im.len, "e_phoff 0x%x is not a multiple of 4", im.phoff + 2);
}

static void test_phdrs_outside_file(void **state)
{
	(void)state;
	const char *why = "program header table (e_phoff 0x%x, e_phnum %u x 32 bytes) runs "
			  "past the end of the file (0x%x bytes)";

	build_default(&im);
	REFUSED(im.phoff + 40, why, im.phoff, 2, im.phoff + 40);	/* cut inside it */
	EH(&im)->e_phnum = 1000;
	REFUSED(im.len, why, im.phoff, 1000, im.len);
	EH(&im)->e_phnum = 2;
	EH(&im)->e_phoff = 0xfffffff0;			/* offset + size wraps */
	REFUSED(im.len, why, 0xfffffff0, 2, im.len);
}

/* ---- segments ---------------------------------------------------------------------- */

static void test_no_load_segment(void **state)
{
	(void)state;
	const char *why = "no PT_LOAD segment with contents (e_phnum 2): nothing to load";

	build_default(&im);
	PH(&im, 0)->p_type = 0;				/* PT_NULL */
	PH(&im, 1)->p_type = 6;				/* PT_PHDR */
	REFUSED(im.len, why);
	build_default(&im);				/* PT_LOADs of nothing */
	PH(&im, 0)->p_filesz = PH(&im, 0)->p_memsz = 0;
	PH(&im, 1)->p_filesz = PH(&im, 1)->p_memsz = 0;
	REFUSED(im.len, why);
}

/* p_memsz 0 with file bytes is not "empty": it would put code in RAM that
 * no RAM check covered. */
static void test_filesz_over_memsz(void **state)
{
	(void)state;
	build_default(&im);
	PH(&im, 1)->p_filesz = 0x54;
	REFUSED(im.len, "segment 1: p_filesz 0x54 is larger than p_memsz 0x50");
	build_default(&im);
	PH(&im, 0)->p_memsz = 0;
	PH(&im, 0)->p_paddr = 0x10000000;
	REFUSED(im.len, "segment 0: p_filesz 0x28 is larger than p_memsz 0x0");
}

static void test_segment_outside_file(void **state)
{
	(void)state;
	const char *why = "segment %u: p_offset 0x%x + p_filesz 0x%x runs past the end of "
			  "the file (0x%x bytes)";

	build_default(&im);
	REFUSED(im.text_off + 8, why, 0, im.text_off, 0x28, im.text_off + 8);	/* cut */
	PH(&im, 0)->p_offset = im.len - 4;
	REFUSED(im.len, why, 0, im.len - 4, 0x28, im.len);
	build_default(&im);
	PH(&im, 1)->p_offset = 0xfffffffc;		/* offset + size wraps */
	REFUSED(im.len, why, 1, 0xfffffffc, 0x10, im.len);
	build_default(&im);
	PH(&im, 1)->p_filesz = PH(&im, 1)->p_memsz = 0xfffff000;
	REFUSED(im.len, why, 1, im.data_off, 0xfffff000, im.len);
}

/* Sizes that wrap 32-bit address arithmetic are refused as such, before a
 * RAM check could be fooled by the wrapped end. */
static void test_segment_wraps(void **state)
{
	(void)state;
	build_default(&im);
	PH(&im, 1)->p_memsz = 0xfffffff0;
	REFUSED(im.len, "segment 1: p_paddr 0x%08x + p_memsz 0xfffffff0 wraps past 0xffffffff",
		DATA_PA);
	build_default(&im);
	PH(&im, 0)->p_vaddr = 0xfffffff0;
	REFUSED(im.len, "segment 0: p_vaddr 0xfffffff0 + p_memsz 0x28 wraps past 0xffffffff");
}

static void test_segment_misaligned(void **state)
{
	(void)state;
	build_default(&im);
	PH(&im, 0)->p_paddr = RAM_BASE + 2;
	REFUSED(im.len, "segment 0: p_vaddr 0x40000000 and p_paddr 0x40000002 differ by a "
		"non-multiple of 4, so its code would be misaligned in RAM");
}

static void test_segment_outside_ram(void **state)
{
	(void)state;
	const char *why = "segment %u at 0x%08x-0x%08x %s RAM 0x40000000-0x4003ffff";

	build_default(&im);
	PH(&im, 0)->p_paddr = 0x10000000;		/* wholly below */
	REFUSED(im.len, why, 0, 0x10000000, 0x10000027, "is outside");
	build_default(&im);
	PH(&im, 0)->p_paddr = RAM_BASE - 0x10;		/* partly below */
	REFUSED(im.len, why, 0, RAM_BASE - 0x10, RAM_BASE + 0x17, "starts below");
	build_default(&im);
	PH(&im, 1)->p_paddr = RAM_BASE + RAM_SIZE;	/* wholly above */
	REFUSED(im.len, why, 1, RAM_BASE + RAM_SIZE, RAM_BASE + RAM_SIZE + 0x4f, "is outside");
	build_default(&im);
	PH(&im, 1)->p_paddr = RAM_BASE + RAM_SIZE - 0x10; /* partly above */
	REFUSED(im.len, why, 1, RAM_BASE + RAM_SIZE - 0x10, RAM_BASE + RAM_SIZE + 0x3f,
		"runs past the end of");
	build_default(&im);
	PH(&im, 1)->p_memsz = 0x80000000;		/* huge, but no wrap */
	REFUSED(im.len, why, 1, DATA_PA, DATA_PA + 0x7fffffff, "runs past the end of");
}

static void test_segments_overlap(void **state)
{
	(void)state;
	build_default(&im);
	PH(&im, 1)->p_paddr = RAM_BASE + 0x20;	/* .data over the end of .text */
	REFUSED(im.len, "segments 0 and 1 overlap in guest-physical memory at "
		"0x40000020-0x40000027");
	build_default(&im);
	PH(&im, 1)->p_vaddr = RAM_BASE + 0x20;	/* in RAM apart, virtually the same */
	REFUSED(im.len, "segments 0 and 1 overlap in virtual addresses at 0x40000020-0x40000027: "
		"the mapping symbols cannot say which holds the code");
}

/* As QEMU: a zero-filled tail that runs into another segment is dropped,
 * not refused (images whose p_paddr are packed load addresses). */
static void test_zero_tail_into_next_segment_loads(void **state)
{
	(void)state;
	build_default(&im);
	PH(&im, 0)->p_memsz = DATA_PA - RAM_BASE + 8;	/* into .data's first bytes */
	assert_int_equal(load(&im), 0);
	assert_int_equal(ram_word(RAM_BASE + 0x24), BX_LR);	/* .text */
	assert_int_equal(ram_host[0x28], RAM_FILL);		/* its tail not zeroed */
	assert_int_equal(ram_host[DATA_PA - RAM_BASE - 1], RAM_FILL);
	assert_int_equal(ram_host[DATA_PA - RAM_BASE], 0x5a);	/* .data as in the file */
	assert_int_equal(ram_host[DATA_PA - RAM_BASE + 0x4f], 0);	/* its .bss zeroed */
	/* a .bss-only segment starting inside another loads nothing at all,
	 * however far past RAM its p_memsz would have reached */
	build_default(&im);
	ram_refill();
	PH(&im, 1)->p_filesz = 0;
	PH(&im, 1)->p_paddr = RAM_BASE + 0x20;
	PH(&im, 1)->p_memsz = 0x80000000;
	assert_int_equal(load(&im), 0);
	assert_int_equal(ram_word(RAM_BASE + 0x24), BX_LR);
	assert_int_equal(ram_host[0x28], RAM_FILL);
}

/* At most LOAD_MAX (16) PT_LOADs: a table of them replaces the image's. */
static void test_too_many_segments(void **state)
{
	(void)state;
	struct elf32_phdr ph[17];
	uint32_t at;

	build_default(&im);
	memcpy(ph, PH(&im, 0), 2 * sizeof(ph[0]));
	for (unsigned i = 2; i < 17; i++)			/* .bss-like, 256 bytes apart */
		ph[i] = (struct elf32_phdr){ PT_LOAD, 0, RAM_BASE + 0x20000 + 0x100 * i,
					     RAM_BASE + 0x20000 + 0x100 * i, 0, 0x10, 6, 4 };
	at = (im.len + 3) & ~3u;
	memcpy(im.b + at, ph, sizeof(ph));
	EH(&im)->e_phoff = at;
	EH(&im)->e_phnum = 16;
	assert_int_equal(load_n(im.b, at + sizeof(ph)), 0);
	ram_refill();
	EH(&im)->e_phnum = 17;
	REFUSED(at + sizeof(ph), "more than 16 PT_LOAD segments");
}

/* ---- the entry point ----------------------------------------------------------- */

static void test_entry_outside_ram(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_entry = 0;
	REFUSED(im.len, "entry point 0x00000000 is outside RAM 0x40000000-0x4003ffff");
	EH(&im)->e_entry = RAM_BASE + RAM_SIZE;
	REFUSED(im.len, "entry point 0x40040000 is outside RAM 0x40000000-0x4003ffff");
}

static void test_entry_misaligned(void **state)
{
	(void)state;
	build_default(&im);
	EH(&im)->e_entry = RAM_BASE + 2;
	REFUSED(im.len, "entry point 0x40000002 is A32 (bit 0 clear) but not a multiple of 4");
	EH(&im)->e_entry = RAM_BASE + 5;			/* Thumb at 0x40000004 */
	assert_int_equal(load(&im), 0);
	assert_int_equal(entry, RAM_BASE + 5);
}

/* In RAM, but not where the image put anything: the guest would run zeroes. */
static void test_entry_not_in_image(void **state)
{
	(void)state;
	const char *why = "entry point 0x%08x is in no segment's file data: the VM would start "
			  "in zeroed RAM";

	build_default(&im);
	EH(&im)->e_entry = RAM_BASE + 0x100;			/* between the segments */
	REFUSED(im.len, why, RAM_BASE + 0x100);
	EH(&im)->e_entry = DATA_PA + 0x20;			/* in .bss */
	REFUSED(im.len, why, DATA_PA + 0x20);
}

/* As QEMU's -kernel: an e_entry inside an executable segment's file data at
 * a p_vaddr other than its p_paddr is virtual, the VM starts at the
 * physical address.  Not for a segment without PF_X. */
static void test_entry_virtual(void **state)
{
	(void)state;
	struct spec s;

	default_spec(&s);
	s.text_va = 0xc0008000;
	s.text_pa = RAM_BASE + 0x8000;
	s.entry = 0xc0008004;
	build(&im, &s);
	assert_int_equal(load(&im), 0);
	assert_int_equal(entry, RAM_BASE + 0x8004);
	ram_refill();
	PH(&im, 0)->p_flags &= ~PF_X;
	REFUSED(im.len, "entry point 0xc0008004 is outside RAM 0x40000000-0x4003ffff");
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, loader_setup, loader_teardown)
	const struct CMUnitTest tests[] = {
		T(test_not_elf),
		T(test_header_truncated),
		T(test_class),
		T(test_big_endian),
		T(test_version),
		T(test_machine),
		T(test_type),
		T(test_header_sizes),
		T(test_phnum_zero),
		T(test_phdrs_misaligned),
		T(test_phdrs_outside_file),
		T(test_no_load_segment),
		T(test_filesz_over_memsz),
		T(test_segment_outside_file),
		T(test_segment_wraps),
		T(test_segment_misaligned),
		T(test_segment_outside_ram),
		T(test_segments_overlap),
		T(test_zero_tail_into_next_segment_loads),
		T(test_too_many_segments),
		T(test_entry_outside_ram),
		T(test_entry_misaligned),
		T(test_entry_not_in_image),
		T(test_entry_virtual),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
