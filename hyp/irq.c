/* Interrupt dispatch through the board's interrupt controller. */
#include "hyp/irq.h"
#include "hyp/console.h"
#include "board/board.h"

#define IRQ_MAX 128

static irq_handler_fn handlers[IRQ_MAX];

void irq_init(void)
{
	board.irqchip->init(board.irqchip_pa);
}

void irq_register(unsigned irq, irq_handler_fn fn)
{
	handlers[irq] = fn;
	board.irqchip->enable(irq);
}

void irq_handle(void)
{
	unsigned irq;

	while ((irq = board.irqchip->ack()) != IRQ_NONE) {
		if (irq < IRQ_MAX && handlers[irq]) {
			handlers[irq](irq);
		} else {
			/* nobody would ever quiet it: off for good */
			hyp_printf("unexpected interrupt %u: disabled\n", irq);
			board.irqchip->disable(irq);
		}
		board.irqchip->eoi(irq);
	}
}
