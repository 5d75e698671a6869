/* The mmu test guest's probes: see mmu.h. */
#include "mmu.h"

volatile uint32_t *table(uint32_t pa)
{
	return (volatile uint32_t *)pa;
}

void set_l1(uint32_t l1, uint32_t va, uint32_t desc)
{
	table(l1)[va >> 20] = desc;
}

void map(uint32_t va, uint32_t pa, uint32_t attrs)
{
	set_l1(L1_MAIN, va, (pa & 0xfff00000u) | L1_SECT | attrs);
}

/* After any change to a descriptor, TTBCR or SCTLR: nothing stale is used */
void tlb_flush(void)
{
	dsb();
	cp15_write(TLBIALL, 0);
	dsb();
	isb();
}

void set_domain(uint32_t d, uint32_t access)
{
	uint32_t dacr = cp15_read(DACR) & ~(3u << (2 * d));

	cp15_write(DACR, dacr | (access << (2 * d)));
	isb();
}

uint32_t load(uint32_t va)
{
	uint32_t v;

	__asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(va) : "memory");
	return v;
}

void store(uint32_t va, uint32_t v)
{
	__asm__ volatile("str %0, [%1]" :: "r"(v), "r"(va) : "memory");
}

/*
 * Ends the line with the exception the access took, if any: its kind, the
 * fault status and address registers and the mode it was taken from.
 */
int fault(void)
{
	const volatile struct catch_rec *r = &catch_log[0];
	int data = r->kind == EXC_DABT;

	if (catch_count == 0)
		return 0;
	printf(" -> %s, %s 0x%03lx, %s 0x%08lx, from mode 0x%02lx", exc_name(r->kind),
	       data ? "DFSR" : "IFSR", HEX(r->fsr), data ? "DFAR" : "IFAR", HEX(r->far),
	       HEX(r->spsr & PSR_MODE_MASK));
	if (catch_count > 1)
		printf(" (%lu exceptions)", HEX(catch_count));
	printf("\n");
	catch_clear();
	return 1;
}

/* One line: a load of va by `how` ("" or "User "), the value or the abort */
static void read_by(const char *what, const char *how, uint32_t (*ld)(uint32_t), uint32_t va)
{
	uint32_t v;

	catch_clear();
	v = ld(va);
	printf("mmu: %s: %sLDR [0x%08lx]", what, how, HEX(va));
	if (!fault())
		printf(" = 0x%08lx\n", HEX(v));
}

static void write_by(const char *what, const char *how, void (*st)(uint32_t, uint32_t),
		     uint32_t va, uint32_t v)
{
	catch_clear();
	st(va, v);
	printf("mmu: %s: %sSTR 0x%08lx to [0x%08lx]", what, how, HEX(v), HEX(va));
	if (!fault())
		printf(" ok\n");
}

void rd(const char *what, uint32_t va) { read_by(what, "", load, va); }
void wr(const char *what, uint32_t va, uint32_t v) { write_by(what, "", store, va, v); }
void user_rd(const char *what, uint32_t va) { read_by(what, "User ", mmu_user_ldr, va); }
void user_wr(const char *what, uint32_t va, uint32_t v) { write_by(what, "User ", mmu_user_str, va, v); }

void call(const char *what, uint32_t va)
{
	uint32_t back;

	catch_clear();
	back = mmu_call(va);
	printf("mmu: %s: BLX 0x%08lx", what, HEX(va));
	if (!fault())
		printf(back ? " returned\n" : " did not return\n");
}
