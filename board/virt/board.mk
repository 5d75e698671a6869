# QEMU virt: the machine trapvisor runs on and the one every guest is built for.
QEMU_MACHINE        := -M virt -cpu cortex-a15 -m 1024
NATIVE_QEMU_MACHINE := -M virt -cpu cortex-a15 -m 1024
HYP_PA              := 0x40000000
PKG_PA              := 0x41000000
