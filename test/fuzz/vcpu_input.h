/*
 * Shared by the harnesses of the trap emulation (fuzz_a32.c, fuzz_ldst.c):
 * a vCPU in a state a guest can reach, built from the fuzzer's bytes on
 * top of the host test fakes (test/host/fakes.c), and the checks that
 * hold after any emulated instruction.
 */
#ifndef TEST_FUZZ_VCPU_INPUT_H
#define TEST_FUZZ_VCPU_INPUT_H

#include "test/fuzz/fuzz.h"
#include "test/host/fakes.h"

/*
 * fake_reset(), then from the input: shadow cp15 registers (written as
 * the guest's MCRs would write them), every mode's banked registers and
 * SPSR, the current mode (any valid one, User included), r0-r15 and the
 * CPSR flags and masks in A32 state, the counters and the device's read
 * value.  Guest RAM holds the whole input, from its base.
 */
void vcpu_from_input(struct vcpu *v, struct input *in, const uint8_t *data, size_t size);

/* Register n (0-15) of mode `mode`, wherever the vCPU keeps it now. */
uint32_t mode_reg(struct vcpu *v, uint32_t mode, unsigned n);

/* What holds in every state: a valid mode, shadow registers inside what
 * their writes allow, a failure only with its message. */
void check_vcpu(const struct vcpu *v);

/*
 * v took exception `mode` at `vector` (0x04 undef, 0x10 data abort) for
 * the instruction at before's PC: mode, PC, LR and SPSR as the ARM ARM
 * says, and the interrupted mode's registers untouched.
 */
void check_took(struct vcpu *v, struct vcpu *before, uint32_t mode, uint32_t vector);

/* Nothing but the general registers in `may` (a bit per register)
 * changed: not the CPSR, banks, SPSRs or shadow registers. */
void check_only_regs(struct vcpu *v, struct vcpu *before, uint32_t may);

#endif
