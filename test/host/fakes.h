#ifndef TEST_HOST_FAKES_H
#define TEST_HOST_FAKES_H

#include <stdint.h>
#include "hyp/vcpu.h"

#define FAKE_RAM_BASE	0x40000000u
#define FAKE_RAM_SIZE	0x10000u
#define FAKE_DEV_BASE	0x09000000u
#define FAKE_DEV_LOG	16

struct fake_hw {
	uint64_t cntpct, cntvct;
	uint32_t tpidrurw, tpidruro, pmuserenr;
	int cw_cleans, cw_lines, cw_alls;	/* codewatch calls, va of the last */
	uint32_t cw_va;
	int align, icache_invals, barriers, vfp_loads, psci_calls, waits[2], timer_changes;
	/* what the guest's MMU was told (hyp/vmmu.h) */
	int sctlr_writes, ttbcr_writes, dacr_writes, ctxid_changes, tlbi[4];
	uint32_t sctlr_old, dacr_old, tlbi_arg;
	int user_accesses;		/* vmem_*_user: LDRT & co */
	int accesses;			/* every vmem read or write, faulting ones too */
	uint32_t first_va, last_va;	/* the addresses of the first and last one */
	unsigned sizes;			/* the sizes they had, OR-ed together */
};

struct fake_dev_access {
	uint32_t off, val;
	unsigned size;
	int write;
};

struct fake_dev {
	struct fake_dev_access log[FAKE_DEV_LOG];
	unsigned n;
	uint32_t read_value;
};

extern struct fake_hw fake_hw;
extern uint8_t fake_ram[FAKE_RAM_SIZE];
extern struct fake_dev fake_dev;
extern char fake_failed[256];

/* Fresh hardware, memory and a freshly reset vCPU (SVC, PC at RAM base). */
void fake_reset(struct vcpu *v);

#endif
