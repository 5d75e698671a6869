/* ARM GICv2 (IHI 0048B): the host interrupt controller on virt. */
#ifndef BOARD_DRIVERS_GICV2_H
#define BOARD_DRIVERS_GICV2_H

#include <stdint.h>
#include "board/board.h"

#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180
#define GICD_ICPENDR		0x280
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800
#define GICD_ICFGR		0xc00

#define GICC_CTLR		0x000
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010

/* pa[0]: the distributor, pa[1]: the CPU interface */
extern const struct irqchip gicv2_irqchip;

#endif
