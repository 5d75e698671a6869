/* Interrupt dispatch through the host GIC. */
#include "hyp/irq.h"
#include "hyp/console.h"
#include "arch/arm/mmu.h"
#include "board/board.h"
#include "board/drivers/gicv2.h"

#define IRQ_MAX 1020

static irq_handler_fn handlers[IRQ_MAX];

void irq_init(void)
{
	if (board.gicd_pa)
		gic_init(ioremap(board.gicd_pa), ioremap(board.gicc_pa));
}

void irq_register(unsigned irq, irq_handler_fn fn)
{
	handlers[irq] = fn;
	gic_enable(irq);
}

void irq_handle(void)
{
	for (;;) {
		unsigned irq = gic_ack();
		if (irq >= IRQ_MAX)
			return;
		if (handlers[irq])
			handlers[irq](irq);
		else
			hyp_printf("unexpected interrupt %u\n", irq);
		gic_eoi(irq);
	}
}
