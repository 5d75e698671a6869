/*
 * fuzz_elf: the guest image loader (elf_load, hyp/loader.c) on arbitrary
 * bytes.  The image is the input as libFuzzer hands it over, a heap block
 * of exactly its length, and guest RAM a heap block of exactly its size,
 * so AddressSanitizer sees any read past the image or write past RAM.
 *
 * Every load must end in 0 or -1 with a reason; RAM outside the image's
 * segments must be untouched; an accepted image must satisfy what the
 * trap path relies on (test/host/loader_check.h).
 */
#include "test/fuzz/fuzz.h"
#include "test/host/loader_check.h"

#define RAM_BASE	0x40000000u
#define RAM_SIZE	0x40000u		/* as the loader's host tests */
#define RAM_FILL	0xaa
#define RT_CAP		32

static uint8_t *ram_host;
static struct rewrite_entry ents[RT_CAP];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct guest_ram ram = { RAM_BASE, RAM_SIZE, NULL };
	struct rewrite_table rt = { .e = ents, .cap = RT_CAP };
	uint32_t entry = 0;
	char err[128] = "";
	const char *why;
	int r;

	if (size > UINT32_MAX)
		return 0;
	if (!ram_host)
		ram_host = malloc(RAM_SIZE);	/* kept: ASan still sees its bounds */
	ram.host = ram_host;
	memset(ram_host, RAM_FILL, RAM_SIZE);

	r = elf_load(data, (uint32_t)size, &ram, &rt, &entry, err, sizeof(err));
	CHECK(r == 0 || r == -1, "elf_load returned %d", r);
	CHECK(r == 0 || err[0], "refused without a reason");
	why = loader_check_untouched(data, (uint32_t)size, &ram, RAM_FILL);
	if (!why && r == 0)
		why = loader_check_loaded(data, (uint32_t)size, &ram, &rt, entry);
	CHECK(!why, "%s", why);
	return 0;
}
