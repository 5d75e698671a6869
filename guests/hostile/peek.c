/*
 * peek: a hostile guest that points its page tables at every physical
 * address.  One 1 MiB section at a time is mapped over all 4 GiB of
 * physical address space and its first word read (aborts caught); second-
 * level tables are placed outside its RAM.  It prints the physical ranges
 * it could read, and whether any word it read, anywhere, carries the
 * marker another VM (guests/hostile/secret.c) fills its RAM with.
 * Natively on QEMU virt it would also read the flash, RTC, fw_cfg and
 * virtio areas; under trapvisor it must see exactly its own machine.
 */
#include <string.h>
#include "tests.h"

#define TLBIMVA		c8, 0, c7, 1
#define SCTLR_M		(1u << 0)
#define L1		0x40800000u	/* inside the 16 MiB it maps */
#define WINDOW		0x80000000u	/* the VA every section is mapped at */
#define L1_TABLE	0x1u
#define L1_SECT		(0x2u | (1u << 12) | (1u << 3) | (1u << 2) | (3u << 10))
#define L1_DEVICE	(0x2u | (1u << 2) | (1u << 4) | (3u << 10))
#define SECRET(x)	(((x) & 0xffff0000u) == 0x5ec70000u)

static volatile uint32_t *const l1 = (volatile uint32_t *)L1;

static void map_window(uint32_t d)
{
	l1[WINDOW >> 20] = d;
	dsb();
	cp15_write(TLBIMVA, WINDOW);
	dsb();
	isb();
}

/* true and *val if the word at va can be read */
static int peek(uint32_t va, uint32_t *val)
{
	catch_clear();
	catch_on();
	*val = *(volatile uint32_t *)va;
	catch_off();
	return catch_count == 0;
}

static void range_end(uint32_t *start, uint32_t end)
{
	if (*start != ~0u)
		printf("peek: readable 0x%08lx-0x%08lx\n", HEX(*start), HEX(end - 1));
	*start = ~0u;
}

int main(void)
{
	uint32_t start = ~0u, secrets = 0, val, faults = 0;

	memset((void *)L1, 0, 0x4000);
	for (uint32_t mb = 0x400; mb < 0x410; mb++)		/* its RAM, 16 MiB */
		l1[mb] = (mb << 20) | L1_SECT;
	l1[0x090] = 0x09000000u | L1_DEVICE;			/* UART */
	cp15_write(TTBCR, 0);
	cp15_write(DACR, 0x55555555);
	cp15_write(TTBR0, L1);
	cp15_write(SCTLR, cp15_read(SCTLR) | SCTLR_M);
	isb();
	printf("peek: MMU on, mapping every 1 MiB of physical address space\n");
	for (uint32_t mb = 0; mb < 0x1000; mb++) {
		map_window((mb << 20) | L1_DEVICE);
		if (peek(WINDOW, &val)) {
			if (start == ~0u)
				start = mb << 20;
			secrets += SECRET(val);
		} else {
			faults++;
			range_end(&start, mb << 20);
		}
	}
	range_end(&start, 0);
	/* second-level tables outside its RAM: another VM's, trapvisor's */
	for (uint32_t pa = 0x44000000u; pa != 0x00000000u; pa += 0x04000000u) {
		map_window(pa | L1_TABLE);
		if (peek(WINDOW, &val))
			secrets += SECRET(val), printf("peek: L2 table at 0x%08lx: read\n", HEX(pa));
	}
	printf("peek: %lu sections faulted, %lu words carried another VM's marker\n",
	       HEX(faults), HEX(secrets));
	printf("peek: done\n");
	return 0;
}
