/*
 * Micro-benchmarks with the guest's MMU on: two address spaces that map
 * the same virtual page (WIN) to different physical pages, non-global,
 * ASIDs 1 and 2, everything else identity-mapped and global.
 *   - a process switch: CONTEXTIDR 0, TTBR0, CONTEXTIDR asid (as Linux
 *     does it), then a load from the switched page;
 *   - a TLB maintenance operation (TLBIMVA);
 *   - a shadow page fault: the first load after the page's TLB entry was
 *     invalidated (under trapvisor, a shadow fill from the guest tables).
 */
#include <stdint.h>
#include <stdio.h>
#include "rt.h"
#include "bench.h"

#define WIN		0x80000000u
#define RAM_MB		64u
#define SECT_RAM	0x00c02u	/* section, AP = 0b11 (full access), domain 0 */
#define SECT_DEV	0x00c16u	/* section, AP = 0b11, XN, B: shareable Device */
#define L1_TABLE	0x001u		/* page table, domain 0 */
#define PAGE_NG		0x832u		/* small page, AP = 0b11, nG */

static uint32_t l1[2][4096] __attribute__((aligned(16384)));
static uint32_t l2[2][256] __attribute__((aligned(1024)));
static volatile uint32_t page[2][1024] __attribute__((aligned(4096)));

static void build(int s)
{
	for (uint32_t mb = 0; mb < RAM_MB; mb++)
		l1[s][0x400 + mb] = (0x40000000u + (mb << 20)) | SECT_RAM;
	l1[s][0x080] = 0x08000000u | SECT_DEV;		/* GIC */
	l1[s][0x090] = 0x09000000u | SECT_DEV;		/* UART */
	l2[s][0] = (uint32_t)page[s] | PAGE_NG;
	l1[s][WIN >> 20] = (uint32_t)l2[s] | L1_TABLE;
	page[s][0] = 0xa0 + s;
}

/* empty: MEASURE(""), the counter read itself */
void micro_mmu(uint32_t empty)
{
	uint32_t sw, fill = 0, seen[2];

	build(0);
	build(1);
	cp15_write(TTBCR, 0);
	cp15_write(DACR, 1);			/* domain 0: client */
	cp15_write(CONTEXTIDR, 1);
	cp15_write(TTBR0, (uint32_t)l1[0]);
	isb();
	cp15_write(SCTLR, cp15_read(SCTLR) | 1);	/* M */
	isb();

	/* each space sees its own page at WIN */
	seen[0] = *(volatile uint32_t *)WIN;
	cp15_write(CONTEXTIDR, 0);
	isb();
	cp15_write(TTBR0, (uint32_t)l1[1]);
	isb();
	cp15_write(CONTEXTIDR, 2);
	isb();
	seen[1] = *(volatile uint32_t *)WIN;
	printf("mmu: space 1 sees 0x%lx, space 2 sees 0x%lx at 0x%08lx\n",
	       (unsigned long)seen[0], (unsigned long)seen[1], (unsigned long)WIN);

#define SWITCH(tt, asid) "mov r0, #0\n\tmcr p15, 0, r0, c13, c0, 1\n\tisb\n\t" \
	"mcr p15, 0, " tt ", c2, c0, 0\n\tisb\n\t" \
	"mcr p15, 0, " asid ", c13, c0, 1\n\tisb\n\tldr r1, [%2]\n\t"
	sw = MEASURE(".rept 8\n" SWITCH("%3", "%4") SWITCH("%5", "%6") ".endr\n",
		     "r"(WIN), "r"(l1[0]), "r"(1), "r"(l1[1]), "r"(2));
	bench_report_ops("proc-switch", sw, empty);

	/* now in space 2 */
	bench_report_ops("tlbi-mmu", MEASURE(REPT16("mcr p15, 0, %2, c8, c7, 1"), "r"(WIN | 2)),
			 empty);
	for (int i = 0; i < BENCH_OPS; i++) {
		cp15_write(c8, 0, c7, 1, WIN | 2);	/* TLBIMVA */
		dsb();
		isb();
		fill += MEASURE("ldr r1, [%2]\n", "r"(WIN)) - empty;
	}
	bench_report("shadow-fill", fill, BENCH_OPS);
}
