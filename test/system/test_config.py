"""VM configuration files: parsed by scripts/mkpkg.py, checked again by
trapvisor, which refuses a bad VM with a message and runs the others."""
import os
import subprocess

from conftest import HYP, MACHINE, PKG_PA, QEMU_COMMON, ROOT, _spawn, guest, hyp_lines, vm_lines

MKPKG = os.path.join(ROOT, "scripts", "mkpkg.py")


def mkpkg(tmp_path, text):
    conf = tmp_path / "vms.conf"
    conf.write_text(text)
    return subprocess.run(["/usr/bin/python3", MKPKG, "-o", str(tmp_path / "x.pkg"), "-c",
                           str(conf)], capture_output=True, text=True, cwd=ROOT)


def test_config_sets_name_ram_slice_and_input():
    status, lines = _spawn(["make", "-s", "--no-print-directory", "run",
                            "CONFIG=configs/two-hellos.conf"], 180)
    out = hyp_lines(lines)
    assert status == 0, "\n".join(lines)
    assert any(l.startswith("hello: 64 MiB") and l.endswith("slice 5000 us") for l in out)
    assert any(l.startswith("second: 32 MiB") and l.endswith("slice 2000 us") for l in out)
    assert "input -> hello (Ctrl-] h for the console keys)" in out
    assert vm_lines(lines, "hello") == vm_lines(lines, "second") != []


def test_config_errors_are_named(tmp_path):
    hello = guest("demo/hello.elf")
    r = mkpkg(tmp_path, f"image={hello} colour=blue\n")
    assert r.returncode != 0 and "vms.conf:1: 'colour=blue' is not one of" in r.stderr
    r = mkpkg(tmp_path, f"image={hello}\nimage={hello}\n")
    assert r.returncode != 0 and "two VMs are named 'hello'" in r.stderr
    r = mkpkg(tmp_path, "name=x\n")
    assert r.returncode != 0 and "image= is missing" in r.stderr
    r = mkpkg(tmp_path, f"image={hello} ram=lots\n")
    assert r.returncode != 0 and "ram=lots is not a number" in r.stderr


def test_bad_values_refused_by_trapvisor(tmp_path):
    hello = guest("demo/hello.elf")
    (tmp_path / "vms.conf").write_text(
        f"name=small image={hello} ram=8\nname=fast image={hello} slice=10\nname=ok image={hello}\n")
    pkg = tmp_path / "run.pkg"
    subprocess.run(["/usr/bin/python3", MKPKG, "-o", str(pkg), "-c", str(tmp_path / "vms.conf")],
                   check=True)
    status, lines = _spawn(["qemu-system-arm", *MACHINE, "-m", "1024", *QEMU_COMMON, "-kernel",
                            HYP, "-device", f"loader,file={pkg},addr={PKG_PA},force-raw=on"], 120)
    out = hyp_lines(lines)
    assert status == 0, "\n".join(lines)
    assert "small: not started: RAM size 8 MiB (16 to 128)" in out
    assert "fast: not started: time slice 10 us (100 us to 1 s)" in out
    assert vm_lines(lines, "ok") and out[-1] == "all VMs are off: powering off"
