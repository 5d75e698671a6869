/*
 * Shared by the mmu test guest's files: the physical and virtual layout
 * of its tables and test memory, descriptor bits, and the probes that
 * touch an address and print one line of what the hardware did.
 *   mmu.c        sections, pages, supersections, domains, AP, XN, AF
 *   mmu_space.c  TTBR1, ASIDs with TLB maintenance, ATS1C* and PAR
 *   mmu_probe.c  the probes;  mmu_asm.S  User-mode accesses, calls
 */
#ifndef GUEST_TESTS_MMU_H
#define GUEST_TESTS_MMU_H

#include "tests.h"

/* cp15 operations rt.h does not name ("CRn, opc1, CRm, opc2") */
#define PAR		c7, 0, c4, 0
#define ATS1CPR		c7, 0, c8, 0
#define ATS1CPW		c7, 0, c8, 1
#define ATS1CUR		c7, 0, c8, 2
#define ATS1CUW		c7, 0, c8, 3
#define TLBIMVA		c8, 0, c7, 1
#define TLBIASID	c8, 0, c7, 2
#define TLBIMVAA	c8, 0, c7, 3

#define SCTLR_M		(1u << 0)
#define SCTLR_AFE	(1u << 29)
#define TTBCR_PD1	(1u << 5)

/* Physical layout: RAM well above the image, below 0x43000000 */
#define L1_MAIN		0x42000000u	/* TTBR0 table (ASID 1's too) */
#define L1_HIGH		0x42004000u	/* TTBR1 table */
#define L1_ASID2	0x42008000u	/* ASID 2's TTBR0 table */
#define L2_DOM1		0x42010000u	/* second level, domain 1 */
#define L2_DOM0		0x42010400u	/* second level, domain 0: execute tests */
#define PA_DATA		0x42100000u	/* behind most test sections */
#define PA_A		0x42200000u
#define PA_B		0x42300000u
#define PA_C		0x42400000u
#define PA_D		0x42500000u
#define PA_SMALL	0x42600000u	/* small pages */
#define PA_LARGE	0x42610000u	/* large page: 64 KiB aligned */
#define PA_CODE		0x42700000u	/* one BX LR */
#define PA_HIVEC	0x42800000u	/* the high vector page */
#define L2_HIVEC	0x42010800u	/* second level for the top MiB */

/* Virtual layout: a 1 MiB L1 slot each */
#define VA_ALIAS	0x80000000u	/* section -> PA_DATA */
#define VA_PAGES	0x81000000u	/* page table L2_DOM1 */
#define VA_DOM2		0x82000000u	/* section in domain 2 */
#define VA_AP0		0x83000000u	/* AP=000 section in domain 3 */
#define VA_XN		0x84000000u	/* section -> PA_CODE, XN */
#define VA_X		0x85000000u	/* section -> PA_CODE */
#define VA_PXN		0x86000000u	/* section -> PA_CODE, PXN */
#define VA_XPAGES	0x87000000u	/* page table L2_DOM0 */
#define VA_AP(ap)	(0x88000000u + ((uint32_t)(ap) << 20))	/* -> PA_DATA */
#define VA_AF		0x89000000u	/* AP[0]=0 section in domain 4 */
#define VA_NONE		0x90000000u	/* never mapped */
#define VA_SUPER	0xa0000000u	/* supersection -> 0x40000000 */
#define VA_ASID		0xb0000000u	/* not global: differs per ASID */
#define VA_HIVEC	0xffff0000u	/* high vectors (SCTLR.V) */

/* Pages in L2_DOM1 (VA_PAGES + 4 KiB * index) */
#define PG_SMALL	0		/* small page, AP=011 */
#define PG_LARGE	16		/* 16..31: one large page */
#define PG_INVALID	32		/* fault entry */
#define PG_AF0		33		/* small page, AP=010: AP[0] = 0 */
#define PG_RO		34		/* small page, AP=101: PL1 read-only */
#define PG(i)		(VA_PAGES + ((uint32_t)(i) << 12))

/* First-level descriptors */
#define L1_TABLE	0x1u
#define L1_SECT		0x2u
#define L1_PXN		0x1u		/* with L1_SECT: type 0b11 */
#define L1_B		(1u << 2)
#define L1_C		(1u << 3)
#define L1_XN		(1u << 4)
#define L1_DOM(d)	((uint32_t)(d) << 5)
#define L1_AP(ap)	((((ap) & 3u) << 10) | (((ap) >> 2) << 15))
#define L1_TEX(t)	((uint32_t)(t) << 12)
#define L1_NG		(1u << 17)
#define L1_SUPER	(1u << 18)
#define L1_NORMAL	(L1_TEX(1) | L1_C | L1_B)	/* write-back, write-allocate */
#define L1_DEVICE	(L1_B | L1_XN)			/* shareable device */

/* Second-level descriptors */
#define L2_LARGE	0x1u
#define L2_SMALL	0x2u
#define L2_SMALL_XN	0x1u
#define L2_AP(ap)	((((ap) & 3u) << 4) | (((ap) >> 2) << 9))
#define L2_SMALL_NORMAL	((1u << 6) | (1u << 3) | (1u << 2))	/* TEX at [8:6] */
#define L2_LARGE_NORMAL	((1u << 12) | (1u << 3) | (1u << 2))	/* TEX at [14:12] */

#define BX_LR		0xe12fff1eu

uint32_t mmu_user_ldr(uint32_t va);
void mmu_user_str(uint32_t va, uint32_t v);
uint32_t mmu_call(uint32_t va);
/* where the high vectors send undefined instructions and data aborts:
 * count in hivec_hits, then on to rt_vectors */
void hivec_und(void), hivec_dabt(void);
extern volatile uint32_t hivec_hits;

volatile uint32_t *table(uint32_t pa);
void set_l1(uint32_t l1, uint32_t va, uint32_t desc);
/* a 1 MiB section in the main table */
void map(uint32_t va, uint32_t pa, uint32_t attrs);
/* after any change to a descriptor, TTBCR or SCTLR */
void tlb_flush(void);
void set_domain(uint32_t d, uint32_t access);
uint32_t load(uint32_t va);
void store(uint32_t va, uint32_t v);
/* ends the line with the exception the access took; 0 if none */
int fault(void);
/* one line each: the access, then the value or the exception */
void rd(const char *what, uint32_t va);
void wr(const char *what, uint32_t va, uint32_t v);
void user_rd(const char *what, uint32_t va);
void user_wr(const char *what, uint32_t va, uint32_t v);
void call(const char *what, uint32_t va);

/* mmu_space.c */
void ttbr1(void);
void asids(void);
void address_translation(void);
void high_vectors(void);

#endif
