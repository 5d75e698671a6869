/*
 * secret: fills its RAM above the image with a marker (0x5ec7xxxx) that
 * guests/hostile/peek.c looks for, then spins a while so the two run side
 * by side, then checks its RAM is untouched.
 */
#include "tests.h"

#define FIRST	0x40400000u
#define LAST	0x41000000u	/* 12 MiB of markers */

int main(void)
{
	uint32_t bad = 0;

	for (uint32_t a = FIRST; a < LAST; a += 4)
		*(volatile uint32_t *)a = 0x5ec70000u | ((a >> 12) & 0xffff);
	printf("secret: %lu KiB of markers written\n", HEX((LAST - FIRST) >> 10));
	for (int round = 0; round < 4; round++)
		for (uint32_t a = FIRST; a < LAST; a += 4)
			bad += *(volatile uint32_t *)a != (0x5ec70000u | ((a >> 12) & 0xffff));
	printf("secret: markers changed by someone else: %lu\n", HEX(bad));
	printf("secret: done\n");
	return 0;
}
