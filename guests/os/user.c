/*
 * The User-mode tasks and their system call stubs.  Everything here runs
 * unprivileged, each task in its own address space: the only way into the
 * kernel is SVC #n, and D and E, which try other ways, are killed.
 *
 * Determinism: the printed lines must come out in the same order natively
 * and under a hypervisor, where time slices differ.  So exactly one task
 * is ever "allowed" to print at a time: B prints only after waitpid(A), C
 * only after waitpid(B), and so on, and the kernel prints each exit (or
 * kill) message before it wakes the waiter.  Timing decides only
 * how often B is preempted while it computes, which nobody prints.
 */
#include <string.h>
#include "os.h"

#define SYSCALL(n, a, b, c) ({						\
	register uint32_t _r0 __asm__("r0") = (uint32_t)(a);		\
	register uint32_t _r1 __asm__("r1") = (uint32_t)(b);		\
	register uint32_t _r2 __asm__("r2") = (uint32_t)(c);		\
	__asm__ volatile("svc #" #n : "+r"(_r0) : "r"(_r1), "r"(_r2) : "memory"); \
	_r0; })

static int write(const char *buf, uint32_t len) { return SYSCALL(0, buf, len, 0); }
static void yield(void) { SYSCALL(1, 0, 0, 0); }
static void sleep(uint32_t ticks) { SYSCALL(2, ticks, 0, 0); }
static int getpid(void) { return SYSCALL(3, 0, 0, 0); }
static void __attribute__((noreturn)) exit(int code)
{
	SYSCALL(4, code, 0, 0);
	for (;;)
		;
}
static int read(char *buf, uint32_t len, uint32_t timeout) { return SYSCALL(5, buf, len, timeout); }
static int waitpid(int pid) { return SYSCALL(6, pid, 0, 0); }

/* a line built up in a buffer and written with one system call, so the
 * kernel prints it whole */
struct line { char b[96]; uint32_t n; };

static void add(struct line *l, const char *s)
{
	while (*s && l->n < sizeof l->b)
		l->b[l->n++] = *s++;
}

static void addu(struct line *l, uint32_t v)
{
	char d[11], *p = d + sizeof d;
	*--p = 0;
	do
		*--p = '0' + v % 10;
	while (v /= 10);
	add(l, p);
}

static void addx(struct line *l, uint32_t v)
{
	char d[11] = "0x";
	for (int i = 0; i < 8; i++)
		d[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xf];
	d[10] = 0;
	add(l, d);
}

static void addi(struct line *l, int v)
{
	if (v < 0)
		add(l, "-");
	addu(l, v < 0 ? -(uint32_t)v : (uint32_t)v);
}

static void emit(struct line *l)
{
	add(l, "\n");
	write(l->b, l->n);
	l->n = 0;
}

/* a task function that returns lands here (its initial LR) */
void task_exit_stub(void)
{
	exit(0);
}

/* A: three lines 30 ms apart, each sleep giving the CPU to B */
void task_a(void)
{
	struct line l = { .n = 0 };
	for (int i = 1; i <= 3; i++) {
		add(&l, "os: A ");
		addu(&l, i);
		add(&l, " (pid ");
		addu(&l, getpid());
		add(&l, ")");
		emit(&l);
		sleep(3);
	}
	exit(0);
}

/* B: compute-bound, never yields while it works, so A gets the CPU back
 * only by preemption on the timer tick */
static uint32_t count_primes(uint32_t below)
{
	uint32_t count = below > 2;
	for (uint32_t n = 3; n < below; n += 2) {
		uint32_t d = 3;
		while (d * d <= n && n % d)
			d += 2;
		count += d * d > n;
	}
	return count;
}

#define PRIMES_BELOW 200000

void task_b(void)
{
	struct line l = { .n = 0 };
	uint32_t n = count_primes(PRIMES_BELOW);
	int code = waitpid(1);		/* print only after A is done */
	add(&l, "os: B: ");
	addu(&l, n);
	add(&l, " primes below ");
	addu(&l, PRIMES_BELOW);
	add(&l, ", A exited with ");
	addu(&l, code);
	emit(&l);
	yield();
	exit(0);
}

/* C: one line from the console, or give up after 2 s without input */
void task_c(void)
{
	struct line l = { .n = 0 };
	char in[64];
	uint32_t n = 0;
	int eol = 0;

	waitpid(2);
	add(&l, "os: C: reading a line (2 s)");
	emit(&l);
	while (!eol && n < sizeof in - 1) {
		int got = read(in + n, sizeof in - 1 - n, 2 * HZ);
		if (got == 0)
			break;			/* timed out */
		for (int i = 0; i < got && !eol; i++, n++)
			eol = in[n] == '\r' || in[n] == '\n';
		n -= eol;			/* drop the terminator */
	}
	in[n] = 0;
	if (n == 0 && !eol) {
		add(&l, "os: no input");
	} else {
		add(&l, "os: C read '");
		add(&l, in);
		add(&l, "'");
	}
	emit(&l);
	exit(0);
}

/* the kernel's own addresses (entry.S, kernel.c): PL1-only in every space */
extern char _start[], kernel_main[];

/* D: the kernel refuses to write() from kernel memory for it, and when it
 * reads that memory itself, the MMU stops it and the kernel kills it */
void task_d(void)
{
	struct line l = { .n = 0 };
	int r;

	waitpid(3);
	r = write(_start, 16);
	add(&l, "os: D: write() of the kernel's memory returns ");
	addi(&l, r);
	emit(&l);
	add(&l, "os: D: my stack is at ");
	addx(&l, (uint32_t)&l);
	add(&l, "; reading the kernel at ");
	addx(&l, (uint32_t)_start);
	emit(&l);
	r = *(volatile int *)_start;
	add(&l, "os: D: the kernel starts with ");	/* never printed */
	addx(&l, r);
	emit(&l);
	exit(0);
}

/* E: jumps into the kernel's code, which is not executable for it */
void task_e(void)
{
	struct line l = { .n = 0 };

	waitpid(4);
	add(&l, "os: E: calling kernel_main at ");
	addx(&l, (uint32_t)kernel_main);
	emit(&l);
	((void (*)(void))kernel_main)();
	add(&l, "os: E: back from the kernel");		/* never printed */
	emit(&l);
	exit(0);
}
