/*
 * The virtual machine's device map (the QEMU virt addresses of the guest
 * contract).  A device is one row; a guest-physical address with no row
 * and no RAM behind it takes a synchronous external abort, as on QEMU.
 */
#include <stddef.h>
#include "hyp/mmio.h"
#include "hyp/vm.h"
#include "hyp/vmem.h"
#include "hyp/console.h"
#include "board/drivers/pl011.h"

static int uart(struct vm *vm, uint32_t off, unsigned size, int write, uint32_t *val)
{
	int r = vuart_access(&vm->uart, off, size, write, val);

	/* A guest that polls the flags of an empty receiver many times with
	 * nothing transmitted in between waits for the keyboard (one read
	 * before each byte sent is only a transmitter check). */
	if (!write && (off & ~3u) == UARTFR && (*val & FR_RXFE)) {
		if (++vm->con.rx_polls == 64)
			console_vm_waits_input(vm);
	} else if (write && (off & ~3u) == UARTDR) {
		vm->con.rx_polls = 0;
	}
	console_input_pump(vm);
	vm_uart_irq(vm);
	return r;
}

static int gic_dist(struct vm *vm, uint32_t off, unsigned size, int write, uint32_t *val)
{
	return vgic_dist_access(&vm->gic, off, size, write, val);
}

static int gic_cpu(struct vm *vm, uint32_t off, unsigned size, int write, uint32_t *val)
{
	return vgic_cpu_access(&vm->gic, off, size, write, val);
}

/*
 * The PCIe host bridge's MMIO and I/O windows: no device sits behind them,
 * so reads return all ones and writes vanish, as natively (a PCI master
 * abort), not an external abort.
 */
static int pci_window(struct vm *vm, uint32_t off, unsigned size, int write, uint32_t *val)
{
	(void)vm; (void)off;
	if (!write)
		*val = mmio_size_mask(size);
	return 0;
}

/*
 * The GICv2m MSI frame QEMU virt puts next to the GIC: the guest can
 * identify it (MSI_TYPER: 64 SPIs from 80; IIDR).  No device here sends
 * MSIs; a write to MSI_SETSPI_NS is ignored.
 */
static int gic_v2m(struct vm *vm, uint32_t off, unsigned size, int write, uint32_t *val)
{
	(void)vm; (void)size;
	if (!write)
		*val = off == 0x008 ? 0x00500040 : off == 0xfcc ? 0x05100000 : 0;
	return 0;
}

/*
 * CFI flash (vflash.c), only in a firmware VM's machine.  Reads while it
 * is in read-array mode never get here (the shadow maps the image); a
 * command that leaves or enters that mode changes what may be mapped.
 */
static int flash(struct vm *vm, uint32_t off, unsigned size, int write, uint32_t *val)
{
	bool array = vflash_array_mode(&vm->fl);
	int r;

	if (!vm->firmware)
		return 0x008;
	r = vflash_access(&vm->fl, off, size, write, val);
	if (vflash_array_mode(&vm->fl) != array)
		shadow_flush_all(&vm->mmu.sh);
	return r;
}

/* Sizes as QEMU maps the regions: the rest of each 64 KiB slot is empty. */
static const struct vdev vdevs[] = {
	{ "flash", 0x00000000, FLASH_SIZE, flash },
	{ "gicd", 0x08000000, 0x1000, gic_dist },
	{ "gicc", 0x08010000, VGIC_CPU_SIZE, gic_cpu },
	{ "gicv2m", 0x08020000, 0x1000, gic_v2m },
	{ "pl011", 0x09000000, 0x1000, uart },
	{ "pcie-mmio", 0x10000000, 0x2eff0000, pci_window },
	{ "pcie-pio", 0x3eff0000, 0x10000, pci_window },
};

static const struct vdev *find(uint32_t gpa)
{
	for (size_t i = 0; i < sizeof(vdevs) / sizeof(vdevs[0]); i++)
		if (gpa - vdevs[i].base < vdevs[i].size)
			return &vdevs[i];
	return NULL;
}

bool mmio_device_at(struct vm *vm, uint32_t gpa)
{
	const struct vdev *d = find(gpa);

	return d && (d->access != flash || vm->firmware);
}

uint32_t mmio_access(struct vm *vm, uint32_t gpa, unsigned size, int write, uint32_t *val)
{
	const struct vdev *d = find(gpa);

	if (!d)
		return FSR_SYNC_EXT;
	return d->access(vm, gpa - d->base, size, write, val);
}
