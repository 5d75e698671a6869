/*
 * A tiny preemptive kernel for QEMU virt, xv6 in miniature: NTASK
 * User-mode tasks, each in its own address space (space.c), round-robin
 * on the virtual timer's 10 ms tick, system calls by SVC, an
 * interrupt-driven PL011 receiver, WFI when idle.  A task that faults is
 * killed; the others go on.
 *
 * The kernel itself runs in SVC mode with IRQs masked throughout, so
 * nothing here needs a lock: interrupts are only taken while a task runs
 * (IRQ exception, entry.S) or polled by the idle loop after WFI.
 */
#include <string.h>
#include "os.h"

/* ---- devices ----------------------------------------------------------- */
#define REG(a)		(*(volatile uint32_t *)(a))
#define UART		0x09000000u
#define UARTDR		REG(UART + 0x00)
#define UARTFR		REG(UART + 0x18)
#define UARTCR		REG(UART + 0x30)
#define UARTIMSC	REG(UART + 0x38)
#define UARTICR		REG(UART + 0x44)
#define FR_RXFE		(1u << 4)
#define FR_TXFF		(1u << 5)
#define INT_RX		(1u << 4)	/* RX FIFO at its trigger level */
#define INT_RT		(1u << 6)	/* RX timeout: bytes waiting, no more coming */

#define GICD		0x08000000u
#define GICC		0x08010000u
#define GICD_CTLR	REG(GICD + 0x000)
#define GICD_ISENABLER(n) REG(GICD + 0x100 + 4 * (n))
#define GICD_IPRIORITYR(n) REG(GICD + 0x400 + 4 * (n))
#define GICD_ITARGETSR(n) REG(GICD + 0x800 + 4 * (n))
#define GICC_CTLR	REG(GICC + 0x00)
#define GICC_PMR	REG(GICC + 0x04)
#define GICC_IAR	REG(GICC + 0x0c)
#define GICC_EOIR	REG(GICC + 0x10)
#define IRQ_VTIMER	27
#define IRQ_UART	33

#define PSCI_SYSTEM_OFF	0x84000008u
#define MODE_USR	0x10
#define MODE_MASK	0x1f
#define EXC_PABT	3	/* entry.S's exception numbers */
#define EXC_DABT	4
#define KILLED		255	/* exit code of a killed task */

/* ---- tasks -------------------------------------------------------------- */
enum state { RUNNABLE, SLEEPING, READING, WAITING, ZOMBIE };

struct task {
	struct frame ctx;	/* saved registers while not running */
	enum state state;
	const char *name;
	uint32_t wake;		/* SLEEPING, READING: tick to wake at */
	char *rbuf;		/* READING: where the bytes go (user_ptr) */
	uint32_t rlen;
	int waitpid;		/* WAITING: for this pid to exit */
	int code;		/* ZOMBIE: exit code */
};

static struct task tasks[NTASK];
static int cur;			/* index of the running task; pid = cur + 1 */
static uint32_t ticks;		/* timer ticks since boot */
static uint32_t tick_period;	/* counter cycles per tick */
static int resched;		/* the tick asked for a round-robin switch */

/* RX ring: filled by the UART interrupt, emptied by read() */
static char rx_ring[256];
static uint32_t rx_head, rx_tail;	/* free-running; size is a power of 2 */

/* ---- console output: polled, whole writes with IRQs masked, so a task's
 * line is never torn by another's ------------------------------------ */
static void putc_raw(char c)
{
	while (UARTFR & FR_TXFF)
		;
	UARTDR = (uint8_t)c;
}

static void kputs(const char *s)
{
	while (*s)
		putc_raw(*s++);
}

static void kputu(uint32_t v)
{
	char b[11], *p = b + sizeof b;
	*--p = 0;
	do
		*--p = '0' + v % 10;
	while (v /= 10);
	kputs(p);
}

static void kputx(uint32_t v)
{
	kputs("0x");
	for (int sh = 28; sh >= 0; sh -= 4)
		putc_raw("0123456789abcdef"[(v >> sh) & 0xf]);
}

static void __attribute__((noreturn)) power_off(void)
{
	register uint32_t r0 __asm__("r0") = PSCI_SYSTEM_OFF;
	__asm__ volatile(".arch_extension virt\n\thvc #0" : "+r"(r0) :: "r1", "r2", "r3", "memory");
	for (;;)
		;
}

