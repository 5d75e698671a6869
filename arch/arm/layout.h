/*
 * trapvisor's virtual address layout.  trapvisor lives in the top 256 MiB
 * of every address space, mapped PL1-only; a guest touching this range
 * gets the abort it would get natively (nothing is there on the guest's
 * machine).  Everything below is the guest's.
 *
 *   0xF0000000  image, stacks, heap (HYP_SIZE)       global
 *   0xF1000000  host devices, 1 MiB slot each        global
 *   0xF2000000  guest package, read-only             global
 *   0xF8000000  the current VM's RAM (VM_WINDOW)     per VM (nG, ASID)
 */
#ifndef ARCH_ARM_LAYOUT_H
#define ARCH_ARM_LAYOUT_H

#define HYP_VA		0xF0000000u
#define HYP_SIZE	0x01000000u	/* 16 MiB: image + heap */
#define DEV_VA		0xF1000000u
#define DEV_SLOTS	16
#define PKG_VA		0xF2000000u
#define PKG_MAX		0x04000000u	/* 64 MiB */
#define VM_WINDOW_VA	0xF8000000u
#define VM_WINDOW_MAX	0x08000000u	/* 128 MiB: the largest VM RAM */
#define HOLE_START	HYP_VA		/* guests own [0, HOLE_START) */

#define SECTION_SIZE	0x00100000u

#endif
