/*
 * fuzz_ldst: the emulation of a load or store that hit a virtual device
 * (a32_emulate_ldst, arch/arm/ldst.c), which decodes the instruction
 * itself since ARMv7 gives no syndrome: every single-register form with
 * immediate or shifted register offsets, pre/post-indexing, writeback,
 * PC-relative and unprivileged forms, doublewords, LDM/STM.  The fake
 * guest memory (test/host/fakes.c) has RAM at 0x40000000 and one device
 * at 0x09000000 whose reads return a fuzz-chosen value; everything else
 * aborts.  Input: the instruction word, then the vCPU (vcpu_input.c).
 *
 * The instruction is also decoded here, apart, from the ARM ARM's
 * encoding tables (A5.2-A5.5), and after the one instruction:
 *  - only what the tables call a load or store is emulated at all, so a
 *    word of another kind never moves data or registers;
 *  - its accesses start at the address, have the size and use the
 *    privilege (LDRT & co: PL0's) the encoding says;
 *  - completed (EMU_NEXT): the PC untouched (the trap path steps it), no
 *    register changed but its Rt, Rt2, Rn or register list, as many
 *    accesses as it transfers;
 *  - not emulated (EMU_UNDEF): no access made, nothing changed, since the
 *    trap path stops the VM and a device must not see half an instruction;
 *  - aborted (EMU_DONE): the guest took the data abort as the ARM ARM says,
 *    with DFAR where the failing access was, its registers untouched.
 */
#include "test/fuzz/vcpu_input.h"
#include "arch/arm/ldst.h"

static struct vcpu vc, before;

/* What the ARM ARM's tables say the word is, if a load or store. */
struct ldst {
	bool block;		/* LDM/STM */
	unsigned size;		/* bytes per access */
	unsigned count;		/* accesses, if it completes */
	bool user;		/* LDRT & co: with PL0's rights */
	uint32_t va;		/* of the first access */
};

/* ARM ARM A8.4.1 Shift_C() of an immediate shift, carry-in c (for RRX). */
static uint32_t shift_imm(uint32_t x, unsigned type, unsigned imm5, bool c)
{
	uint64_t wide = x;

	switch (type) {
	case 0: return (uint32_t)(wide << imm5);
	case 1: return (uint32_t)(wide >> (imm5 ? imm5 : 32));
	case 2: return (uint32_t)((int64_t)(int32_t)x >> (imm5 ? imm5 : 32));
	default:
		if (!imm5)
			return (uint32_t)c << 31 | x >> 1;
		return (uint32_t)(wide >> imm5 | wide << (32 - imm5));
	}
}

/* Register n as the instruction reads it (PC: its address + 8). */
static uint32_t rd(const struct vcpu *b, unsigned n)
{
	return b->ctx.r[n] + (n == 15 ? 8 : 0);
}

/*
 * A5.1: condition 1111 is the unconditional space, where no LDR, STR or
 * LDM/STM lives (A5.7: hints, barriers, Advanced SIMD VLDn/VSTn, SRS,
 * RFE).  A5.2: in op 000 the extra loads/stores are op2 1011 and 11x1,
 * for every op1.  A5.3: op 01x, but 011 with bit 4 set is media.  A5.5:
 * op 100, LDM/STM (with ^ when bit 22).
 */
static bool arm_arm_ldst(const struct vcpu *b, uint32_t insn, struct ldst *l)
{
	unsigned op2 = bits(insn, 7, 4), rn = bits(insn, 19, 16);
	bool p = bit(insn, 24), u = bit(insn, 23), w = bit(insn, 21), load = bit(insn, 20);
	uint32_t base = rd(b, rn), off;

	if (insn >> 28 == 0xf)
		return false;
	*l = (struct ldst){ .count = 1, .size = 4 };
	switch (bits(insn, 27, 25)) {
	case 0:
		if (op2 != 0xb && (op2 & 0xd) != 0xd)
			return false;
		if (op2 == 0xb || (op2 == 0xf && load))
			l->size = 2;		/* LDRH/STRH, LDRSH */
		else if (op2 == 0xd && load)
			l->size = 1;		/* LDRSB */
		else
			l->count = 2;		/* LDRD/STRD */
		l->user = !p && w;
		off = bit(insn, 22) ? bits(insn, 11, 8) << 4 | bits(insn, 3, 0) : rd(b, insn & 15);
		break;
	case 2:
	case 3:
		if (bit(insn, 25) && bit(insn, 4))
			return false;
		l->size = bit(insn, 22) ? 1 : 4;
		l->user = !p && w;
		off = !bit(insn, 25) ? bits(insn, 11, 0)
			: shift_imm(rd(b, insn & 15), bits(insn, 6, 5), bits(insn, 11, 7),
				    b->ctx.cpsr & PSR_C);
		break;
	case 4:
		l->block = true;
		l->count = __builtin_popcount(insn & 0xffff);
		l->va = u ? base + (p ? 4 : 0) : base - 4 * l->count + (p ? 0 : 4);
		return true;
	default:
		return false;
	}
	l->va = !p ? base : u ? base + off : base - off;
	return true;
}

