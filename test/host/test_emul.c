/*
 * Emulation of trapped instructions on the vCPU, checked against values
 * computed by hand from the ARM ARM.  Encodings were produced with
 * arm-none-eabi-as.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "test/host/fakes.h"
#include "arch/arm/a32.h"
#include "arch/arm/cp15.h"
#include "arch/arm/vexc.h"
#include "arch/arm/ldst.h"
#include "arch/arm/mmu_bits.h"
#include "hyp/vmem.h"

static struct vcpu vc, *v = &vc;
#define PC0 (FAKE_RAM_BASE + 0x100)

/* What the undef trap path does with one instruction at PC0. */
static enum emu step(uint32_t insn)
{
	enum emu r;

	v->ctx.r[15] = PC0;
	r = a32_emulate(v, insn);
	if (r == EMU_NEXT)
		v->ctx.r[15] = PC0 + 4;
	else if (r == EMU_UNDEF)
		vexc_undef(v, PC0);
	return r;
}

static int setup(void **state)
{
	(void)state;
	fake_reset(v);
	return 0;
}

/* ---- cp15 -------------------------------------------------------------- */

static void test_table_sorted_and_reset_complete(void **state)
{
	(void)state;
	assert_true(cp15_table_sorted());
	/* every shadow slot got a reset value: none is left poisoned */
	for (int i = 0; i < CP15_NR; i++)
		assert_int_not_equal(v->cp15[i], VCPU_POISON);
}

static void test_mrc_sctlr_reset(void **state)
{
	(void)state;
	assert_int_equal(step(0xee110f10), EMU_NEXT);		/* mrc p15,0,r0,c1,c0,0 */
	assert_int_equal(v->ctx.r[0], 0x00c50078);
	assert_int_equal(v->ctx.r[15], PC0 + 4);
}

static void test_mcr_vbar_masks_low_bits(void **state)
{
	(void)state;
	v->ctx.r[1] = 0x40001234;
	assert_int_equal(step(0xee0c1f10), EMU_NEXT);		/* mcr p15,0,r1,c12,c0,0 */
	assert_int_equal(v->cp15[C_VBAR], 0x40001220);
}

static void test_tpidruro_reaches_hardware(void **state)
{
	(void)state;
	v->ctx.r[1] = 0xcafe;
	step(0xee0d1f70);					/* mcr p15,0,r1,c13,c0,3 */
	assert_int_equal(fake_hw.tpidruro, 0xcafe);
}

static void test_unknown_register_is_undefined(void **state)
{
	(void)state;
	v->cp15[C_VBAR] = 0x40000000;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_Z;
	assert_int_equal(step(0xee140f10), EMU_UNDEF);		/* mrc p15,0,r0,c4,c0,0 */
	assert_int_equal(vcpu_mode(v), PSR_MODE_UND);
	assert_int_equal(v->ctx.r[14], PC0 + 4);		/* LR_und: next instruction */
	assert_int_equal(v->bank[BANK_UND].spsr, PSR_MODE_SVC | PSR_Z);
	assert_int_equal(v->ctx.r[15], 0x40000004);
	assert_true(v->ctx.cpsr & PSR_I);
}

/* Code the guest declares by cache maintenance is rescanned (codewatch.c);
 * a clean to PoC (DMA) is not such a declaration. */
static void test_cache_maintenance_reaches_codewatch(void **state)
{
	(void)state;
	v->ctx.r[1] = 0x40123440;
	assert_int_equal(step(0xee071f3b), EMU_NEXT);		/* mcr p15,0,r1,c7,c11,1 DCCMVAU */
	assert_int_equal(fake_hw.cw_cleans, 1);
	assert_int_equal(fake_hw.cw_va, 0x40123440);
	assert_int_equal(step(0xee071f3a), EMU_NEXT);		/* DCCMVAC */
	assert_int_equal(fake_hw.cw_cleans, 1);
	v->ctx.r[1] = 0x40123480;
	assert_int_equal(step(0xee071f35), EMU_NEXT);		/* ICIMVAU */
	assert_int_equal(fake_hw.cw_lines, 1);
	assert_int_equal(fake_hw.cw_va, 0x40123480);
	assert_int_equal(step(0xee070f15), EMU_NEXT);		/* ICIALLU */
	assert_int_equal(step(0xee070f11), EMU_NEXT);		/* ICIALLUIS */
	assert_int_equal(fake_hw.cw_alls, 2);
	assert_int_equal(fake_hw.icache_invals, 3);
	vcpu_set_mode(v, PSR_MODE_USR);
	assert_int_equal(step(0xee071f3b), EMU_UNDEF);		/* PL1 only */
	assert_int_equal(fake_hw.cw_cleans, 1);
}

