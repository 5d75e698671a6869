"""The flattened device tree of a firmware VM (a raw .bin image in the guest
package): the machine trapvisor gives that VM, in the words QEMU 7.2's
`-M virt -cpu cortex-a15` uses for the same devices, so that firmware built
for QEMU virt (U-Boot's qemu_arm) finds them where it looks.

Only what trapvisor emulates is in it (hyp/mmio.c, vgic, vtimer, psci, and
the VM's flash): QEMU's virtio-mmio, PCIe, fw-cfg, PL031, PL061 and
platform bus are absent from the VM, so they are absent from its tree.  The
phandles are QEMU's own, fixed, so a tree never depends on the order dtc
happens to number nodes in.  No rng-seed or kaslr-seed in /chosen: the
same configuration always gives the same bytes.
"""
import subprocess

GUEST_RAM_BASE = 0x40000000

# The node names, properties and values are those of QEMU 7.2's virt tree
# (its node order too, so that a diff against `dumpdtb` shows only what is
# absent); cpu@0 adds enable-method, which QEMU writes only with -smp 2 up.
DTS = """\
/dts-v1/;

/* trapvisor VM {name}: {ram_mb} MiB of RAM */
/ {{
	interrupt-parent = <&gic>;
	model = "linux,dummy-virt";
	#size-cells = <0x02>;
	#address-cells = <0x02>;
	compatible = "linux,dummy-virt";

	/* hyp/psci.c: PSCI 1.1 over HVC; the 0.1 ids are those of 0.2 */
	psci {{
		migrate = <0x84000005>;
		cpu_on = <0x84000003>;
		cpu_off = <0x84000002>;
		cpu_suspend = <0x84000001>;
		method = "hvc";
		compatible = "arm,psci-1.0", "arm,psci-0.2", "arm,psci";
	}};

	memory@40000000 {{
		reg = <0x00 0x40000000 {ram_hi:#04x} {ram_lo:#x}>;
		device_type = "memory";
	}};

	/* SPI 1, level high */
	pl011@9000000 {{
		clock-names = "uartclk", "apb_pclk";
		clocks = <&apb_pclk &apb_pclk>;
		interrupts = <0x00 0x01 0x04>;
		reg = <0x00 0x9000000 0x00 0x1000>;
		compatible = "arm,pl011", "arm,primecell";
	}};

	/* GICv2: distributor and CPU interface, 64 KiB slots as QEMU maps them */
	gic: intc@8000000 {{
		phandle = <0x8002>;
		reg = <0x00 0x8000000 0x00 0x10000 0x00 0x8010000 0x00 0x10000>;
		compatible = "arm,cortex-a15-gic";
		ranges;
		#size-cells = <0x02>;
		#address-cells = <0x02>;
		interrupt-controller;
		#interrupt-cells = <0x03>;

		/* hyp/mmio.c answers its identification registers */
		v2m@8020000 {{
			phandle = <0x8003>;
			reg = <0x00 0x8020000 0x00 0x1000>;
			msi-controller;
			compatible = "arm,gic-v2m-frame";
		}};
	}};

	/* two 64 MiB banks: the firmware runs from the first */
	flash@0 {{
		bank-width = <0x04>;
		reg = <0x00 0x00 0x00 0x4000000 0x00 0x4000000 0x00 0x4000000>;
		compatible = "cfi-flash";
	}};

	cpus {{
		#size-cells = <0x00>;
		#address-cells = <0x01>;

		cpu-map {{
			socket0 {{
				cluster0 {{
					core0 {{
						cpu = <&cpu0>;
					}};
				}};
			}};
		}};

		cpu0: cpu@0 {{
			phandle = <0x8001>;
			reg = <0x00>;
			enable-method = "psci";
			compatible = "arm,cortex-a15";
			device_type = "cpu";
		}};
	}};

	/* secure phys 13, non-secure phys 14 (PPI 30), virt 11 (PPI 27),
	 * hyp 10; 0x104: level high, to CPU 0 */
	timer {{
		interrupts = <0x01 0x0d 0x104 0x01 0x0e 0x104 0x01 0x0b 0x104 0x01 0x0a 0x104>;
		always-on;
		compatible = "arm,armv7-timer";
	}};

	apb_pclk: apb-pclk {{
		phandle = <0x8000>;
		clock-output-names = "clk24mhz";
		clock-frequency = <24000000>;
		#clock-cells = <0x00>;
		compatible = "fixed-clock";
	}};

	chosen {{
		stdout-path = "/pl011@9000000";
	}};
}};
"""


def dts(name, ram_mb):
    """The source of the tree of VM name with ram_mb MiB of RAM."""
    size = ram_mb << 20
    return DTS.format(name=name, ram_mb=ram_mb, ram_hi=size >> 32, ram_lo=size & 0xffffffff)


def dtb(name, ram_mb):
    """The same, compiled by dtc (as small as dtc makes it: no padding).
    Raises RuntimeError with dtc's message if dtc fails or is missing."""
    try:
        r = subprocess.run(["dtc", "-q", "-I", "dts", "-O", "dtb", "-o", "-", "-"],
                           input=dts(name, ram_mb).encode(), capture_output=True)
    except FileNotFoundError:
        raise RuntimeError("dtc not found: install device-tree-compiler")
    if r.returncode != 0:
        raise RuntimeError(r.stderr.decode(errors="replace").strip())
    return r.stdout
