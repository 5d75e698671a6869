/*
 * misc: WFE/WFI, VFP, Thumb-2 and interworking, newlib (printf, malloc,
 * strings), a CRC-32 self-check, the UART's ID registers, the counter.
 */
#include <stdlib.h>
#include <string.h>
#include "tests.h"

uint32_t thumb_sumsq(uint32_t n), thumb_bits(uint32_t x);
uint32_t thumb_apply(uint32_t (*fn)(uint32_t), uint32_t x);
uint32_t vfp_reg(int which);
void vfp_set_fpscr(uint32_t v), vfp_compute(void);

static void wait_for_event(void)
{
	uint32_t v = 0x5a;

	/* SEV first: the event register is set, so WFE returns at once */
	__asm__ volatile("sev\n\twfe" ::: "memory");
	printf("misc: SEV; WFE returned\n");
	__asm__ volatile("msr cpsr_f, #0x40000000\n\t"	/* Z */
			 "wfine\n\t"			/* condition fails: no wait */
			 "wfene\n\t"
			 "moveq %0, #0xa5"
			 : "+r"(v) :: "cc", "memory");
	printf("misc: Z set, WFINE and WFENE skipped, then MOVEQ: 0x%02lx\n", HEX(v));
}

static void vfp(void)
{
	const void *at;

	catch_on();
	at = AT_INSN(0x00000000, ".fpu vfpv3-d16\n\tvmrs r0, fpscr");
	catch_report("misc: VMRS FPSCR with CPACR.cp10/11 = 0", at, 0);
	cp15_write(CPACR, cp15_read(CPACR) | (0xfu << 20));
	isb();
	printf("misc: CPACR 0x%08lx\n", HEX(cp15_read(CPACR)));
	at = AT_INSN(0x00000000, ".fpu vfpv3-d16\n\tvmrs r0, fpscr");
	catch_report("misc: VMRS FPSCR with FPEXC.EN = 0", at, 0);
	printf("misc: FPEXC 0x%08lx\n", HEX(vfp_reg(3)));
	__asm__ volatile(".fpu vfpv3-d16\n\tvmsr fpexc, %0" :: "r"(0x40000000u));
	isb();
	printf("misc: FPEXC 0x%08lx after VMSR\n", HEX(vfp_reg(3)));
	catch_report("misc: VFP enabled", NULL, 0);
	catch_off();

	printf("misc: FPSID 0x%08lx MVFR0 0x%08lx MVFR1 0x%08lx\n",
	       HEX(vfp_reg(0)), HEX(vfp_reg(1)), HEX(vfp_reg(2)));
	vfp_set_fpscr(0);
	vfp_compute();
	printf("misc: FPSCR 0x%08lx\n", HEX(vfp_reg(4)));
}

/* An A32 function Thumb code calls back */
static uint32_t __attribute__((noinline)) arm_triple(uint32_t x)
{
	return 3 * x;
}

/* Compiled as Thumb-2 by the attribute: FNV-1a over the bytes of n words */
static uint32_t __attribute__((target("thumb"), noinline)) thumb_fnv(const uint32_t *w, int n)
{
	uint32_t h = 2166136261u;

	for (int i = 0; i < n; i++)
		for (int b = 0; b < 32; b += 8)
			h = (h ^ ((w[i] >> b) & 0xff)) * 16777619u;
	return h;
}

