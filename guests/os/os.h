/*
 * Shared between the kernel (kernel.c, SVC mode) and the tasks (user.c,
 * User mode): system call numbers and the trap frame layout entry.S builds.
 */
#ifndef OS_H
#define OS_H
#include <stdint.h>

/* SVC immediates; kernel.c dispatches them through systab[] */
#define SYS_WRITE	0	/* write(buf, len) -> len */
#define SYS_YIELD	1	/* yield() -> 0 */
#define SYS_SLEEP	2	/* sleep(ticks) -> 0 */
#define SYS_GETPID	3	/* getpid() -> pid (1..NTASK) */
#define SYS_EXIT	4	/* exit(code): does not return */
#define SYS_READ	5	/* read(buf, len, timeout ticks) -> bytes, 0 on timeout */
#define SYS_WAITPID	6	/* waitpid(pid) -> exit code of pid, once it has exited */
#define NSYSCALL	7

#define NTASK		5
#define HZ		100	/* timer ticks per second: one tick = 10 ms */

/*
 * What entry.S saves on the kernel stack on every entry from User mode:
 * the user registers (STM ^), one pad word so the frame is 8-byte aligned
 * for C, then SRS's return address and SPSR.  A task's saved context is a
 * copy of this frame, so a context switch is two struct copies.
 */
struct frame {
	uint32_t r[13];
	uint32_t sp, lr;	/* User-mode banked SP and LR */
	uint32_t pad;
	uint32_t pc, cpsr;	/* where and how to return (RFE) */
};

/* Every task's own memory: USER_PAGES pages ending at USER_TOP, the
 * same virtual addresses in each task's address space (space.c) */
#define USER_BASE	0x80000000u
#define USER_TOP	0x80100000u
#define USER_PAGES	4

/* space.c: the tasks' address spaces */
void space_init(void);
void space_switch(int task);
void space_free(int task);
void *user_ptr(int task, uint32_t va, uint32_t len, int write);

/* user.c: the task table's entries */
void task_a(void);
void task_b(void);
void task_c(void);
void task_d(void);
void task_e(void);
void task_exit_stub(void);

#endif
