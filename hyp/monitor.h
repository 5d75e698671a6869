/* The monitor shell on the console (Ctrl-] m): see monitor.c. */
#ifndef HYP_MONITOR_H
#define HYP_MONITOR_H

#include <stdbool.h>
#include <stdint.h>

bool monitor_active(void);
void monitor_enter(void);
/* A key typed while the monitor is active. */
void monitor_key(uint8_t c);

#endif
