/*
 * touch: with the MMU off, reads one word in every 4 KiB page of the whole
 * 4 GiB guest-physical address space, then writes one, catching the
 * aborts, and prints which ranges faulted and which did not.
 *
 * The word is the last of each page (offset 0xffc): QEMU virt's devices
 * keep read-only identification registers there, so nothing a device
 * does changes, and in RAM the value read is written back unchanged (its
 * own image and stacks are in that RAM).  A page that cannot be read is
 * written with 0.
 *
 * Natively this also finds the flash, RTC, fw_cfg, GPIO and virtio
 * devices; under trapvisor a VM must find exactly its own machine (RAM,
 * virtual GIC, GICv2m frame, UART, the PCIe windows) and nothing of
 * trapvisor's at 0xF0000000 and up.  Every fault must be the synchronous
 * external abort its machine gives (DFSR 0x008, 0x808 for a write) with
 * DFAR = the address: anything else is counted as "odd".
 */
#include "tests.h"

#define PAGES		(1u << 20)	/* 4 KiB pages in 4 GiB */
#define WORD		0xffcu
#define FSR_EXT		0x008u
#define FSR_WNR		0x800u

static volatile uint32_t rfaults, wfaults, odd, expect_far;
/* one bit per page: it faulted */
static uint32_t faulted[PAGES / 32];

/* The one exception expected: count it, check it, go past the access. */
static void on_dabt(struct exc_frame *f)
{
	uint32_t fsr = cp15_read(DFSR);

	(void)f;
	if (fsr & FSR_WNR)
		wfaults++;
	else
		rfaults++;
	if (cp15_read(DFAR) != expect_far || (fsr & ~FSR_WNR) != FSR_EXT)
		odd++;
}

static void read_word(uint32_t a)
{
	uint32_t v;

	__asm__ volatile("ldr %0, [%1]" : "=r"(v) : "r"(a) : "memory");
}

/* Reads the word and writes it back, with no other store in between
 * (0 is written if the load aborted: the handler returns past it). */
static void rewrite_word(uint32_t a)
{
	uint32_t v;

	__asm__ volatile("mov %0, #0\n\tldr %0, [%1]\n\tstr %0, [%1]"
			 : "=&r"(v) : "r"(a) : "memory");
}

/* Prints the pages' map as ranges of the same state; returns how many faulted. */
static uint32_t report(const char *what)
{
	uint32_t n = 0, start = 0;

	for (uint32_t p = 0; p < PAGES; p++) {
		uint32_t f = (faulted[p / 32] >> (p % 32)) & 1;
		n += f;
		if (p + 1 == PAGES || f != ((faulted[(p + 1) / 32] >> ((p + 1) % 32)) & 1)) {
			printf("touch: %s 0x%08lx-0x%08lx %s\n", what, HEX(start << 12),
			       HEX(((p + 1) << 12) - 1), f ? "faults" : "ok");
			start = p + 1;
		}
	}
	return n;
}

int main(void)
{
	uint32_t before, rpages, wpages;

	printf("touch: MMU off, one word in each of the %lu pages of 4 GiB\n", HEX(PAGES));
	exc_set_handler(EXC_DABT, on_dabt);
	for (uint32_t p = 0; p < PAGES; p++) {
		expect_far = (p << 12) | WORD;
		before = rfaults;
		read_word(expect_far);
		if (rfaults != before)
			faulted[p / 32] |= 1u << (p % 32);
	}
	rpages = report("read ");
	printf("touch: read pass: %lu pages faulted, %lu aborts\n", HEX(rpages), HEX(rfaults));
	rfaults = 0;

	for (uint32_t i = 0; i < PAGES / 32; i++)
		faulted[i] = 0;
	for (uint32_t p = 0; p < PAGES; p++) {
		expect_far = (p << 12) | WORD;
		before = wfaults;
		rewrite_word(expect_far);
		if (wfaults != before)
			faulted[p / 32] |= 1u << (p % 32);
	}
	wpages = report("write");
	exc_set_handler(EXC_DABT, NULL);
	printf("touch: write pass: %lu pages faulted, %lu load and %lu store aborts\n",
	       HEX(wpages), HEX(rfaults), HEX(wfaults));
	printf("touch: aborts other than a synchronous external abort at the address: %lu\n",
	       HEX(odd));
	printf("touch: done\n");
	return 0;
}
