/*
 * Guest runtime: what a bare-metal test guest for QEMU virt needs.
 * The guests are ordinary PL1 code; nothing here knows about trapvisor.
 */
#ifndef GUEST_RT_H
#define GUEST_RT_H

#include <stdint.h>

/* CPSR/SPSR fields (ARM ARM B1.3.3) */
#define PSR_MODE_MASK	0x1fu
#define PSR_USR		0x10u
#define PSR_FIQ		0x11u
#define PSR_IRQ		0x12u
#define PSR_SVC		0x13u
#define PSR_ABT		0x17u
#define PSR_UND		0x1bu
#define PSR_SYS		0x1fu
#define PSR_T		(1u << 5)
#define PSR_F		(1u << 6)
#define PSR_I		(1u << 7)
#define PSR_A		(1u << 8)

/* Exceptions, numbered by their vector offset / 4 */
enum exc_kind {
	EXC_RESET, EXC_UND, EXC_SVC, EXC_PABT, EXC_DABT, EXC_HYP, EXC_IRQ, EXC_FIQ,
	EXC_COUNT
};

/*
 * What vectors.S saves on the exception mode's stack.  A handler may change
 * anything: on return r0-r12 are reloaded, SPSR := spsr and the exception
 * returns (MOVS PC, LR) to `ret`, so CPSR := spsr.
 */
struct exc_frame {
	uint32_t r[13];		/* r0-r12 of the interrupted code */
	uint32_t lr;		/* LR_<exception mode> exactly as the exception set it */
	uint32_t spsr;		/* SPSR_<exception mode>: the interrupted CPSR */
	uint32_t ret;		/* return address; preset to the instruction after
				   the one that caused the exception (A32) */
};

typedef void (*exc_handler_t)(struct exc_frame *f);

/* Installs h for exceptions of kind k (NULL: the default, which reports the
 * exception and powers off); returns the previous handler. */
exc_handler_t exc_set_handler(enum exc_kind k, exc_handler_t h);
const char *exc_name(enum exc_kind k);
extern const uint32_t rt_vectors[8];

/*
 * Catching exceptions a test provokes (catch.c): catch_on() installs
 * handlers that log each exception and return past the instruction that
 * caused it (or to catch_resume when that is set, e.g. after a branch to
 * nowhere); catch_off() restores the defaults.
 */
#define CATCH_MAX	8
struct catch_rec {
	uint32_t kind;		/* enum exc_kind */
	uint32_t lr;		/* LR of the exception mode */
	uint32_t spsr;		/* SPSR of the exception mode */
	uint32_t cpsr;		/* CPSR in the handler (flags left out) */
	uint32_t fsr, far;	/* DFSR/DFAR or IFSR/IFAR for aborts */
	uint32_t insn;		/* the A32 word before LR (UND, SVC) */
};
extern volatile struct catch_rec catch_log[CATCH_MAX];
extern volatile uint32_t catch_count;
extern volatile uint32_t catch_resume;

void catch_on(void);
void catch_off(void);
void catch_clear(void);
void catch_record(enum exc_kind k, struct exc_frame *f);

/* What catch_print shows besides the exception, LR, SPSR and handler CPSR */
#define CP_FSR		1u	/* DFSR or IFSR */
#define CP_FAR		2u	/* DFAR or IFAR */
#define CP_IMM		4u	/* the SVC/UDF immediate from the instruction */
/* Prints "what: <exception>, LR insn+N, SPSR .., CPSR .." for catch_log[i];
 * insn: the instruction the exception is about (NULL: LR as it is). */
void catch_print(const char *what, uint32_t i, const void *insn, uint32_t show);
/* Prints "what: no exception" or the first logged one; clears the log. */
void catch_report(const char *what, const void *insn, uint32_t show);

/* PL011 UART, polled */
void uart_putc(char c);
void uart_puts(const char *s);
void uart_puthex(uint32_t v);

/* PSCI over HVC (SMC Calling Convention, 32-bit function IDs) */
#define PSCI_VERSION		0x84000000u
#define PSCI_CPU_SUSPEND	0x84000001u
#define PSCI_CPU_OFF		0x84000002u
#define PSCI_CPU_ON		0x84000003u
#define PSCI_AFFINITY_INFO	0x84000004u
#define PSCI_MIGRATE_INFO_TYPE	0x84000006u
#define PSCI_SYSTEM_OFF		0x84000008u
#define PSCI_SYSTEM_RESET	0x84000009u
#define PSCI_FEATURES		0x8400000au

int32_t psci_call(uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3);
void system_off(void) __attribute__((noreturn));
void system_reset(void) __attribute__((noreturn));

/*
 * cp15 access by ARM ARM name: cp15_read(SCTLR), cp15_write(TTBR0, v).
 * Each name expands to "CRn, opc1, CRm, opc2".
 */
#define MIDR		c0, 0, c0, 0
#define CTR		c0, 0, c0, 1
#define MPIDR		c0, 0, c0, 5
#define ID_PFR0		c0, 0, c1, 0
#define ID_MMFR0	c0, 0, c1, 4
#define ID_ISAR0	c0, 0, c2, 0
#define CLIDR		c0, 1, c0, 1
#define SCTLR		c1, 0, c0, 0
#define ACTLR		c1, 0, c0, 1
#define CPACR		c1, 0, c0, 2
#define TTBR0		c2, 0, c0, 0
#define TTBR1		c2, 0, c0, 1
#define TTBCR		c2, 0, c0, 2
#define DACR		c3, 0, c0, 0
#define DFSR		c5, 0, c0, 0
#define IFSR		c5, 0, c0, 1
#define DFAR		c6, 0, c0, 0
#define IFAR		c6, 0, c0, 2
#define ICIALLU		c7, 0, c5, 0
#define ICIMVAU		c7, 0, c5, 1
#define BPIALL		c7, 0, c5, 6
#define DCCMVAC		c7, 0, c10, 1
#define DCCMVAU		c7, 0, c11, 1
#define TLBIALL		c8, 0, c7, 0
#define PRRR		c10, 0, c2, 0
#define NMRR		c10, 0, c2, 1
#define VBAR		c12, 0, c0, 0
#define CONTEXTIDR	c13, 0, c0, 1
#define TPIDRURW	c13, 0, c0, 2
#define TPIDRURO	c13, 0, c0, 3
#define TPIDRPRW	c13, 0, c0, 4
#define CNTFRQ		c14, 0, c0, 0

#define SCTLR_A		(1u << 1)	/* alignment check */
#define SCTLR_V		(1u << 13)	/* high vectors */

#define CP15_READ_(crn, op1, crm, op2) ({ uint32_t v_;				\
	__asm__ volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2	\
			 : "=r"(v_)); v_; })
#define CP15_WRITE_(crn, op1, crm, op2, v)					\
	__asm__ volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2	\
			 :: "r"((uint32_t)(v)) : "memory")
#define cp15_read(...)		CP15_READ_(__VA_ARGS__)
#define cp15_write(...)		CP15_WRITE_(__VA_ARGS__)

static inline uint32_t read_cpsr(void)
{
	uint32_t v;
	__asm__ volatile("mrs %0, cpsr" : "=r"(v));
	return v;
}

static inline void isb(void)
{
	__asm__ volatile("isb" ::: "memory");
}

static inline void dsb(void)
{
	__asm__ volatile("dsb" ::: "memory");
}

/* Link-time addresses from guest.ld */
extern char __image_start[], __image_end[], __heap_start[], __heap_end[];

#endif
