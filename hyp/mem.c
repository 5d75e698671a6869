/* Host memory: where it is, trapvisor's heap (in its own 16 MiB) and the
 * VM RAM pool.  Bump allocators: nothing is freed while trapvisor runs. */
#include <string.h>
#include "hyp/mem.h"
#include "arch/arm/layout.h"
#include "board/board.h"
#include "board/drivers/atags.h"

extern char __image_end[];
static uintptr_t heap_next = (uintptr_t)__image_end;
static uint32_t pool_next, pool_end;
struct host_mem host_mem;

/* What the firmware says, where the board has firmware that says it. */
static void from_firmware(uint32_t boot_r2)
{
	uint32_t pa = boot_r2 ? boot_r2 : ATAGS_DEFAULT_PA;
	const volatile uint32_t *p;
	struct atags_info a;

	if (pa >= board.reserved_end)		/* not in the firmware's RAM */
		return;
	p = (const volatile uint32_t *)ioremap(pa);
	if (*p == FDT_MAGIC_LE) {
		host_mem.source = "a device tree, not read: board defaults";
		return;
	}
	if (!atags_read(p, (SECTION_SIZE - (pa & (SECTION_SIZE - 1))) / 4, &a))
		return;
	host_mem.source = "ATAGS";
	if (a.mem_size && a.mem_start == board.ram_base && a.mem_size <= board.ram_size)
		host_mem.ram_size = a.mem_size;
	if (a.initrd_size) {
		host_mem.pkg_pa = a.initrd_start;
		host_mem.pkg_source = "initrd";
	}
}

void mem_init(uint32_t boot_r2)
{
	uint32_t start;

	host_mem.ram_base = board.ram_base;
	host_mem.ram_size = board.ram_size;
	host_mem.pkg_pa = board.pkg_pa;
	host_mem.source = "the board's description";
	host_mem.pkg_source = "the board's default";
	if (board.atags)
		from_firmware(boot_r2);
	/* VM RAM comes after trapvisor's 16 MiB and the package area. */
	start = host_mem.pkg_pa + PKG_MAX;
	pool_next = (start + SECTION_SIZE - 1) & ~(SECTION_SIZE - 1);
	pool_end = host_mem.ram_base + host_mem.ram_size;
}

static uintptr_t heap_last;		/* the latest allocation, for heap_trim */

void *heap_alloc(size_t size, size_t align)
{
	uintptr_t p = (heap_next + align - 1) & ~(uintptr_t)(align - 1);

	if (p + size > HYP_VA + HYP_SIZE || p + size < p)
		return NULL;
	heap_next = p + size;
	heap_last = p;
	memset((void *)p, 0, size);
	return (void *)p;
}

size_t heap_used(void)
{
	return heap_next - (uintptr_t)__image_end;
}

uintptr_t heap_mark(void)
{
	return heap_next;
}

void heap_trim(void *p, size_t size)
{
	if ((uintptr_t)p == heap_last && (uintptr_t)p + size <= heap_next)
		heap_next = (uintptr_t)p + size;
}

uint32_t ram_alloc(uint32_t size)
{
	uint32_t p = pool_next;

	size = (size + SECTION_SIZE - 1) & ~(SECTION_SIZE - 1);
	if (p >= pool_end || size > pool_end - p)
		return 0;
	pool_next += size;
	return p;
}
