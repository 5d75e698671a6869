/*
 * thumb: a guest kernel in Thumb-2.  This file is compiled -mthumb (its
 * inline MRS, MRC, CPSID, its device accesses are T32) and thumb_asm.S
 * is .thumb: MRS/MSR, CPS to every mode and back with the banked SPs,
 * cp15 and VFP system registers, WFI/WFE with an interrupt pending, SVC
 * and undefined instructions taken from Thumb (LR, SPSR.T), handlers
 * that run in Thumb (SCTLR.TE) and return with SUBS PC, LR and RFE,
 * sensitive instructions in IT blocks (and an IRQ taken inside one),
 * more 16-bit UDFs than their immediate can number, LDRT & co, loads and
 * stores to devices.
 */
#include "tests.h"
#include "gic.h"

void thumb_modes(uint32_t out[6][4]);
void thumb_cps(uint32_t out[4]);
void thumb_vfp(uint32_t out[6]);
void thumb_wfi16(void), thumb_wfi32(void), thumb_wfi_it(void), thumb_wfe(void);
int32_t thumb_hvc(uint32_t fn);
void thumb_svc(void), thumb_udf16(void), thumb_udf32(void), thumb_smc(void);
void thumb_mrs_banked(void), thumb_mrc_undef(void);
void thumb_it(uint32_t out[12]);
void thumb_te(uint32_t log[8]);
void thumb_ldm(uint32_t addr, uint32_t out[4]);
uint32_t thumb_irq_it(uint32_t cpsr);
void thumb_many_cps(void), thumb_ldrt(uint32_t w[2]);
extern const char thumb_irq_it_last[];
extern const char thumb_svc_insn[], thumb_udf16_insn[], thumb_udf32_insn[], thumb_smc_insn[];
extern const char thumb_mrs_banked_insn[], thumb_mrc_undef_insn[];
extern const char te_svc_insn[], te_udf_insn[];
extern const char stack_svc_top[], stack_irq_top[], stack_abt_top[], stack_und_top[];
extern const char stack_fiq_top[], stack_sys_top[];

/* The CPSR without its flags and GE bits, which the C code before sets. */
#define CTL(psr)	HEX((psr) & 0x0000ffffu)

static void modes(void)
{
	static const char *const name[6] = { "IRQ", "ABT", "UND", "FIQ", "SYS", "SVC" };
	static const char *const top[6] = {
		stack_irq_top, stack_abt_top, stack_und_top, stack_fiq_top, stack_sys_top,
		stack_svc_top,
	};
	uint32_t m[6][4];

	printf("thumb: CPSR in main 0x%04lx (Thumb: T reads as 0)\n", CTL(read_cpsr()));
	thumb_modes(m);
	for (int i = 0; i < 6; i++) {
		printf("thumb: %s: MRS CPSR 0x%04lx, LR 0x%08lx, SPSR 0x%08lx, SP %s\n", name[i],
		       CTL(m[i][0]), HEX(m[i][2]), HEX(m[i][3]),
		       i == 5 ? "in main's frame" :
		       m[i][1] == (uint32_t)top[i] ? "its own stack top" : "WRONG");
	}
	if (m[5][1] >= (uint32_t)stack_svc_top || m[5][1] < (uint32_t)stack_svc_top - 0x4000)
		printf("thumb: SVC's SP 0x%08lx is not on its stack\n", HEX(m[5][1]));
}

static void cps(void)
{
	static const char *const what[4] = { "CPSIE if", "CPSID f", "CPSIE.W a", "CPSID.W aif" };
	uint32_t v[4];

	thumb_cps(v);
	for (int i = 0; i < 4; i++)
		printf("thumb: %-12s -> CPSR 0x%04lx\n", what[i], CTL(v[i]));
}

