/*
 * PSCI 1.1 over HVC, matching what QEMU's built-in firmware gives a guest
 * on -M virt (target/arm/psci.c): same functions, same return codes, and
 * any other function ID returns NOT_SUPPORTED (-1), as QEMU's does.
 */
#include "hyp/psci.h"
#include "hyp/vm.h"
#include "hyp/console.h"

#define PSCI_VERSION		0x84000000
#define PSCI_CPU_SUSPEND	0x84000001
#define PSCI_CPU_SUSPEND64	0xc4000001
#define PSCI_CPU_OFF		0x84000002
#define PSCI_CPU_ON		0x84000003
#define PSCI_CPU_ON64		0xc4000003
#define PSCI_AFFINITY_INFO	0x84000004
#define PSCI_AFFINITY_INFO64	0xc4000004
#define PSCI_MIGRATE		0x84000005
#define PSCI_MIGRATE_INFO_TYPE	0x84000006
#define PSCI_SYSTEM_OFF		0x84000008
#define PSCI_SYSTEM_RESET	0x84000009
#define PSCI_FEATURES		0x8400000a
/* PSCI 0.1 IDs QEMU also accepts (they are in its device tree). */
#define PSCI01_CPU_SUSPEND	0x95c1ba5e
#define PSCI01_CPU_OFF		0x95c1ba5f
#define PSCI01_CPU_ON		0x95c1ba60
#define PSCI01_MIGRATE		0x95c1ba61

#define RET_SUCCESS		0
#define RET_NOT_SUPPORTED	(-1)
#define RET_INVALID_PARAMS	(-2)
#define RET_ALREADY_ON		(-4)
#define SMC64			0x40000000u

static bool is_psci(uint32_t fn)
{
	switch (fn) {
	case PSCI_VERSION: case PSCI_CPU_SUSPEND: case PSCI_CPU_SUSPEND64:
	case PSCI_CPU_OFF: case PSCI_CPU_ON: case PSCI_CPU_ON64:
	case PSCI_AFFINITY_INFO: case PSCI_AFFINITY_INFO64: case PSCI_MIGRATE:
	case PSCI_MIGRATE_INFO_TYPE: case PSCI_SYSTEM_OFF: case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES: case PSCI01_CPU_SUSPEND: case PSCI01_CPU_OFF:
	case PSCI01_CPU_ON: case PSCI01_MIGRATE:
		return true;
	}
	return false;
}

static int32_t features(uint32_t fn)
{
	switch (fn) {
	case PSCI_VERSION: case PSCI_MIGRATE_INFO_TYPE: case PSCI_AFFINITY_INFO:
	case PSCI_SYSTEM_RESET: case PSCI_SYSTEM_OFF: case PSCI_CPU_ON:
	case PSCI_CPU_OFF: case PSCI_CPU_SUSPEND: case PSCI_FEATURES:
		return RET_SUCCESS;
	default:
		return RET_NOT_SUPPORTED;	/* SMC64 IDs too: the caller is AArch32 */
	}
}

/* The VM's one vCPU has MPIDR v->cp15[C_MPIDR]; no other CPU exists. */
static bool own_mpidr(struct vcpu *v, uint32_t mpidr)
{
	return (mpidr & 0x00ffffff) == (v->cp15[C_MPIDR] & 0x00ffffff);
}

enum psci_result psci_call(struct vcpu *v)
{
	uint32_t fn = v->ctx.r[0];
	int32_t ret;

	if (!is_psci(fn)) {
		v->ctx.r[0] = (uint32_t)RET_NOT_SUPPORTED;
		return PSCI_DONE;
	}
	if (fn & SMC64) {
		v->ctx.r[0] = (uint32_t)RET_INVALID_PARAMS;
		return PSCI_DONE;
	}
	switch (fn) {
	case PSCI_VERSION:
		ret = 0x00010001;
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = 2;			/* no Trusted OS: migration not required */
		break;
	case PSCI_FEATURES:
		ret = features(v->ctx.r[1]);
		break;
	case PSCI_AFFINITY_INFO:
		ret = v->ctx.r[2] ? RET_SUCCESS : own_mpidr(v, v->ctx.r[1]) ? 0 : RET_INVALID_PARAMS;
		break;
	case PSCI_CPU_ON:
	case PSCI01_CPU_ON:
		ret = own_mpidr(v, v->ctx.r[1]) ? RET_ALREADY_ON : RET_INVALID_PARAMS;
		break;
	case PSCI_CPU_SUSPEND:
	case PSCI01_CPU_SUSPEND:
		/* no power-down state: a WFI that returns success */
		ret = (v->ctx.r[1] & 0xfffe0000) ? RET_INVALID_PARAMS : RET_SUCCESS;
		break;
	case PSCI_MIGRATE:
	case PSCI01_MIGRATE:
		ret = RET_NOT_SUPPORTED;
		break;
	case PSCI_SYSTEM_OFF:
		vm_power_off(v->vm);
		return PSCI_STOPPED;
	case PSCI_SYSTEM_RESET:
		vm_reset(v->vm);
		return PSCI_STOPPED;
	default:				/* CPU_OFF: the last vCPU stops */
		hyp_printf("%s: vCPU 0 off (PSCI CPU_OFF): the VM waits forever\n", v->vm->name);
		v->vm->state = VM_HALTED;
		return PSCI_STOPPED;
	}
	v->ctx.r[0] = (uint32_t)ret;
	return PSCI_DONE;
}