static void thumb(void)
{
	static const uint32_t words[4] = { 0x01234567, 0x89abcdef, 0xdeadbeef, 0x0badf00d };
	uint32_t (*fnv)(const uint32_t *, int) = thumb_fnv;

	printf("misc: Thumb sumsq(10) = %lu\n", HEX(thumb_sumsq(10)));
	printf("misc: Thumb bits(0x00f0a5c3) = 0x%08lx\n", HEX(thumb_bits(0x00f0a5c3)));
	printf("misc: Thumb apply(arm_triple, 14) = %lu\n", HEX(thumb_apply(arm_triple, 14)));
	printf("misc: C Thumb function at odd address: %s, FNV-1a 0x%08lx\n",
	       ((uint32_t)fnv & 1) ? "yes" : "no", HEX(fnv(words, 4)));
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void newlib(void)
{
	char buf[96], *p, *q;
	int v[8] = { 42, -7, 19, 0, 1000, -300, 5, 19 };
	long sum = 0;

	snprintf(buf, sizeof buf, "[%d|%5u|%-6s|%08x|%c|%lld|%.3f|%e]", -12345, 77u, "ab",
		 0xbeefu, 'Z', -1234567890123ll, 3.14159, 6.02214076e23);
	printf("misc: snprintf %s\n", buf);
	printf("misc: snprintf truncates to %d chars of %d\n",
	       (int)strlen((snprintf(buf, 8, "%s", "0123456789abcdef"), buf)),
	       snprintf(NULL, 0, "%s", "0123456789abcdef"));

	p = malloc(1000);
	q = malloc(24);
	if (!p || !q) {
		printf("misc: malloc failed\n");
		return;
	}
	for (int i = 0; i < 1000; i++)
		p[i] = (char)(i * 7);
	p = realloc(p, 5000);
	for (int i = 0; i < 1000; i++)
		sum += (unsigned char)p[i];
	printf("misc: malloc/realloc kept the bytes: sum %ld, 8-byte aligned %s\n", sum,
	       (((uintptr_t)p | (uintptr_t)q) & 7) ? "no" : "yes");
	strcpy(q, "trap");
	strcat(q, "-and-");
	strncat(q, "emulate!!", 7);
	printf("misc: string \"%s\" len %d, strstr \"%s\", strchr \"%s\"\n", q, (int)strlen(q),
	       strstr(q, "and"), strchr(q, 'e'));
	memmove(q + 2, q, 6);
	printf("misc: memmove overlap \"%s\", memcmp %d, strcmp %d\n", q,
	       memcmp("abc", "abd", 3) < 0 ? -1 : 1, strcmp("zeta", "alpha") > 0 ? 1 : -1);
	free(q);
	free(p);

	qsort(v, 8, sizeof v[0], cmp_int);
	printf("misc: qsort %d %d %d %d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4], v[5],
	       v[6], v[7]);
	printf("misc: strtol 0x7fff -> %ld, \"-0777\" base 8 -> %ld, strtoul 4294967295 -> %lu\n",
	       strtol("0x7fff", NULL, 16), strtol("-0777", NULL, 8),
	       strtoul("4294967295", NULL, 10));
	{
		int a = 0, b = 0;
		char w[8] = "";
		int n = sscanf("17 0x2a word", "%d %i %7s", &a, &b, w);

		printf("misc: sscanf %d fields: %d %d %s\n", n, a, b, w);
	}
}

static uint32_t crc32_bitwise(const uint8_t *p, size_t n)
{
	uint32_t crc = ~0u;

	while (n--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

static uint32_t crc32_table(const uint8_t *p, size_t n)
{
	static uint32_t table[256];
	uint32_t crc = ~0u;

	if (!table[1])
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = (c >> 1) ^ (0xedb88320u & -(c & 1));
			table[i] = c;
		}
	while (n--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static void crc(void)
{
	static uint8_t data[16384];
	uint32_t x = 12345, a, b;

	for (size_t i = 0; i < sizeof data; i++) {
		x = x * 1103515245u + 12345u;	/* LCG: the same bytes on every run */
		data[i] = x >> 16;
	}
	a = crc32_bitwise(data, sizeof data);
	b = crc32_table(data, sizeof data);
	printf("misc: CRC-32 \"123456789\" 0x%08lx (expect 0xcbf43926)\n",
	       HEX(crc32_table((const uint8_t *)"123456789", 9)));
	printf("misc: CRC-32 of 16 KiB: bitwise 0x%08lx, table 0x%08lx, %s\n", HEX(a), HEX(b),
	       a == b ? "agree" : "DIFFER");
}

static void uart_ids(void)
{
	volatile const uint32_t *id = (volatile const uint32_t *)0x09000fe0;
	uint32_t periph = 0, cell = 0;

	for (int i = 0; i < 4; i++) {
		periph |= (id[i] & 0xff) << (8 * i);
		cell |= (id[4 + i] & 0xff) << (8 * i);
	}
	printf("misc: PL011 PeriphID 0x%08lx, PCellID 0x%08lx\n", HEX(periph), HEX(cell));
}

static uint64_t cntvct(void)
{
	uint32_t lo, hi;

	__asm__ volatile("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi) :: "memory");
	return (uint64_t)hi << 32 | lo;
}

static void counter(void)
{
	uint64_t t0 = cntvct(), t1;
	volatile uint32_t spin = 0;

	for (int i = 0; i < 100000; i++)
		spin += i;
	t1 = cntvct();
	printf("misc: CNTVCT advances: %s\n", t1 > t0 ? "yes" : "no");
}

int main(void)
{
	printf("misc: start\n");
	wait_for_event();
	vfp();
	thumb();
	newlib();
	crc();
	uart_ids();
	counter();
	printf("misc: done\n");
	return 0;
}
