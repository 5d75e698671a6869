/*
 * psci: PSCI calls over HVC as QEMU virt answers them, an HVC that is not a
 * PSCI call, then SYSTEM_RESET once and SYSTEM_OFF.  A word in RAM outside
 * the image survives the reset and tells the second boot from the first.
 */
#include "tests.h"

/* In RAM (first 16 MiB), beyond the image, its heap and QEMU's DTB */
#define BOOT_WORD	((volatile uint32_t *)0x40f00000)
#define BOOT_MAGIC	0x7e5e7000u	/* low byte: SYSTEM_RESETs done */

static uint32_t reloaded = 0x0da7a000;	/* .data: the reset must restore it */

/* PSCI return codes (negative); other results are values */
static const char *const psci_errors[] = {
	"NOT_SUPPORTED", "INVALID_PARAMETERS", "DENIED", "ALREADY_ON", "ON_PENDING",
	"INTERNAL_FAILURE", "NOT_PRESENT", "DISABLED", "INVALID_ADDRESS",
};

static void call(const char *what, uint32_t fn, uint32_t a1, uint32_t a2, uint32_t a3)
{
	int32_t r = psci_call(fn, a1, a2, a3);

	if (r < 0 && r >= -9)
		printf("psci: %-40s -> %ld %s\n", what, (long)r, psci_errors[-r - 1]);
	else
		printf("psci: %-40s -> %ld\n", what, (long)r);
}

/* r0 is the function ID in, the result out; the immediate is not 0 */
static uint32_t hvc1(uint32_t fn)
{
	register uint32_t r0 __asm__("r0") = fn;

	__asm__ volatile(".arch_extension virt\n\thvc #1"
			 : "+r"(r0) :: "r1", "r2", "r3", "memory");
	return r0;
}

static void first_boot(void)
{
	uint32_t v = psci_call(PSCI_VERSION, 0, 0, 0);

	printf("psci: PSCI_VERSION 0x%08lx (%lu.%lu)\n", HEX(v), HEX(v >> 16), HEX(v & 0xffff));
	call("PSCI_FEATURES(PSCI_VERSION)", PSCI_FEATURES, PSCI_VERSION, 0, 0);
	call("PSCI_FEATURES(CPU_ON)", PSCI_FEATURES, PSCI_CPU_ON, 0, 0);
	call("PSCI_FEATURES(SYSTEM_OFF)", PSCI_FEATURES, PSCI_SYSTEM_OFF, 0, 0);
	call("PSCI_FEATURES(SYSTEM_RESET)", PSCI_FEATURES, PSCI_SYSTEM_RESET, 0, 0);
	call("PSCI_FEATURES(PSCI_FEATURES)", PSCI_FEATURES, PSCI_FEATURES, 0, 0);
	call("PSCI_FEATURES(CPU_ON, SMC64 0xc4000003)", PSCI_FEATURES, 0xc4000003, 0, 0);
	call("PSCI_FEATURES(0x8400001f)", PSCI_FEATURES, 0x8400001f, 0, 0);
	call("MIGRATE_INFO_TYPE (2: no migration)", PSCI_MIGRATE_INFO_TYPE, 0, 0, 0);
	call("AFFINITY_INFO(cpu 0, level 0) (0: ON)", PSCI_AFFINITY_INFO, 0, 0, 0);
	call("AFFINITY_INFO(cpu 1, level 0)", PSCI_AFFINITY_INFO, 1, 0, 0);
	call("CPU_ON(cpu 0)", PSCI_CPU_ON, 0, 0x40000000, 0);
	call("CPU_ON(cpu 1)", PSCI_CPU_ON, 1, 0x40000000, 0);

	/* Not PSCI: QEMU answers NOT_SUPPORTED rather than UNDEFINED */
	catch_on();
	v = psci_call(0x82000000, 0, 0, 0);
	printf("psci: HVC 0x82000000 (SiP service) -> 0x%08lx\n", HEX(v));
	catch_report("psci: HVC 0x82000000", NULL, 0);
	v = psci_call(0x80000000, 0, 0, 0);
	printf("psci: HVC 0x80000000 (SMCCC_VERSION) -> 0x%08lx\n", HEX(v));
	catch_report("psci: HVC 0x80000000", NULL, 0);
	v = psci_call(0x12345678, 0, 0, 0);
	printf("psci: HVC 0x12345678 -> 0x%08lx\n", HEX(v));
	catch_report("psci: HVC 0x12345678", NULL, 0);
	v = hvc1(PSCI_VERSION);
	printf("psci: HVC #1 with PSCI_VERSION -> 0x%08lx\n", HEX(v));
	catch_report("psci: HVC #1", NULL, 0);
	catch_off();

	reloaded = 0xd1d1d1d1;	/* the reset must bring back the ELF's value */
	*BOOT_WORD = BOOT_MAGIC | 1;
	printf("psci: SYSTEM_RESET\n");
	system_reset();
}

int main(void)
{
	uint32_t boot = *BOOT_WORD;

	if ((boot & ~0xffu) != BOOT_MAGIC) {
		printf("psci: boot 1 (no reset so far)\n");
		first_boot();
	}
	printf("psci: boot 2, after %lu SYSTEM_RESET\n", HEX(boot & 0xff));
	printf("psci: .data reloaded: 0x%08lx\n", HEX(reloaded));
	printf("psci: PSCI_VERSION again 0x%08lx\n", HEX(psci_call(PSCI_VERSION, 0, 0, 0)));
	*BOOT_WORD = 0;		/* a later run starts from boot 1 */
	printf("psci: done\n");
	return 0;		/* crt0: exit -> SYSTEM_OFF */
}
