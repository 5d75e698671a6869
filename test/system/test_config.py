"""VM configuration files: parsed by scripts/mkpkg.py, checked again by
trapvisor, which refuses a bad VM with a message and runs the others."""
import os
import subprocess

from conftest import ROOT, _spawn, guest, hyp_argv, hyp_lines, vm_lines

MKPKG = os.path.join(ROOT, "scripts", "mkpkg.py")


def mkpkg(tmp_path, text):
    conf = tmp_path / "vms.conf"
    conf.write_text(text)
    return subprocess.run(["/usr/bin/python3", MKPKG, "-o", str(tmp_path / "x.pkg"), "-c",
                           str(conf)], capture_output=True, text=True, cwd=ROOT)


def run_config(tmp_path, text):
    """trapvisor with the VMs configuration `text` describes."""
    r = mkpkg(tmp_path, text)
    assert r.returncode == 0, r.stderr
    return _spawn(hyp_argv(tmp_path / "x.pkg"), 180)


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
    status, lines = run_config(tmp_path, f"name=small image={hello} ram=8\n"
                                         f"name=fast image={hello} slice=10\n"
                                         f"name=ok image={hello}\n")
    out = hyp_lines(lines)
    assert status == 0, "\n".join(lines)
    assert "small: not started: RAM size 8 MiB (16 to 128)" in out
    assert "fast: not started: time slice 10 us (100 us to 1 s)" in out
    assert vm_lines(lines, "ok") and out[-1] == "all VMs are off: powering off"
