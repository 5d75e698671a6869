/*
 * Coprocessor register moves: MRC/MCR and MRRC/MCRR to cp15 (through the
 * table in cp15.c) and VMRS/VMSR of the VFP system registers.
 */
#include "arch/arm/a32.h"
#include "arch/arm/cp15.h"
#include "arch/arm/vfp.h"

/*
 * MRC/MCR p15, <opc1>, Rt, <CRn>, <CRm>, <opc2>.  MRC with Rt = 15 is
 * MRC to APSR_nzcv: bits 31:28 of the register become the flags (ARM ARM
 * A8.8.108; QEMU does it for every register); MCR from the PC is
 * UNPREDICTABLE and undefined here.
 */
enum emu emu_coproc(struct vcpu *v, uint32_t insn)
{
	unsigned rt = bits(insn, 15, 12);
	struct sysreg_access a = { .write = !bit(insn, 20) };
	uint32_t key = CP15_KEY(bits(insn, 19, 16), bits(insn, 23, 21), bits(insn, 3, 0),
				bits(insn, 7, 5));

	if (bits(insn, 11, 8) != 15 || (rt == 15 && a.write))
		return EMU_UNDEF;
	if (a.write)
		a.lo = v->ctx.r[rt];
	if (!cp15_access(v, key, &a))
		return EMU_UNDEF;
	if (a.write)
		return EMU_NEXT;
	if (rt == 15)
		v->ctx.cpsr = (v->ctx.cpsr & ~0xf0000000u) | (a.lo & 0xf0000000u);
	else
		v->ctx.r[rt] = a.lo;
	return EMU_NEXT;
}

/* MRRC/MCRR p15, <opc1>, Rt, Rt2, <CRm> */
enum emu emu_coproc64(struct vcpu *v, uint32_t insn)
{
	unsigned rt = bits(insn, 15, 12), rt2 = bits(insn, 19, 16);
	struct sysreg_access a = { .write = !bit(insn, 20), .is64 = true };
	uint32_t key = CP15_KEY64(bits(insn, 7, 4), bits(insn, 3, 0));

	if (bits(insn, 11, 8) != 15 || rt == 15 || rt2 == 15)
		return EMU_UNDEF;
	if (a.write) {
		a.lo = v->ctx.r[rt];
		a.hi = v->ctx.r[rt2];
	}
	if (!cp15_access(v, key, &a))
		return EMU_UNDEF;
	if (!a.write) {
		v->ctx.r[rt] = a.lo;
		v->ctx.r[rt2] = a.hi;
	}
	return EMU_NEXT;
}

/* cp10/cp11 usable at the guest's current privilege, per its CPACR. */
static bool cpacr_allows(const struct vcpu *v)
{
	uint32_t cp10 = bits(v->cp15[C_CPACR], 21, 20);

	return vcpu_privileged(v) ? cp10 != 0 : cp10 == 3;
}

/*
 * VMRS/VMSR.  FPSID, MVFR0/1 and FPEXC are PL1-only, so they always trap;
 * FPSCR traps only while FP is disabled, which is then UNDEFINED.
 */
enum emu emu_vfp_sysreg(struct vcpu *v, uint32_t insn)
{
	unsigned reg = bits(insn, 19, 16), rt = bits(insn, 15, 12);
	bool read = bit(insn, 20);
	uint32_t val;

	if (!vcpu_privileged(v) || !cpacr_allows(v) || rt == 15)
		return EMU_UNDEF;
	switch (reg) {
	case VFP_FPEXC:
		if (read) {
			v->ctx.r[rt] = v->fpexc;
		} else {
			v->fpexc = v->ctx.r[rt] & FPEXC_WRITABLE;
			vfp_load_hw(v);
		}
		return EMU_NEXT;
	case VFP_FPSID:
	case VFP_MVFR0:
	case VFP_MVFR1:
		if (!read)
			return reg == VFP_FPSID ? EMU_NEXT : EMU_UNDEF;	/* FPSID writes ignored */
		val = vfp_id(reg);
		v->ctx.r[rt] = val;
		return EMU_NEXT;
	default:
		return EMU_UNDEF;
	}
}