void __attribute__((noreturn)) kernel_fault(uint32_t kind, uint32_t lr, uint32_t spsr)
{
	kputs("os: panic: exception ");
	kputu(kind);
	kputs(" lr ");
	kputx(lr);
	kputs(" spsr ");
	kputx(spsr);
	kputs("\n");
	power_off();
}

/* ---- timer and interrupts ---------------------------------------------- */
static void timer_arm(void)
{
	/* TVAL counts down from now: a tick late by the handler's latency,
	 * which only stretches time, never changes what is printed */
	__asm__ volatile("mcr p15, 0, %0, c14, c3, 0" :: "r"(tick_period));	/* CNTV_TVAL */
	__asm__ volatile("mcr p15, 0, %0, c14, c3, 1" :: "r"(1u));		/* CNTV_CTL: enable */
	__asm__ volatile("isb");
}

static void wake(struct task *t, uint32_t ret)
{
	t->ctx.r[0] = ret;	/* the blocked system call's result */
	t->state = RUNNABLE;
}

static uint32_t rx_take(char *buf, uint32_t len)
{
	uint32_t n = 0;
	while (n < len && rx_tail != rx_head)
		buf[n++] = rx_ring[rx_tail++ % sizeof rx_ring];
	return n;
}

static void on_tick(void)
{
	ticks++;
	timer_arm();
	for (int i = 0; i < NTASK; i++) {
		struct task *t = &tasks[i];
		if ((t->state == SLEEPING || t->state == READING) &&
		    (int32_t)(ticks - t->wake) >= 0)
			wake(t, 0);		/* read() timed out: 0 bytes */
	}
	resched = 1;
}

static void on_uart(void)
{
	/* clear first, then drain: a byte arriving in between is either
	 * drained now or raises the interrupt again, never stranded */
	UARTICR = INT_RX | INT_RT;
	while (!(UARTFR & FR_RXFE)) {
		char c = (char)UARTDR;
		if (rx_head - rx_tail < sizeof rx_ring)	/* full: drop */
			rx_ring[rx_head++ % sizeof rx_ring] = c;
	}
	/* lowest pid first, so who gets the bytes does not depend on timing */
	for (int i = 0; i < NTASK && rx_tail != rx_head; i++)
		if (tasks[i].state == READING)
			wake(&tasks[i], rx_take(tasks[i].rbuf, tasks[i].rlen));
}

/* acknowledge and handle everything pending at the GIC CPU interface */
static void handle_irqs(void)
{
	for (;;) {
		uint32_t iar = GICC_IAR, id = iar & 0x3ff;
		if (id >= 1020)			/* spurious: nothing left */
			break;
		if (id == IRQ_VTIMER)
			on_tick();
		else if (id == IRQ_UART)
			on_uart();
		GICC_EOIR = iar;
	}
}

/* ---- scheduling ---------------------------------------------------------- */
/* the next runnable task after cur, round robin; cur itself last */
static int pick(void)
{
	for (int k = 1; k <= NTASK; k++) {
		int i = (cur + k) % NTASK;
		if (tasks[i].state == RUNNABLE)
			return i;
	}
	return -1;
}

/*
 * Save the frame as cur's context, choose the next task (idling with WFI
 * until one is runnable) and load its context into the frame.
 */
static void schedule(struct frame *f)
{
	int next;

	tasks[cur].ctx = *f;
	resched = 0;
	while ((next = pick()) < 0) {
		int alive = 0;
		for (int i = 0; i < NTASK; i++)
			alive |= tasks[i].state != ZOMBIE;
		if (!alive) {
			kputs("os: all tasks done\n");
			power_off();
		}
		/* WFI wakes on a pending interrupt even with I masked; the
		 * kernel then takes it by polling the GIC, not by an exception */
		__asm__ volatile("dsb\n\twfi" ::: "memory");
		handle_irqs();
	}
	if (next != cur)
		space_switch(next);
	cur = next;
	*f = tasks[cur].ctx;
}

