/*
 * Virtual PL011 (ARM DDI 0183), as QEMU's hw/char/pl011.c presents it to
 * a guest: enough for output, register read-back and identification.
 * Output is collected per VM and goes to the console a whole line at a
 * time.  Input and interrupts come with the full UART.
 */
#include "hyp/vuart.h"
#include "hyp/vm.h"
#include "hyp/console.h"
#include "board/drivers/pl011.h"

#define INT_TX	(1u << 5)

static const uint8_t pl011_id[8] = { 0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1 };

void vuart_reset(struct vuart *u)
{
	*u = (struct vuart){ .cr = 0x300, .ifls = 0x12 };
}

void vuart_flush(struct vm *vm)
{
	struct vuart *u = &vm->uart;

	if (u->len)
		console_vm_line(vm->name, u->line, u->len);
	u->len = 0;
}

static void put(struct vm *vm, char c)
{
	struct vuart *u = &vm->uart;

	if (c == '\n') {
		console_vm_line(vm->name, u->line, u->len);
		u->len = 0;
		return;
	}
	if (c == '\r')
		return;			/* the console ends lines itself */
	if (u->len == VUART_LINE_MAX)
		vuart_flush(vm);
	u->line[u->len++] = c;
}

static uint32_t *reg(struct vuart *u, uint32_t off)
{
	switch (off) {
	case UARTILPR: return &u->ilpr;
	case UARTIBRD: return &u->ibrd;
	case UARTFBRD: return &u->fbrd;
	case UARTLCR_H: return &u->lcr_h;
	case UARTCR: return &u->cr;
	case UARTIFLS: return &u->ifls;
	case UARTIMSC: return &u->imsc;
	case UARTDMACR: return &u->dmacr;
	default: return NULL;
	}
}

int vuart_access(struct vm *vm, uint32_t off, int size, int write, uint32_t *val)
{
	struct vuart *u = &vm->uart;
	uint32_t *r;

	(void)size;
	off &= ~3u;
	if (off == UARTDR) {
		if (write) {
			put(vm, (char)*val);
			u->ris |= INT_TX;
		} else {
			*val = 0;		/* no input yet: the FIFO is empty */
		}
	} else if (off == UARTFR) {
		if (!write)
			*val = FR_TXFE | FR_RXFE;
	} else if (off == UARTRIS || off == UARTMIS) {
		if (!write)
			*val = off == UARTRIS ? u->ris : u->ris & u->imsc;
	} else if (off == UARTICR) {
		if (write)
			u->ris &= ~*val;
	} else if (off >= 0xfe0) {
		if (!write)
			*val = pl011_id[(off - 0xfe0) / 4];
	} else if ((r = reg(u, off))) {
		if (write)
			*r = *val;
		else
			*val = *r;
	} else if (!write) {
		*val = 0;			/* UARTRSR and reserved: read as zero */
	}
	return 0;
}
