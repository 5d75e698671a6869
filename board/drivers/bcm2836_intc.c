/* BCM2836 local block + BCM2835 legacy controller: see bcm2836_intc.h.
 * Every source here is level-triggered and is quieted by its handler
 * (timer stopped, UART drained), so there is nothing to acknowledge. */
#include "board/drivers/bcm2836_intc.h"
#include "arch/arm/mmu.h"

/* legacy controller, from 0x3F00B200 */
#define PENDING1	0x04
#define PENDING2	0x08
#define ENABLE1		0x10
#define DISABLE1	0x1c
/* ARM local block, core 0 */
#define LOCAL_CONTROL	0x00
#define LOCAL_PRESCALER	0x08
#define GPU_ROUTING	0x0c
#define TIMER_INT_CTRL0	0x40		/* bits 0-3: the core's four timers */
#define MBOX_INT_CTRL0	0x50		/* bits 0-3: its four mailboxes */
#define IRQ_SOURCE0	0x60
#define SRC_CNTPS	(1u << 0)
#define SRC_CNTPNS	(1u << 1)
#define SRC_GPU		(1u << 8)

static volatile uint32_t *legacy, *local;
static uint32_t gpu_enabled[2];		/* what trapvisor enabled, per bank */

#define REG(base, off)	(base)[(off) / 4]

static void bcm_init(const uint32_t pa[2])
{
	legacy = (volatile uint32_t *)ioremap(pa[0]);
	local = (volatile uint32_t *)ioremap(pa[1]);
	REG(legacy, DISABLE1) = 0xffffffff;
	REG(legacy, DISABLE1 + 4) = 0xffffffff;
	/* The firmware leaves the core timers' clock as it was; Linux sets it
	 * too: the 19.2 MHz crystal, counting by 1, prescaler 1:1. */
	REG(local, LOCAL_CONTROL) = 0;
	REG(local, LOCAL_PRESCALER) = 0x80000000;
	REG(local, GPU_ROUTING) = 0;		/* GPU IRQ and FIQ to core 0 */
}

static void bcm_enable(unsigned irq)
{
	if (irq == BCM_IRQ_TIMER) {
		/* both physical timers: which one fires depends on the
		 * security state trapvisor was started in */
		REG(local, TIMER_INT_CTRL0) |= SRC_CNTPS | SRC_CNTPNS;
	} else if (irq >= BCM_IRQ_GPU(0) && irq < BCM_IRQ_GPU(64)) {
		unsigned n = irq - BCM_IRQ_GPU(0);
		gpu_enabled[n / 32] |= 1u << (n % 32);
		REG(legacy, ENABLE1 + 4 * (n / 32)) = 1u << (n % 32);
	}
}

static void bcm_disable(unsigned irq)
{
	if (irq == BCM_IRQ_TIMER) {
		REG(local, TIMER_INT_CTRL0) &= ~(SRC_CNTPS | SRC_CNTPNS);
	} else if (irq >= BCM_IRQ_GPU(0) && irq < BCM_IRQ_GPU(64)) {
		unsigned n = irq - BCM_IRQ_GPU(0);
		gpu_enabled[n / 32] &= ~(1u << (n % 32));
		REG(legacy, DISABLE1 + 4 * (n / 32)) = 1u << (n % 32);
	} else if (irq < 4) {
		REG(local, TIMER_INT_CTRL0) &= ~(1u << irq);
	} else if (irq < 8) {
		REG(local, MBOX_INT_CTRL0) &= ~(1u << (irq - 4));
	}
}

static unsigned bcm_ack(void)
{
	uint32_t src = REG(local, IRQ_SOURCE0);

	if (src & (SRC_CNTPS | SRC_CNTPNS))
		return BCM_IRQ_TIMER;
	if (src & SRC_GPU) {
		for (unsigned bank = 0; bank < 2; bank++) {
			uint32_t p = REG(legacy, PENDING1 + 4 * bank) & gpu_enabled[bank];
			if (p)
				return BCM_IRQ_GPU(32 * bank + __builtin_ctz(p));
		}
	}
	src &= 0xfc;			/* other timers, mailboxes: never enabled */
	return src ? (unsigned)__builtin_ctz(src) : IRQ_NONE;
}

static void bcm_eoi(unsigned irq)
{
	(void)irq;
}

const struct irqchip bcm2836_irqchip = {
	.init = bcm_init, .enable = bcm_enable, .disable = bcm_disable,
	.ack = bcm_ack, .eoi = bcm_eoi,
};