/* The registers the instruction names: a superset of what it may write. */
static uint32_t named_regs(uint32_t insn, const struct ldst *l)
{
	unsigned rn = bits(insn, 19, 16), rt = bits(insn, 15, 12);
	uint32_t may = 1u << rn | 1u << rt | 1u << ((rt + 1) & 15);

	if (l->block)
		may |= insn & 0xffff;
	return may & 0x7fff;		/* not the PC: checked apart */
}

/* The accesses made, against the encoding. */
static void check_accesses(uint32_t insn, const struct ldst *l)
{
	int n = fake_hw.accesses;

	if (n == 0)
		return;
	CHECK(fake_hw.first_va == l->va, "insn 0x%08x: first access at 0x%08x, expected 0x%08x",
	      insn, fake_hw.first_va, l->va);
	CHECK(fake_hw.sizes == l->size, "insn 0x%08x: accesses of sizes 0x%x, expected %u", insn,
	      fake_hw.sizes, l->size);
	CHECK(fake_hw.user_accesses == (l->user ? n : 0), "insn 0x%08x: %d of %d accesses with "
	      "PL0's rights", insn, fake_hw.user_accesses, n);
	for (unsigned i = 0; i < fake_dev.n && i < FAKE_DEV_LOG; i++)
		CHECK(fake_dev.log[i].size == l->size, "device access of %u bytes",
		      fake_dev.log[i].size);
}

static void check_completed(struct vcpu *v, uint32_t insn, const struct ldst *l)
{
	int n = fake_hw.accesses;

	CHECK(v->ctx.r[15] == before.ctx.r[15], "insn 0x%08x completed with pc 0x%08x -> 0x%08x",
	      insn, before.ctx.r[15], v->ctx.r[15]);
	check_only_regs(v, &before, named_regs(insn, l));
	CHECK(n == (int)l->count, "insn 0x%08x made %d accesses, expected %u", insn, n, l->count);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };
	uint32_t insn = take32(&in);
	struct vcpu *v = &vc;
	struct ldst l;
	bool is_ldst;
	enum emu r;

	vcpu_from_input(v, &in, data, size);
	before = *v;
	is_ldst = arm_arm_ldst(&before, insn, &l);
	r = a32_emulate_ldst(v, insn);
	if (r != EMU_UNDEF && insn >> 28 != 0xf && !cond_passed(before.ctx.cpsr, insn >> 28)) {
		/* condition failed: a NOP, whatever the word */
		CHECK(r == EMU_NEXT && fake_hw.accesses == 0, "insn 0x%08x failed its condition "
		      "but made %d accesses", insn, fake_hw.accesses);
		check_only_regs(v, &before, 0);
		return 0;
	}
	CHECK(r == EMU_UNDEF || is_ldst, "insn 0x%08x is no load or store, yet emulated (%d) "
	      "with %d accesses", insn, r, fake_hw.accesses);
	switch (r) {
	case EMU_NEXT:
		check_completed(v, insn, &l);
		check_accesses(insn, &l);
		break;
	case EMU_UNDEF:
		CHECK(fake_hw.accesses == 0, "insn 0x%08x not emulated after %d accesses", insn,
		      fake_hw.accesses);
		check_only_regs(v, &before, 0);
		break;
	case EMU_DONE:
		CHECK(fake_hw.accesses > 0, "insn 0x%08x aborted without an access", insn);
		check_accesses(insn, &l);
		check_took(v, &before, PSR_MODE_ABT, 0x10);
		CHECK(v->cp15[C_DFAR] == fake_hw.last_va, "insn 0x%08x: DFAR 0x%08x, the access "
		      "that failed was at 0x%08x", insn, v->cp15[C_DFAR], fake_hw.last_va);
		break;
	}
	check_vcpu(v);
	return 0;
}
