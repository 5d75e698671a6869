/*
 * Host stand-ins for what the emulation code asks of the real machine and
 * of the rest of trapvisor: hardware registers, guest memory, PSCI, the
 * scheduler.  Each fake records what it was asked so tests can check it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "test/host/fakes.h"
#include "hyp/codewatch.h"
#include "arch/arm/cp15_hw.h"
#include "arch/arm/vfp.h"
#include "hyp/vmem.h"
#include "hyp/psci.h"
#include "hyp/sched.h"
#include "hyp/vm.h"
#include "hyp/vmmu.h"

struct fake_hw fake_hw;
uint8_t fake_ram[FAKE_RAM_SIZE];
struct fake_dev fake_dev;
char fake_failed[256];

uint64_t hw_cntpct(void) { return fake_hw.cntpct; }
uint64_t hw_cntvct(void) { return fake_hw.cntvct; }
void hw_icache_inval(void) { fake_hw.icache_invals++; }
void codewatch_clean(struct vcpu *v, uint32_t va) { (void)v; fake_hw.cw_cleans++; fake_hw.cw_va = va; }
void codewatch_inval_line(struct vcpu *v, uint32_t va) { (void)v; fake_hw.cw_lines++; fake_hw.cw_va = va; }
void codewatch_inval_all(struct vcpu *v) { (void)v; fake_hw.cw_alls++; }
void hw_barrier(void) { fake_hw.barriers++; }
uint32_t hw_tpidrurw(void) { return fake_hw.tpidrurw; }
void hw_set_tpidrurw(uint32_t v) { fake_hw.tpidrurw = v; }
void hw_set_tpidruro(uint32_t v) { fake_hw.tpidruro = v; }
void hw_set_alignment_check(int on) { fake_hw.align = on; }
void hw_set_pmuserenr(uint32_t v) { fake_hw.pmuserenr = v; }

void vfp_load_hw(struct vcpu *v) { (void)v; fake_hw.vfp_loads++; }
uint32_t vfp_id(unsigned reg) { return 0x41000000 | reg; }

void vcpu_fail(struct vcpu *v, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(fake_failed, sizeof(fake_failed), fmt, ap);
	va_end(ap);
	v->state = VCPU_FAILED;
}

/* Guest memory: FAKE_RAM_BASE.. is RAM, FAKE_DEV_BASE one 4 KiB device,
 * everything else aborts. */
static uint32_t fake_access(uint32_t va, unsigned size, int write, uint32_t *val)
{
	if (fake_hw.accesses++ == 0)
		fake_hw.first_va = va;
	fake_hw.last_va = va;
	fake_hw.sizes |= size;
	if (va >= FAKE_RAM_BASE && va - FAKE_RAM_BASE + size <= FAKE_RAM_SIZE) {
		uint8_t *p = fake_ram + (va - FAKE_RAM_BASE);
		if (write)
			memcpy(p, val, size);
		else {
			*val = 0;
			memcpy(val, p, size);
		}
		return 0;
	}
	if (va - FAKE_DEV_BASE < 0x1000) {
		struct fake_dev_access *a = &fake_dev.log[fake_dev.n++ % FAKE_DEV_LOG];
		a->off = va - FAKE_DEV_BASE;
		a->size = size;
		a->write = write;
		if (write)
			a->val = *val;
		else
			*val = a->val = fake_dev.read_value;
		return 0;
	}
	return FSR_SYNC_EXT;
}

uint32_t vmem_read(struct vcpu *v, uint32_t va, unsigned size, uint32_t *val)
{
	(void)v;
	return fake_access(va, size, 0, val);
}

uint32_t vmem_write(struct vcpu *v, uint32_t va, unsigned size, uint32_t val)
{
	(void)v;
	return fake_access(va, size, 1, &val);
}

uint32_t vmem_read_user(struct vcpu *v, uint32_t va, unsigned size, uint32_t *val)
{
	fake_hw.user_accesses++;
	return vmem_read(v, va, size, val);
}

uint32_t vmem_write_user(struct vcpu *v, uint32_t va, unsigned size, uint32_t val)
{
	fake_hw.user_accesses++;
	return vmem_write(v, va, size, val);
}

uint32_t vmem_fetch(struct vcpu *v, uint32_t va, uint32_t *insn)
{
	return vmem_read(v, va, 4, insn);
}

enum psci_result psci_call(struct vcpu *v)
{
	fake_hw.psci_calls++;
	v->ctx.r[0] = v->ctx.r[0] == 0x84000000 ? 0x00010001 : 0xffffffff;
	return PSCI_DONE;
}

void sched_wait(struct vcpu *v, bool wfe)
{
	(void)v;
	fake_hw.waits[wfe]++;
}

void sched_timer_changed(struct vcpu *v)
{
	(void)v;
	fake_hw.timer_changes++;
}

void vmmu_sctlr_written(struct vcpu *v, uint32_t old) { (void)v; fake_hw.sctlr_writes++; fake_hw.sctlr_old = old; }
void vmmu_ttbcr_written(struct vcpu *v) { (void)v; fake_hw.ttbcr_writes++; }
void vmmu_dacr_written(struct vcpu *v, uint32_t old) { (void)v; fake_hw.dacr_writes++; fake_hw.dacr_old = old; }
void vmmu_contextidr_written(struct vcpu *v) { (void)v; fake_hw.ctxid_changes++; }

void vmmu_tlbi(struct vcpu *v, enum tlbi op, uint32_t arg)
{
	(void)v;
	fake_hw.tlbi[op]++;
	fake_hw.tlbi_arg = arg;
}

/* Address translation: the guest's MMU is off in these tests. */
uint32_t vmmu_ats(struct vcpu *v, uint32_t va, bool write, bool user)
{
	(void)v; (void)write; (void)user;
	return va & 0xfffff000u;
}

void fake_reset(struct vcpu *v)
{
	memset(&fake_hw, 0, sizeof(fake_hw));
	memset(&fake_dev, 0, sizeof(fake_dev));
	memset(fake_ram, 0, sizeof(fake_ram));
	fake_failed[0] = 0;
	memset(v, 0, sizeof(*v));
	vcpu_reset(v, FAKE_RAM_BASE);
}