static void sysregs(void)
{
	uint32_t v[6], lo, hi;

	cp15_write(TPIDRPRW, 0x12345678);
	printf("thumb: TPIDRPRW 0x%08lx, VBAR %s, SCTLR 0x%08lx\n", HEX(cp15_read(TPIDRPRW)),
	       cp15_read(VBAR) == (uint32_t)rt_vectors ? "rt_vectors" : "WRONG",
	       HEX(cp15_read(SCTLR)));
	__asm__ volatile("mcrr p15, 0, %0, %1, c2" :: "r"(0x40004000), "r"(0) : "memory");
	__asm__ volatile("mrrc p15, 0, %0, %1, c2" : "=r"(lo), "=r"(hi));
	printf("thumb: MCRR/MRRC TTBR0 0x%08lx%08lx, TTBR0 by MRC 0x%08lx\n", HEX(hi), HEX(lo),
	       HEX(cp15_read(TTBR0)));
	cp15_write(TTBR0, 0);
	thumb_vfp(v);
	printf("thumb: FPEXC 0x%08lx, with EN 0x%08lx, FPSID 0x%08lx, MVFR0 0x%08lx, "
	       "MVFR1 0x%08lx, FPEXC after 0x%08lx\n", HEX(v[0]), HEX(v[1]), HEX(v[2]),
	       HEX(v[3]), HEX(v[4]), HEX(v[5]));
	printf("thumb: HVC PSCI_VERSION 0x%08lx\n", HEX(thumb_hvc(PSCI_VERSION)));
}

static volatile uint32_t irq_spsr, irq_lr, irq_n;

/* The timer's interrupt, taken from Thumb code: silenced, acknowledged */
static void on_irq(struct exc_frame *f)
{
	uint32_t iar = gicc_read(GICC_IAR);

	irq_spsr = f->spsr;
	irq_lr = f->lr;
	irq_n++;
	cp15_write(CNTV_CTL, CNT_CTL_ENABLE | CNT_CTL_IMASK);
	isb();
	gicc_write(GICC_EOIR, iar);
}

/* An IRQ taken between two instructions of an IT block: SPSR_irq holds
 * T and the ITSTATE of the block's last instruction, which then runs. */
static void irq_in_it_block(void)
{
	uint32_t ran;

	exc_set_handler(EXC_IRQ, on_irq);
	ran = thumb_irq_it(read_cpsr() & ~PSR_I & 0xff);
	exc_set_handler(EXC_IRQ, NULL);
	printf("thumb: IRQ in an IT block: taken %lu, SPSR T %lu IT 0x%02lx, LR last%+ld, "
	       "last ran %lu\n", HEX(irq_n), HEX((irq_spsr >> 5) & 1),
	       HEX(((irq_spsr >> 8) & 0xfc) | ((irq_spsr >> 25) & 3)),
	       (long)(irq_lr - (uint32_t)thumb_irq_it_last), HEX(ran));
}

/* WFI with IRQs masked and the virtual timer's interrupt pending returns
 * at once, natively and virtualized: 16-bit, 32-bit, in an IT block. */
static void wfi_wfe(void)
{
	uint32_t pending = vtimer_make_pending(0xf0);

	printf("thumb: virtual timer interrupt pending: %lu\n", HEX(pending));
	thumb_wfi16();
	printf("thumb: WFI returned\n");
	thumb_wfi32();
	printf("thumb: WFI.W returned\n");
	thumb_wfi_it();
	printf("thumb: WFIEQ in an IT block returned\n");
	thumb_wfe();
	printf("thumb: WFE, WFE.W returned\n");
	irq_in_it_block();
	cp15_write(CNTV_CTL, 0);
	isb();
	gic_disable_irq(IRQ_VTIMER);
	gicc_write(GICC_CTLR, 0);
	gicd_write(GICD_CTLR, 0);
	printf("thumb: timer off, pending %lu\n", HEX(gic_pending(IRQ_VTIMER)));
}

/* Exceptions from Thumb to the runtime's A32 vectors */
static void from_thumb(void)
{
	catch_on();
	thumb_svc();
	catch_report("thumb: SVC #0x42", thumb_svc_insn, 0);
	thumb_udf16();
	catch_report("thumb: UDF #1", thumb_udf16_insn, 0);
	thumb_udf32();
	catch_report("thumb: UDF.W #2", thumb_udf32_insn, 0);
	thumb_smc();
	catch_report("thumb: SMC #0", thumb_smc_insn, 0);
	thumb_mrs_banked();
	catch_report("thumb: MRS r0, SP_irq", thumb_mrs_banked_insn, 0);
	thumb_mrc_undef();
	catch_report("thumb: MRC p15, 0, r0, c4, c0, 0", thumb_mrc_undef_insn, 0);
	catch_off();
}

