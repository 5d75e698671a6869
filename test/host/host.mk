# Host unit tests: the decoder, the cp15 table, the emulation routines, the
# instruction classifier and the ELF loader, compiled for the build machine
# and run against fakes of the hardware (test/host/fakes.c).  cmocka.
HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -I. -DHOST_TEST -fsanitize=address,undefined
HOST_SRCS := arch/arm/a32_decode.c arch/arm/cp15.c arch/arm/cpu_model.c arch/arm/emul_psr.c arch/arm/emul_eret.c \
	arch/arm/emul_sysreg.c arch/arm/emul_call.c arch/arm/ldst.c arch/arm/vexc.c \
	arch/arm/t32_decode.c arch/arm/t32_ldst.c arch/arm/emul_branch.c arch/arm/flow.c arch/arm/vmsa_lpae.c \
	arch/arm/scan.c arch/arm/fast_kind.c arch/arm/vmsa.c arch/arm/cp15_mmu.c hyp/vcpu.c hyp/loader.c hyp/elf_check.c hyp/rewrite.c \
	hyp/stats.c hyp/vuart.c hyp/vgic.c hyp/vflash.c \
	test/host/fakes.c test/host/loader_harness.c test/host/loader_check.c
HOST_TESTS := $(patsubst test/host/%.c,$(B)/host/%,$(wildcard test/host/test_*.c))

$(B)/host/%: test/host/%.c $(HOST_SRCS) $(wildcard test/host/*.h arch/arm/*.h hyp/*.h)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(HOST_SRCS) -lcmocka

host-test: deps $(HOST_TESTS)
	@set -e; for t in $(HOST_TESTS); do echo "== $$t"; $$t; done