/* cur is gone: its message printed, its waiters woken, its ASID freed */
static void end_task(int code)
{
	struct task *t = &tasks[cur];
	t->code = code;
	t->state = ZOMBIE;
	/* in the kernel, together with the message: a waiter cannot print
	 * anything between the two, whatever the timing */
	for (int i = 0; i < NTASK; i++)
		if (tasks[i].state == WAITING && tasks[i].waitpid == cur + 1)
			wake(&tasks[i], code);
	space_free(cur);
}

static void put_task(const struct task *t)
{
	kputs("os: ");
	kputs(t->name);
	kputs(" (pid ");
	kputu(cur + 1);
	kputs(")");
}

/* ---- system calls: f holds the caller's registers, r0 its result -------- */
/* buffers are the task's own memory or its read-only text, else -1 */
static void sys_write(struct frame *f)
{
	const char *p = user_ptr(cur, f->r[0], f->r[1], 0);
	if (!p) {
		f->r[0] = (uint32_t)-1;
		return;
	}
	for (uint32_t i = 0; i < f->r[1]; i++)
		putc_raw(p[i]);
	f->r[0] = f->r[1];
}

static void sys_yield(struct frame *f)
{
	f->r[0] = 0;
	resched = 1;
}

static void sys_sleep(struct frame *f)
{
	if (f->r[0] == 0)
		return sys_yield(f);
	tasks[cur].wake = ticks + f->r[0];
	tasks[cur].state = SLEEPING;
}

static void sys_getpid(struct frame *f)
{
	f->r[0] = cur + 1;
}

static void sys_exit(struct frame *f)
{
	put_task(&tasks[cur]);
	kputs(" exited with ");
	kputu(f->r[0]);
	kputs("\n");
	end_task(f->r[0]);
}

static void sys_read(struct frame *f)
{
	struct task *t = &tasks[cur];
	char *buf = user_ptr(cur, f->r[0], f->r[1], 1);
	if (!buf) {
		f->r[0] = (uint32_t)-1;
		return;
	}
	if (rx_tail != rx_head || f->r[1] == 0 || f->r[2] == 0) {
		f->r[0] = rx_take(buf, f->r[1]);
		return;
	}
	t->rbuf = buf;			/* block: on_uart or on_tick wakes us */
	t->rlen = f->r[1];
	t->wake = ticks + f->r[2];
	t->state = READING;
}

static void sys_waitpid(struct frame *f)
{
	int pid = (int)f->r[0];
	if (pid < 1 || pid > NTASK || pid == cur + 1) {
		f->r[0] = (uint32_t)-1;
	} else if (tasks[pid - 1].state == ZOMBIE) {
		f->r[0] = tasks[pid - 1].code;
	} else {
		tasks[cur].waitpid = pid;
		tasks[cur].state = WAITING;
	}
}

typedef void (*syscall_fn)(struct frame *);
static const syscall_fn systab[NSYSCALL] = {
	[SYS_WRITE] = sys_write,   [SYS_YIELD] = sys_yield,
	[SYS_SLEEP] = sys_sleep,   [SYS_GETPID] = sys_getpid,
	[SYS_EXIT] = sys_exit,     [SYS_READ] = sys_read,
	[SYS_WAITPID] = sys_waitpid,
};

/* ---- entries from entry.S -------------------------------------------------- */
void kernel_svc(struct frame *f)
{
	/* the number is the SVC instruction's immediate (A32: low 24 bits) */
	uint32_t nr = *(const uint32_t *)(f->pc - 4) & 0xffffff;

	if (nr < NSYSCALL) {
		systab[nr](f);
	} else {
		kputs("os: bad system call ");
		kputu(nr);
		kputs("\n");
		f->r[0] = 255;
		sys_exit(f);
	}
	if (resched || tasks[cur].state != RUNNABLE)
		schedule(f);
}

void kernel_irq(struct frame *f)
{
	handle_irqs();
	if (resched)
		schedule(f);
}

/*
 * A prefetch or data abort.  From a task: the task touched what its
 * address space does not give it, so it is killed and the others go on.
 * From the kernel itself: a bug, so panic.
 */
