"""trapvisor's own boot: from SVC (QEMU -kernel) and from HYP (as the
Raspberry Pi firmware enters a kernel), with the same guest behaviour."""
from conftest import guest, hyp_lines, run_native, vm_lines


def test_boot_from_hyp_mode(hyp):
    elf = guest("demo/hello.elf")
    status, native = run_native(elf)
    status, lines = hyp([elf], machine=["-M", "virt,virtualization=on", "-cpu", "cortex-a15"])
    assert status == 0, "\n".join(lines)
    assert "entered in HYP mode: dropped to SVC, Virtualization Extensions unused" in hyp_lines(lines)
    assert vm_lines(lines, "hello") == native


def test_boot_from_svc_mode(hyp):
    status, lines = hyp([guest("demo/hello.elf")])
    assert status == 0
    assert not any("HYP" in l for l in hyp_lines(lines))
