/* The virtual CPU's identification: see cpu_model.h.  Every value was read
 * from QEMU 7.2 `-M virt -cpu cortex-a15` by a native guest. */
#include "arch/arm/cpu_model.h"

const uint32_t cpu_model[MODEL_NR] = {
	[MODEL_MIDR] = 0x414fc0f0,	/* ARM Cortex-A15 r4p0 */
	[MODEL_CTR] = 0x8444c004,	/* 64-byte lines, PIPT I-cache */
	[MODEL_TCMTR] = 0,
	[MODEL_TLBTR] = 0,		/* unified TLB */
	[MODEL_REVIDR] = 0x414fc0f0,	/* QEMU answers with MIDR */
	[MODEL_ID_PFR0] = 0x00001131,	/* ARM, Thumb-2, Jazelle, ThumbEE */
	[MODEL_ID_PFR1] = 0x00010001,	/* generic timer; no Security, no Virtualization */
	[MODEL_ID_DFR0] = 0x02010505,
	[MODEL_ID_AFR0] = 0,
	[MODEL_ID_MMFR0] = 0x10201105,	/* VMSAv7 with PXN and long descriptors */
	[MODEL_ID_MMFR1] = 0x20000000,
	[MODEL_ID_MMFR2] = 0x01240000,
	[MODEL_ID_MMFR3] = 0x02102211,
	[MODEL_ID_ISAR0] = 0x02101110,	/* SDIV/UDIV in ARM and Thumb */
	[MODEL_ID_ISAR1] = 0x13112111,
	[MODEL_ID_ISAR2] = 0x21232041,
	[MODEL_ID_ISAR3] = 0x11112131,
	[MODEL_ID_ISAR4] = 0x10011142,
	[MODEL_ID_ISAR5] = 0,
	[MODEL_CLIDR] = 0x0a200023,	/* L1 I+D, L2 unified */
	[MODEL_AIDR] = 0,
	[MODEL_L2CTLR] = 0x00800000,
	[MODEL_ACTLR] = 0,
	[MODEL_CNTFRQ] = MODEL_CNTFRQ_HZ,
	[MODEL_SCTLR_RESET] = 0x00c50078,
	[MODEL_FPSID] = 0x410430f0,	/* VFPv4, D32 */
	[MODEL_MVFR0] = 0x10110222,
	[MODEL_MVFR1] = 0x11111111,
};

uint32_t cpu_model_ccsidr(uint32_t csselr)
{
	static const uint32_t ccsidr[3] = {
		0x701fe00a,		/* L1 data: 32 KiB, 2 ways, 64-byte lines */
		0x201fe00a,		/* L1 instruction: 32 KiB, 2 ways */
		0x711fe07a,		/* L2: 2 MiB, 16 ways */
	};
	return csselr < 3 ? ccsidr[csselr] : 0;
}