void kernel_abort(struct frame *f, uint32_t kind)
{
	uint32_t fsr, far;

	if ((f->cpsr & MODE_MASK) != MODE_USR)
		kernel_fault(kind, f->pc, f->cpsr);
	if (kind == EXC_DABT) {
		__asm__ volatile("mrc p15, 0, %0, c5, c0, 0" : "=r"(fsr));	/* DFSR */
		__asm__ volatile("mrc p15, 0, %0, c6, c0, 0" : "=r"(far));	/* DFAR */
	} else {
		__asm__ volatile("mrc p15, 0, %0, c5, c0, 1" : "=r"(fsr));	/* IFSR */
		__asm__ volatile("mrc p15, 0, %0, c6, c0, 2" : "=r"(far));	/* IFAR */
	}
	put_task(&tasks[cur]);
	kputs(kind == EXC_DABT ? " killed: data abort at " : " killed: prefetch abort at ");
	kputx(far);
	kputs(kind == EXC_DABT ? ", DFSR " : ", IFSR ");
	kputx(fsr);
	kputs(", pc ");
	kputx(f->pc);
	kputs("\n");
	end_task(KILLED);
	schedule(f);
}

#ifdef OS_BENCH
/*
 * The benchmark build (scripts/bench.py, build/guests/bench/os.elf): the
 * boot, from kernel_main to the first task's start, timed with the cycle
 * counter; the demo itself is built without this.
 */
#include "bench.h"

static uint32_t boot_t0;

static void os_bench_start(void)
{
	pmu_start();
	boot_t0 = ccnt();
}

static void os_bench_end(void)
{
	uint32_t t = ccnt();

	kputs("bench: os-boot ");
	kputu(t - boot_t0);
	kputs(" 1\n");
}
#endif

void kernel_main(struct frame *f)
{
	static void (*const entry[NTASK])(void) = { task_a, task_b, task_c, task_d, task_e };
	static const char *const names[NTASK] = { "A", "B", "C", "D", "E" };
	uint32_t frq;

#ifdef OS_BENCH
	os_bench_start();
#endif
	space_init();

	for (int i = 0; i < NTASK; i++) {
		struct task *t = &tasks[i];
		memset(t, 0, sizeof *t);
		t->name = names[i];
		t->ctx.pc = (uint32_t)entry[i];
		t->ctx.cpsr = MODE_USR;		/* A32, IRQs enabled */
		t->ctx.sp = USER_TOP;	/* its own memory, in its own space */
		t->ctx.lr = (uint32_t)task_exit_stub;	/* a task that returns exits */
		t->state = RUNNABLE;
	}

	/* UART: enabled for RX and TX, interrupt on RX and RX timeout.  Not
	 * UARTLCR_H: toggling FEN empties the RX FIFO, losing input typed
	 * before boot; not UARTICR: a byte already waiting must still raise
	 * its interrupt once IRQs are unmasked. */
	UARTCR = 0x301;
	UARTIMSC = INT_RX | INT_RT;

	/* GICv2: timer PPI 27 and UART SPI 33, priority 0x80, SPI to CPU 0 */
	GICD_CTLR = 0;
	GICD_IPRIORITYR(IRQ_VTIMER / 4) = (GICD_IPRIORITYR(IRQ_VTIMER / 4) & ~(0xffu << 24)) | (0x80u << 24);
	GICD_IPRIORITYR(IRQ_UART / 4) = (GICD_IPRIORITYR(IRQ_UART / 4) & ~(0xffu << 8)) | (0x80u << 8);
	GICD_ITARGETSR(IRQ_UART / 4) = (GICD_ITARGETSR(IRQ_UART / 4) & ~(0xffu << 8)) | (0x01u << 8);
	GICD_ISENABLER(0) = 1u << IRQ_VTIMER;
	GICD_ISENABLER(1) = 1u << (IRQ_UART - 32);
	GICD_CTLR = 1;
	GICC_PMR = 0xf0;
	GICC_CTLR = 1;

	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(frq));	/* CNTFRQ */
	tick_period = frq / HZ;
	timer_arm();

	kputs("os: kernel up, ");
	kputu(NTASK);
	kputs(" tasks, round robin every ");
	kputu(1000 / HZ);
	kputs(" ms\n");
	kputs("os: MMU on: each task in its own address space (ASID = pid), its memory at ");
	kputx(USER_TOP - USER_PAGES * 4096);
	kputs(", the kernel's PL1-only\n");

	cur = 0;
	*f = tasks[0].ctx;	/* entry.S's trap_return starts task A */
#ifdef OS_BENCH
	os_bench_end();		/* boot measured: report and power off */
	power_off();
#endif
}
