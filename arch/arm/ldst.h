/* Emulation of A32 loads and stores that hit a virtual device. */
#ifndef ARCH_ARM_LDST_H
#define ARCH_ARM_LDST_H

#include "arch/arm/a32.h"

/* Decodes the load/store at ctx.r[15] and performs it through vmem (so
 * every address it touches goes to RAM, a device or a guest abort). */
enum emu a32_emulate_ldst(struct vcpu *v, uint32_t insn);

#endif
