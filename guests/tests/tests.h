/* Shared by the test guests: provoking an instruction at a known address. */
#ifndef GUEST_TESTS_H
#define GUEST_TESTS_H

#include <stdio.h>
#include "rt.h"

/*
 * Nothing is behind this physical address on QEMU virt: accesses take a
 * synchronous external abort.  (0x20000000, in the PCIe MMIO window, is
 * not such a hole: QEMU's GPEX returns all-ones there and ignores writes.)
 */
#define NOWHERE		0x0b000000u

/*
 * Runs the single instruction INSN with the flags set to FLAGS (and the GE
 * bits cleared, so the SPSR an exception saves is fully known); evaluates
 * to INSN's address.  Rt of INSN may be r0 (clobbered).
 */
#define AT_INSN(flags, insn) ({ const void *at_;				\
	__asm__ volatile("msr cpsr_fs, #" #flags "\n\t"				\
			 "adr %0, 1f\n"						\
			 "1:\t" insn						\
			 : "=&r"(at_) :: "r0", "cc", "memory");			\
	at_; })

#define HEX(v)	((unsigned long)(v))

#endif
