"""Isolation: a guest that points its page tables at every physical
address reads only its own machine (its RAM, its virtual GIC and UART, the
PCIe window that reads as all ones), never another VM's memory or
trapvisor's; the VMs beside it print what they print alone."""
from conftest import guest, hyp_lines, run_native, vm_lines


def test_page_tables_pointed_everywhere_reach_nothing_else(hyp):
    peek, secret = guest("hostile/peek.elf"), guest("hostile/secret.elf")
    mmu, hello = guest("tests/mmu.elf"), guest("demo/hello.elf")
    status, lines = hyp([peek, secret, mmu, hello], timeout=300)
    assert status == 0, "\n".join(lines)
    seen = vm_lines(lines, "peek")
    assert [l for l in seen if l.startswith("peek: readable")] == [
        "peek: readable 0x08000000-0x080fffff",     # its virtual GIC
        "peek: readable 0x09000000-0x090fffff",     # its virtual UART
        "peek: readable 0x10000000-0x3effffff",     # PCIe window: all ones
        "peek: readable 0x40000000-0x43ffffff",     # its 64 MiB of RAM
    ], "\n".join(seen)
    assert not [l for l in seen if "L2 table at" in l], "\n".join(seen)
    assert "peek: 3278 sections faulted, 0 words carried another VM's marker" in seen
    assert vm_lines(lines, "secret")[-2:] == ["secret: markers changed by someone else: 0",
                                              "secret: done"]
    for name, elf in (("mmu", mmu), ("hello", hello)):
        assert vm_lines(lines, name) == run_native(elf)[1], name
    assert "peek: powered off" in hyp_lines(lines)
