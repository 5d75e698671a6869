/* ATAGS: see atags.h.  Each tag is {size in words, tag, data...}; the
 * list starts with ATAG_CORE and ends with a size of 0. */
#include "board/drivers/atags.h"

#define ATAG_CORE	0x54410001u
#define ATAG_MEM	0x54410002u
#define ATAG_INITRD2	0x54420005u

bool atags_read(const volatile uint32_t *p, uint32_t max_words, struct atags_info *out)
{
	uint32_t i = 0;

	out->mem_start = out->mem_size = out->initrd_start = out->initrd_size = 0;
	if (max_words < 2 || p[1] != ATAG_CORE || p[0] < 2)
		return false;
	while (i + 2 <= max_words && p[i] >= 2 && p[i] <= max_words - i) {
		uint32_t size = p[i], tag = p[i + 1];

		if (tag == ATAG_MEM && size >= 4 && !out->mem_size) {
			out->mem_size = p[i + 2];	/* the first bank */
			out->mem_start = p[i + 3];
		} else if (tag == ATAG_INITRD2 && size >= 4) {
			out->initrd_start = p[i + 2];
			out->initrd_size = p[i + 3];
		}
		i += size;
	}
	return true;
}
