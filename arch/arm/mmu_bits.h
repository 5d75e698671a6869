/*
 * ARMv7 short-descriptor translation table format (ARM ARM B3.5) and the
 * SCTLR/TTBR bits trapvisor uses.  Shared by C and assembly.
 */
#ifndef ARCH_ARM_MMU_BITS_H
#define ARCH_ARM_MMU_BITS_H

#define SCTLR_M		(1 << 0)
#define SCTLR_A		(1 << 1)
#define SCTLR_C		(1 << 2)
#define SCTLR_Z		(1 << 11)
#define SCTLR_I		(1 << 12)
#define SCTLR_V		(1 << 13)
#define SCTLR_EE	(1 << 25)
#define SCTLR_TRE	(1 << 28)
#define SCTLR_AFE	(1 << 29)
#define SCTLR_TE	(1 << 30)

/* L1 section descriptor fields */
#define SECT		0x2
#define SECT_B		(1 << 2)
#define SECT_C		(1 << 3)
#define SECT_XN		(1 << 4)
#define SECT_AP_PL1	(1 << 10)		/* AP[1:0] = 01: PL1 RW, PL0 none */
#define SECT_AP_RW	(3 << 10)		/* AP[1:0] = 11: RW at PL1 and PL0 */
#define SECT_TEX1	(1 << 12)
#define SECT_AP2	(1 << 15)
#define SECT_NG		(1 << 17)

/* Normal memory, inner and outer write-back write-allocate (TEX=001 C B). */
#define SECT_NORMAL	(SECT | SECT_TEX1 | SECT_C | SECT_B)
/* Shareable Device memory (TEX=000 C=0 B=1), never executable. */
#define SECT_DEVICE	(SECT | SECT_B | SECT_XN)

#define SECT_HYP	(SECT_NORMAL | SECT_AP_PL1)
#define SECT_HYP_DEV	(SECT_DEVICE | SECT_AP_PL1)
#define SECT_HYP_RO	(SECT_NORMAL | SECT_AP_PL1 | SECT_AP2 | SECT_XN)
#define SECT_GUEST	(SECT_NORMAL | SECT_AP_RW | SECT_NG)
#define SECT_WINDOW	(SECT_NORMAL | SECT_AP_PL1 | SECT_NG | SECT_XN)

/* TTBR0 walk attributes: inner (IRGN=01) and outer (RGN=01) WBWA. */
#define TTBR_WBWA	((1 << 6) | (1 << 3))

#endif
