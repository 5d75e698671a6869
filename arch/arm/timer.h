/*
 * The host's generic timer (ARM ARM B8): the system counter, and the
 * non-secure physical timer that trapvisor keeps for itself (its
 * interrupt ID is the board's timer_irq).
 */
#ifndef ARCH_ARM_TIMER_H
#define ARCH_ARM_TIMER_H

#include <stdint.h>

void timer_init(void);
uint64_t timer_now(void);		/* counter ticks */
uint32_t timer_freq(void);		/* ticks per second */
uint64_t timer_ticks_to_us(uint64_t ticks);
/* One interrupt (PPI 30) after `ticks`; timer_stop() cancels it. */
void timer_arm(uint32_t ticks);
void timer_stop(void);

#endif
