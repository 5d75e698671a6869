/*
 * Virtual GICv2 (ARM IHI 0048B): the distributor and the one CPU interface
 * a VM sees, as QEMU 7.2's arm_gic presents them on `-M virt -cpu
 * cortex-a15`: one CPU, 288 interrupt IDs (16 SGIs, 16 PPIs, 256 SPIs),
 * revision 2 with interrupt groups, no Security Extensions, no
 * Virtualization Extensions.
 *
 * Plain C with no dependency on the rest of trapvisor, so the host unit
 * tests compile it as is.  Not thread-safe: one VM's vGIC is only touched by
 * the CPU running that VM.
 */
#ifndef HYP_VGIC_H
#define HYP_VGIC_H

#include <stdint.h>
#include <stdbool.h>

#define VGIC_NR_IRQS	288		/* GICD_TYPER.ITLinesNumber = 8 */
#define VGIC_WORDS	(VGIC_NR_IRQS / 32)
#define VGIC_NR_SGIS	16
#define VGIC_NR_APRS	4		/* 128 preemption levels (BPR min 0) */

/* Where QEMU virt maps the two frames and how much of each decodes: the
 * rest of the 64 KiB slots has nothing behind it (external abort). */
#define VGIC_DIST_BASE	0x08000000u
#define VGIC_DIST_SIZE	0x1000u
#define VGIC_CPU_BASE	0x08010000u
#define VGIC_CPU_SIZE	0x2000u		/* GICv2: GICC_DIR lives at 0x1000 */

/* Interrupt IDs with a meaning of their own */
#define VGIC_ID_GROUP1_HIDDEN	1022	/* Group 1 pending, GICC_CTLR.AckCtl clear */
#define VGIC_ID_SPURIOUS	1023

#define VGIC_FSR_EXT_ABORT	0x008	/* DFSR: synchronous external abort */

struct vgic {
	/* ---- distributor: one bit per interrupt ID in each bitmap ---- */
	uint32_t ctlr;			/* GICD_CTLR: EnableGrp0, EnableGrp1 */
	uint32_t group[VGIC_WORDS];	/* GICD_IGROUPRn: 1 = Group 1 */
	uint32_t enabled[VGIC_WORDS];	/* GICD_ISENABLERn */
	uint32_t latched[VGIC_WORDS];	/* pending state set by an edge, a
					   GICD_ISPENDRn write or an SGI */
	uint32_t active[VGIC_WORDS];	/* GICD_ISACTIVERn */
	uint32_t level[VGIC_WORDS];	/* input lines (PPIs, SPIs) now high */
	uint32_t edge[VGIC_WORDS];	/* GICD_ICFGRn Int_config[1]: edge */
	uint8_t priority[VGIC_NR_IRQS];	/* GICD_IPRIORITYRn, all 8 bits */
	uint8_t sgi_source[VGIC_NR_SGIS]; /* GICD_SPENDSGIRn: CPUs an SGI is
					   pending from */

	/* ---- CPU interface ---- */
	uint32_t cctlr;			/* GICC_CTLR */
	uint8_t pmr;			/* GICC_PMR */
	uint8_t bpr;			/* GICC_BPR, >= 0 */
	uint8_t abpr;			/* GICC_ABPR, >= 1 */
	uint16_t running;		/* running priority; 0x100 = idle */
	uint32_t apr[VGIC_NR_APRS];	/* GICC_APRn: active Group 0 levels */
	uint32_t nsapr[VGIC_NR_APRS];	/* GICC_NSAPRn: active Group 1 levels */

	/* ---- derived after every change, as QEMU's gic_update() ---- */
	uint16_t hppi;			/* highest priority pending, or 1023 */
	bool irq_out, fiq_out;		/* what the CPU interface signals */

	/* ---- accounting, kept across vgic_reset() ---- */
	uint64_t delivered;		/* GICC_IAR reads that returned an ID */
	uint64_t spurious;		/* GICC_IAR reads that returned 1022/1023 */
	uint64_t eois;			/* GICC_EOIR writes that dropped priority */
};

/* Zero everything, counters included, then vgic_reset(). */
void vgic_init(struct vgic *g);
/* Power-on state as QEMU's reset: every register at its reset value and
 * every input line low (the caller re-drives the lines of its devices). */
void vgic_reset(struct vgic *g);

/*
 * Guest access to the distributor (off < VGIC_DIST_SIZE) or the CPU
 * interface (off < VGIC_CPU_SIZE).  size is 1, 2 or 4; a read returns the
 * value zero-extended in *val, a write takes the low size bytes of *val.
 * Returns 0, or VGIC_FSR_EXT_ABORT for any other size (as QEMU).  Reserved
 * and unimplemented offsets read as zero and ignore writes, as on QEMU.
 */
int vgic_dist_access(struct vgic *g, uint32_t off, unsigned size, int write, uint32_t *val);
int vgic_cpu_access(struct vgic *g, uint32_t off, unsigned size, int write, uint32_t *val);

/* A device's interrupt line: PPIs 16-31 (timers 27, 30), SPIs 32-287
 * (PL011: 33).  IDs below 16 or from 288 on are ignored. */
void vgic_set_level(struct vgic *g, unsigned irq, bool level);

/* The IRQ and FIQ signals the CPU interface drives to the vCPU now: the
 * highest priority pending interrupt is enabled, not active, higher than
 * GICC_PMR and the running priority, and its group is enabled in both
 * GICD_CTLR and GICC_CTLR (Group 0 goes to FIQ when GICC_CTLR.FIQEn).
 * They do not look at the vCPU's CPSR.I/F; WFI wakes on either. */
static inline bool vgic_irq_line(const struct vgic *g) { return g->irq_out; }
static inline bool vgic_fiq_line(const struct vgic *g) { return g->fiq_out; }

#endif
