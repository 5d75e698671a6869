/*
 * fuzz_scan: the sensitive-instruction classifier (arch/arm/scan.c)
 * against the rest of the trap machinery.  The loader rewrites every
 * word a32_is_sensitive() picks into a UDF, and the trap path then hands
 * the original to a32_emulate(); so for any A32 word:
 *  - a sensitive one has a row in the emulator's decode table (it is
 *    emulated, or UNDEFINED by its own routine, never for lack of a row);
 *  - a UDF is never sensitive, and a32_udf()/a32_udf_imm() round-trip
 *    (the rewrite table index survives the trip through the UDF);
 *  - the fast path only ever gets decodes (fast_kind) of sensitive words,
 *    and those name r0-r12 only, the word's own condition (AL for CPS)
 *    and the operand as encoded, since fastpath.S trusts them blindly.
 * And the T32 classifier answers for any pair of halfwords.
 */
#include "test/fuzz/fuzz.h"
#include "test/host/fakes.h"
#include "arch/arm/a32.h"
#include "arch/arm/scan.h"
#include "arch/arm/fastpath.h"

static struct vcpu vc;

/* Whether a32_emulate() found a row for insn: each row counts its trap
 * class (the data aborts an emulation takes are counted apart). */
static bool has_row(uint32_t insn)
{
	uint64_t rows = 0;

	fake_reset(&vc);		/* SVC mode: the guest kernel */
	a32_emulate(&vc, insn);
	for (unsigned i = 0; i < TRAP_NR; i++)
		if (i != TRAP_DABT)
			rows += vc.traps[i];
	return rows != 0;
}

/* The load-time decode of a sensitive word for the fast path (fastpath.h). */
static void check_fast(uint32_t insn)
{
	uint32_t f = fast_kind(insn), kind = f & 0xf, reg = (f >> 4) & 0xf;
	uint32_t cond = (f >> 8) & 0xf, operand = f >> 12, aif = PSR_A | PSR_I | PSR_F;

	if (kind == FAST_NONE) {
		CHECK(f == 0, "insn 0x%08x: FAST_NONE with 0x%08x", insn, f);
		return;
	}
	CHECK(kind < FAST_KINDS, "insn 0x%08x: fast kind %u", insn, kind);
	CHECK(cond == (insn >> 28 == 0xf ? 0xe : insn >> 28), "insn 0x%08x: fast cond %u",
	      insn, cond);
	switch (kind) {
	case FAST_MRS:
		CHECK(reg == bits(insn, 15, 12) && reg < 13 && operand == 0, "MRS 0x%08x: 0x%x",
		      insn, f);
		break;
	case FAST_MSR_REG:
		CHECK(reg == (insn & 15) && reg < 13 && operand == 0, "MSR 0x%08x: 0x%x", insn, f);
		break;
	case FAST_MSR_IMM:	/* no rotation: the operand is the immediate itself */
		CHECK(bits(insn, 11, 8) == 0 && operand == (insn & 0xff) && reg == 0,
		      "MSR #imm 0x%08x: 0x%x", insn, f);
		break;
	case FAST_CPSIE:
	case FAST_CPSID:	/* no mode change */
		CHECK(!bit(insn, 17) && operand == (insn & aif) &&
		      reg == 0, "CPS 0x%08x: 0x%x", insn, f);
		break;
	case FAST_ERET:		/* from LR, minus the immediate of SUBS */
		CHECK(bits(insn, 3, 0) == 14 || bits(insn, 19, 16) == 14, "ERET 0x%08x", insn);
		CHECK(operand == (bits(insn, 27, 20) == 0x25 ? (insn & 0xff) : 0) && reg == 0,
		      "ERET 0x%08x: 0x%x", insn, f);
		break;
	}
}

static void check_a32(uint32_t insn)
{
	uint32_t imm, udf = a32_udf(insn & 0xffff);
	/* the condition check comes before the table: make it pass */
	uint32_t al = (insn >> 28) == 0xf ? insn : (insn & 0x0fffffffu) | 0xe0000000u;

	CHECK(a32_udf_imm(udf, &imm) && imm == (insn & 0xffff), "UDF 0x%08x", udf);
	CHECK(!a32_is_sensitive(udf), "UDF 0x%08x is sensitive", udf);
	if (a32_is_sensitive(insn)) {
		CHECK(has_row(al), "sensitive 0x%08x has no emulation", insn);
		check_fast(insn);
	} else
		CHECK(fast_kind(insn) == FAST_NONE, "fast decode 0x%x of insensitive 0x%08x",
		      fast_kind(insn), insn);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { data, size };

	while (in.left) {
		uint32_t w = take32(&in);
		unsigned len = t32_insn_len((uint16_t)w);

		check_a32(w);
		CHECK(len == 2 || len == 4, "T32 length %u", len);
		t32_is_sensitive((uint16_t)w, (uint16_t)(w >> 16));
	}
	return 0;
}
