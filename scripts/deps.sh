#!/bin/sh
# Installs what building, running and testing trapvisor needs (Debian).
# As root it runs apt-get; otherwise it prints the exact command and stops.
# Arguments: more packages, for one target only (make bench: gnuplot-nox;
# make fuzz and make test: clang and libclang-rt-dev, whose libFuzzer and
# sanitizer runtimes are those of Debian's default clang).
# u-boot-qemu is a firmware guest: /usr/lib/u-boot/qemu_arm/u-boot.bin.
pkgs="$* make gcc gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm gdb-multiarch \
device-tree-compiler python3 python3-pytest python3-pexpect libcmocka-dev \
dosfstools mtools u-boot-qemu"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing$missing"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || exit 1
else
	echo "deps: missing packages:$missing"
	echo "deps: run: sudo apt-get install -y$missing"
	exit 1
fi
