/* Physical interrupts, all of them trapvisor's. */
#ifndef HYP_IRQ_H
#define HYP_IRQ_H

typedef void (*irq_handler_fn)(unsigned irq);

void irq_init(void);
void irq_register(unsigned irq, irq_handler_fn fn);
/* Acknowledges and handles every pending interrupt. */
void irq_handle(void);

#endif
