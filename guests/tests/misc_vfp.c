/*
 * misc: double precision on VFP.  Built with -mfloat-abi=softfp (see
 * guests.mk): VFP instructions, the soft-float calling convention.  Only
 * call these after misc.c has enabled VFP.
 */
#include "tests.h"

uint32_t vfp_reg(int which)
{
	uint32_t v = 0;

	switch (which) {
	case 0: __asm__ volatile("vmrs %0, fpsid" : "=r"(v)); break;
	case 1: __asm__ volatile("vmrs %0, mvfr0" : "=r"(v)); break;
	case 2: __asm__ volatile("vmrs %0, mvfr1" : "=r"(v)); break;
	case 3: __asm__ volatile("vmrs %0, fpexc" : "=r"(v)); break;
	case 4: __asm__ volatile("vmrs %0, fpscr" : "=r"(v)); break;
	}
	return v;
}

void vfp_set_fpscr(uint32_t v)
{
	__asm__ volatile("vmsr fpscr, %0" :: "r"(v));
}

static double atan_inv(int n)	/* atan(1/n), Taylor series */
{
	double x = 1.0 / n, x2 = x * x, term = x, sum = 0.0;

	for (int k = 0; k < 30; k++) {
		sum += (k & 1 ? -term : term) / (2 * k + 1);
		term *= x2;
	}
	return sum;
}

static void print_double(const char *what, double d)
{
	union { double d; uint64_t u; } b = { .d = d };

	printf("misc: %-10s bits 0x%08lx%08lx, x1e9 = %llu\n", what,
	       HEX(b.u >> 32), HEX(b.u), (unsigned long long)(d * 1e9));
}

void vfp_compute(void)
{
	double pi = 16.0 * atan_inv(5) - 4.0 * atan_inv(239);	/* Machin */
	double root2 = __builtin_sqrt(2.0);			/* VSQRT */
	double e = 1.0, t = 1.0;

	for (int k = 1; k < 20; k++) {
		t /= k;
		e += t;
	}
	print_double("pi", pi);
	print_double("sqrt(2)", root2);
	print_double("e", e);
	/* VCVT both ways, on values the compiler cannot fold */
	printf("misc: (int)(-pi * 1000) = %d, (unsigned)(sqrt(2) * 1e6) = %u\n",
	       (int)(-pi * 1000), (unsigned)(root2 * 1e6));
}
