# Benchmark guests (guests/bench), built by `make bench` only:
#   micro.elf   round trip of each trapped instruction class and event
#   macro.elf   whole workloads: CRC-32, system calls, interrupts
#   switch.elf  VM switch (run as two VMs)
#   os.elf      the demo guest OS built with OS_BENCH: its boot, timed
# Included by guests/guests.mk.
BENCH_DIR    := $(B)/guests/bench
BENCH_GUESTS := $(patsubst %,$(BENCH_DIR)/%.elf,micro macro switch os)

# micro.elf starts at bench_entry, which notes the counters at the very
# first instruction before the runtime's _start
BENCH_MICRO_LDFLAGS := -Wl,-e,bench_entry
$(eval $(call guest_elf,$(BENCH_DIR)/micro.elf,guests/bench/micro.c guests/bench/micro_mmu.c guests/bench/vectors.S,$(BENCH_MICRO_LDFLAGS)))
$(eval $(call guest_elf,$(BENCH_DIR)/macro.elf,guests/bench/macro.c guests/bench/vectors.S))
$(eval $(call guest_elf,$(BENCH_DIR)/switch.elf,guests/bench/switch.c))

BENCH_OS_OBJS := $(patsubst guests/os/%,$(BENCH_DIR)/os/%.o,$(basename $(OS_SRCS)))
$(BENCH_DIR)/os/%.o: guests/os/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $< (OS_BENCH)"
	$(Q)$(CC) $(GUEST_CFLAGS) -DOS_BENCH -Iguests/bench -c $< -o $@
$(BENCH_DIR)/os/%.o: guests/os/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(GUEST_CFLAGS) -c $< -o $@
$(BENCH_DIR)/os.elf: $(BENCH_OS_OBJS) guests/os/os.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(GUEST_ARCH) -nostartfiles -T guests/os/os.ld \
		-Wl,--no-warn-rwx-segments -o $@ $(BENCH_OS_OBJS) $(GUEST_LIBS)
-include $(BENCH_OS_OBJS:.o=.d) $(patsubst %.c,$(B)/%.d,$(wildcard guests/bench/*.c))

bench-guests: $(BENCH_GUESTS)
guests: $(BENCH_GUESTS)
.PHONY: bench-guests
