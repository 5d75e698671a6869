/*
 * psr: CPSR and SPSR as a PL1 guest sees them: MRS in every mode, mode
 * switches with MSR and CPS, the banked SP/LR/SPSR and FIQ r8-r12, MSR
 * fields, conditional forms, User mode and back.
 */
#include "tests.h"

void psr_banks(uint32_t out[6][4]);
void psr_fiq_regs(uint32_t out[10]);
void psr_flags(uint32_t out[6]);
void psr_spsr_fields(uint32_t out[6]);
void psr_cps(uint32_t out[8]);
void psr_cond(uint32_t out[5]);
void psr_user(uint32_t out[5]);
uint32_t psr_mrs_sp_usr(void), psr_mrs_lr_irq(void), psr_mrs_spsr_abt(void);
uint32_t psr_mrs_r8_fiq(void), psr_msr_spsr_irq(uint32_t), psr_msr_lr_abt(uint32_t);
extern const char psr_mrs_sp_usr_insn[], psr_mrs_lr_irq_insn[], psr_mrs_spsr_abt_insn[];
extern const char psr_mrs_r8_fiq_insn[], psr_msr_spsr_irq_insn[], psr_msr_lr_abt_insn[];
extern const char stack_svc_top[], stack_irq_top[], stack_abt_top[], stack_und_top[];
extern const char stack_fiq_top[], stack_sys_top[];

static const char *const mode_names[6] = { "SVC", "IRQ", "ABT", "UND", "FIQ", "SYS" };

/* SP of each mode by the stack it should be on */
static void print_sp(uint32_t sp, uint32_t i)
{
	static const char *const tops[6] = {
		stack_svc_top, stack_irq_top, stack_abt_top, stack_und_top,
		stack_fiq_top, stack_sys_top,
	};
	long off = (long)(sp - (uint32_t)tops[i]);

	printf("psr: %s SP = stack_%s_top%+ld\n", mode_names[i],
	       i == 5 ? "sys" : (const char *[]){ "svc", "irq", "abt", "und", "fiq" }[i], off);
}

static void modes(void)
{
	uint32_t b[6][4];

	printf("psr: CPSR at entry to main 0x%08lx\n", HEX(read_cpsr() & 0x0fffffff & ~0x000f0000u));
	psr_banks(b);
	for (int i = 0; i < 6; i++) {
		printf("psr: %s MRS CPSR 0x%08lx, LR 0x%08lx, SPSR 0x%08lx\n", mode_names[i],
		       HEX(b[i][0]), HEX(b[i][2]), HEX(b[i][3]));
		print_sp(b[i][1], i);
	}
}

static void fiq_bank(void)
{
	uint32_t r[10];

	psr_fiq_regs(r);
	printf("psr: r8-r12 in SVC 0x%08lx 0x%08lx 0x%08lx 0x%08lx 0x%08lx\n",
	       HEX(r[0]), HEX(r[1]), HEX(r[2]), HEX(r[3]), HEX(r[4]));
	printf("psr: r8-r12 in FIQ 0x%08lx 0x%08lx 0x%08lx 0x%08lx 0x%08lx\n",
	       HEX(r[5]), HEX(r[6]), HEX(r[7]), HEX(r[8]), HEX(r[9]));
}

static void msr_forms(void)
{
	static const char *const what[6] = {
		"MSR CPSR_fs, #0", "MSR CPSR_f, #0xff000000", "MSR CPSR_s, #0x000f0000",
		"MSR APSR_nzcvqg, 0x50050000", "MSR CPSR_fsxc, 0x300001d3", "MSR CPSR_fs, #0",
	};
	static const char *const swhat[6] = {
		"MSR SPSR_fsxc, 0", "MSR SPSR_c, 0xdf", "MSR SPSR_x, 0xffff0200",
		"MSR SPSR_s, 0x000f0000", "MSR SPSR_f, #0xf8000000", "MSR SPSR_fsxc, 0x1d3",
	};
	uint32_t v[8];

	psr_flags(v);
	for (int i = 0; i < 6; i++)
		printf("psr: %-28s -> CPSR 0x%08lx\n", what[i], HEX(v[i]));
	psr_spsr_fields(v);
	for (int i = 0; i < 6; i++)
		printf("psr: %-28s -> SPSR 0x%08lx\n", swhat[i], HEX(v[i]));
}

