/*
 * The trap fast paths (arch/arm/fastpath.S): the most frequent traps
 * handled in assembly, before the full save of the guest's registers and
 * without the C trap path or the scheduler.  Anything they do not cover,
 * or any condition they do not expect, goes on to the full path, which
 * handles every case; so a fast path only ever has to be right for what
 * it takes.  Shared by the assembly and C; fastpath.c checks the offsets.
 */
#ifndef ARCH_ARM_FASTPATH_H
#define ARCH_ARM_FASTPATH_H

/* struct vcpu, from &vcpu->ctx (what an exception mode's SP points at) */
#define FP_BANK		68	/* bank[]: struct banked { sp, lr, spsr } */
#define FP_BANK_SIZE	12
#define FP_CP15		192	/* cp15[] */
#define FP_VM		608	/* struct vm *vm */
#define FP_TRAPS	620	/* uint64_t traps[] */
#define FP_LAST_INFO	748	/* last_trap_info */
#define FP_LAST_PC	752	/* last_trap_pc */
#define FP_LAST_KIND	756	/* last_trap_kind */
#define FP_C_SCTLR	2	/* shadow slots (cp15_regs.h) */
#define FP_C_VBAR	22

/* struct vm */
#define FP_VM_RAM_PA	120	/* ram_pa */
#define FP_VM_RT_E	192	/* rt.e */
#define FP_VM_RT_COUNT	196	/* rt.count */
#define FP_VM_MMU_ON	217	/* mmu.shadowed: the guest MMU on, or code scanned at run time */
#define FP_VM_IRQ_OUT	2730	/* gic.irq_out */
#define FP_VM_FIQ_OUT	2731	/* gic.fiq_out */

/* struct rewrite_entry { addr, orig, fast, kind } */
#define FP_RT_SIZE	16
#define FP_RT_ADDR	0
#define FP_RT_FAST	8

/* cp15_fast[key14]: what the MRC/MCR fast path may do with a register */
#define CP15_FAST_SLOT	0x3f	/* its shadow slot */
#define CP15_FAST_R	0x40	/* a read is the shadow slot's value */
#define CP15_FAST_W	0x80	/* a write only stores the shadow slot */
#define CP15_KEY14(crn, op1, crm, op2) (((crn) << 10) | ((op1) << 7) | ((crm) << 3) | (op2))

/*
 * rewrite_entry.fast: the rewritten instruction decoded once, at load
 * time, for the UDF fast path.  Bits 3:0 the kind, 7:4 a register, 11:8
 * the condition (AL for CPS), 31:12 an operand.  FAST_NONE sends the
 * instruction to the full emulator.
 */
#define FAST_NONE	0	/* also every T32 entry's: the fast path is A32's */
#define FAST_MRS	1	/* MRS Rd, CPSR; Rd in 7:4 */
#define FAST_MSR_REG	2	/* MSR CPSR_c, Rn; Rn in 7:4 */
#define FAST_MSR_IMM	3	/* MSR CPSR_c, #imm; imm in 31:12 */
#define FAST_CPSIE	4	/* CPSIE <aif>; the PSR bits in 31:12 */
#define FAST_CPSID	5	/* CPSID <aif>; the PSR bits in 31:12 */
#define FAST_ERET	6	/* MOVS PC, LR / SUBS PC, LR, #imm; imm in 31:12 */
#define FAST_KINDS	7

#ifndef __ASSEMBLER__
#include <stdint.h>
uint32_t fast_kind(uint32_t insn);
extern uint8_t cp15_fast[1 << 14];	/* built by cp15.c from its table */
#endif

#endif
