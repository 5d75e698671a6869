/*
 * What holds after elf_load(), whatever the image: shared by the loader's
 * mutation test (test_loader_fuzz.c) and its libFuzzer harness
 * (test/fuzz/fuzz_elf.c).  Plain C, no test framework: each check returns
 * NULL when everything holds, or a sentence saying what does not.
 */
#ifndef TEST_HOST_LOADER_CHECK_H
#define TEST_HOST_LOADER_CHECK_H

#include <stdint.h>
#include "hyp/loader.h"

/*
 * After a successful load of img: the entry point is in RAM, and each
 * rewritten word is the UDF naming its own entry, over a sensitive
 * original with its fast-path decode, inside the file bytes of a PT_LOAD
 * segment that was copied (so the rewriting wrote nowhere else).  img is
 * the len bytes given to elf_load().
 */
const char *loader_check_loaded(const uint8_t *img, uint32_t len, const struct guest_ram *ram,
				const struct rewrite_table *rt, uint32_t entry);

/*
 * After any load, accepted or refused: RAM outside the image's PT_LOAD
 * segments [p_paddr, p_paddr + p_memsz) still holds `fill` everywhere
 * (program headers outside the file count as no segment).
 */
const char *loader_check_untouched(const uint8_t *img, uint32_t len, const struct guest_ram *ram,
				   uint8_t fill);

#endif
