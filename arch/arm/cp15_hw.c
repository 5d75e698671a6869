/* The real CPU behind arch/arm/cp15_hw.h. */
#include "arch/arm/cp15_hw.h"
#include "arch/arm/cpu.h"
#include "arch/arm/timer.h"
#include "arch/arm/mmu_bits.h"

uint64_t hw_cntpct(void) { return timer_now(); }
uint64_t hw_cntvct(void) { return timer_now(); }

void hw_icache_inval(void) { icache_inval_all(); }
void hw_barrier(void) { dsb(); isb(); }
uint32_t hw_tpidrurw(void) { return read_tpidrurw(); }
void hw_set_tpidrurw(uint32_t v) { write_tpidrurw(v); }
void hw_set_tpidruro(uint32_t v) { write_tpidruro(v); }
void hw_set_pmuserenr(uint32_t v) { CP15_WRITE(c9, 0, c14, 0, v); }

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
