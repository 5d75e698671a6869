/*
 * The guest image loader under mutation: valid images with header fields
 * flipped, set to edge values or cut short, thousands of times over
 * (deterministically).  Each must be loaded or refused; never a crash or
 * an access outside the image or RAM (AddressSanitizer), and an accepted
 * one must satisfy what the trap path relies on.
 */
#include "test/host/loader_harness.h"
#include "hyp/rewrite.h"
#include "test/host/loader_check.h"

/* ---- fuzz --------------------------------------------------------------------- */

static uint32_t rng = 0x2545f491;

static uint32_t rnd(void)	/* xorshift32: deterministic across runs */
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

/* Every load, accepted or refused, wrote RAM only inside the image's
 * segments; an accepted image satisfies what the trap path relies on
 * (loader_check.h). */
static void check_load(const uint8_t *img, uint32_t len, int r)
{
	const char *why = loader_check_untouched(img, len, &ram, RAM_FILL);

	if (!why && r == 0)
		why = loader_check_loaded(img, len, &ram, &rt, entry);
	if (why)
		fail_msg("%s", why);
}

/* Mutates one thing in the header area of the image in buf. */
static void mutate(uint8_t *buf, const struct img *base)
{
	static const uint32_t nasty[] = {
		0, 1, 2, 3, 4, 0x7fffffff, 0x80000000, 0xfffffffc, 0xfffffffd, 0xfffffffe,
		0xffffffff, RAM_BASE, RAM_BASE + RAM_SIZE - 4, RAM_BASE + RAM_SIZE, 0x10000000,
		0xffff,
	};
	/* the parts the loader parses, picked evenly so the small ones
	 * (program headers) get as much attention as the big ones */
	const uint32_t from[4] = { 0, base->phoff, base->symoff, base->shoff };
	const uint32_t to[4] = { base->phoff, base->phoff + 2 * sizeof(struct elf32_phdr),
				 base->shoff, base->len };
	unsigned part = rnd() % 4;
	uint32_t where = from[part] + rnd() % (to[part] - from[part]);
	uint32_t v;

	switch (rnd() % 4) {
	case 0:		/* flip one bit */
		buf[where] ^= 1u << (rnd() % 8);
		break;
	case 1:		/* random byte */
		buf[where] = rnd();
		break;
	case 2:		/* an edge value in a 32-bit field */
		v = nasty[rnd() % (sizeof(nasty) / sizeof(nasty[0]))];
		memcpy(buf + (where & ~3u), &v, 4);
		break;
	default:	/* a 16-bit field near the file's length (counts, offsets) */
		v = base->len - rnd() % 64;
		memcpy(buf + (where & ~1u), &v, 2);
	}
}

static void test_fuzz(void **state)
{
	(void)state;
	static struct img bases[3];
	static uint8_t buf[sizeof(bases[0].b)];
	unsigned ok = 0, refused = 0;

	/* one A32 image with a literal pool, one with Thumb code, one with
	 * sensitive Thumb instructions of both sizes */
	static const uint32_t text_t32[] = {
		T2(0xbf08, 0xf3ef), T2(0x8100, 0xb662), T2(0xf3af, 0x8003), T2(0x4770, 0xb672),
		MRS_R0_CPSR, BX_LR,
	};
	static const struct msym syms_t32[] = { { "$t", 0 }, { "$d", 14 }, { "$a", 16 } };

	build_default(&bases[0]);
	build_code(&bases[1], text_thumb, N(text_thumb), syms_thumb, N(syms_thumb));
	build_code(&bases[2], text_t32, N(text_t32), syms_t32, N(syms_t32));
	for (unsigned iter = 0; iter < 30000; iter++) {
		const struct img *base = &bases[iter % 3];
		uint32_t len = base->len;

		memcpy(buf, base->b, len);
		for (unsigned m = 1 + rnd() % 3; m; m--)
			mutate(buf, base);
		if (rnd() % 4 == 0)
			len = rnd() % (len + 1);

		rt.cap = 1 + rnd() % RT_CAP;
		memset(ram_host, RAM_FILL, RAM_SIZE);
		int r = load_n(buf, len);
		check_load(buf, len, r);
		if (r == 0) {
			ok++;
		} else {
			assert_int_equal(r, -1);
			assert_true(err[0] != 0);
			refused++;
		}
	}
	/* a fuzzer that only ever hits the magic check tests nothing */
	print_message("fuzz: %u loaded, %u refused\n", ok, refused);
	assert_true(ok > 500 && refused > 500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fuzz, loader_setup, loader_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
