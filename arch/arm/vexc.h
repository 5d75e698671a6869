/*
 * Virtual exceptions: what the hardware does on exception entry (ARM ARM
 * B1.8), done to the vCPU so that the guest's own vector table runs.
 */
#ifndef ARCH_ARM_VEXC_H
#define ARCH_ARM_VEXC_H

#include <stdint.h>

struct vcpu;

/* pc: the instruction that caused it (undef, aborts), or the one to run
 * next (SVC: the one after it; IRQ: the one interrupted). */
void vexc_undef(struct vcpu *v, uint32_t pc);
void vexc_svc(struct vcpu *v, uint32_t next_pc);
void vexc_pabt(struct vcpu *v, uint32_t pc, uint32_t ifsr, uint32_t ifar);
void vexc_dabt(struct vcpu *v, uint32_t pc, uint32_t dfsr, uint32_t dfar);
void vexc_irq(struct vcpu *v, uint32_t next_pc);
void vexc_fiq(struct vcpu *v, uint32_t next_pc);

#endif
