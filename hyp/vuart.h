/* Virtual PL011 UART: what each VM sees at 0x09000000. */
#ifndef HYP_VUART_H
#define HYP_VUART_H

#include <stdint.h>

#define VUART_LINE_MAX	200

struct vuart {
	/* registers the guest can write and read back */
	uint32_t ilpr, ibrd, fbrd, lcr_h, cr, ifls, imsc, dmacr;
	uint32_t ris;
	/* the line being printed, emitted whole on '\n' */
	char line[VUART_LINE_MAX];
	unsigned len;
};

struct vm;
void vuart_reset(struct vuart *u);
/* MMIO access at offset off; returns 0 or a fault status (external abort). */
int vuart_access(struct vm *vm, uint32_t off, int size, int write, uint32_t *val);
void vuart_flush(struct vm *vm);

#endif
