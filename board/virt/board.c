/* QEMU -M virt (hw/arm/virt.c memory map), Cortex-A15, no EL2/EL3. */
#include "board/board.h"
#include "board/drivers/gicv2.h"

/* PSCI SYSTEM_OFF: QEMU implements PSCI for PL1 on this machine, over HVC,
 * or over SMC when it gives the CPU EL2 (virtualization=on). */
static void virt_poweroff(void)
{
	register uint32_t r0 __asm__("r0") = 0x84000008;

	if (board_entered_in_hyp)
		__asm__ volatile(".arch_extension sec\n\tsmc #0" : "+r"(r0) :: "memory");
	else
		__asm__ volatile(".arch_extension virt\n\thvc #0" : "+r"(r0) :: "memory");
	for (;;)
		__asm__ volatile("wfi");
}

const struct board board = {
	.name = "qemu-virt",
	.ram_base = 0x40000000,
	.ram_size = 0x40000000,		/* -m 1024, set in board.mk */
	.reserved_end = 0x40000000,	/* no firmware: all of it is ours */
	.pkg_pa = 0x41000000,		/* PKG_PA in board.mk */
	.atags = false,
	.uart_pa = 0x09000000,
	.uart_clk_hz = 0,
	.uart_irq = 33,			/* SPI 1 */
	.timer_irq = 30,		/* PPI 14: the non-secure physical timer */
	.irqchip = &gicv2_irqchip,
	.irqchip_pa = { 0x08000000, 0x08010000 },	/* GICD, GICC */
	.poweroff = virt_poweroff,
};
