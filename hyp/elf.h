/* The parts of ELF32 (System V gABI, ARM ELF ABI) the loader reads. */
#ifndef HYP_ELF_H
#define HYP_ELF_H

#include <stdint.h>

#define EI_NIDENT	16
#define EI_CLASS	4		/* e_ident[] indices */
#define EI_DATA		5
#define EI_VERSION	6
#define ELFCLASS32	1
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define ELFDATA2MSB	2
#define EV_CURRENT	1
#define ET_EXEC		2
#define EM_ARM		40
#define PT_LOAD		1
#define PF_X		1
#define SHT_SYMTAB	2
#define SHT_STRTAB	3
#define SHT_PROGBITS	1
#define SHF_ALLOC	0x2
#define SHF_EXECINSTR	0x4
#define SHN_LORESERVE	0xff00

struct elf32_ehdr {
	uint8_t e_ident[EI_NIDENT];
	uint16_t e_type, e_machine;
	uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf32_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};

struct elf32_shdr {
	uint32_t sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size;
	uint32_t sh_link, sh_info, sh_addralign, sh_entsize;
};

struct elf32_sym {
	uint32_t st_name, st_value, st_size;
	uint8_t st_info, st_other;
	uint16_t st_shndx;
};

#endif
