/*
 * The VFP/Advanced SIMD unit.  trapvisor itself never uses it (soft-float
 * build); a guest gets the real unit whenever its virtual FPEXC.EN and
 * CPACR say so, which is when the hardware FPEXC.EN is set.
 */
#ifndef ARCH_ARM_VFP_H
#define ARCH_ARM_VFP_H

#include <stdint.h>

struct vcpu;

#define VFP_FPSID	0
#define VFP_FPSCR	1
#define VFP_MVFR1	6
#define VFP_MVFR0	7
#define VFP_FPEXC	8

#define FPEXC_EN	(1u << 30)
#define FPEXC_WRITABLE	0xe0000000u	/* EX, EN, DEX: what a guest may set */

void vfp_init(void);
uint32_t vfp_id(unsigned reg);
/* Hardware FPEXC.EN <- what this vCPU's shadow FPEXC and CPACR allow. */
void vfp_load_hw(struct vcpu *v);
/* The register file of `from` (if any) saved, that of `to` loaded. */
void vfp_switch(struct vcpu *from, struct vcpu *to);

#endif
