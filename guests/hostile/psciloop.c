/*
 * psciloop: resets itself with PSCI SYSTEM_RESET, RESETS times, then
 * powers off.  SYSTEM_RESET reloads the image and keeps the rest of RAM
 * (the guest contract; QEMU does the same), so the count lives above the
 * image, with a magic word that says it was set by an earlier boot (RAM
 * is zero at power-on).  Each boot also checks that a variable it changed
 * before the reset came back with its value from the image.
 */
#include "tests.h"

#define RESETS		50
#define KEPT		((volatile uint32_t *)0x43f00000u)	/* magic, count */
#define MAGIC		0x95c1100bu

static volatile uint32_t from_image = 0x1a2b3c4du;

int main(void)
{
	uint32_t n;

	if (KEPT[0] != MAGIC) {
		KEPT[0] = MAGIC;
		KEPT[1] = 0;
	}
	n = KEPT[1]++;
	printf("psciloop: boot %lu, variable from the image %s\n", HEX(n),
	       from_image == 0x1a2b3c4du ? "as loaded" : "NOT RELOADED");
	from_image = 0xdeadu;
	if (n < RESETS)
		system_reset();
	KEPT[0] = 0;
	printf("psciloop: %d resets, the count kept in RAM outside the image\n", RESETS);
	printf("psciloop: done\n");
	return 0;
}
