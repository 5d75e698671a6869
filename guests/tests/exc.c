/*
 * exc: exceptions taken by the guest and returns from them.  Each case
 * prints the exception, LR relative to the instruction that caused it, the
 * SPSR saved, the CPSR in the handler and the fault registers.  The
 * exceptions are taken with A, I and F clear so the masks they set show.
 */
#include "tests.h"

#define INSN(n)	extern const char n[]
INSN(exc_svc_insn); INSN(exc_udf_insn); INSN(exc_cop_insn); INSN(exc_smc_insn);
INSN(exc_bkpt_insn); INSN(exc_load_insn); INSN(exc_store_insn);
INSN(exc_unaligned_insn); INSN(exc_ldrd_insn); INSN(exc_user_svc_insn);
INSN(exc_user_udf_insn); INSN(exc_user_ldr_insn); INSN(exc_user_back_insn);
INSN(exc_thumb_svc_insn); INSN(exc_ret_thumb_back);

uint32_t exc_svc(void);
void exc_udf(void), exc_cop(void), exc_smc(void), exc_bkpt(void);
uint32_t exc_load(uint32_t addr);
void exc_store(uint32_t addr), exc_jump(uint32_t addr);
uint32_t exc_unaligned(uint32_t addr), exc_ldrd(uint32_t addr);
void exc_user(void), exc_ret_thumb(void);
uint32_t exc_ret_subs(void), exc_ret_movs(void), exc_ret_eret(void);
uint32_t exc_ret_ldm(void), exc_ret_rfe(uint32_t out[2]);
void exc_ret_ldm_r0(uint32_t *out), exc_srs_irq(uint32_t out[3]);
void exc_user_regs(uint32_t out[4]), exc_fiq_user_regs(uint32_t out[10]);

static uint32_t buf[4] = { 0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00 };

/* SVC: log it and answer #0x123456 with r0 = the immediate + 1 */
static void on_svc(struct exc_frame *f)
{
	uint32_t imm;

	catch_record(EXC_SVC, f);
	if (f->spsr & PSR_T) {
		/* SVC #3 from Thumb: back to ARM, SVC mode, at exc_ret_thumb_back */
		imm = *(const uint16_t *)(f->lr - 2) & 0xff;
		if (imm == 3) {
			f->ret = (uint32_t)exc_ret_thumb_back;
			f->spsr = PSR_SVC | PSR_A | PSR_I | PSR_F;
		}
		return;
	}
	imm = *(const uint32_t *)(f->lr - 4) & 0xffffff;
	if (imm == 0x123456)
		f->r[0] = imm + 1;
	else if (imm == 2)	/* from User mode: return in SVC mode */
		f->spsr = (f->spsr & ~PSR_MODE_MASK) | PSR_SVC | PSR_A | PSR_I | PSR_F;
}

static void unmask(void)
{
	__asm__ volatile("cpsie aif" ::: "memory");
}

static void mask(void)
{
	__asm__ volatile("cpsid aif" ::: "memory");
}

static void synchronous(void)
{
	uint32_t v;

	v = exc_svc();
	catch_report("exc: SVC #0x123456", exc_svc_insn, CP_IMM);
	printf("exc: SVC handler result r0 0x%08lx\n", HEX(v));
	exc_udf();
	catch_report("exc: UDF #0xbeef", exc_udf_insn, CP_IMM);
	exc_cop();
	catch_report("exc: MRC p5 (no coprocessor 5)", exc_cop_insn, 0);
	exc_smc();
	catch_report("exc: SMC #0", exc_smc_insn, 0);
	/* BKPT: a debug event; IFAR is UNKNOWN for it, so not shown */
	exc_bkpt();
	catch_report("exc: BKPT #0x42", exc_bkpt_insn, CP_FSR);
}

static void aborts(void)
{
	uint32_t v;

	v = exc_load(NOWHERE);
	catch_report("exc: LDR from 0x0b000000", exc_load_insn, CP_FSR | CP_FAR);
	printf("exc: LDR destination kept 0x%08lx\n", HEX(v));
	exc_store(NOWHERE + 0x10);
	catch_report("exc: STR to 0x0b000010", exc_store_insn, CP_FSR | CP_FAR);
	exc_jump(NOWHERE + 0x100);
	catch_report("exc: BLX to 0x0b000100", (const void *)(NOWHERE + 0x100), CP_FSR | CP_FAR);

	v = exc_unaligned((uint32_t)buf + 1);
	printf("exc: LDR from buf+1 with SCTLR.A=1 -> 0x%08lx\n", HEX(v));
	if (catch_count)
		printf("exc: ... DFAR = buf%+ld\n", (long)(catch_log[0].far - (uint32_t)buf));
	catch_report("exc: LDR from buf+1 with SCTLR.A=1", exc_unaligned_insn, CP_FSR);
	v = exc_unaligned((uint32_t)buf + 4);
	catch_report("exc: LDR from buf+4 with SCTLR.A=1", exc_unaligned_insn, 0);
	printf("exc: ... loaded 0x%08lx\n", HEX(v));
	v = exc_ldrd((uint32_t)buf + 2);
	printf("exc: LDRD from buf+2 (SCTLR.A=0) -> 0x%08lx\n", HEX(v));
	if (catch_count)
		printf("exc: ... DFAR = buf%+ld\n", (long)(catch_log[0].far - (uint32_t)buf));
	catch_report("exc: LDRD from buf+2", exc_ldrd_insn, CP_FSR);
	v = exc_load((uint32_t)buf + 1);
	catch_report("exc: LDR from buf+1 with SCTLR.A=0", exc_load_insn, 0);
	printf("exc: ... loaded 0x%08lx\n", HEX(v));
}