/*
 * MRC with Rt = 15 is MRC to APSR_nzcv: the register's bits 31:28 become
 * N, Z, C, V and nothing else changes (ARM ARM A8.8.108, for any
 * register; QEMU does the same).  MCR from the PC is UNPREDICTABLE
 * (A8.8.99): undefined here, the register keeps its value.
 */
static void test_mrc_to_apsr_nzcv(void **state)
{
	(void)state;
	v->cp15[C_VBAR] = 0xa0000020;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_I | PSR_Q | PSR_Z | PSR_V;
	assert_int_equal(step(0xee1cff10), EMU_NEXT);		/* mrc p15,0,APSR_nzcv,c12,c0,0 */
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_I | PSR_Q | PSR_N | PSR_C);
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	v->cp15[C_VBAR] = 0x40000000;
	assert_int_equal(step(0xee1cff10), EMU_NEXT);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_I | PSR_Q | PSR_Z);
	/* condition failed (NE with Z set): the flags stay */
	v->cp15[C_VBAR] = 0xf0000000;
	assert_int_equal(step(0x1e1cff10), EMU_NEXT);		/* mrcne */
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_I | PSR_Q | PSR_Z);
}

static void test_mrc_to_apsr_nzcv_unknown_register_is_undefined(void **state)
{
	(void)state;
	v->cp15[C_VBAR] = 0x40000000;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_N;
	assert_int_equal(step(0xee14ff10), EMU_UNDEF);		/* mrc p15,0,APSR_nzcv,c4,c0,0 */
	assert_int_equal(vcpu_mode(v), PSR_MODE_UND);
	assert_int_equal(v->bank[BANK_UND].spsr, PSR_MODE_SVC | PSR_N);
}

static void test_mcr_from_pc_is_undefined(void **state)
{
	(void)state;
	v->cp15[C_VBAR] = 0x40000000;
	v->ctx.cpsr = PSR_MODE_SVC;
	assert_int_equal(step(0xee0cff10), EMU_UNDEF);		/* mcr p15,0,pc,c12,c0,0 */
	assert_int_equal(v->cp15[C_VBAR], 0x40000000);
	assert_int_equal(vcpu_mode(v), PSR_MODE_UND);
	assert_int_equal(v->ctx.r[14], PC0 + 4);
}

/* c15 is IMPLEMENTATION DEFINED: RAZ/WI at PL1 (QEMU's Cortex-A15). */
static void test_c15_raz_wi(void **state)
{
	(void)state;
	v->ctx.r[0] = 0x1234;
	assert_int_equal(step(0xee1f0fff), EMU_NEXT);		/* mrc p15,0,r0,c15,c15,7 */
	assert_int_equal(v->ctx.r[0], 0);
	assert_int_equal(step(0xee0f0f10), EMU_NEXT);		/* mcr p15,0,r0,c15,c0,0 */
	vcpu_set_mode(v, PSR_MODE_USR);
	assert_int_equal(step(0xee1f0fff), EMU_UNDEF);		/* not from PL0 */
}

static void test_pl1_register_from_user_is_undefined(void **state)
{
	(void)state;
	v->ctx.cpsr = PSR_MODE_USR;
	assert_int_equal(step(0xee110f10), EMU_UNDEF);		/* SCTLR from User */
	v->ctx.cpsr = PSR_MODE_USR;
	fake_hw.tpidrurw = 77;
	assert_int_equal(step(0xee1d2f50), EMU_NEXT);		/* TPIDRURW is fine */
	assert_int_equal(v->ctx.r[2], 77);
}

static void test_mrrc_ttbr0(void **state)
{
	(void)state;
	v->cp15[C_TTBR0] = 0x40004000;
	assert_int_equal(step(0xec510f02), EMU_NEXT);		/* mrrc p15,0,r0,r1,c2 */
	assert_int_equal(v->ctx.r[0], 0x40004000);
	assert_int_equal(v->ctx.r[1], 0);
}

