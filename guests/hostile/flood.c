/*
 * flood: prints LINES numbered lines as fast as it can, storing straight
 * into UARTDR without looking at UARTFR (QEMU's PL011 never fills up), then
 * powers off.  Every line says what it must contain: its number and 48
 * letters that follow from the number, so a test can tell a lost, torn,
 * reordered or mixed-up line from the right one.  A VM that floods the
 * console must not lose its own lines nor disturb anyone else's.
 */
#include "tests.h"

#define LINES		20000
#define LETTERS		48
#define UARTDR		(*(volatile uint32_t *)0x09000000u)

static void put(char c)
{
	UARTDR = (uint8_t)c;
}

static void put_dec(uint32_t v, int digits)
{
	char d[10];

	for (int i = digits - 1; i >= 0; i--, v /= 10)
		d[i] = '0' + v % 10;
	for (int i = 0; i < digits; i++)
		put(d[i]);
}

int main(void)
{
	printf("flood: %d lines\n", LINES);
	for (uint32_t n = 1; n <= LINES; n++) {
		const char *p = "flood: ";

		while (*p)
			put(*p++);
		put_dec(n, 5);
		put(' ');
		for (uint32_t i = 0; i < LETTERS; i++)
			put('a' + (n * 7 + i) % 26);
		put('\n');
	}
	printf("flood: done\n");
	return 0;
}
