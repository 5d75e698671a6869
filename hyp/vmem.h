/*
 * Guest memory as an emulated instruction sees it: guest virtual address
 * in, RAM or a virtual device out.  Returns 0, or the fault status (DFSR
 * FS encoding, WnR excluded) of the data abort the guest must take.
 */
#ifndef HYP_VMEM_H
#define HYP_VMEM_H

#include <stdint.h>

struct vcpu;

#define FSR_ALIGNMENT	0x001
#define FSR_SYNC_EXT	0x008
#define FSR_DEBUG	0x002
#define FSR_WNR		(1u << 11)

uint32_t vmem_read(struct vcpu *v, uint32_t va, unsigned size, uint32_t *val);
uint32_t vmem_write(struct vcpu *v, uint32_t va, unsigned size, uint32_t val);
/* The same with PL0's permissions whatever the virtual mode (LDRT & co) */
uint32_t vmem_read_user(struct vcpu *v, uint32_t va, unsigned size, uint32_t *val);
uint32_t vmem_write_user(struct vcpu *v, uint32_t va, unsigned size, uint32_t val);
/* Fetches the A32 instruction at va (for decoding a trap). */
uint32_t vmem_fetch(struct vcpu *v, uint32_t va, uint32_t *insn);

#endif