static void test_timer_tval_and_istatus(void **state)
{
	struct sysreg_access a = { .write = true, .lo = 100 };

	(void)state;
	fake_hw.cntvct = 1000;
	assert_true(cp15_access(v, CP15_KEY(14, 0, 3, 0), &a));	/* CNTV_TVAL = 100 */
	assert_int_equal(v->cp15[C_CNTV_CVAL], 1100);
	a = (struct sysreg_access){ .write = true, .lo = 1 };
	assert_true(cp15_access(v, CP15_KEY(14, 0, 3, 1), &a));	/* enable */
	a = (struct sysreg_access){ .write = false };
	assert_true(cp15_access(v, CP15_KEY(14, 0, 3, 1), &a));
	assert_int_equal(a.lo, 1);				/* not yet fired */
	fake_hw.cntvct = 1100;
	assert_true(cp15_access(v, CP15_KEY(14, 0, 3, 1), &a));
	assert_int_equal(a.lo, 5);				/* ISTATUS */
	assert_true(cp15_access(v, CP15_KEY(14, 0, 3, 0), &a));
	assert_int_equal(a.lo, 0);
}

/* ---- PSR ---------------------------------------------------------------- */

static void test_mrs_cpsr_hides_execution_state(void **state)
{
	(void)state;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_I | PSR_C | PSR_T | (1u << 25);
	step(0xe10f0000);					/* mrs r0, cpsr */
	assert_int_equal(v->ctx.r[0], PSR_MODE_SVC | PSR_I | PSR_C);
}

static void test_condition_failed_does_nothing(void **state)
{
	(void)state;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_Z;
	v->ctx.r[0] = 42;
	assert_int_equal(step(0x110f0000), EMU_NEXT);		/* mrsne r0, cpsr */
	assert_int_equal(v->ctx.r[0], 42);
}

static void test_msr_cpsr_c_switches_bank(void **state)
{
	(void)state;
	v->ctx.r[13] = 0x1111;					/* SP_svc */
	v->bank[BANK_IRQ].sp = 0x2222;
	v->ctx.r[1] = PSR_MODE_IRQ | PSR_I | PSR_F;
	v->ctx.cpsr = PSR_MODE_SVC | PSR_N;
	step(0xe121f001);					/* msr cpsr_c, r1 */
	assert_int_equal(vcpu_mode(v), PSR_MODE_IRQ);
	assert_int_equal(v->ctx.r[13], 0x2222);
	assert_int_equal(v->bank[BANK_SVC].sp, 0x1111);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_IRQ | PSR_I | PSR_F | PSR_N);
}

static void test_msr_from_user_keeps_mode_and_masks(void **state)
{
	(void)state;
	v->ctx.cpsr = PSR_MODE_USR;
	v->ctx.r[1] = PSR_MODE_SVC | PSR_I;
	step(0xe121f001);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_USR);
}

static void test_msr_bad_mode_ignored(void **state)
{
	(void)state;
	v->ctx.r[1] = 0x16 | PSR_I;				/* Monitor: not on this CPU */
	v->ctx.cpsr = PSR_MODE_SVC;
	step(0xe121f001);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_I);
}

static void test_spsr_access(void **state)
{
	(void)state;
	v->ctx.r[2] = 0x600001d3;
	step(0xe16ff002);					/* msr spsr_fsxc, r2 */
	assert_int_equal(v->bank[BANK_SVC].spsr, 0x600001d3);
	step(0xe14f3000);					/* mrs r3, spsr */
	assert_int_equal(v->ctx.r[3], 0x600001d3);
	v->ctx.cpsr = PSR_MODE_SYS;
	assert_int_equal(step(0xe14f3000), EMU_UNDEF);		/* no SPSR in System */
}

static void test_cps(void **state)
{
	(void)state;
	v->ctx.cpsr = PSR_MODE_SVC;
	step(0xf10c0080);					/* cpsid i */
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_I);
	step(0xf1020012);					/* cps #0x12 */
	assert_int_equal(vcpu_mode(v), PSR_MODE_IRQ);
	v->ctx.cpsr = PSR_MODE_USR;
	step(0xf10c0080);					/* a NOP in User mode */
	assert_int_equal(v->ctx.cpsr, PSR_MODE_USR);
}

