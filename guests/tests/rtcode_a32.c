/* rtcode: the A32 checks (rtcode.c says what and why). */
#include "rtcode.h"

/* ---------------------------------------------------------------------
 * A32, in the scratch area of the mixed page
 */
void a32_mrs(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_BX(LR));
	call(make_a32(&g, BY_LINE), NULL, 0);
	printf("rtcode: a32 MRS r1, CPSR: %03lx\n", HEX(CTL(io[0])));
	check(CTL(io[0]) == SVC_MASKED);
}

/* MSR CPSR_c to System mode (SP is SP_usr there) and back */
void a32_msr_sys(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_MRS(R3));
	a32(&g, A_ORR_IMM(R1, R3) | a32_imm(0x1f));
	a32(&g, A_MSR_C(R1));
	a32(&g, A_MRS(R2));
	a32(&g, A_MOV(R12, SP));
	a32(&g, A_MSR_C(R3));
	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R2, R0, 0));
	a32(&g, A_STR(R12, R0, 4));
	a32(&g, A_STR(R1, R0, 8));
	a32(&g, A_BX(LR));
	call(make_a32(&g, ALL), NULL, 0);
	printf("rtcode: a32 MSR CPSR_c to System: %03lx, SP %s, MSR CPSR_c back: %03lx\n",
	       HEX(CTL(io[0])), io[1] == (uint32_t)stack_sys_top ? "SP_usr" : "WRONG",
	       HEX(CTL(io[2])));
	check(CTL(io[0]) == SYS_MASKED && io[1] == (uint32_t)stack_sys_top &&
	      CTL(io[2]) == SVC_MASKED);
}

/* MSR CPSR_c clears I, then sets it again (nothing is pending) */
void a32_msr_irq(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_MRS(R3));
	a32(&g, A_BIC_IMM(R1, R3) | a32_imm(PSR_I));
	a32(&g, A_MSR_C(R1));
	a32(&g, A_MRS(R2));
	a32(&g, A_MSR_C(R3));
	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R2, R0, 0));
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_BX(LR));
	call(make_a32(&g, BY_LINE), NULL, 0);
	printf("rtcode: a32 MSR CPSR_c I clear: %03lx, I set again: %03lx\n",
	       HEX(CTL(io[0])), HEX(CTL(io[1])));
	check(CTL(io[0]) == SVC_IRQ_ON && CTL(io[1]) == SVC_MASKED);
}

void a32_cps(void)
{
	static const uint32_t ops[4] = { A_CPS(PSR_SYS), A_CPS(PSR_SVC), A_CPSIE_I, A_CPSID_I };
	struct gen g = gen_at(SCRATCH);

	for (unsigned i = 0; i < 4; i++) {
		a32(&g, ops[i]);
		a32(&g, A_MRS(R1));
		a32(&g, A_STR(R1, R0, 4 * i));
	}
	a32(&g, A_BX(LR));
	call(make_a32(&g, ALL), NULL, 0);
	printf("rtcode: a32 CPS #0x1f: %03lx, CPS #0x13: %03lx, CPSIE i: %03lx, CPSID i: %03lx\n",
	       HEX(CTL(io[0])), HEX(CTL(io[1])), HEX(CTL(io[2])), HEX(CTL(io[3])));
	check(CTL(io[0]) == SYS_MASKED && CTL(io[1]) == SVC_MASKED &&
	      CTL(io[2]) == SVC_IRQ_ON && CTL(io[3]) == SVC_MASKED);
}

/* SPSR_svc, then SPSR_irq (CPS to IRQ mode): set, read back, restored */
const uint32_t spsr_in[2] = { 0x900001d3u, 0x60000110u };

void a32_spsr(void)
{
	struct gen g = gen_at(SCRATCH);

	for (unsigned i = 0; i < 2; i++) {
		if (i)
			a32(&g, A_CPS(PSR_IRQ));
		a32(&g, A_LDR(R1, R0, 4 * i));
		a32(&g, A_MRS_SPSR(R12));
		a32(&g, A_MSR_SPSR(R1));
		a32(&g, A_MRS_SPSR(R2));
		a32(&g, A_MSR_SPSR(R12));
		a32(&g, A_STR(R2, R0, 8 + 4 * i));
	}
	a32(&g, A_MRS(R3));
	a32(&g, A_CPS(PSR_SVC));
	a32(&g, A_STR(R3, R0, 16));
	a32(&g, A_BX(LR));
	call(make_a32(&g, BY_LINE), spsr_in, 2);
	printf("rtcode: a32 MSR/MRS SPSR_svc: %08lx, SPSR_irq: %08lx (in mode %03lx)\n",
	       HEX(io[2]), HEX(io[3]), HEX(CTL(io[4])));
	check(io[2] == spsr_in[0] && io[3] == spsr_in[1] && CTL(io[4]) == 0x1d2);
}

