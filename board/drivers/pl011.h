/* ARM PL011 UART, the host console (ARM DDI 0183). */
#ifndef BOARD_DRIVERS_PL011_H
#define BOARD_DRIVERS_PL011_H

#include <stdint.h>

#define UARTDR		0x000
#define UARTRSR		0x004
#define UARTFR		0x018
#define UARTILPR	0x020
#define UARTIBRD	0x024
#define UARTFBRD	0x028
#define UARTLCR_H	0x02c
#define UARTCR		0x030
#define UARTIFLS	0x034
#define UARTIMSC	0x038
#define UARTRIS		0x03c
#define UARTMIS		0x040
#define UARTICR		0x044
#define UARTDMACR	0x048

#define FR_BUSY		(1 << 3)
#define FR_RXFE		(1 << 4)
#define FR_TXFF		(1 << 5)
#define FR_TXFE		(1 << 7)

#define INT_RX		(1 << 4)
#define INT_TX		(1 << 5)
#define INT_RT		(1 << 6)

void pl011_init(uintptr_t base, uint32_t clk_hz, uint32_t baud);
void pl011_putc(char c);
int pl011_getc(void);
void pl011_rx_irq_enable(void);

#endif