/* Banked MRS/MSR are Virtualization Extensions: UNDEFINED without EL2. */
static void test_banked_registers_undefined(void **state)
{
	(void)state;
	v->bank[BANK_IRQ].sp = 0xabc0;
	v->ctx.r[0] = 0x77;
	assert_int_equal(step(0xe1010300), EMU_UNDEF);		/* mrs r0, sp_irq */
	assert_int_equal(v->ctx.r[0], 0x77);
	v->ctx.r[1] = 0x5550;
	assert_int_equal(step(0xe121f301), EMU_UNDEF);		/* msr sp_irq, r1 */
	assert_int_equal(v->bank[BANK_IRQ].sp, 0xabc0);
	assert_int_equal(vcpu_mode(v), PSR_MODE_UND);
	assert_int_equal(v->ctx.r[14], PC0 + 4);
}

/* VMRS of each VFP system register reaches the VFP emulation. */
static void test_vmrs_fpexc(void **state)
{
	(void)state;
	v->cp15[C_CPACR] = 0x00f00000;
	v->fpexc = 0x40000000;
	assert_int_equal(step(0xeef80a10), EMU_NEXT);		/* vmrs r0, fpexc */
	assert_int_equal(v->ctx.r[0], 0x40000000);
	v->ctx.r[2] = 0;
	assert_int_equal(step(0xeee82a10), EMU_NEXT);		/* vmsr fpexc, r2 */
	assert_int_equal(v->fpexc, 0);
	assert_int_equal(step(0xeef71a10), EMU_NEXT);		/* vmrs r1, mvfr0 */
	assert_int_equal(v->ctx.r[1], 0x41000007);
}

/* ---- exception returns ------------------------------------------------ */

static void test_subs_pc_lr(void **state)
{
	(void)state;
	v->ctx.cpsr = PSR_MODE_SVC;
	vcpu_set_mode(v, PSR_MODE_IRQ);
	v->ctx.r[14] = 0x40000208;
	v->bank[BANK_IRQ].spsr = PSR_MODE_SVC | PSR_Z;
	v->bank[BANK_SVC].sp = 0x777;
	assert_int_equal(step(0xe25ef004), EMU_DONE);		/* subs pc, lr, #4 */
	assert_int_equal(v->ctx.r[15], 0x40000204);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_SVC | PSR_Z);
	assert_int_equal(v->ctx.r[13], 0x777);
}

static void test_movs_pc_lr_to_thumb(void **state)
{
	(void)state;
	v->ctx.r[14] = 0x40000301;
	v->bank[BANK_SVC].spsr = PSR_MODE_USR | PSR_T;
	step(0xe1b0f00e);					/* movs pc, lr */
	assert_int_equal(v->ctx.r[15], 0x40000300);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_USR | PSR_T);
}

static void test_ldm_exception_return(void **state)
{
	uint32_t frame[2] = { 0x99, 0x40000400 };

	(void)state;
	memcpy(fake_ram + 0x800, frame, sizeof(frame));
	v->ctx.r[13] = FAKE_RAM_BASE + 0x800;
	v->bank[BANK_SVC].spsr = PSR_MODE_SYS;
	assert_int_equal(step(0xe8fd8001), EMU_DONE);		/* ldmfd sp!, {r0, pc}^ */
	assert_int_equal(v->ctx.r[0], 0x99);
	assert_int_equal(v->ctx.r[15], 0x40000400);
	assert_int_equal(vcpu_mode(v), PSR_MODE_SYS);
	assert_int_equal(v->bank[BANK_SVC].sp, FAKE_RAM_BASE + 0x808);
}

static void test_srs_then_rfe_round_trip(void **state)
{
	(void)state;
	v->ctx.r[14] = 0x40000500;
	v->bank[BANK_SVC].spsr = PSR_MODE_USR | PSR_C;
	v->ctx.r[13] = FAKE_RAM_BASE + 0x900;
	step(0xf96d0513);					/* srsdb sp!, #0x13 */
	assert_int_equal(v->ctx.r[13], FAKE_RAM_BASE + 0x8f8);
	assert_int_equal(*(uint32_t *)(fake_ram + 0x8f8), 0x40000500);
	assert_int_equal(*(uint32_t *)(fake_ram + 0x8fc), PSR_MODE_USR | PSR_C);
	assert_int_equal(step(0xf8bd0a00), EMU_DONE);		/* rfeia sp! */
	assert_int_equal(v->ctx.r[15], 0x40000500);
	assert_int_equal(v->ctx.cpsr, PSR_MODE_USR | PSR_C);
	assert_int_equal(v->bank[BANK_SVC].sp, FAKE_RAM_BASE + 0x900);
}

