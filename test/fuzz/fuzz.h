/*
 * Shared by the libFuzzer harnesses (test/fuzz/fuzz_*.c): the fuzzer's
 * bytes read as fields, and the check that turns a broken invariant into
 * a crash, which libFuzzer then records like a sanitizer report.
 *
 * Every input is valid: fields past its end read as zero, so the fuzzer
 * never wastes runs on inputs a harness would throw away.
 */
#ifndef TEST_FUZZ_FUZZ_H
#define TEST_FUZZ_FUZZ_H

#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct input {
	const uint8_t *p;
	size_t left;
};

/* The next n (<= 4) bytes, little-endian; zeros once the input is used up. */
static inline uint32_t take(struct input *in, unsigned n)
{
	uint32_t v = 0;

	if (n > in->left)
		n = (unsigned)in->left;
	for (unsigned i = 0; i < n; i++)
		v |= (uint32_t)in->p[i] << (8 * i);
	in->p += n;
	in->left -= n;
	return v;
}

static inline uint32_t take32(struct input *in) { return take(in, 4); }
static inline uint32_t take16(struct input *in) { return take(in, 2); }
static inline uint32_t take8(struct input *in) { return take(in, 1); }

static inline uint64_t take64(struct input *in)
{
	uint64_t lo = take32(in);

	return lo | (uint64_t)take32(in) << 32;
}

/* One of n choices (n > 0), from one byte. */
static inline unsigned pick(struct input *in, unsigned n)
{
	return take8(in) % n;
}

/* What the code under test promises: false is a bug, so crash loudly. */
#define CHECK(cond, ...) do {							\
	if (!(cond)) {								\
		fprintf(stderr, "%s:%d: broken: %s: ", __FILE__, __LINE__, #cond);	\
		fprintf(stderr, __VA_ARGS__);					\
		fputc('\n', stderr);						\
		abort();							\
	}									\
} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
