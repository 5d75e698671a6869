/* rtcode: the T32 checks, and WFI/WFE in both instruction sets (rtcode.c says what and why). */
#include "rtcode.h"

/* ---------------------------------------------------------------------
 * T32, in the heap buffer, entered with BLX from the A32 caller
 */
void t32_mrs(void)
{
	struct gen g = gen_at(heap);

	t32(&g, T_MRS(R1));
	t16(&g, T_MOV(R3, R8));			/* r8 is the caller's */
	t32(&g, T_MRS(R8));
	t32(&g, T_MRS(R12));
	t16(&g, T_STR(R1, R0, 0));
	t16(&g, T_MOV(R1, R8));
	t16(&g, T_STR(R1, R0, 4));
	t16(&g, T_MOV(R1, R12));
	t16(&g, T_STR(R1, R0, 8));
	t16(&g, T_MOV(R8, R3));
	t16(&g, T_BX(LR));
	call(make_t32(&g, BY_LINE), NULL, 0);
	printf("rtcode: t32 MRS r1, r8, r12, CPSR: %03lx %03lx %03lx\n",
	       HEX(CTL(io[0])), HEX(CTL(io[1])), HEX(CTL(io[2])));
	check(CTL(io[0]) == SVC_MASKED && CTL(io[1]) == SVC_MASKED && CTL(io[2]) == SVC_MASKED);
}

void t32_msr_sys(void)
{
	struct gen g = gen_at(heap);

	t32(&g, T_MRS(R3));
	t32(&g, T_ORR_IMM(R1, R3) | t32_imm(0x1f));
	t32(&g, T_MSR_C(R1));
	t32(&g, T_MRS(R2));
	t16(&g, T_MOV(R12, SP));
	t32(&g, T_MSR_C(R3));
	t32(&g, T_MRS(R1));
	t16(&g, T_STR(R2, R0, 0));
	t16(&g, T_STR(R1, R0, 8));
	t16(&g, T_MOV(R1, R12));
	t16(&g, T_STR(R1, R0, 4));
	t16(&g, T_BX(LR));
	call(make_t32(&g, ALL), NULL, 0);
	printf("rtcode: t32 MSR CPSR_c to System: %03lx, SP %s, MSR CPSR_c back: %03lx\n",
	       HEX(CTL(io[0])), io[1] == (uint32_t)stack_sys_top ? "SP_usr" : "WRONG",
	       HEX(CTL(io[2])));
	check(CTL(io[0]) == SYS_MASKED && io[1] == (uint32_t)stack_sys_top &&
	      CTL(io[2]) == SVC_MASKED);
}

/* CPS.W #mode (32-bit), CPSIE/CPSID i and f (16-bit) */
void t32_cps(void)
{
	static const uint32_t ops[6] = {
		T_CPS(PSR_SYS), T_CPS(PSR_SVC), T_CPSIE_I, T_CPSID_I, T_CPSIE_F, T_CPSID_F,
	};
	static const uint32_t want[6] = {
		SYS_MASKED, SVC_MASKED, SVC_IRQ_ON, SVC_MASKED, SVC_FIQ_ON, SVC_MASKED,
	};
	struct gen g = gen_at(heap);
	int ok = 1;

	for (unsigned i = 0; i < 6; i++) {
		if (ops[i] >> 16)
			t32(&g, ops[i]);
		else
			t16(&g, ops[i]);
		t32(&g, T_MRS(R1));
		t16(&g, T_STR(R1, R0, 4 * i));
	}
	t16(&g, T_BX(LR));
	call(make_t32(&g, BY_LINE), NULL, 0);
	printf("rtcode: t32 CPS.W #0x1f: %03lx, CPS.W #0x13: %03lx, CPSIE i: %03lx, "
	       "CPSID i: %03lx, CPSIE f: %03lx, CPSID f: %03lx\n", HEX(CTL(io[0])),
	       HEX(CTL(io[1])), HEX(CTL(io[2])), HEX(CTL(io[3])), HEX(CTL(io[4])),
	       HEX(CTL(io[5])));
	for (unsigned i = 0; i < 6; i++)
		ok &= CTL(io[i]) == want[i];
	check(ok);
}

