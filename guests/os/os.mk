# The tiny guest OS (guests/os): its own crt0, vectors and linker script,
# so it links neither guests/rt nor guests/rt/guest.ld; newlib only for
# memset/memcpy.  Included by guests/guests.mk.
OS_SRCS := $(wildcard guests/os/*.c guests/os/*.S)
OS_OBJS := $(call guest_objs,$(OS_SRCS))

$(B)/guests/os/os.elf: $(OS_OBJS) guests/os/os.ld
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(CC) $(GUEST_ARCH) -nostartfiles -T guests/os/os.ld \
		-Wl,--no-warn-rwx-segments -o $@ $(OS_OBJS) $(GUEST_LIBS)

guests: $(B)/guests/os/os.elf
-include $(OS_OBJS:.o=.d)
