/*
 * Interrupts on QEMU virt for guests that use them: the GICv2 (distributor
 * at 0x08000000, CPU interface at 0x08010000), the generic timer's cp15
 * registers and the PL011's interrupt registers.  Header only: nothing here
 * is linked into guests that do not include it.
 *
 * IRQs arrive through the runtime's vector table: install a handler with
 * exc_set_handler(EXC_IRQ, h); vectors.S saves r0-r12, calls it and
 * returns to the interrupted instruction (LR_irq - 4, as SUBS PC, LR, #4
 * would), restoring CPSR from SPSR_irq.
 */
#ifndef GUEST_RT_GIC_H
#define GUEST_RT_GIC_H

#include <stdint.h>
#include "rt.h"

#define GICD_BASE	0x08000000u
#define GICC_BASE	0x08010000u

#define GICD_CTLR	0x000
#define GICD_TYPER	0x004
#define GICD_IIDR	0x008
#define GICD_ISENABLER	0x100	/* + 4 * (id / 32) */
#define GICD_ICENABLER	0x180
#define GICD_ISPENDR	0x200
#define GICD_ICPENDR	0x280
#define GICD_ISACTIVER	0x300
#define GICD_ICACTIVER	0x380
#define GICD_IPRIORITYR	0x400	/* one byte per id */
#define GICD_ITARGETSR	0x800	/* one byte per id */
#define GICD_ICFGR	0xc00
#define GICD_SGIR	0xf00

#define GICC_CTLR	0x00
#define GICC_PMR	0x04
#define GICC_BPR	0x08
#define GICC_IAR	0x0c
#define GICC_EOIR	0x10
#define GICC_RPR	0x14
#define GICC_HPPIR	0x18

#define GIC_SPURIOUS	1023u
#define GIC_IAR_ID(v)	((v) & 0x3ffu)
#define GIC_IAR_CPU(v)	(((v) >> 10) & 7u)

#define IRQ_VTIMER	27u	/* PPI: virtual timer */
#define IRQ_PTIMER	30u	/* PPI: non-secure physical timer */
#define IRQ_UART	33u	/* SPI 1: PL011 */

static inline uint32_t gicd_read(uint32_t off)
{
	return *(volatile uint32_t *)(GICD_BASE + off);
}

static inline void gicd_write(uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)(GICD_BASE + off) = v;
}

static inline uint8_t gicd_read8(uint32_t off)
{
	return *(volatile uint8_t *)(GICD_BASE + off);
}

static inline void gicd_write8(uint32_t off, uint8_t v)
{
	*(volatile uint8_t *)(GICD_BASE + off) = v;
}

static inline uint32_t gicc_read(uint32_t off)
{
	return *(volatile uint32_t *)(GICC_BASE + off);
}

static inline void gicc_write(uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)(GICC_BASE + off) = v;
}

/* bit `id` of a one-bit-per-interrupt distributor register bank */
static inline uint32_t gicd_bit(uint32_t bank, uint32_t id)
{
	return (gicd_read(bank + 4 * (id / 32)) >> (id % 32)) & 1u;
}

static inline void gicd_set_bit(uint32_t bank, uint32_t id)
{
	gicd_write(bank + 4 * (id / 32), 1u << (id % 32));
}

static inline void gic_enable_irq(uint32_t id)  { gicd_set_bit(GICD_ISENABLER, id); }
static inline void gic_disable_irq(uint32_t id) { gicd_set_bit(GICD_ICENABLER, id); }
static inline void gic_clear_pending(uint32_t id) { gicd_set_bit(GICD_ICPENDR, id); }
static inline uint32_t gic_pending(uint32_t id) { return gicd_bit(GICD_ISPENDR, id); }
static inline uint32_t gic_active(uint32_t id)  { return gicd_bit(GICD_ISACTIVER, id); }