void t32_spsr(void)
{
	struct gen g = gen_at(heap);

	for (unsigned i = 0; i < 2; i++) {
		if (i)
			t32(&g, T_CPS(PSR_IRQ));
		t16(&g, T_LDR(R1, R0, 4 * i));
		t32(&g, T_MRS_SPSR(R12));
		t32(&g, T_MSR_SPSR(R1));
		t32(&g, T_MRS_SPSR(R2));
		t32(&g, T_MSR_SPSR(R12));
		t16(&g, T_STR(R2, R0, 8 + 4 * i));
	}
	t32(&g, T_MRS(R3));
	t32(&g, T_CPS(PSR_SVC));
	t16(&g, T_STR(R3, R0, 16));
	t16(&g, T_BX(LR));
	call(make_t32(&g, ALL), spsr_in, 2);
	printf("rtcode: t32 MSR/MRS SPSR_svc: %08lx, SPSR_irq: %08lx (in mode %03lx)\n",
	       HEX(io[2]), HEX(io[3]), HEX(CTL(io[4])));
	check(io[2] == spsr_in[0] && io[3] == spsr_in[1] && CTL(io[4]) == 0x1d2);
}

/*
 * ITET NE: MRSNE r2, CPSR; MSREQ CPSR_c (to System); MOVNE r1, #0x77.
 * The MOVNE after the two sensitive ones shows that ITSTATE advanced
 * past them as it should, whichever ran.
 */
void t32_it(void)
{
	struct gen g = gen_at(heap);

	t16(&g, T_LDR(R1, R0, 0));
	t32(&g, T_MRS(R3));
	t32(&g, T_ORR_IMM(R12, R3) | t32_imm(0x1f));
	t16(&g, T_MOVS_IMM(R2, 0xee));
	t16(&g, T_CMP_IMM(R1, 0));
	t16(&g, T_IT(NE, 0x6));			/* ITET NE */
	t32(&g, T_MRS(R2));
	t32(&g, T_MSR_C(R12));
	t16(&g, T_MOVS_IMM(R1, 0x77));		/* in an IT block: MOV, flags kept */
	t32(&g, T_MRS(R12));
	t32(&g, T_MSR_C(R3));
	t16(&g, T_STR(R2, R0, 4));
	t16(&g, T_STR(R1, R0, 8));
	t16(&g, T_MOV(R1, R12));
	t16(&g, T_STR(R1, R0, 12));
	t16(&g, T_BX(LR));
	fn_t fn = make_t32(&g, BY_LINE);
	for (uint32_t z = 0; z < 2; z++) {
		call(fn, &z, 1);
		printf("rtcode: t32 ITET NE, Z %s: MRSNE r2 -> %03lx, MSREQ CPSR_c to System -> "
		       "%03lx, MOVNE r1 -> %02lx\n", z ? "clear" : "set",
		       HEX(z ? CTL(io[1]) : io[1]), HEX(CTL(io[3])), HEX(io[2]));
		check(z ? CTL(io[1]) == SVC_MASKED && CTL(io[3]) == SVC_MASKED && io[2] == 0x77
			: io[1] == 0xee && CTL(io[3]) == SYS_MASKED && io[2] == 0);
	}
}

/*
 * SUBS PC, LR, #0 from T32 with SPSR.T clear (MRS reads T as 0): into
 * A32 code written right after it, flags from the SPSR (C, V).
 */
void t32_eret(void)
{
	struct gen g = gen_at(heap);
	uint32_t adr;

	t16(&g, T_MOV(R2, LR));			/* the A32 caller */
	t32(&g, T_MRS(R3));
	t32(&g, T_MRS_SPSR(R12));
	t32(&g, T_BIC_IMM(R1, R3) | t32_imm(NZCV));
	t32(&g, T_ORR_IMM(R1, R1) | t32_imm(FLAG_C));
	t32(&g, T_ORR_IMM(R1, R1) | t32_imm(FLAG_V));
	t32(&g, T_MSR_SPSR(R1));
	adr = t16(&g, T_ADR(R1));
	t16(&g, T_MOV(LR, R1));
	t32(&g, T_SUBS_PC_LR(0));
	t_align4(&g);
	t32_lit(&g, adr, g.n);
	a32(&g, A_MRS(R1));			/* A32 now */
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_MOV_IMM(R1) | 0xa5);
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_MSR_SPSR(R12));
	a32(&g, A_BX(R2));
	call(make_t32(&g, BY_LINE), NULL, 0);
	printf("rtcode: t32 SUBS PC, LR, #0 with SPSR.T clear: A32 code ran (%02lx), "
	       "flags %lx, %03lx\n", HEX(io[1]), HEX(FLAGS(io[0])), HEX(CTL(io[0])));
	check(io[1] == 0xa5 && FLAGS(io[0]) == 3 && CTL(io[0]) == SVC_MASKED);
}

