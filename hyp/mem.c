/* Bump allocators: nothing is freed while trapvisor runs. */
#include <string.h>
#include "hyp/mem.h"
#include "arch/arm/layout.h"
#include "board/board.h"

extern char __image_end[];
static uintptr_t heap_next = (uintptr_t)__image_end;
static uint32_t pool_next, pool_end;

void mem_init(void)
{
	/* VM RAM comes after trapvisor's 16 MiB and the package area. */
	uint32_t start = board.pkg_pa + PKG_MAX;

	pool_next = (start + SECTION_SIZE - 1) & ~(SECTION_SIZE - 1);
	pool_end = board.ram_base + board.ram_size;
}

void *heap_alloc(size_t size, size_t align)
{
	uintptr_t p = (heap_next + align - 1) & ~(uintptr_t)(align - 1);

	if (p + size > HYP_VA + HYP_SIZE || p + size < p)
		return NULL;
	heap_next = p + size;
	memset((void *)p, 0, size);
	return (void *)p;
}

uint32_t ram_alloc(uint32_t size)
{
	uint32_t p = pool_next;

	size = (size + SECTION_SIZE - 1) & ~(SECTION_SIZE - 1);
	if (size > pool_end - p)
		return 0;
	pool_next += size;
	return p;
}