static inline void gic_set_priority(uint32_t id, uint8_t prio)
{
	gicd_write8(GICD_IPRIORITYR + id, prio);
}

/* SPIs only: CPU targets (bit 0 = CPU 0) */
static inline void gic_set_target(uint32_t id, uint8_t cpus)
{
	gicd_write8(GICD_ITARGETSR + id, cpus);
}

/* SGI `id` to this CPU only (target list filter 2) */
static inline void gic_sgi_self(uint32_t id)
{
	dsb();
	gicd_write(GICD_SGIR, (2u << 24) | (id & 0xfu));
}

/* Distributor and CPU interface on, priority mask `pmr` */
static inline void gic_init(uint32_t pmr)
{
	gicd_write(GICD_CTLR, 1);
	gicc_write(GICC_PMR, pmr);
	gicc_write(GICC_CTLR, 1);
}

static inline void irq_enable(void)
{
	__asm__ volatile("cpsie i" ::: "memory");
}

static inline void irq_disable(void)
{
	__asm__ volatile("cpsid i" ::: "memory");
}

static inline void wfi(void)
{
	__asm__ volatile("dsb\n\twfi" ::: "memory");
}

/* ---- generic timer (cp15) ---- */
#define CNTKCTL		c14, 0, c1, 0
#define CNTP_TVAL	c14, 0, c2, 0
#define CNTP_CTL	c14, 0, c2, 1
#define CNTV_TVAL	c14, 0, c3, 0
#define CNTV_CTL	c14, 0, c3, 1

#define CNT_CTL_ENABLE	(1u << 0)
#define CNT_CTL_IMASK	(1u << 1)
#define CNT_CTL_ISTATUS	(1u << 2)

static inline uint64_t read_cntvct(void)
{
	uint32_t lo, hi;
	isb();
	__asm__ volatile("mrrc p15, 1, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t read_cntpct(void)
{
	uint32_t lo, hi;
	isb();
	__asm__ volatile("mrrc p15, 0, %0, %1, c14" : "=r"(lo), "=r"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* counter ticks in `ms` milliseconds at CNTFRQ */
static inline uint32_t cnt_ms(uint32_t ms)
{
	return (uint32_t)((uint64_t)cp15_read(CNTFRQ) * ms / 1000u);
}

/* The virtual timer's interrupt made pending (TVAL 0, enabled) at priority
 * 0x80 through a GIC set up with mask `pmr`, and waited for (500 ms at
 * most); returns whether it is pending.  For WFI/WFE tests: an interrupt
 * pending, masked at the CPU. */
static inline uint32_t vtimer_make_pending(uint8_t pmr)
{
	uint64_t end;

	gic_init(pmr);
	gic_set_priority(IRQ_VTIMER, 0x80);
	gic_enable_irq(IRQ_VTIMER);
	cp15_write(CNTV_TVAL, 0);
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	isb();
	end = read_cntvct() + cnt_ms(500);
	while (!gic_pending(IRQ_VTIMER) && read_cntvct() < end)
		;
	return gic_pending(IRQ_VTIMER);
}

/* ---- PL011 interrupt registers ---- */
#define UART_REG(off)	(*(volatile uint32_t *)(0x09000000u + (off)))
#define UARTDR		UART_REG(0x00)
#define UARTFR		UART_REG(0x18)
#define UARTLCR_H	UART_REG(0x2c)
#define UARTCR		UART_REG(0x30)
#define UARTIFLS	UART_REG(0x34)
#define UARTIMSC	UART_REG(0x38)
#define UARTRIS		UART_REG(0x3c)
#define UARTMIS		UART_REG(0x40)
#define UARTICR		UART_REG(0x44)

#define UARTFR_RXFE	(1u << 4)
#define UARTFR_TXFF	(1u << 5)
#define UART_INT_RX	(1u << 4)
#define UART_INT_TX	(1u << 5)
#define UART_INT_RT	(1u << 6)

#endif
