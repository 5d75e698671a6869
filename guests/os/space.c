/*
 * Address spaces: one first-level table per task, the MMU, and the only
 * way the kernel touches a task's memory (user_ptr).
 *
 * Every task's table holds the same global kernel mappings and its own
 * not-global user mappings:
 *
 *   0x08000000  GIC        section, PL1 only, Device, XN      global
 *   0x09000000  UART       section, PL1 only, Device, XN      global
 *   0x40000000  kernel     section, PL1 only (image, tables, stacks, and
 *                          the physical pages behind every task)  global
 *   0x40100000  user text  section, read-only for PL1 and PL0    global
 *   0x80000000  task       page table: USER_PAGES small pages of the
 *                          task's own memory at the top of the MiB, PL0
 *                          read/write, XN; nothing below them (a guard)
 *
 * So every task sees its stack at the same virtual address and a task
 * switch is a change of TTBR0 and ASID (ASID = pid): no TLB flush, and
 * the kernel's global entries survive it.  The tables never change after
 * boot, so the only TLB maintenance is dropping a dead task's ASID.
 */
#include <stddef.h>
#include "os.h"

#define SECTION		0x2u
#define PAGE_TABLE	0x1u
#define S_B		(1u << 2)
#define S_C		(1u << 3)
#define S_XN		(1u << 4)
#define S_AP(ap)	((((ap) & 3u) << 10) | (((ap) >> 2) << 15))
#define S_TEX(t)	((uint32_t)(t) << 12)
#define S_NORMAL	(S_TEX(1) | S_C | S_B)	/* write-back, write-allocate */
#define S_DEVICE	(S_B | S_XN)		/* shareable Device */
#define P_SMALL		0x2u			/* small page; bit 0 is XN */
#define P_XN		0x1u
#define P_AP(ap)	((((ap) & 3u) << 4) | (((ap) >> 2) << 9))
#define P_NORMAL	((1u << 6) | S_C | S_B)	/* TEX=001, C, B */
#define P_NG		(1u << 11)

/* AP[2:0], with SCTLR.AFE = 0 */
#define AP_PL1_RW	1u		/* PL1 read/write, PL0 no access */
#define AP_RW		3u		/* read/write for both */
#define AP_RO		7u		/* read-only for both */

#define SCTLR_M		(1u << 0)
#define SCTLR_C		(1u << 2)
#define SCTLR_I		(1u << 12)

#define MiB		(1u << 20)
#define CP15_W(crn, op1, crm, op2, v) \
	__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 :: "r"(v) : "memory")
#define CP15_R(crn, op1, crm, op2) ({ uint32_t _v; \
	__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2 : "=r"(_v)); _v; })

extern char __user_start[];	/* os.ld: the user text section */

static uint32_t l1[NTASK][4096] __attribute__((aligned(16384)));
static uint32_t l2[NTASK][256] __attribute__((aligned(1024)));
static char memory[NTASK][USER_PAGES][4096] __attribute__((aligned(4096)));

static void map_section(uint32_t *t, uint32_t va, uint32_t attrs)
{
	t[va >> 20] = (va & ~(MiB - 1)) | attrs | SECTION;
}

static void build(int task)
{
	uint32_t *t = l1[task], *p = l2[task];
	uint32_t user = (uint32_t)__user_start;

	map_section(t, 0x08000000, S_DEVICE | S_AP(AP_PL1_RW));
	map_section(t, 0x09000000, S_DEVICE | S_AP(AP_PL1_RW));
	map_section(t, 0x40000000, S_NORMAL | S_AP(AP_PL1_RW));
	map_section(t, user, S_NORMAL | S_AP(AP_RO));
	t[USER_BASE >> 20] = (uint32_t)p | PAGE_TABLE;	/* domain 0 */
	for (int i = 0; i < USER_PAGES; i++)
		p[256 - USER_PAGES + i] = (uint32_t)memory[task][i] | P_NORMAL |
					  P_AP(AP_RW) | P_NG | P_XN | P_SMALL;
}

/* Builds every task's table and turns the MMU on in task 0's space. */
void space_init(void)
{
	for (int i = 0; i < NTASK; i++)
		build(i);
	CP15_W(c2, 0, c0, 2, 0u);			/* TTBCR: N = 0, TTBR0 only */
	CP15_W(c3, 0, c0, 0, 1u);			/* DACR: domain 0 client */
	CP15_W(c2, 0, c0, 0, (uint32_t)l1[0]);		/* TTBR0 */
	CP15_W(c13, 0, c0, 1, 1u);			/* CONTEXTIDR: ASID 1 */
	CP15_W(c8, 0, c7, 0, 0u);			/* TLBIALL */
	__asm__ volatile("dsb\n\tisb" ::: "memory");
	CP15_W(c1, 0, c0, 0, CP15_R(c1, 0, c0, 0) | SCTLR_M | SCTLR_C | SCTLR_I);
	__asm__ volatile("isb" ::: "memory");
}

/*
 * Switches to task's space.  ASID 0 belongs to no task: going through it
 * while TTBR0 changes means no TLB entry ever pairs one task's ASID with
 * another task's table.
 */
void space_switch(int task)
{
	CP15_W(c13, 0, c0, 1, 0u);
	__asm__ volatile("isb" ::: "memory");
	CP15_W(c2, 0, c0, 0, (uint32_t)l1[task]);
	__asm__ volatile("isb" ::: "memory");
	CP15_W(c13, 0, c0, 1, (uint32_t)task + 1);
	__asm__ volatile("isb" ::: "memory");
}

/* A dead task's ASID must not find its old entries when reused. */
void space_free(int task)
{
	CP15_W(c8, 0, c7, 2, (uint32_t)task + 1);	/* TLBIASID */
	__asm__ volatile("dsb\n\tisb" ::: "memory");
}

/*
 * The kernel's pointer to len bytes at va in task's space, or NULL if the
 * task may not access all of them: its own pages (read/write) or the
 * user text (reading only).  Through the kernel's own mapping of the
 * physical pages, so it works whichever space is current.
 */
void *user_ptr(int task, uint32_t va, uint32_t len, int write)
{
	uint32_t lo = USER_TOP - USER_PAGES * 4096u, user = (uint32_t)__user_start;

	if (va >= lo && va <= USER_TOP && len <= USER_TOP - va)
		return &memory[task][0][0] + (va - lo);
	if (!write && va >= user && va <= user + MiB && len <= user + MiB - va)
		return (void *)va;
	return NULL;
}