/* A T32 literal pool after BX LR, loaded with 16-bit LDR (literal) */
void t32_literals(void)
{
	struct gen g = gen_at(LIT_T32);
	uint32_t ld[3];

	for (unsigned i = 0; i < 3; i++) {
		ld[i] = t16(&g, T_LDR_LIT(R1));
		t16(&g, T_STR(R1, R0, 4 * i));
	}
	t16(&g, T_BX(LR));
	t_align4(&g);
	for (unsigned i = 0; i < 3; i++) {
		t32_lit(&g, ld[i], g.n);
		t16(&g, lit_words[i] & 0xffff);	/* as halfwords: little-endian words */
		t16(&g, lit_words[i] >> 16);
	}
	call(make_t32(&g, ALL), NULL, 0);
	printf("rtcode: t32 literal pool after BX LR, loaded: %08lx %08lx %08lx\n",
	       HEX(io[0]), HEX(io[1]), HEX(io[2]));
	check(io[0] == lit_words[0] && io[1] == lit_words[1] && io[2] == lit_words[2]);
}

/* ---------------------------------------------------------------------
 * WFI and WFE, with the virtual timer's interrupt pending and masked
 * (CPSR.I): WFI returns at once (a pending interrupt wakes it even
 * masked), WFE after SEV returns at once (the event register is set).
 */
void timer_pending(void)
{
	uint32_t pending = vtimer_make_pending(0xf0);

	printf("rtcode: virtual timer interrupt pending: %lu\n", HEX(pending));
	check(pending == 1);
}

void timer_off(void)
{
	cp15_write(CNTV_CTL, 0);
	isb();
	gic_disable_irq(IRQ_VTIMER);
	gicc_write(GICC_CTLR, 0);
	gicd_write(GICD_CTLR, 0);
	printf("rtcode: timer off, pending %lu\n", HEX(gic_pending(IRQ_VTIMER)));
	check(gic_pending(IRQ_VTIMER) == 0);
}

void wfi_wfe(void)
{
	struct gen g = gen_at(SCRATCH);

	a32(&g, A_DSB);
	a32(&g, A_WFI);
	a32(&g, A_MOV_IMM(R1) | 1);
	a32(&g, A_STR(R1, R0, 0));
	a32(&g, A_SEV);
	a32(&g, A_WFE);
	a32(&g, A_MOV_IMM(R1) | 2);
	a32(&g, A_STR(R1, R0, 4));
	a32(&g, A_MRS(R1));
	a32(&g, A_STR(R1, R0, 8));
	a32(&g, A_BX(LR));
	call(make_a32(&g, BY_LINE), NULL, 0);
	printf("rtcode: a32 WFI returned %lu, SEV; WFE returned %lu, CPSR %03lx\n",
	       HEX(io[0]), HEX(io[1]), HEX(CTL(io[2])));
	check(io[0] == 1 && io[1] == 2 && CTL(io[2]) == SVC_MASKED);

	g = gen_at(heap);
	t32(&g, T_DSB);
	t16(&g, T_WFI);
	t16(&g, T_MOVS_IMM(R1, 1));
	t16(&g, T_STR(R1, R0, 0));
	t32(&g, T_DSB);
	t32(&g, T_WFI_W);
	t16(&g, T_MOVS_IMM(R1, 2));
	t16(&g, T_STR(R1, R0, 4));
	t16(&g, T_SEV);
	t16(&g, T_WFE);
	t16(&g, T_MOVS_IMM(R1, 3));
	t16(&g, T_STR(R1, R0, 8));
	t16(&g, T_SEV);
	t32(&g, T_WFE_W);
	t16(&g, T_MOVS_IMM(R1, 4));
	t16(&g, T_STR(R1, R0, 12));
	t32(&g, T_MRS(R1));
	t16(&g, T_STR(R1, R0, 16));
	t16(&g, T_BX(LR));
	call(make_t32(&g, ALL), NULL, 0);
	printf("rtcode: t32 WFI returned %lu, WFI.W %lu, SEV; WFE %lu, SEV; WFE.W %lu, "
	       "CPSR %03lx\n", HEX(io[0]), HEX(io[1]), HEX(io[2]), HEX(io[3]),
	       HEX(CTL(io[4])));
	check(io[0] == 1 && io[1] == 2 && io[2] == 3 && io[3] == 4 &&
	      CTL(io[4]) == SVC_MASKED);
}