/* MRSNE and MSREQ CPSR_c (to System), io[0] = 0 (Z set) or 1 (Z clear) */
void a32_cond(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_LDR(R1, R0, 0));
	a32(&g, A_MRS(R3));
	a32(&g, A_ORR_IMM(R12, R3) | a32_imm(0x1f));
	a32(&g, A_MOV_IMM(R2) | 0xee);
	a32(&g, A_CMP_IMM(R1, 0));
	a32(&g, A_COND(NE, A_MRS(R2)));
	a32(&g, A_COND(EQ, A_MSR_C(R12)));
	a32(&g, A_MRS(R1));
	a32(&g, A_MSR_C(R3));
	a32(&g, A_STR(R2, R0, 4));
	a32(&g, A_STR(R1, R0, 8));
	a32(&g, A_BX(LR));
	fn_t fn = make_a32(&g, BY_LINE);
	for (uint32_t z = 0; z < 2; z++) {
		call(fn, &z, 1);
		printf("rtcode: a32 Z %s: MRSNE r2 -> %03lx, MSREQ CPSR_c to System -> %03lx\n",
		       z ? "clear" : "set", HEX(z ? CTL(io[1]) : io[1]), HEX(CTL(io[2])));
		check(z ? CTL(io[1]) == SVC_MASKED && CTL(io[2]) == SVC_MASKED
			: io[1] == 0xee && CTL(io[2]) == SYS_MASKED);
	}
}

/*
 * LDM/STM of the User registers from SVC mode: SP_usr and LR_usr saved
 * (STM ^), set from io[0..1] (LDM ^), read back with STM ^ and in
 * System mode, restored.  SVC's own SP and LR must not move (LR: the
 * routine returns through it).
 */
void a32_usr_regs(void)
{
	static const uint32_t in[2] = { 0x4a5a6a7au, 0x4b5b6b7bu };
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_MOV(R2, SP));
	a32(&g, A_STR(R2, R0, 40));		/* SP_svc before */
	a32(&g, A_ADD_IMM(R1, R0) | 8);		/* io + 2: the originals */
	a32(&g, A_ADD_IMM(R12, R0) | 16);	/* io + 4: STM ^ of the new */
	a32(&g, A_STM_USR(R1, 1u << SP | 1u << LR));
	a32(&g, A_LDM_USR(R0, 1u << SP | 1u << LR));
	a32(&g, A_NOP);				/* no banked register right after */
	a32(&g, A_STM_USR(R12, 1u << SP | 1u << LR));
	a32(&g, A_CPS(PSR_SYS));
	a32(&g, A_MOV(R2, SP));
	a32(&g, A_MOV(R3, LR));
	a32(&g, A_CPS(PSR_SVC));
	a32(&g, A_STR(R2, R0, 24));
	a32(&g, A_STR(R3, R0, 28));
	a32(&g, A_MOV(R2, SP));
	a32(&g, A_STR(R2, R0, 32));		/* SP_svc after */
	a32(&g, A_LDM_USR(R1, 1u << SP | 1u << LR));
	a32(&g, A_NOP);
	a32(&g, A_CPS(PSR_SYS));
	a32(&g, A_MOV(R2, SP));
	a32(&g, A_CPS(PSR_SVC));
	a32(&g, A_STR(R2, R0, 36));		/* SP_usr restored */
	a32(&g, A_BX(LR));
	call(make_a32(&g, ALL), in, 2);
	printf("rtcode: a32 LDM {sp, lr}^ then STM {sp, lr}^: %08lx %08lx, in System: "
	       "%08lx %08lx\n", HEX(io[4]), HEX(io[5]), HEX(io[6]), HEX(io[7]));
	printf("rtcode: a32 SP_usr before %s, restored %s, SP_svc %s\n",
	       io[2] == (uint32_t)stack_sys_top ? "its stack top" : "WRONG",
	       io[9] == (uint32_t)stack_sys_top ? "its stack top" : "WRONG",
	       io[8] == io[10] ? "untouched" : "WRONG");
	check(io[4] == in[0] && io[5] == in[1] && io[6] == in[0] && io[7] == in[1] &&
	      io[2] == (uint32_t)stack_sys_top && io[9] == (uint32_t)stack_sys_top &&
	      io[8] == io[10]);
}

/*
 * Exception returns without an exception: SPSR_svc set by hand, LR the
 * next instruction.  MOVS PC, LR to System mode with N set; SUBS PC, LR,
 * #4 with SPSR.T set, into T32 code written right after it; SRSDB to the
 * SVC stack and RFEIA from it, with C set.  Each ends back in SVC mode,
 * SPSR_svc restored, through r2 = the caller's LR.
 */
