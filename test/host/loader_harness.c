/* The ELF32 writer and the loading harness of the loader tests: see
 * loader_harness.h. */
#include "test/host/loader_harness.h"

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

void build(struct img *im, const struct spec *s)
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

/* ---- loading ---------------------------------------------------------------- */

uint8_t *ram_host;
struct guest_ram ram;
static struct rewrite_entry ents[RT_CAP];
struct rewrite_table rt;
char err[256];
uint32_t entry;

int loader_setup(void **state)
{
	(void)state;
	ram_host = malloc(RAM_SIZE);
	assert_non_null(ram_host);
	memset(ram_host, RAM_FILL, RAM_SIZE);
	ram = (struct guest_ram){ RAM_BASE, RAM_SIZE, ram_host };
	rt = (struct rewrite_table){ .e = ents, .cap = RT_CAP };
	err[0] = 0;
	entry = 0;
	return 0;
}

int loader_teardown(void **state)
{
	(void)state;
	free(ram_host);
	return 0;
}

int load_n(const uint8_t *p, uint32_t len)
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

int load(const struct img *im)
{
	return load_n(im->b, im->len);
}

void refused(uint32_t len, bool untouched, const char *fmt, ...)
{
	char want[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(want, sizeof(want), fmt, ap);
	va_end(ap);
	assert_int_equal(load_n(im.b, len), -1);
	assert_string_equal(err, want);
	if (!untouched)
		return;
	assert_int_equal(rt.count, 0);
	for (uint32_t i = 0; i < RAM_SIZE; i++)
		if (ram_host[i] != RAM_FILL)
			fail_msg("refused, but RAM at 0x%08x was written", RAM_BASE + i);
}

void ram_refill(void)
{
	memset(ram_host, RAM_FILL, RAM_SIZE);
	rt.count = 0;
}

uint32_t ram_word(uint32_t pa)
{
	uint32_t w;

	assert_true(pa >= RAM_BASE && pa - RAM_BASE + 4 <= RAM_SIZE);
	memcpy(&w, ram_host + (pa - RAM_BASE), 4);
	return w;
}

const uint32_t text_mixed[10] = {
	MRS_R0_CPSR, NOP, CPSID_I, MOV_R0_0,	/* 0x00 $a */
	LDR_R0_PC, WFI,				/* 0x10 */
	MRS_R0_CPSR, WFI,			/* 0x18 $d: literals that look like code */
	SUBS_PC_LR_4, BX_LR,			/* 0x20 $a */
};
const struct msym syms_mixed[3] = { { "$a", 0 }, { "$d", 0x18 }, { "$a", 0x20 } };

void default_spec(struct spec *s)
{
	*s = (struct spec){ text_mixed, 10, RAM_BASE, RAM_BASE, syms_mixed, 3, 16, 80,
			    RAM_BASE };
}

void build_default(struct img *im)
{
	struct spec s;

	default_spec(&s);
	build(im, &s);
}

void build_code(struct img *im, const uint32_t *text, unsigned n,
		const struct msym *syms, unsigned nsyms)
{
	struct spec s;

	default_spec(&s);
	s.text = text, s.nwords = n, s.syms = syms, s.nsyms = nsyms;
	build(im, &s);
}
struct img im;

const uint32_t text_thumb[5] = { T_NOP_BX, T_BL, T2(0xbf30, 0xbf30), WFI, BX_LR };
const struct msym syms_thumb[3] = { { "$t", 0 }, { "$d", 8 }, { "$a", 12 } };
