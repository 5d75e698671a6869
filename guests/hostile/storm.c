/*
 * storm: an exception return to itself: MOVS PC, LR with LR = its own
 * address and SPSR = SVC mode.  Natively a spin loop; under trapvisor the
 * instruction traps (it is privileged) and is emulated, and the next trap
 * is the same instruction again: a storm of traps at one place.
 *
 * First with IRQs unmasked in the SPSR and the virtual timer due in 50 ms:
 * the loop is waiting for that interrupt, whose handler returns to the
 * code after the loop.  It must end there, natively and under trapvisor
 * (which once took the storm for a VM that cannot make progress).  Then
 * with A, I and F masked, for ever: nothing can take it out, and
 * trapvisor stops it ("no progress").
 */
#include "tests.h"
#include "gic.h"

static volatile uint32_t resume, taken;

/* The timer's interrupt: off with the timer, and out of the loop. */
static void on_irq(struct exc_frame *f)
{
	uint32_t iar = gicc_read(GICC_IAR);

	cp15_write(CNTV_CTL, CNT_CTL_IMASK);
	gicc_write(GICC_EOIR, iar);
	if (GIC_IAR_ID(iar) == IRQ_VTIMER) {
		taken++;
		f->ret = resume;
	}
}

int main(void)
{
	uint32_t after;

	gic_init(0xf0);
	gic_set_priority(IRQ_VTIMER, 0x80);
	gic_enable_irq(IRQ_VTIMER);
	exc_set_handler(EXC_IRQ, on_irq);
	__asm__ volatile("adr %0, 2f" : "=r"(after));
	resume = after;
	printf("storm: MOVS PC, LR to itself with IRQs unmasked, the timer due in 50 ms\n");
	cp15_write(CNTV_TVAL, cnt_ms(50));
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE);
	__asm__ volatile("msr spsr_fsxc, %0\n\t"
			 "adr lr, 1f\n"
			 "1:\tmovs pc, lr\n"
			 "2:"
			 :: "r"(PSR_SVC | PSR_A | PSR_F) : "lr", "memory");
	printf("storm: the timer's interrupt took it out of the loop (%lu taken)\n", HEX(taken));
	exc_set_handler(EXC_IRQ, NULL);

	printf("storm: MOVS PC, LR with LR = its own address, for ever\n");
	__asm__ volatile("msr spsr_fsxc, %0\n\t"
			 "adr lr, 1f\n"
			 "1:\tmovs pc, lr"
			 :: "r"(PSR_SVC | PSR_A | PSR_I | PSR_F) : "lr", "memory");
	printf("storm: came back\n");	/* never */
	return 1;
}
