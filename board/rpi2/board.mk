# Raspberry Pi 2/3 (32-bit): QEMU -M raspi2b stands in for the board.
# -no-reboot: trapvisor powers off through the watchdog (a reset).
# Guests are built for virt, so their native reference runs stay there.
QEMU_MACHINE        := -M raspi2b -m 1024 -no-reboot
NATIVE_QEMU_MACHINE := -M virt -cpu cortex-a15 -m 1024
HYP_PA              := 0x8000
PKG_PA              := 0x01000000
