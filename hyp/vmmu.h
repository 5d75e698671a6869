/*
 * The guest's MMU: its translation registers (shadow cp15), its tables
 * walked in software (arch/arm/vmsa.c) and the shadow tables the hardware
 * walks instead (shadow.h).  With the guest's MMU off the VM runs on its
 * own flat table (guest-physical = virtual).
 */
#ifndef HYP_VMMU_H
#define HYP_VMMU_H

#include <stdint.h>
#include <stdbool.h>
#include "hyp/shadow.h"

struct vcpu;
struct vm;

struct vmmu {
	bool on;			/* the guest's SCTLR.M */
	bool shadowed;			/* the hardware walks shadow tables: on, or the
					   VM scans its code at run time (codescan.h) */
	struct shadow_ctx *cur;		/* context of the guest's ASID, NULL: look up */
	struct shadow sh;
	unsigned refaults;		/* fills that changed nothing, in a row */
	uint64_t guest_faults;		/* translation faults delivered to the guest */
};

enum vmmu_abort {
	VMMU_FILLED,	/* the shadow has it now: run the instruction again */
	VMMU_FAULT,	/* the guest's own tables fault: deliver *fsr */
	VMMU_NOT_RAM,	/* translated, but not to RAM: a device, nothing, or
			   trapvisor's range; *gpa is where */
	VMMU_STUCK,	/* the hardware refuses what the shadow allows: a bug */
	VMMU_CODE_WRITE,/* a write to a page of scanned code (codescan.h):
			   emulated, at *gpa */
};

bool vmmu_init(struct vm *vm, unsigned shadow_kib);
/* MMU off, shadow emptied (VM reset) */
void vmmu_reset(struct vm *vm);
/* Shadow tables from now on, MMU on or off (dynamic scanning starts). */
void vmmu_shadow_always(struct vm *vm);
/* The hardware translates for v as it is now (view, context, or flat). */
void vmmu_load(struct vcpu *v);

/* The guest wrote a register that shapes its translations */
void vmmu_sctlr_written(struct vcpu *v, uint32_t old);
void vmmu_ttbcr_written(struct vcpu *v);
void vmmu_dacr_written(struct vcpu *v, uint32_t old);
void vmmu_contextidr_written(struct vcpu *v);

enum tlbi { TLBI_ALL, TLBI_MVA, TLBI_ASID, TLBI_MVAA };
void vmmu_tlbi(struct vcpu *v, enum tlbi op, uint32_t arg);

/* va as an access `acc` (VMSA_R/W/X) at PL1 (privileged) or PL0 would
 * translate it: 0 and *gpa (above 4 GiB: nothing there), or the fault
 * status the guest must take. */
uint32_t vmmu_translate(struct vcpu *v, uint32_t va, unsigned acc, bool privileged,
			uint64_t *gpa);
/* A permission or translation fault the hardware took on va. */
enum vmmu_abort vmmu_abort(struct vcpu *v, uint32_t va, unsigned acc, uint32_t *fsr,
			   uint64_t *gpa);
/* ATS1C{P,U}{R,W}: the PAR value (short-descriptor format). */
uint32_t vmmu_ats(struct vcpu *v, uint32_t va, bool write, bool user);

#endif
