/* ARM PL011 UART (ARM DDI 0183): the register map, shared by the host
 * console driver and the virtual UART, and the host driver. */
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
#define UARTPERIPHID0	0xfe0		/* UARTPeriphID0-3, then UARTPCellID0-3 */
#define UARTPCELLID3	0xffc

/* UARTDR: error bits above the data byte */
#define DR_BE		(1u << 10)

/* UARTFR */
#define FR_BUSY		(1u << 3)
#define FR_RXFE		(1u << 4)
#define FR_TXFF		(1u << 5)
#define FR_RXFF		(1u << 6)
#define FR_TXFE		(1u << 7)

/* UARTLCR_H */
#define LCR_H_FEN	(1u << 4)

/* UARTRIS/UARTMIS/UARTIMSC/UARTICR */
#define INT_RX		(1u << 4)
#define INT_TX		(1u << 5)
#define INT_RT		(1u << 6)
#define INT_ALL		0x7ffu		/* every source UARTINTR combines (OE..RIMIS) */

/* UARTDMACR */
#define DMACR_RXTX	0x3u		/* RXDMAE | TXDMAE */

void pl011_init(uintptr_t base, uint32_t clk_hz, uint32_t baud);
void pl011_putc(char c);
int pl011_getc(void);
void pl011_rx_irq_enable(void);

#endif
