/* VFP: see vfp.h. */
#include "arch/arm/vfp.h"
#include "arch/arm/cpu.h"
#include "hyp/vcpu.h"

#define VFP_ASM(s)	".fpu vfpv3\n\t" s

static uint32_t fpsid, mvfr0, mvfr1;

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
	/* cp10/cp11 full access at every level: FPEXC.EN alone gates it. */
	CP15_WRITE(c1, 0, c0, 2, 0x00f00000);
	isb();
	__asm__ volatile(VFP_ASM("vmrs %0, fpsid") : "=r"(fpsid));
	__asm__ volatile(VFP_ASM("vmrs %0, mvfr0") : "=r"(mvfr0));
	__asm__ volatile(VFP_ASM("vmrs %0, mvfr1") : "=r"(mvfr1));
	write_fpexc(0);
}

uint32_t vfp_id(unsigned reg)
{
	return reg == VFP_FPSID ? fpsid : reg == VFP_MVFR0 ? mvfr0 : mvfr1;
}

void vfp_load_hw(struct vcpu *v)
{
	uint32_t en = (v->fpexc & FPEXC_EN) && ((v->cp15[C_CPACR] >> 20) & 3) ? FPEXC_EN : 0;

	if ((read_fpexc() & FPEXC_EN) != en)
		write_fpexc(en);
}
