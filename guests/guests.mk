# Guests: the runtime (guests/rt), the equivalence test guests
# (guests/tests), the demo (guests/demo) and broken images for the loader
# tests (guests/bad).  Included by the top-level Makefile, which sets B, CC,
# CROSS, PYTHON and DEMO_GUESTS.
#
#   make guests     builds every guest ELF below
#
# A test guest NAME is guests/tests/NAME.c plus any guests/tests/NAME_*.{c,S}.

PYTHON ?= /usr/bin/python3

# A32, soft float: newlib then comes from the thumb/v7-a/nofp multilib
# (Thumb-2 code without a single privileged instruction).
GUEST_ARCH    := -march=armv7-a -mtune=cortex-a15 -marm -mfloat-abi=soft
GUEST_CFLAGS  := $(GUEST_ARCH) -std=gnu11 -O2 -g -Wall -Wextra \
	-Werror=implicit-function-declaration -ffreestanding -fno-common \
	-Iguests/rt -MMD -MP
GUEST_LDFLAGS := $(GUEST_ARCH) -nostartfiles -T guests/rt/guest.ld \
	-Wl,--no-warn-rwx-segments
GUEST_LIBS    := -Wl,--start-group -lc -lgcc -Wl,--end-group

guest_objs = $(patsubst guests/%,$(B)/guests/%.o,$(basename $(1)))

GUEST_RT_SRCS := $(wildcard guests/rt/*.c guests/rt/*.S)
GUEST_RT_OBJS := $(call guest_objs,$(GUEST_RT_SRCS))

TEST_NAMES  := $(sort $(basename $(notdir $(wildcard guests/tests/*.c))))
TEST_NAMES  := $(filter-out $(foreach n,$(TEST_NAMES),$(n)_%),$(TEST_NAMES))
TEST_GUESTS := $(patsubst %,$(B)/guests/tests/%.elf,$(TEST_NAMES))

# broken images, one kind each (below)
BAD_KINDS   := notelf empty short class64 bigendian identversion version machine type \
	ehsize phentsize shentsize phnum0 phalign phoff phnum noload filesz truncated \
	segoff wrap huge below pastend misaligned overlap overlapva codebss entry \
	entrybss entryodd shnum0 shalign shoff symtab symentsize symlink symlinktype \
	strtab nomapsyms mapsym mapshndx secwrap
BAD_GUESTS  := $(patsubst %,$(B)/guests/bad/%.elf,$(BAD_KINDS) outside nosyms)

GUEST_OBJS  := $(GUEST_RT_OBJS)

$(B)/guests/%.o: guests/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(GUEST_CFLAGS) $(GUEST_CFLAGS_$(notdir $*)) -c $< -o $@
$(B)/guests/%.o: guests/%.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(GUEST_CFLAGS) -c $< -o $@

# $(call guest_elf,ELF,SOURCES,EXTRA LDFLAGS): one guest image
define guest_elf
$(1): $(call guest_objs,$(2)) $(GUEST_RT_OBJS) guests/rt/guest.ld
	@mkdir -p $$(dir $$@)
	@echo "  LD      $$@"
	$$(Q)$$(CC) $$(GUEST_LDFLAGS) $(3) -o $$@ $$(filter %.o,$$^) $$(GUEST_LIBS)
GUEST_OBJS += $(call guest_objs,$(2))
endef

test_srcs = $(wildcard guests/tests/$(1).c guests/tests/$(1)_*.c guests/tests/$(1)_*.S)
$(foreach n,$(TEST_NAMES),$(eval $(call guest_elf,$(B)/guests/tests/$(n).elf,$(call test_srcs,$(n)))))
$(eval $(call guest_elf,$(B)/guests/demo/hello.elf,guests/demo/hello.c))

# more demo guests: echo (interactive, UART RX interrupt), spin (CPU-bound,
# prints iterations per 250 ms: for fairness measurements) and masked
# (spins forever with interrupts masked), ticker (a clock that sleeps in
# WFI between virtual timer ticks); built by `make guests`
DEMO_EXTRA_NAMES := echo spin masked ticker
DEMO_EXTRA  := $(patsubst %,$(B)/guests/demo/%.elf,$(DEMO_EXTRA_NAMES))
$(foreach n,$(DEMO_EXTRA_NAMES),$(eval $(call guest_elf,$(B)/guests/demo/$(n).elf,guests/demo/$(n).c)))

# thumb.c is a guest kernel in Thumb-2: its own privileged instructions
# (inline MRS, MRC, CPS...) and device accesses are T32 (thumb_asm.S is
# .thumb by itself).
GUEST_CFLAGS_thumb := -mthumb

# misc_vfp.c computes in double precision on VFP (softfp: same calling
# convention as the rest, so it links with the soft-float objects).
GUEST_CFLAGS_misc_vfp := -mfloat-abi=softfp -mfpu=vfpv3-d16 -fno-math-errno

# ---- broken images: trapvisor's loader must refuse each with a message ----
# (test/system/test_bad_images.py has the messages, docs/ROBUSTNESS.md the table)
MKBAD := guests/bad/mkbad.py

# the demo with one thing broken: `mkbad.py --list` says what, for each kind
$(B)/guests/bad/%.elf: $(B)/guests/demo/hello.elf $(MKBAD)
	@mkdir -p $(dir $@)
	@echo "  BAD     $@"
	$(Q)$(PYTHON) $(MKBAD) $* $< $@
# the demo linked at 0x60000000, beyond RAM
GUEST_OUTSIDE_LDFLAGS := -Wl,--defsym=GUEST_BASE=0x60000000
$(eval $(call guest_elf,$(B)/guests/bad/outside.elf,guests/demo/hello.c,$(GUEST_OUTSIDE_LDFLAGS)))
# the demo without its symbol table (and so without mapping symbols)
$(B)/guests/bad/nosyms.elf: $(B)/guests/demo/hello.elf
	@mkdir -p $(dir $@)
	@echo "  BAD     $@"
	$(Q)$(CROSS)strip --strip-all -o $@ $<

# hostile guests: they try to reach what is not theirs, or to wedge trapvisor
# (test_isolation.py, test_hostile.py, test_containment.py; docs/HOSTILE.md)
HOSTILE_NAMES := peek secret touch devices flood random badsp novec jump garbvec psciloop spinmask storm
HOSTILE := $(patsubst %,$(B)/guests/hostile/%.elf,$(HOSTILE_NAMES))
$(foreach n,$(HOSTILE_NAMES),$(eval $(call guest_elf,$(B)/guests/hostile/$(n).elf,guests/hostile/$(n).c)))
$(foreach n,$(HOSTILE_NAMES),$(eval GUEST_CFLAGS_$(n) := -Iguests/tests))

guests: $(DEMO_GUESTS) $(DEMO_EXTRA) $(TEST_GUESTS) $(BAD_GUESTS) $(HOSTILE)

-include $(GUEST_OBJS:.o=.d)

# the tiny preemptive guest OS
include guests/os/os.mk
include guests/bench/bench.mk