static void test_stm_user_registers(void **state)
{
	(void)state;
	v->bank[BANK_USR].sp = 0x1234;
	v->bank[BANK_USR].lr = 0x5678;
	v->ctx.r[0] = FAKE_RAM_BASE + 0x40;
	step(0xe8c06000);					/* stmia r0, {sp, lr}^ */
	assert_int_equal(*(uint32_t *)(fake_ram + 0x40), 0x1234);
	assert_int_equal(*(uint32_t *)(fake_ram + 0x44), 0x5678);
}

static void test_emulated_access_to_nothing_aborts(void **state)
{
	(void)state;
	v->cp15[C_VBAR] = 0x40000000;
	v->ctx.r[13] = 0x0b000000;				/* nothing there */
	v->bank[BANK_SVC].spsr = PSR_MODE_SYS;
	assert_int_equal(step(0xe8fd8001), EMU_DONE);
	assert_int_equal(vcpu_mode(v), PSR_MODE_ABT);
	assert_int_equal(v->cp15[C_DFSR], FSR_SYNC_EXT);
	assert_int_equal(v->cp15[C_DFAR], 0x0b000000);
	assert_int_equal(v->ctx.r[14], PC0 + 8);
	assert_int_equal(v->ctx.r[15], 0x40000010);
	assert_true(v->ctx.cpsr & PSR_A);
}

static void test_eret_in_user_is_undefined(void **state)
{
	(void)state;
	v->ctx.cpsr = PSR_MODE_USR;
	assert_int_equal(step(0xe160006e), EMU_UNDEF);
}

/* ---- the rest of the table -------------------------------------------- */

static void test_wfi_hvc(void **state)
{
	(void)state;
	step(0xe320f003);					/* wfi */
	assert_int_equal(fake_hw.waits[0], 1);
	assert_int_equal(v->ctx.r[15], PC0 + 4);
	v->ctx.r[0] = 0x84000000;
	assert_int_equal(step(0xe1400070), EMU_NEXT);		/* hvc #0: PSCI_VERSION */
	assert_int_equal(v->ctx.r[0], 0x00010001);
	v->ctx.r[0] = 0x12345678;
	assert_int_equal(step(0xe1400070), EMU_NEXT);		/* not PSCI: NOT_SUPPORTED */
	assert_int_equal(v->ctx.r[0], 0xffffffff);
	vcpu_set_mode(v, PSR_MODE_USR);
	assert_int_equal(step(0xe1400070), EMU_UNDEF);		/* HVC at PL0 */
}

static void test_high_vectors(void **state)
{
	(void)state;
	v->cp15[C_SCTLR] |= SCTLR_V;
	vexc_dabt(v, PC0, 0x808, 0x1234);
	assert_int_equal(v->ctx.r[15], 0xffff0010);
	assert_int_equal(v->cp15[C_DFSR], 0x808);
}

/* ---- device loads and stores ------------------------------------------ */

static enum emu ldst(uint32_t insn)
{
	v->ctx.r[15] = PC0;
	return a32_emulate_ldst(v, insn);
}