/* Handlers in Thumb: SCTLR.TE */
static void thumb_handlers(void)
{
	uint32_t log[8] = { 0 };

	thumb_te(log);
	printf("thumb: TE: SVC handler CPSR 0x%04lx, SPSR 0x%08lx, LR insn%+ld\n",
	       CTL(log[0]), HEX(log[1]), (long)(log[2] - (uint32_t)te_svc_insn));
	printf("thumb: TE: UND handler CPSR 0x%04lx, SPSR 0x%08lx, LR (by SRS) insn%+ld, "
	       "SCTLR[31:30] %lu\n", CTL(log[3]), HEX(log[4]),
	       (long)(log[5] - (uint32_t)te_udf_insn), HEX(log[6]));
	printf("thumb: TE: back, SCTLR 0x%08lx, VBAR %s\n", HEX(cp15_read(SCTLR)),
	       cp15_read(VBAR) == (uint32_t)rt_vectors ? "rt_vectors" : "WRONG");
}

static void it_blocks(void)
{
	uint32_t v[12];

	cp15_write(TPIDRPRW, 0);
	thumb_it(v);
	printf("thumb: ITETE EQ, Z set: MRSEQ 0x%04lx, MCREQ TPIDRPRW 0x%04lx, "
	       "MOVNE 0x%02lx 0x%02lx\n", CTL(v[0]), CTL(v[1]), HEX(v[2]), HEX(v[3]));
	printf("thumb: ITETE EQ, Z clear: MRSEQ 0x%02lx, CPSR 0x%04lx, MOVNE 0x%02lx 0x%02lx\n",
	       HEX(v[4]), CTL(v[5]), HEX(v[6]), HEX(v[7]));
	printf("thumb: ITETE NE, Z clear: MRSNE 0x%04lx, MRSEQ 0x%02lx, MRCEQ 0x%02lx, "
	       "after MSRNE CPSR 0x%04lx\n", CTL(v[8]), HEX(v[9]), HEX(v[10]), CTL(v[11]));
	printf("thumb: after the blocks CPSR 0x%04lx\n", CTL(read_cpsr()));
	thumb_many_cps();
	printf("thumb: 150 times CPSIE f; CPSID f: CPSR 0x%04lx\n", CTL(read_cpsr()));
}

static void unprivileged(void)
{
	static uint32_t w[2] = { 0x11111111, 0x89abcdef };

	thumb_ldrt(w);
	printf("thumb: LDRT/STRT, LDRBT/STRHT: 0x%08lx 0x%08lx\n", HEX(w[0]), HEX(w[1]));
}

/* Loads and stores to devices by Thumb code: each form decoded by trapvisor */
static void devices(void)
{
	static const char line[] = "thumb: this line is written by Thumb STRB to UARTDR\n";
	volatile uint8_t *dr = (volatile uint8_t *)0x09000000u;
	uint32_t id = 0, g[4];

	for (int i = 0; i < 4; i++)		/* LDRB: PeriphID0-3 */
		id |= (uint32_t)*(volatile uint8_t *)(0x09000fe0u + 4 * i) << (8 * i);
	printf("thumb: LDRB PL011 PeriphID 0x%08lx, LDRH PCellID0 0x%04x\n", HEX(id),
	       *(volatile uint16_t *)0x09000ff0u);
	thumb_ldm(GICD_BASE, g);
	printf("thumb: LDM GICD_CTLR/TYPER 0x%lx 0x%08lx, LDRD 0x%lx 0x%08lx\n",
	       HEX(g[0]), HEX(g[1]), HEX(g[2]), HEX(g[3]));
	for (const char *p = line; *p; p++) {
		while (UARTFR & UARTFR_TXFF)
			;
		*dr = (uint8_t)*p;
	}
}

int main(void)
{
	modes();
	cps();
	sysregs();
	wfi_wfe();
	from_thumb();
	thumb_handlers();
	it_blocks();
	unprivileged();
	devices();
	printf("thumb: done\n");
	return 0;
}