static void cps_forms(void)
{
	static const char *const what[8] = {
		"CPSIE i", "CPSIE af", "CPSID f", "CPSID aif", "CPS #0x1f",
		"CPSIE if, #0x1b", "CPSID if, #0x13", "CPSIE a; CPSID a",
	};
	uint32_t v[8];

	psr_cps(v);
	for (int i = 0; i < 8; i++)
		printf("psr: %-16s -> CPSR 0x%08lx\n", what[i], HEX(v[i]));
}

static void cond_forms(void)
{
	uint32_t v[5];

	psr_cond(v);
	printf("psr: Z set, MRSNE CPSR: register still 0x%08lx\n", HEX(v[0]));
	printf("psr: Z set, MSRNE CPSR_c, #0xdf: CPSR 0x%08lx\n", HEX(v[1]));
	printf("psr: Z set, MSRNE/MRSNE SPSR skipped, MRSEQ SPSR 0x%08lx\n", HEX(v[2]));
	printf("psr: Z set, MRSEQ CPSR 0x%08lx\n", HEX(v[3]));
	printf("psr: Z set, MSREQ CPSR_f, #0x80000000: CPSR 0x%08lx\n", HEX(v[4]));
}

static uint32_t svc_spsr, svc_imm;

/* SVC #0x10 from User mode: come back in SVC mode, I and F masked */
static void svc_to_svc(struct exc_frame *f)
{
	svc_spsr = f->spsr;
	svc_imm = *(const uint32_t *)(f->lr - 4) & 0xffffff;
	f->spsr = (f->spsr & ~PSR_MODE_MASK) | PSR_SVC | PSR_I | PSR_F;
}

static void user_mode(void)
{
	uint32_t v[5];

	exc_set_handler(EXC_SVC, svc_to_svc);
	psr_user(v);
	exc_set_handler(EXC_SVC, NULL);
	printf("psr: MSR CPSR_c, #0x10 -> CPSR 0x%08lx\n", HEX(v[0]));
	printf("psr: User SP = stack_sys_top%+ld\n", (long)(v[1] - (uint32_t)stack_sys_top));
	printf("psr: User MSR CPSR_c, #0xd3 -> CPSR 0x%08lx\n", HEX(v[2]));
	printf("psr: User CPSID if; MSR CPSR_fsxc, 0x80000013 -> CPSR 0x%08lx\n", HEX(v[3]));
	printf("psr: User SVC #0x%lx: SPSR 0x%08lx, back in 0x%08lx\n", HEX(svc_imm),
	       HEX(svc_spsr), HEX(v[4]));
}

/* Banked MRS forms: each one's stub, the stub's MRS, and its label. */
static const struct {
	const char *what;
	uint32_t (*read)(void);
	const void *insn;
} mrs_banked[] = {
	{ "psr: MRS r0, SP_usr", psr_mrs_sp_usr, psr_mrs_sp_usr_insn },
	{ "psr: MRS r0, LR_irq", psr_mrs_lr_irq, psr_mrs_lr_irq_insn },
	{ "psr: MRS r0, SPSR_abt", psr_mrs_spsr_abt, psr_mrs_spsr_abt_insn },
	{ "psr: MRS r0, R8_fiq", psr_mrs_r8_fiq, psr_mrs_r8_fiq_insn },
};

static void banked(void)
{
	uint32_t v;

	catch_on();
	for (unsigned i = 0; i < sizeof(mrs_banked) / sizeof(mrs_banked[0]); i++) {
		v = mrs_banked[i].read();
		printf("%s -> 0x%08lx\n", mrs_banked[i].what, HEX(v));
		catch_report(mrs_banked[i].what, mrs_banked[i].insn, 0);
	}
	psr_msr_spsr_irq(0x100001d3);
	catch_report("psr: MSR SPSR_irq, r0", psr_msr_spsr_irq_insn, 0);
	psr_msr_lr_abt(0x12345678);
	catch_report("psr: MSR LR_abt, r0", psr_msr_lr_abt_insn, 0);
	catch_off();
}

int main(void)
{
	printf("psr: start\n");
	modes();
	fiq_bank();
	msr_forms();
	cps_forms();
	cond_forms();
	user_mode();
	banked();
	printf("psr: CPSR at the end 0x%08lx\n", HEX(read_cpsr() & 0x0000ffff));
	printf("psr: done\n");
	return 0;
}