static void test_device_accesses(void **state)
{
	(void)state;
	v->ctx.r[0] = FAKE_DEV_BASE;
	v->ctx.r[1] = 0x41;
	assert_int_equal(ldst(0xe5801004), EMU_NEXT);		/* str r1, [r0, #4] */
	assert_int_equal(fake_dev.log[0].off, 4);
	assert_int_equal(fake_dev.log[0].val, 0x41);
	assert_true(fake_dev.log[0].write);
	fake_dev.read_value = 0x1ff;
	ldst(0xe5d02000);					/* ldrb r2, [r0] */
	assert_int_equal(v->ctx.r[2], 0xff);			/* the byte, zero-extended */
	ldst(0xe0d030b2);					/* ldrh r3, [r0], #2 */
	assert_int_equal(v->ctx.r[0], FAKE_DEV_BASE + 2);
	fake_dev.read_value = 0x80;
	v->ctx.r[0] = FAKE_DEV_BASE + 0x10;
	ldst(0xe15020d1);					/* ldrsb r2, [r0, #-1] */
	assert_int_equal(fake_dev.log[3].off, 0xf);
	assert_int_equal(v->ctx.r[2], 0xffffff80);
	v->ctx.r[1] = 3;
	v->ctx.r[0] = FAKE_DEV_BASE;
	ldst(0xe7902101);					/* ldr r2, [r0, r1, lsl #2] */
	assert_int_equal(fake_dev.log[4].off, 12);
	v->ctx.r[1] = 1;
	v->ctx.r[2] = 2;
	ldst(0xe8800006);					/* stmia r0, {r1, r2} */
	assert_int_equal(fake_dev.log[5].val, 1);
	assert_int_equal(fake_dev.log[6].off, 4);
	assert_int_equal(fake_dev.log[6].val, 2);
	ldst(0xe1c040d8);					/* ldrd r4, r5, [r0, #8] */
	assert_int_equal(fake_dev.log[7].off, 8);
	assert_int_equal(fake_dev.log[8].off, 12);
}

/* LDRT & co: post-indexed, with PL0's permissions even from SVC */
static void test_unprivileged_loads_stores(void **state)
{
	(void)state;
	v->ctx.r[1] = FAKE_DEV_BASE;
	v->ctx.r[0] = 0x77;
	assert_int_equal(a32_emulate(v, 0xe4a10004), EMU_NEXT);	/* strt r0, [r1], #4 */
	assert_int_equal(fake_dev.log[0].off, 0);
	assert_int_equal(fake_dev.log[0].val, 0x77);
	assert_int_equal(v->ctx.r[1], FAKE_DEV_BASE + 4);
	fake_dev.read_value = 0x8081;
	assert_int_equal(a32_emulate(v, 0xe0f100f2), EMU_NEXT);	/* ldrsht r0, [r1], #2 */
	assert_int_equal(fake_dev.log[1].off, 4);
	assert_int_equal(v->ctx.r[0], 0xffff8081);
	assert_int_equal(v->ctx.r[1], FAKE_DEV_BASE + 6);
	assert_int_equal(fake_hw.user_accesses, 2);
	assert_int_equal(v->traps[TRAP_LDSTM], 2);
	/* an ordinary post-indexed load is not one of them */
	v->ctx.r[1] = FAKE_DEV_BASE;
	assert_int_equal(ldst(0xe4910004), EMU_NEXT);		/* ldr r0, [r1], #4 */
	assert_int_equal(fake_hw.user_accesses, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup(f, setup)
		T(test_table_sorted_and_reset_complete),
		T(test_unprivileged_loads_stores),
		T(test_mrc_sctlr_reset),
		T(test_mcr_vbar_masks_low_bits),
		T(test_tpidruro_reaches_hardware),
		T(test_unknown_register_is_undefined),
		T(test_mrc_to_apsr_nzcv),
		T(test_mrc_to_apsr_nzcv_unknown_register_is_undefined),
		T(test_mcr_from_pc_is_undefined),
		T(test_c15_raz_wi),
		T(test_cache_maintenance_reaches_codewatch),
		T(test_pl1_register_from_user_is_undefined),
		T(test_mrrc_ttbr0),
		T(test_timer_tval_and_istatus),
		T(test_mrs_cpsr_hides_execution_state),
		T(test_condition_failed_does_nothing),
		T(test_msr_cpsr_c_switches_bank),
		T(test_msr_from_user_keeps_mode_and_masks),
		T(test_msr_bad_mode_ignored),
		T(test_spsr_access),
		T(test_cps),
		T(test_banked_registers_undefined),
		T(test_vmrs_fpexc),
		T(test_subs_pc_lr),
		T(test_movs_pc_lr_to_thumb),
		T(test_ldm_exception_return),
		T(test_srs_then_rfe_round_trip),
		T(test_stm_user_registers),
		T(test_emulated_access_to_nothing_aborts),
		T(test_eret_in_user_is_undefined),
		T(test_wfi_hvc),
		T(test_high_vectors),
		T(test_device_accesses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
