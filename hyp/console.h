/*
 * The console every VM and trapvisor share.  Output goes out in whole
 * lines, each prefixed with who printed it: "[NAME] text" for a VM,
 * "[hyp] text" for trapvisor, so lines are never torn between VMs.
 */
#ifndef HYP_CONSOLE_H
#define HYP_CONSOLE_H

#include <stddef.h>

void console_init(void);
/* trapvisor's own message; every line of it gets "[hyp] ". */
void hyp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* One line printed by VM `name` (text without its '\n'). */
void console_vm_line(const char *name, const char *text, size_t len);

#endif