void a32_erets(void)
{
	struct gen g = gen_at(SCRATCH);
	fn_t fn;

	/* MOVS PC, LR */
	a32(&g, A_MOV(R2, LR));
	a32(&g, A_MRS(R3));
	a32(&g, A_MRS_SPSR(R12));
	a32(&g, A_BIC_IMM(R1, R3) | a32_imm(NZCV));
	a32(&g, A_ORR_IMM(R1, R1) | a32_imm(FLAG_N));
	a32(&g, A_ORR_IMM(R1, R1) | 0x1f);
	a32(&g, A_MSR_SPSR(R1));
	a32(&g, A_ADD_IMM(LR, PC) | 0);		/* PC reads +8: the MRS below */
	a32(&g, A_MOVS_PC_LR);
	a32(&g, A_MRS(R1));			/* System mode, N: CPSR := SPSR */
	a32(&g, A_CPS(PSR_SVC));
	a32(&g, A_MSR_SPSR(R12));
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_BX(R2));
	fn = make_a32(&g, BY_LINE);
	call(fn, NULL, 0);
	printf("rtcode: a32 MOVS PC, LR: flags %lx, %03lx; back %03lx\n", HEX(FLAGS(io[0])),
	       HEX(CTL(io[0])), HEX(CTL(io[1])));
	check(FLAGS(io[0]) == 8 && CTL(io[0]) == SYS_MASKED && CTL(io[1]) == SVC_MASKED);

	/* SUBS PC, LR, #4 into Thumb */
	g = gen_at(SCRATCH);
	a32(&g, A_MOV(R2, LR));
	a32(&g, A_MRS(R3));
	a32(&g, A_MRS_SPSR(R12));
	a32(&g, A_BIC_IMM(R1, R3) | a32_imm(NZCV));
	a32(&g, A_ORR_IMM(R1, R1) | a32_imm(FLAG_Z));
	a32(&g, A_ORR_IMM(R1, R1) | a32_imm(PSR_T));
	a32(&g, A_MSR_SPSR(R1));
	a32(&g, A_ADD_IMM(LR, PC) | 4);		/* the T32 code + 4 */
	a32(&g, A_SUBS_PC_LR(4));
	t32(&g, T_MRS(R1));			/* Thumb, Z; T reads as 0 */
	t16(&g, T_STR(R1, R0, 0));
	t16(&g, T_MOVS_IMM(R1, 0x5a));		/* 16-bit: only right as T32 */
	t16(&g, T_STR(R1, R0, 4));
	t32(&g, T_MSR_SPSR(R12));
	t16(&g, T_BX(R2));			/* to the A32 caller */
	fn = make_a32(&g, ALL);
	call(fn, NULL, 0);
	printf("rtcode: a32 SUBS PC, LR, #4 with SPSR.T: T32 code ran (%02lx), flags %lx, %03lx\n",
	       HEX(io[1]), HEX(FLAGS(io[0])), HEX(CTL(io[0])));
	check(io[1] == 0x5a && FLAGS(io[0]) == 4 && CTL(io[0]) == SVC_MASKED);

	/* SRSDB / RFEIA */
	g = gen_at(SCRATCH);
	a32(&g, A_MOV(R2, LR));
	a32(&g, A_MRS(R3));
	a32(&g, A_MRS_SPSR(R12));
	a32(&g, A_BIC_IMM(R1, R3) | a32_imm(NZCV));
	a32(&g, A_ORR_IMM(R1, R1) | a32_imm(FLAG_C));
	a32(&g, A_MSR_SPSR(R1));
	a32(&g, A_MOV(R1, SP));
	a32(&g, A_ADD_IMM(LR, PC) | 4);		/* the instruction after RFE */
	a32(&g, A_SRSDB_SP(PSR_SVC));
	a32(&g, A_RFEIA_SP);
	a32(&g, A_MRS(R3));
	a32(&g, A_STR(R3, R0, 0));
	a32(&g, A_SUB(R1, R1, SP));		/* 0: SP back where it was */
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_MSR_SPSR(R12));
	a32(&g, A_BX(R2));
	fn = make_a32(&g, BY_LINE);
	call(fn, NULL, 0);
	printf("rtcode: a32 SRSDB sp!, RFEIA sp!: flags %lx, %03lx, SP moved by %ld\n",
	       HEX(FLAGS(io[0])), HEX(CTL(io[0])), (long)io[1]);
	check(FLAGS(io[0]) == 2 && CTL(io[0]) == SVC_MASKED && io[1] == 0);
}

/* Literals after the code, loaded by LDR (literal) */
const uint32_t lit_words[3] = {
	0xe10f0000u,	/* "mrs r0, cpsr" */
	0xb662b672u,	/* "cpsid i", "cpsie i" in T32, first at the lower address */
	0x8000f3efu,	/* "mrs r0, cpsr" in T32 */
};

void a32_literals(void)
{
	struct gen g = gen_at(LIT_A32);
	uint32_t ld[3];

	for (unsigned i = 0; i < 3; i++) {
		ld[i] = a32(&g, A_LDR_LIT(R1));
		a32(&g, A_STR(R1, R0, 4 * i));
	}
	a32(&g, A_BX(LR));
	for (unsigned i = 0; i < 3; i++)
		a32_lit(&g, ld[i], a32(&g, lit_words[i]));
	call(make_a32(&g, BY_LINE), NULL, 0);
	printf("rtcode: a32 literals after BX LR, loaded: %08lx %08lx %08lx\n",
	       HEX(io[0]), HEX(io[1]), HEX(io[2]));
	check(io[0] == lit_words[0] && io[1] == lit_words[1] && io[2] == lit_words[2]);
}
