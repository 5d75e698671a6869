/* Program Status Register fields (ARM ARM B1.3.3, "The Current Program Status Register"). */
#ifndef ARCH_ARM_PSR_H
#define ARCH_ARM_PSR_H

#define PSR_MODE_MASK	0x1f
#define PSR_MODE_USR	0x10
#define PSR_MODE_FIQ	0x11
#define PSR_MODE_IRQ	0x12
#define PSR_MODE_SVC	0x13
#define PSR_MODE_MON	0x16
#define PSR_MODE_ABT	0x17
#define PSR_MODE_HYP	0x1a
#define PSR_MODE_UND	0x1b
#define PSR_MODE_SYS	0x1f

#define PSR_T		(1u << 5)
#define PSR_F		(1u << 6)
#define PSR_I		(1u << 7)
#define PSR_A		(1u << 8)
#define PSR_E		(1u << 9)
#define PSR_IT_LO	(3u << 25)	/* IT[1:0] */
#define PSR_IT_HI	(0x3fu << 10)	/* IT[7:2] */
#define PSR_IT		(PSR_IT_LO | PSR_IT_HI)
#define PSR_J		(1u << 24)
#define PSR_GE		(0xfu << 16)
#define PSR_Q		(1u << 27)
#define PSR_V		(1u << 28)
#define PSR_C		(1u << 29)
#define PSR_Z		(1u << 30)
#define PSR_N		(1u << 31)
#define PSR_NZCVQ	0xf8000000u

/*
 * The bits of a guest's CPSR that are virtual: the hardware runs every
 * guest in User mode with its own A/I/F, so these live only in the vCPU.
 * Everything else (flags, GE, IT, E, T) is the hardware's own copy.
 * Keep in sync with the masks in arch/arm/entry.S.
 */
#define PSR_VIRT_MASK	(PSR_MODE_MASK | PSR_F | PSR_I | PSR_A)

#endif
