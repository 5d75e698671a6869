/*
 * trapvisor's virtual address layout.  trapvisor lives in the hole
 * [HOLE_START, HOLE_END) of every address space, mapped PL1-only; a guest
 * touching it gets the abort it would get natively (nothing is there on
 * the guest's machine).  Everything else is the guest's, the last 16 MiB
 * included: that is where its high vectors (SCTLR.V, 0xFFFF0000) live.
 *
 *   0xF0000000  image, stacks, heap (HYP_SIZE)       global
 *   0xF1000000  host devices, 1 MiB slot each        global
 *   0xF2000000  guest package, read-only             global
 *   0xF6000000  the current VM's RAM (VM_WINDOW)     per VM (nG, ASID)
 *   0xFE000000  its firmware image in flash (FLASH_WINDOW)  per VM
 *   0xFF000000  the guest's again, up to 4 GiB
 */
#ifndef ARCH_ARM_LAYOUT_H
#define ARCH_ARM_LAYOUT_H

#define HYP_VA		0xF0000000u
#define HYP_SIZE	0x01000000u	/* 16 MiB: image + heap */
#define DEV_VA		0xF1000000u
#define DEV_SLOTS	16
#define PKG_VA		0xF2000000u
#define PKG_MAX		0x04000000u	/* 64 MiB */
#define VM_WINDOW_VA	0xF6000000u
#define VM_WINDOW_MAX	0x08000000u	/* 128 MiB: the largest VM RAM */
#define FLASH_WINDOW_VA	0xFE000000u	/* 16 MiB: the largest firmware image */
#define HOLE_START	HYP_VA		/* guests own [0, HOLE_START) ... */
#define HOLE_END	0xFF000000u	/* ... and [HOLE_END, 4 GiB) */
#define HOLE_SLOT_FIRST	(HOLE_START >> 20)	/* the hole's L1 slots */
#define HOLE_SLOT_END	(HOLE_END >> 20)

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

static inline bool in_hole(uint32_t va)
{
	return va - HOLE_START < HOLE_END - HOLE_START;
}

/* The L1 slot after slot i that belongs to the guest (4096: none). */
static inline unsigned next_guest_slot(unsigned i)
{
	return i + 1 == HOLE_SLOT_FIRST ? HOLE_SLOT_END : i + 1;
}
#endif

#define SECTION_SIZE	0x00100000u

#endif