static void from_user(void)
{
	static const char *const what[] = {
		"exc: User SVC #1", "exc: User UDF #7", "exc: User LDR from 0x0b000000",
		"exc: User BLX to 0x0b000000", "exc: User SVC #2",
	};
	const void *insn[] = {
		exc_user_svc_insn, exc_user_udf_insn, exc_user_ldr_insn,
		(const void *)NOWHERE, exc_user_back_insn,
	};
	static const uint32_t show[] = { CP_IMM, CP_IMM, CP_FSR | CP_FAR, CP_FSR | CP_FAR, CP_IMM };

	catch_clear();
	exc_user();
	printf("exc: back from User mode, CPSR 0x%08lx\n", HEX(read_cpsr() & 0xffff));
	for (uint32_t i = 0; i < catch_count && i < 5; i++)
		catch_print(what[i], i, insn[i], show[i]);
	if (catch_count != 5)
		printf("exc: %lu exceptions from User mode, expected 5\n", HEX(catch_count));
	catch_clear();
}

static void returns(void)
{
	uint32_t v, r[3];

	printf("exc: SUBS PC, LR, #4    -> CPSR 0x%08lx\n", HEX(exc_ret_subs()));
	printf("exc: MOVS PC, LR        -> CPSR 0x%08lx\n", HEX(exc_ret_movs()));
	printf("exc: ERET (SVC mode)    -> CPSR 0x%08lx\n", HEX(exc_ret_eret()));
	printf("exc: LDMFD SP!, {r0,pc}^ -> CPSR 0x%08lx\n", HEX(exc_ret_ldm()));
	exc_ret_ldm_r0(&v);
	printf("exc: LDMFD SP!, {r0,pc}^ -> r0 0x%08lx\n", HEX(v));
	v = exc_ret_rfe(r);
	printf("exc: SRSDB SP!, #0x13 stored LR mark%+ld, SPSR 0x%08lx\n", (long)r[0], HEX(r[1]));
	printf("exc: RFEIA SP!          -> CPSR 0x%08lx\n", HEX(v));
	exc_srs_irq(r);
	printf("exc: SRSDB SP, #0x12 stored 0x%08lx 0x%08lx below SP_irq, SP_irq moved %ld\n",
	       HEX(r[0]), HEX(r[1]), (long)r[2]);
	catch_clear();
	exc_ret_thumb();
	if (catch_count)
		catch_print("exc: MOVS PC, LR to Thumb, SVC #3", 0, exc_thumb_svc_insn, 0);
	else
		printf("exc: MOVS PC, LR to Thumb: no SVC\n");
	catch_clear();
	printf("exc: back from Thumb, CPSR 0x%08lx\n", HEX(read_cpsr() & 0xffff));
}

static void user_registers(void)
{
	uint32_t r[10];

	exc_user_regs(r);
	printf("exc: LDMIA {SP,LR}^ -> SYS sees SP 0x%08lx LR 0x%08lx\n", HEX(r[0]), HEX(r[1]));
	printf("exc: STMIA {SP,LR}^ after restore: SP %+ld LR %+ld from saved\n",
	       (long)r[2], (long)r[3]);
	exc_fiq_user_regs(r);
	printf("exc: FIQ STM {r8-r12}  0x%08lx 0x%08lx 0x%08lx 0x%08lx 0x%08lx\n",
	       HEX(r[0]), HEX(r[1]), HEX(r[2]), HEX(r[3]), HEX(r[4]));
	printf("exc: FIQ STM {r8-r12}^ 0x%08lx 0x%08lx 0x%08lx 0x%08lx 0x%08lx\n",
	       HEX(r[5]), HEX(r[6]), HEX(r[7]), HEX(r[8]), HEX(r[9]));
}

int main(void)
{
	printf("exc: start\n");
	catch_on();
	exc_set_handler(EXC_SVC, on_svc);
	unmask();
	synchronous();
	aborts();
	from_user();
	returns();
	mask();
	catch_off();
	user_registers();
	/*
	 * High vectors (SCTLR.V=1) are not exercised: nothing is at
	 * 0xffff0000 on virt, so the first exception would loop on
	 * prefetch aborts.
	 */
	printf("exc: done\n");
	return 0;
}
