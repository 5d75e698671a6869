# trapvisor: one Makefile for the hypervisor, the guests and the tests.
#   make run                      boot trapvisor with the demo VMs (configs/demo.conf)
#   make run GUESTS="a.elf b.elf" run those guest ELFs, one VM each
#   make run CONFIG=vms.conf      run the VMs a configuration describes
#   make run-native GUEST=a.elf   run one guest ELF natively on the same machine
#   make test                     host unit tests, a short fuzz run + QEMU system tests (virt and raspi2b)
#   make fuzz                     the host fuzzers, FUZZ_SECONDS (600) each: docs/FUZZING.md
#   make debug                    QEMU halted with a gdb server
#   make BOARD=rpi2 run           the same on QEMU raspi2b (Raspberry Pi 2)
#   make BOARD=rpi2 sdcard        a boot folder (and FAT image) for a real Pi 2/3
#   make bench                    benchmarks: native vs trapvisor, docs/BENCHMARKS.md
BOARD   ?= virt
CROSS   ?= arm-none-eabi-
PYTHON  ?= /usr/bin/python3
B       := build
CC      := $(CROSS)gcc
HOSTCC  ?= gcc
V       ?= 0
Q       := $(if $(filter 1,$(V)),,@)

include board/$(BOARD)/board.mk

# Without GUESTS or CONFIG, `make run` boots the demo configuration.
ifeq ($(GUESTS)$(CONFIG),)
CONFIG  := configs/demo.conf
endif
QEMU    := qemu-system-arm $(QEMU_MACHINE) -nographic -monitor none -serial stdio

# ---- the hypervisor --------------------------------------------------------
ARCH_FLAGS := -march=armv7-a -mtune=cortex-a15 -marm -mfloat-abi=soft
HYP_CFLAGS := $(ARCH_FLAGS) -std=gnu11 -O2 -g -Wall -Wextra -Werror=implicit-function-declaration \
	-ffreestanding -fno-common -mno-unaligned-access -I. -MMD -MP
HYP_SRCS := $(wildcard arch/arm/*.c arch/arm/*.S hyp/*.c board/drivers/*.c board/$(BOARD)/*.c board/$(BOARD)/*.S)
HYP_OBJS := $(patsubst %,$(B)/hyp-$(BOARD)/%.o,$(basename $(HYP_SRCS)))

$(B)/hyp-$(BOARD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(HYP_CFLAGS) -c $< -o $@
$(B)/hyp-$(BOARD)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(HYP_CFLAGS) -c $< -o $@

$(B)/trapvisor-$(BOARD).elf: $(HYP_OBJS) arch/arm/trapvisor.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(ARCH_FLAGS) -nostartfiles -T arch/arm/trapvisor.ld \
		-Wl,--defsym=HYP_PA=$(HYP_PA) -Wl,--no-warn-rwx-segments \
		-o $@ $(HYP_OBJS) -lc -lgcc

hyp: $(B)/trapvisor-$(BOARD).elf
-include $(HYP_OBJS:.o=.d)

# ---- guests ------------------------------------------------------------------
include guests/guests.mk

# The guest package: the images and their VM configuration, loaded by QEMU
# (or the Pi firmware) next to trapvisor.  Rebuilt on every run from GUESTS.
$(B)/run.pkg: FORCE $(if $(CONFIG),guests,$(filter $(B)/%,$(GUESTS))) scripts/mkpkg.py
	$(Q)$(PYTHON) scripts/mkpkg.py -o $@ $(if $(CONFIG),-c $(CONFIG),$(GUESTS))

# ---- running -----------------------------------------------------------------
HYP_QEMU_ARGS = -kernel $(B)/trapvisor-$(BOARD).elf \
	-device loader,file=$(B)/run.pkg,addr=$(PKG_PA),force-raw=on

run: deps hyp $(B)/run.pkg
	$(QEMU) $(HYP_QEMU_ARGS)

run-native: deps $(filter $(B)/%,$(GUEST))
	@test -n "$(GUEST)" || { echo "usage: make run-native GUEST=path/to/guest.elf"; exit 2; }
	qemu-system-arm $(NATIVE_QEMU_MACHINE) -nographic -monitor none -serial stdio -kernel $(GUEST)

debug: deps hyp $(B)/run.pkg
	@echo "QEMU is halted with a gdb server on :1234. In another terminal:"
	@echo "  gdb-multiarch $(B)/trapvisor-$(BOARD).elf -ex 'target remote :1234'"
	$(QEMU) $(HYP_QEMU_ARGS) -S -gdb tcp::1234

# ---- SD card (boards with a board/NAME/config.txt) ----------------------------
# kernel7.img (trapvisor as the firmware loads it), config.txt, the guest
# package as the firmware's initramfs; plus a FAT image when mkfs.vfat and
# mcopy are there.  The firmware files are not ours: see README.txt there.
SDCARD := $(B)/sdcard-$(BOARD)

sdcard: deps hyp $(B)/run.pkg
	@test -f board/$(BOARD)/config.txt || { echo "sdcard: board $(BOARD) boots from no SD card"; exit 2; }
	@rm -rf $(SDCARD) && mkdir -p $(SDCARD)
	$(Q)$(CROSS)objcopy -O binary $(B)/trapvisor-$(BOARD).elf $(SDCARD)/kernel7.img
	$(Q)cp board/$(BOARD)/config.txt $(SDCARD)/config.txt
	$(Q)cp board/$(BOARD)/README.txt $(SDCARD)/README.txt
	$(Q)cp $(B)/run.pkg $(SDCARD)/guests.pkg
	@if command -v mkfs.vfat >/dev/null && command -v mcopy >/dev/null; then \
		rm -f $(SDCARD).img; \
		mkfs.vfat -C -n TRAPVISOR $(SDCARD).img 65536 >/dev/null && \
		mcopy -i $(SDCARD).img $(SDCARD)/* ::/ && echo "  SDCARD  $(SDCARD)/ and $(SDCARD).img"; \
	else echo "  SDCARD  $(SDCARD)/ (no FAT image: mkfs.vfat or mcopy missing)"; fi

# ---- tests -------------------------------------------------------------------
include test/host/host.mk
include test/fuzz/fuzz.mk

# Every system test on virt; on raspi2b (BOARD=rpi2) the ones about what
# guests see, which must not depend on the host board, and the Pi's own.
RPI2_TESTS := test/system/test_equivalence.py test/system/test_concurrent.py \
	test/system/test_interactive.py test/system/test_idle.py test/system/test_rpi2.py

test: deps host-test fuzz-short guests
	$(MAKE) --no-print-directory BOARD=virt hyp
	BOARD=virt $(PYTHON) -m pytest -q -p no:cacheprovider test/system
	$(MAKE) --no-print-directory BOARD=rpi2 GUESTS=build/guests/demo/hello.elf hyp sdcard
	BOARD=rpi2 $(PYTHON) -m pytest -q -p no:cacheprovider $(RPI2_TESTS)

deps:
	@scripts/deps.sh

# ---- benchmarks --------------------------------------------------------------
# Every benchmark guest natively and under trapvisor, -icount shift=0; the
# table on the terminal and in docs/BENCHMARKS.md, the chart in docs/bench.png.
bench: deps hyp bench-guests
	@scripts/deps.sh gnuplot-nox
	$(PYTHON) scripts/bench.py --board $(BOARD) --docs

clean:
	rm -rf $(B)

FORCE:
.PHONY: run run-native debug test deps clean hyp guests host-test sdcard bench FORCE
