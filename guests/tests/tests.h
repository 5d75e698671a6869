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

/*
 * For code written at one address and run at another: the MMU on with
 * one short-descriptor table at FLAT_L1 (16 KiB of RAM past the images)
 * mapping RAM (64 MiB) and the UART flat by sections, and the MiB holding
 * `at` again at FLAT_ALIAS.  Returns the alias of `at`.  mmu_off_flat() after.
 */
#define FLAT_L1		0x42000000u
#define FLAT_ALIAS	0x80000000u
#define FLAT_RAM	(0x2u | 1u << 12 | 1u << 3 | 1u << 2 | 3u << 10)	/* normal WB */
#define FLAT_DEV	(0x2u | 1u << 2 | 1u << 4 | 3u << 10)		/* device, XN */

static inline uintptr_t mmu_on_flat_alias(const void *at)
{
	volatile uint32_t *l1 = (volatile uint32_t *)FLAT_L1;

	for (uint32_t mib = 0; mib < 4096; mib++)
		l1[mib] = 0;
	l1[0x090] = 0x09000000u | FLAT_DEV;
	for (uint32_t mib = 0x400; mib < 0x440; mib++)
		l1[mib] = mib << 20 | FLAT_RAM;
	l1[FLAT_ALIAS >> 20] = ((uintptr_t)at & ~0xfffffu) | FLAT_RAM;
	dsb();				/* the table is in memory before the walk */
	cp15_write(TTBCR, 0);
	cp15_write(DACR, 1);		/* domain 0: client */
	cp15_write(TTBR0, FLAT_L1);
	cp15_write(TLBIALL, 0);
	dsb();
	isb();
	cp15_write(SCTLR, cp15_read(SCTLR) | 1);
	isb();
	return FLAT_ALIAS + ((uintptr_t)at & 0xfffffu);
}

static inline void mmu_off_flat(void)
{
	cp15_write(SCTLR, cp15_read(SCTLR) & ~1u);
	isb();
}

#endif
