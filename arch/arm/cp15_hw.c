/* The real CPU behind arch/arm/cp15_hw.h. */
#include "arch/arm/cp15_hw.h"
#include "arch/arm/cpu.h"
#include "arch/arm/mmu_bits.h"

uint32_t hw_id[HW_ID_NR];

void cp15_init_host(uint32_t boot_sctlr)
{
	hw_id[HW_MIDR] = CP15_READ(c0, 0, c0, 0);
	hw_id[HW_CTR] = CP15_READ(c0, 0, c0, 1);
	hw_id[HW_TCMTR] = CP15_READ(c0, 0, c0, 2);
	hw_id[HW_TLBTR] = CP15_READ(c0, 0, c0, 3);
	hw_id[HW_REVIDR] = CP15_READ(c0, 0, c0, 6);
	hw_id[HW_ID_PFR0] = CP15_READ(c0, 0, c1, 0);
	/* the virtual CPU has neither Security nor Virtualization Extensions,
	 * whatever the host has (ID_PFR1.Security [7:4], .Virtualization [15:12]) */
	hw_id[HW_ID_PFR1] = CP15_READ(c0, 0, c1, 1) & ~0xf0f0u;
	hw_id[HW_ID_DFR0] = CP15_READ(c0, 0, c1, 2);
	hw_id[HW_ID_AFR0] = CP15_READ(c0, 0, c1, 3);
	hw_id[HW_ID_MMFR0] = CP15_READ(c0, 0, c1, 4);
	hw_id[HW_ID_MMFR1] = CP15_READ(c0, 0, c1, 5);
	hw_id[HW_ID_MMFR2] = CP15_READ(c0, 0, c1, 6);
	hw_id[HW_ID_MMFR3] = CP15_READ(c0, 0, c1, 7);
	hw_id[HW_ID_ISAR0] = CP15_READ(c0, 0, c2, 0);
	hw_id[HW_ID_ISAR1] = CP15_READ(c0, 0, c2, 1);
	hw_id[HW_ID_ISAR2] = CP15_READ(c0, 0, c2, 2);
	hw_id[HW_ID_ISAR3] = CP15_READ(c0, 0, c2, 3);
	hw_id[HW_ID_ISAR4] = CP15_READ(c0, 0, c2, 4);
	hw_id[HW_ID_ISAR5] = CP15_READ(c0, 0, c2, 5);
	hw_id[HW_CLIDR] = CP15_READ(c0, 1, c0, 1);
	hw_id[HW_AIDR] = CP15_READ(c0, 1, c0, 7);
	hw_id[HW_L2CTLR] = CP15_READ(c9, 1, c0, 2);
	hw_id[HW_ACTLR] = CP15_READ(c1, 0, c0, 1);
	hw_id[HW_CNTFRQ] = read_cntfrq();
	/* What the guest finds at power-on: as trapvisor found it, but with
	 * the MMU, caches, alignment checks and high vectors off. */
	hw_id[HW_SCTLR_RESET] = boot_sctlr &
		~(uint32_t)(SCTLR_M | SCTLR_A | SCTLR_C | SCTLR_I | SCTLR_V);
}

uint64_t hw_cntpct(void) { isb(); return read_cntpct(); }
uint64_t hw_cntvct(void) { isb(); return read_cntvct(); }

uint32_t hw_ccsidr(uint32_t csselr)
{
	CP15_WRITE(c0, 2, c0, 0, csselr);
	isb();
	return CP15_READ(c0, 1, c0, 0);
}

void hw_icache_inval(void) { icache_inval_all(); }
void hw_barrier(void) { dsb(); isb(); }
uint32_t hw_tpidrurw(void) { return read_tpidrurw(); }
void hw_set_tpidrurw(uint32_t v) { write_tpidrurw(v); }
void hw_set_tpidruro(uint32_t v) { write_tpidruro(v); }

/* SCTLR.A follows the guest's: trapvisor itself is built with
 * -mno-unaligned-access, so it is safe either way. */
void hw_set_alignment_check(int on)
{
	uint32_t s = read_sctlr();
	uint32_t n = on ? s | SCTLR_A : s & ~(uint32_t)SCTLR_A;

	if (n != s) {
		write_sctlr(n);
		isb();
	}
}
