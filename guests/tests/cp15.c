/*
 * cp15: the system registers a PL1 guest reads and writes.  Every write is
 * read back; values that depend on the CPU come from QEMU's cortex-a15.
 */
#include "tests.h"

#define WR_RD(name, reg, val) do {					\
	uint32_t old_ = cp15_read(reg);					\
	cp15_write(reg, val);						\
	isb();								\
	printf("cp15: %-10s 0x%08lx, wrote 0x%08lx, read 0x%08lx\n", name,	\
	       HEX(old_), HEX(val), HEX(cp15_read(reg)));		\
} while (0)

static void id_registers(void)
{
	printf("cp15: MIDR       0x%08lx\n", HEX(cp15_read(MIDR)));
	printf("cp15: MPIDR      0x%08lx\n", HEX(cp15_read(MPIDR)));
	printf("cp15: CTR        0x%08lx\n", HEX(cp15_read(CTR)));
	printf("cp15: ID_PFR0    0x%08lx\n", HEX(cp15_read(ID_PFR0)));
	printf("cp15: ID_MMFR0   0x%08lx\n", HEX(cp15_read(ID_MMFR0)));
	printf("cp15: ID_ISAR0   0x%08lx\n", HEX(cp15_read(ID_ISAR0)));
	printf("cp15: CLIDR      0x%08lx\n", HEX(cp15_read(CLIDR)));
	printf("cp15: CNTFRQ     %lu Hz\n", HEX(cp15_read(CNTFRQ)));
}

static void control_registers(void)
{
	uint32_t sctlr = cp15_read(SCTLR);

	printf("cp15: SCTLR      0x%08lx (M %lu, A %lu, C %lu, I %lu, V %lu)\n",
	       HEX(sctlr), HEX(sctlr & 1), HEX((sctlr >> 1) & 1), HEX((sctlr >> 2) & 1),
	       HEX((sctlr >> 12) & 1), HEX((sctlr >> 13) & 1));
	cp15_write(SCTLR, sctlr);	/* the same value: nothing changes */
	isb();
	printf("cp15: SCTLR      written back, read 0x%08lx\n", HEX(cp15_read(SCTLR)));
	/*
	 * High vectors: set and cleared with no exception in between, since
	 * nothing is at 0xffff0000 on virt (an exception would loop taking
	 * prefetch aborts there).
	 */
	cp15_write(SCTLR, sctlr | SCTLR_V);
	isb();
	printf("cp15: SCTLR.V=1  read 0x%08lx\n", HEX(cp15_read(SCTLR)));
	cp15_write(SCTLR, sctlr);
	isb();
	printf("cp15: SCTLR.V=0  read 0x%08lx\n", HEX(cp15_read(SCTLR)));
	printf("cp15: ACTLR      0x%08lx\n", HEX(cp15_read(ACTLR)));

	WR_RD("CPACR", CPACR, 0x00f00000);	/* cp10, cp11: full access */
	WR_RD("CPACR", CPACR, 0x00000000);
}

