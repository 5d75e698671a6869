/* A vCPU from the fuzzer's bytes, and what holds after any emulation:
 * see vcpu_input.h. */
#include "test/fuzz/vcpu_input.h"
#include "arch/arm/cp15.h"
#include "arch/arm/mmu_bits.h"
#include "arch/arm/vfp.h"

static const uint32_t modes[] = {
	PSR_MODE_USR, PSR_MODE_FIQ, PSR_MODE_IRQ, PSR_MODE_SVC,
	PSR_MODE_ABT, PSR_MODE_UND, PSR_MODE_SYS,
};
#define NMODES	(sizeof(modes) / sizeof(modes[0]))

/* One MCR (or MCRR) of the guest kernel: the register's own access
 * function decides what is kept, so the shadow holds what it could. */
static void mcr(struct vcpu *v, uint32_t key, uint32_t lo, uint32_t hi)
{
	struct sysreg_access a = { .write = true, .is64 = (key & 0x10000) != 0, .lo = lo, .hi = hi };

	CHECK(cp15_access(v, key, &a), "setup write to cp15 key 0x%x refused", key);
}

static void cp15_from_input(struct vcpu *v, struct input *in)
{
	mcr(v, CP15_KEY(1, 0, 0, 0), take32(in), 0);			/* SCTLR */
	mcr(v, CP15_KEY(1, 0, 0, 2), take32(in), 0);			/* CPACR */
	/* TTBCR.EAE stops the vCPU (not supported): not a useful start */
	mcr(v, CP15_KEY(2, 0, 0, 2), take32(in) & 0x7fffffffu, 0);	/* TTBCR */
	mcr(v, CP15_KEY(3, 0, 0, 0), take32(in), 0);			/* DACR */
	mcr(v, CP15_KEY(12, 0, 0, 0), take32(in), 0);			/* VBAR */
	mcr(v, CP15_KEY(0, 2, 0, 0), take32(in), 0);			/* CSSELR */
	mcr(v, CP15_KEY(14, 0, 1, 0), take32(in), 0);			/* CNTKCTL */
	mcr(v, CP15_KEY(14, 0, 2, 1), take32(in), 0);			/* CNTP_CTL */
	mcr(v, CP15_KEY(14, 0, 3, 1), take32(in), 0);			/* CNTV_CTL */
	mcr(v, CP15_KEY64(2, 14), take32(in), take32(in));		/* CNTP_CVAL */
	mcr(v, CP15_KEY64(3, 14), take32(in), take32(in));		/* CNTV_CVAL */
	mcr(v, CP15_KEY(9, 0, 14, 0), take32(in), 0);			/* PMUSERENR */
	v->fpexc = take32(in) & FPEXC_WRITABLE;				/* as VMSR FPEXC */
}

/* SP, LR and SPSR of every mode, FIQ's r8-r12 and everyone else's. */
static void banks_from_input(struct vcpu *v, struct input *in)
{
	for (unsigned i = 0; i < NMODES; i++) {
		uint32_t *spsr;

		vcpu_set_mode(v, modes[i]);
		for (unsigned r = (modes[i] == PSR_MODE_FIQ ? 8 : 13); r < 15; r++)
			v->ctx.r[r] = take32(in);
		if ((spsr = vcpu_spsr(v)))
			*spsr = take32(in);
	}
	for (unsigned r = 8; r < 13; r++)
		v->ctx.r[r] = take32(in);		/* in System mode: the User copy */
}

void vcpu_from_input(struct vcpu *v, struct input *in, const uint8_t *data, size_t size)
{
	uint32_t psr;

	fake_reset(v);
	memcpy(fake_ram, data, size < FAKE_RAM_SIZE ? size : FAKE_RAM_SIZE);
	fake_dev.read_value = take32(in);
	fake_hw.cntpct = take64(in);
	fake_hw.cntvct = take64(in);
	fake_hw.tpidrurw = take32(in);
	cp15_from_input(v, in);
	banks_from_input(v, in);
	vcpu_set_mode(v, modes[pick(in, NMODES)]);
	for (unsigned r = 0; r < 8; r++)
		v->ctx.r[r] = take32(in);
	v->ctx.r[15] = take32(in) & ~3u;
	/* A32 state: T, J and IT clear; flags, GE, E and A/I/F anything */
	psr = take32(in) & ~(PSR_MODE_MASK | PSR_T | PSR_J | PSR_IT);
	v->ctx.cpsr = psr | vcpu_mode(v);
}

