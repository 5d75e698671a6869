/*
 * Raspberry Pi 2 (BCM2836, Cortex-A7) and Pi 3 (BCM2837, Cortex-A53) in
 * AArch32, and QEMU -M raspi2b: peripherals at 0x3F000000, the ARM local
 * block at 0x40000000, RAM from 0 up to the VideoCore's share.  The
 * firmware enters kernel7.img at 0x8000 in HYP mode and passes ATAGS
 * (the ARM's RAM, the initramfs that holds the guest package).
 */
#include "board/board.h"
#include "board/drivers/bcm2836_intc.h"
#include "arch/arm/mmu.h"

#define PERIPH		0x3f000000u
#define GPIO		(PERIPH + 0x200000)
#define GPFSEL1		0x04
#define GPPUD		0x94
#define GPPUDCLK0	0x98
#define PM		(PERIPH + 0x100000)	/* power management, watchdog */
#define PM_RSTC		0x1c
#define PM_RSTS		0x20
#define PM_WDOG		0x24
#define PM_PASSWORD	0x5a000000u
#define PM_RSTC_WRCFG_CLR	0xffffffcfu
#define PM_RSTC_FULL_RESET	0x00000020u
#define PM_RSTS_HALT	0x555u		/* partition 63: the firmware halts */

#define REG(base, off)	(*(volatile uint32_t *)((base) + (off)))

static uintptr_t pm;	/* mapped at init: VMs' tables copy trapvisor's then */

/* Roughly n cycles; GPIO pull changes need 150 between steps. */
static void spin(unsigned n)
{
	for (volatile unsigned i = 0; i < n; i++)
		;
}

/* GPIO 14 and 15 to the PL011 (ALT0), their pull-up/downs off. */
static void rpi_init(void)
{
	uintptr_t gpio = ioremap(GPIO);
	uint32_t sel = REG(gpio, GPFSEL1);

	pm = ioremap(PM);
	sel &= ~((7u << 12) | (7u << 15));
	sel |= (4u << 12) | (4u << 15);		/* ALT0 = 0b100 */
	REG(gpio, GPFSEL1) = sel;
	REG(gpio, GPPUD) = 0;
	spin(150);
	REG(gpio, GPPUDCLK0) = (1u << 14) | (1u << 15);
	spin(150);
	REG(gpio, GPPUD) = 0;
	REG(gpio, GPPUDCLK0) = 0;
}

/*
 * No PSCI here.  The watchdog restarts the SoC, with the boot partition
 * set to 63, which the firmware takes as "halt" (as Linux powers a Pi
 * off); QEMU, run with -no-reboot, exits instead of restarting.
 */
static void rpi_poweroff(void)
{
	REG(pm, PM_RSTS) = PM_PASSWORD | (REG(pm, PM_RSTS) & ~0xfffu) | PM_RSTS_HALT;
	REG(pm, PM_WDOG) = PM_PASSWORD | 10;
	REG(pm, PM_RSTC) = PM_PASSWORD | (REG(pm, PM_RSTC) & PM_RSTC_WRCFG_CLR) |
			   PM_RSTC_FULL_RESET;
	for (;;)
		__asm__ volatile("wfi");
}

const struct board board = {
	.name = "raspberry-pi-2/3",
	.ram_base = 0x00000000,
	.ram_size = 0x3c000000,		/* 1 GiB less gpu_mem=64 (config.txt) */
	.reserved_end = 0x00008000,	/* firmware stub, ATAGS; we start here */
	.pkg_pa = 0x01000000,		/* PKG_PA in board.mk; config.txt's initramfs */
	.atags = true,
	.uart_pa = PERIPH + 0x201000,
	.uart_clk_hz = 48000000,	/* init_uart_clock in config.txt */
	.uart_irq = BCM_IRQ_GPU(57),
	.timer_irq = BCM_IRQ_TIMER,
	.irqchip = &bcm2836_irqchip,
	.irqchip_pa = { PERIPH + 0xb200, 0x40000000 },
	.init = rpi_init,
	.poweroff = rpi_poweroff,
};
