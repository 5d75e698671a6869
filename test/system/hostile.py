"""Shared by test_hostile.py and test_containment.py: the native reference
runs of the well-behaved guests, the symbols of a guest image, and what
trapvisor printed about one VM."""
import functools
import os
import subprocess

from conftest import ROOT, _spawn, hyp_argv, hyp_lines, run_native, vm_lines, vm_name

CROSS = os.environ.get("CROSS", "arm-none-eabi-")


@functools.lru_cache(maxsize=None)
def native_lines(elf):
    """A well-behaved guest's lines when it runs alone natively."""
    status, lines = run_native(elf)
    assert status == 0, "\n".join(lines)
    return tuple(lines)


def assert_neighbours_native(lines, *elfs):
    """The well-behaved VMs printed exactly what they print alone natively,
    and trapvisor powered each off in order."""
    out = hyp_lines(lines)
    for elf in elfs:
        name = vm_name(elf)
        assert tuple(vm_lines(lines, name)) == native_lines(elf), name
        assert f"{name}: powered off" in out, name


def symbol(elf, name):
    """The address of symbol `name` in a guest image."""
    out = subprocess.run([CROSS + "nm", elf], capture_output=True, text=True,
                         check=True).stdout
    for ln in out.splitlines():
        addr, _, sym = ln.split()
        if sym == name:
            return int(addr, 16)
    raise AssertionError(f"{name} not in {elf}")


def vm_report(lines, name):
    """trapvisor's lines about VM `name`, without the "name: " prefix."""
    pre = name + ": "
    return [ln[len(pre):] for ln in hyp_lines(lines) if ln.startswith(pre)]


def failure_blocks(lines, name):
    """Each "NAME: FAILED: ..." block trapvisor printed, as a list of its
    lines (prefix removed), from the FAILED line to the policy's line."""
    blocks, cur = [], None
    for ln in vm_report(lines, name):
        if ln.startswith("FAILED: "):
            cur = [ln]
            blocks.append(cur)
        elif cur is not None and ln.startswith("  "):
            cur.append(ln.strip())
            if ln.strip().startswith(("parked", "restarting")):
                cur = None
        else:
            cur = None
    return blocks


def run_config(tmp_path, text, timeout=180):
    """trapvisor with the VMs a configuration file describes."""
    conf, pkg = tmp_path / "vms.conf", tmp_path / "vms.pkg"
    conf.write_text(text)
    subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "mkpkg.py"), "-o",
                    str(pkg), "-c", str(conf)], check=True, cwd=ROOT)
    return _spawn(hyp_argv(str(pkg)), timeout)