uint32_t mode_reg(struct vcpu *v, uint32_t mode, unsigned n)
{
	if (n < 8 || n == 15)
		return v->ctx.r[n];
	return *vcpu_banked_reg(v, mode, (int)n);
}

/* The bits each shadow register can hold, given its access function. */
static const struct { unsigned slot; uint32_t bits; } shadow_bits[] = {
	{ C_CPACR, 0xc0f00000u }, { C_TTBCR, 0x80ff7fffu }, { C_VBAR, ~0x1fu }, { C_CSSELR, 0xf },
	{ C_CNTKCTL, 0x3ff }, { C_CNTP_CTL, 3 }, { C_CNTV_CTL, 3 }, { C_PMUSERENR, 1 },
};

void check_vcpu(const struct vcpu *v)
{
	CHECK(mode_valid(vcpu_mode(v)), "cpsr 0x%08x has no valid mode", v->ctx.cpsr);
	CHECK((v->state == VCPU_FAILED) == (fake_failed[0] != 0), "state %d, failure \"%s\"",
	      v->state, fake_failed);
	for (unsigned i = 0; i < sizeof(shadow_bits) / sizeof(shadow_bits[0]); i++)
		CHECK(!(v->cp15[shadow_bits[i].slot] & ~shadow_bits[i].bits),
		      "shadow slot %u holds 0x%08x", shadow_bits[i].slot,
		      v->cp15[shadow_bits[i].slot]);
	CHECK(!(v->fpexc & ~FPEXC_WRITABLE), "fpexc 0x%08x", v->fpexc);
	/* short-descriptor TTBCR: N only; long-descriptor: its fields and EAE */
	CHECK((v->cp15[C_TTBCR] >> 31) || !(v->cp15[C_TTBCR] & ~7u), "ttbcr 0x%08x",
	      v->cp15[C_TTBCR]);
}

void check_took(struct vcpu *v, struct vcpu *before, uint32_t mode, uint32_t vector)
{
	uint32_t sctlr = before->cp15[C_SCTLR], old = vcpu_mode(before);
	uint32_t base = (sctlr & SCTLR_V) ? 0xffff0000u : before->cp15[C_VBAR];
	uint32_t pc = before->ctx.r[15], lr = pc + (vector == 0x10 ? 8 : 4);

	CHECK(vcpu_mode(v) == mode, "mode 0x%x, expected 0x%x", vcpu_mode(v), mode);
	CHECK(v->ctx.r[15] == base + vector, "pc 0x%08x, vector base 0x%08x", v->ctx.r[15], base);
	CHECK(v->ctx.r[14] == lr, "lr 0x%08x for pc 0x%08x", v->ctx.r[14], pc);
	CHECK(*vcpu_spsr(v) == before->ctx.cpsr, "spsr 0x%08x, cpsr was 0x%08x", *vcpu_spsr(v),
	      before->ctx.cpsr);
	CHECK(!!(v->ctx.cpsr & PSR_T) == !!(sctlr & SCTLR_TE), "T 0x%08x", v->ctx.cpsr);
	/* the interrupted mode's registers, unless it is the one entered */
	for (unsigned n = 0; n < 15; n++)
		CHECK(mode_reg(v, old, n) == mode_reg(before, old, n) ||
		      (old == mode && n == 14), "r%u of mode 0x%x changed", n, old);
}

void check_only_regs(struct vcpu *v, struct vcpu *before, uint32_t may)
{
	CHECK(v->ctx.cpsr == before->ctx.cpsr, "cpsr 0x%08x -> 0x%08x", before->ctx.cpsr,
	      v->ctx.cpsr);
	for (unsigned n = 0; n < 16; n++)
		CHECK(v->ctx.r[n] == before->ctx.r[n] || (may >> n & 1), "r%u 0x%08x -> 0x%08x",
		      n, before->ctx.r[n], v->ctx.r[n]);
	CHECK(!memcmp(v->bank, before->bank, sizeof(v->bank)), "banked registers changed");
	CHECK(!memcmp(v->r8_12_usr, before->r8_12_usr, sizeof(v->r8_12_usr)) &&
	      !memcmp(v->r8_12_fiq, before->r8_12_fiq, sizeof(v->r8_12_fiq)), "r8-r12 banks changed");
	CHECK(!memcmp(v->cp15, before->cp15, sizeof(v->cp15)), "shadow registers changed");
	CHECK(v->fpexc == before->fpexc, "fpexc changed");
}
