/*
 * The guest's translation tables: the ARMv7 short-descriptor format walked
 * in software (ARM ARM B3.5), as the hardware would walk them for the
 * guest.  Pure: the tables are read through a callback, so the walk runs
 * the same in trapvisor and in the host unit tests.
 *
 * Fault precedence and fault status values follow QEMU's Cortex-A15 (the
 * machine guests are compared against): translation and domain faults come
 * from the walk itself, XN then access flag then permission from
 * vmsa_check() for a given access.
 */
#ifndef ARCH_ARM_VMSA_H
#define ARCH_ARM_VMSA_H

#include <stdint.h>
#include <stdbool.h>

/* The registers that decide a translation */
struct vmsa_regs {
	uint32_t sctlr, ttbr0, ttbr1, ttbcr, dacr;
	uint32_t ttbr0_hi, ttbr1_hi;	/* 64-bit TTBRs' high words (LPAE) */
};

/* Access rights, as bits */
#define VMSA_R		1u
#define VMSA_W		2u
#define VMSA_X		4u

/* Fault status values (DFSR/IFSR FS[3:0], short-descriptor format) */
#define FS_AF_SECT	0x03
#define FS_TRANS_SECT	0x05
#define FS_AF_PAGE	0x06
#define FS_TRANS_PAGE	0x07
#define FS_DOMAIN_SECT	0x09
#define FS_DOMAIN_PAGE	0x0b
#define FS_WALK_EXT_L1	0x0c
#define FS_PERM_SECT	0x0d
#define FS_WALK_EXT_L2	0x0e
#define FS_PERM_PAGE	0x0f

/* The translation of one virtual address */
struct vmsa_result {
	uint64_t pa;		/* physical address of va (40 bits: supersections) */
	uint32_t size;		/* of the mapping: 4 KiB, 64 KiB, 1 MiB or 16 MiB */
	uint32_t fsr;		/* walk fault (FS | domain << 4), 0 if none */
	uint8_t domain;
	uint8_t level;		/* 1: section/supersection, 2: page */
	bool manager;		/* domain is Manager: no permission checks */
	bool global;		/* nG clear */
	bool af_fault;		/* SCTLR.AFE and AP[0] clear */
	bool xn, pxn;
	uint8_t prot_pl1;	/* VMSA_R/W/X at PL1 (before XN/PXN) */
	uint8_t prot_pl0;	/* at PL0 */
	bool lpae;		/* long-descriptor format: its own fault encoding */
};

/* Reads the 32-bit word at physical address pa; false: external abort. */
typedef bool (*vmsa_read_fn)(void *arg, uint32_t pa, uint32_t *val);

/* Walks the tables for va; returns res->fsr (0: translated).  TTBCR.EAE
 * selects the long-descriptor walk (vmsa_lpae.c). */
uint32_t vmsa_walk(const struct vmsa_regs *r, uint32_t va, vmsa_read_fn read, void *arg,
		   struct vmsa_result *res);

/* The fault an access of kind `acc` (one of VMSA_R/W/X) at PL1
 * (privileged) or PL0 takes on a translated address; 0 if allowed. */
uint32_t vmsa_check(const struct vmsa_result *res, unsigned acc, bool privileged);

/* All rights at one privilege, XN/PXN and the access flag applied:
 * what a shadow entry for that privilege may grant. */
unsigned vmsa_rights(const struct vmsa_result *res, bool privileged);

#define TTBCR_EAE	(1u << 31)
uint32_t vmsa_walk_lpae(const struct vmsa_regs *r, uint32_t va, vmsa_read_fn read, void *arg,
			struct vmsa_result *res);

#endif