static void memory_registers(void)
{
	uint32_t lo, hi;

	WR_RD("TTBR0", TTBR0, 0x4000404a);
	WR_RD("TTBR1", TTBR1, 0x40008000);
	WR_RD("TTBCR", TTBCR, 0x00000002);
	WR_RD("TTBCR", TTBCR, 0x00000000);
	WR_RD("DACR", DACR, 0x55555555);

	/* TTBR0 as the 64-bit register (LPAE view) */
	__asm__ volatile("mrrc p15, 0, %0, %1, c2" : "=r"(lo), "=r"(hi));
	printf("cp15: MRRC TTBR0 0x%08lx_%08lx\n", HEX(hi), HEX(lo));
	__asm__ volatile("mcrr p15, 0, %0, %1, c2" :: "r"(0x40010000u), "r"(0u));
	isb();
	printf("cp15: MCRR TTBR0 0x00000000_40010000, MRC reads 0x%08lx\n",
	       HEX(cp15_read(TTBR0)));
	__asm__ volatile("mrrc p15, 0, %0, %1, c2" : "=r"(lo), "=r"(hi));
	printf("cp15: MRRC TTBR0 0x%08lx_%08lx\n", HEX(hi), HEX(lo));

	WR_RD("DFSR", DFSR, 0x00000805);
	WR_RD("IFSR", IFSR, 0x0000000d);
	WR_RD("DFAR", DFAR, 0x12345678);
	WR_RD("IFAR", IFAR, 0x9abcdef0);
	WR_RD("PRRR", PRRR, 0xff0a81a8);
	WR_RD("NMRR", NMRR, 0x40e040e0);
	WR_RD("CONTEXTIDR", CONTEXTIDR, 0x00000142);
	WR_RD("TPIDRPRW", TPIDRPRW, 0xcafe0001);
	WR_RD("TPIDRURW", TPIDRURW, 0xcafe0002);
	WR_RD("TPIDRURO", TPIDRURO, 0xcafe0003);

	/* VBAR moves the vectors: no exception until it is back */
	WR_RD("VBAR", VBAR, 0x40010000);
	cp15_write(VBAR, rt_vectors);
	isb();
	printf("cp15: VBAR       back at rt_vectors: %s\n",
	       cp15_read(VBAR) == (uint32_t)rt_vectors ? "yes" : "NO");
}

static void maintenance(void)
{
	static uint32_t line[16] __attribute__((aligned(64)));

	line[0] = 0x1234;
	cp15_write(ICIALLU, 0);
	printf("cp15: ICIALLU    done\n");
	cp15_write(DCCMVAC, line);
	dsb();
	printf("cp15: DCCMVAC    done, data still 0x%04lx\n", HEX(line[0]));
	cp15_write(TLBIALL, 0);
	dsb();
	printf("cp15: TLBIALL    done\n");
	cp15_write(BPIALL, 0);
	isb();
	printf("cp15: BPIALL     done\n");
}

static void undefined_accesses(void)
{
	const void *at;
	uint32_t v;

	catch_on();
	/* c4 is not used by ARMv7-A: no register there */
	at = AT_INSN(0x80000000, "mrc p15, 0, r0, c4, c0, 0");
	catch_report("cp15: MRC c4,c0,0 (no such register)", at, 0);
	at = AT_INSN(0x60000000, "mcr p15, 0, r0, c4, c0, 0");
	catch_report("cp15: MCR c4,c0,0 (no such register)", at, 0);
	/* MIDR is read-only, TLBIALL write-only */
	at = AT_INSN(0x20000000, "mcr p15, 0, r0, c0, c0, 0");
	catch_report("cp15: MCR MIDR (read-only)", at, 0);
	at = AT_INSN(0x10000000, "mrc p15, 0, r0, c8, c7, 0");
	catch_report("cp15: MRC TLBIALL (write-only)", at, 0);

	/* A condition that fails: the MRC does nothing, even for a bad register */
	v = 0x5a5a5a5a;
	__asm__ volatile("msr cpsr_f, #0x40000000\n\t"	/* Z */
			 "mrcne p15, 0, %0, c1, c0, 0\n\t"
			 "mrcne p15, 0, %0, c4, c0, 0"
			 : "+r"(v) :: "cc");
	printf("cp15: MRCNE with Z set: register still 0x%08lx\n", HEX(v));
	catch_report("cp15: MRCNE with Z set", NULL, 0);
	__asm__ volatile("msr cpsr_f, #0x40000000\n\t"
			 "mrceq p15, 0, %0, c0, c0, 0"	/* MIDR */
			 : "+r"(v) :: "cc");
	printf("cp15: MRCEQ with Z set: MIDR 0x%08lx\n", HEX(v));
	catch_off();
}

int main(void)
{
	printf("cp15: start\n");
	id_registers();
	control_registers();
	memory_registers();
	maintenance();
	undefined_accesses();
	printf("cp15: done\n");
	return 0;
}
