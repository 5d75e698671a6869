/* VFP: see vfp.h. */
#include "arch/arm/vfp.h"
#include "arch/arm/cpu.h"
#include "arch/arm/cpu_model.h"
#include <stdbool.h>
#include "hyp/vcpu.h"

#define VFP_ASM(s)	".fpu neon-vfpv4\n\t" s

static bool d32;			/* 32 double registers, not 16 */

static uint32_t read_fpexc(void)
{
	uint32_t v;
	__asm__ volatile(VFP_ASM("vmrs %0, fpexc") : "=r"(v));
	return v;
}

static void write_fpexc(uint32_t v)
{
	__asm__ volatile(VFP_ASM("vmsr fpexc, %0") :: "r"(v));
}

void vfp_init(void)
{
	uint32_t mvfr0;

	/* cp10/cp11 full access at every level: FPEXC.EN alone gates it. */
	CP15_WRITE(c1, 0, c0, 2, 0x00f00000);
	isb();
	__asm__ volatile(VFP_ASM("vmrs %0, mvfr0") : "=r"(mvfr0));
	d32 = (mvfr0 & 0xf) == 2;	/* the host's register file */
	write_fpexc(0);
}

/*
 * Every VM switch swaps the whole register file (256 bytes and FPSCR):
 * no lazy switching, so there is no state in which one VM's values sit
 * in the hardware while another runs.  trapvisor itself is soft-float.
 */
void vfp_switch(struct vcpu *from, struct vcpu *to)
{
	write_fpexc(FPEXC_EN);
	if (from) {
		uint64_t *d = from->vfp_d;
		__asm__ volatile(VFP_ASM("vstmia %0!, {d0-d15}") : "+r"(d) :: "memory");
		if (d32)
			__asm__ volatile(VFP_ASM("vstmia %0, {d16-d31}") :: "r"(d) : "memory");
		__asm__ volatile(VFP_ASM("vmrs %0, fpscr") : "=r"(from->vfp_fpscr));
	}
	if (to) {
		const uint64_t *d = to->vfp_d;
		__asm__ volatile(VFP_ASM("vldmia %0!, {d0-d15}") : "+r"(d) :: "memory");
		if (d32)
			__asm__ volatile(VFP_ASM("vldmia %0, {d16-d31}") :: "r"(d) : "memory");
		__asm__ volatile(VFP_ASM("vmsr fpscr, %0") :: "r"(to->vfp_fpscr));
		vfp_load_hw(to);
	}
}

/* The virtual CPU's, not the host's (cpu_model.h) */
uint32_t vfp_id(unsigned reg)
{
	return cpu_model[reg == VFP_FPSID ? MODEL_FPSID : reg == VFP_MVFR0 ? MODEL_MVFR0 : MODEL_MVFR1];
}

void vfp_load_hw(struct vcpu *v)
{
	uint32_t en = (v->fpexc & FPEXC_EN) && ((v->cp15[C_CPACR] >> 20) & 3) ? FPEXC_EN : 0;

	if ((read_fpexc() & FPEXC_EN) != en)
		write_fpexc(en);
}
