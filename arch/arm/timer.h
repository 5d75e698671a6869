/*
 * The host's generic timer (ARM ARM B8): the system counter, and the
 * physical timer that trapvisor keeps for itself (its interrupt ID is the
 * board's timer_irq).  Counts are in the virtual CPU's ticks
 * (MODEL_CNTFRQ_HZ), scaled from the host's where they differ.
 */
#ifndef ARCH_ARM_TIMER_H
#define ARCH_ARM_TIMER_H

#include <stdbool.h>
#include <stdint.h>

void timer_init(void);
uint64_t timer_now(void);		/* counter ticks */
uint32_t timer_freq(void);		/* ticks per second */
bool timer_scaled(void);		/* the host's counter runs at another rate */
uint32_t timer_host_freq(void);
uint64_t timer_ticks_to_us(uint64_t ticks);
/* One interrupt after `ticks` (rounded up to host ticks); timer_stop()
 * cancels it. */
void timer_arm(uint32_t ticks);
void timer_stop(void);

#endif
