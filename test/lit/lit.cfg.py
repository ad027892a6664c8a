# lit configuration for bpfverify's user-visible behaviour (plugin, CLI).
import os
import platform
import subprocess

import lit.formats

config.name = "bpfverify"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test", ".s"]
config.excludes = ["Inputs", "check_mistake.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.bv_obj_root, "test", "lit")

config.environment["PATH"] = os.pathsep.join(
    [config.bv_llvm_bin, os.path.join(config.bv_obj_root, "bin"), config.environment.get("PATH", "")])

# --param llvm=N runs the tests with clang-N (e.g. 22) instead of the
# configured clang (19); the shim opens the real plugin built for N.
# LLVM 20+ defaults to -mcpu=v3 and 19 to v1: the tests pin v1, the default
# their expectations (instruction indexes) were written with.
llvm_param = lit_config.params.get("llvm")
if llvm_param:
    config.bv_clang = "/usr/bin/clang-%s" % llvm_param
    if not os.path.exists(config.bv_clang):
        lit_config.fatal("--param llvm=%s: %s is not installed" % (llvm_param, config.bv_clang))
    if not os.path.exists(os.path.join(config.bv_obj_root, "lib", "libbpfverify-llvm%s.so" % llvm_param)):
        lit_config.fatal("--param llvm=%s: no plugin built for it (configure with "
                         "-DBPFVERIFY_LLVM_VERSIONS including %s)" % (llvm_param, llvm_param))
    lit_config.note("testing with %s" % config.bv_clang)
# A clang no real plugin is built for (Debian 12's plain clang is 14): the
# shim's clear-error test.
if os.path.exists("/usr/bin/clang-14"):
    config.available_features.add("clang-14")
    config.substitutions.append(("%clang14", "/usr/bin/clang-14"))

inputs = os.path.join(config.test_source_root, "Inputs")
plugin = os.path.join(config.bv_obj_root, "lib", "libbpfverify.so")
vmlinux_dir = os.path.join(config.bv_obj_root, "vmlinux")
bpf_flags = "-O2 -mcpu=v1 -D__TARGET_ARCH_x86 -I%s -I%s" % (vmlinux_dir, inputs)
bpf_cflags = "--target=bpf -g " + bpf_flags

config.substitutions.append(("%clang_bpf", "%s %s" % (config.bv_clang, bpf_cflags)))
config.substitutions.append(("%clang", config.bv_clang))
# %bpf_flags: the examples' flags without --target and -g.
config.substitutions.append(("%bpf_flags", bpf_flags))
config.substitutions.append(("%plugin_dir", os.path.dirname(plugin)))
# %plugin_real: the real plugin the shim opens in the clang under test.
config.substitutions.append(("%plugin_real", os.path.join(
    config.bv_obj_root, "lib", "libbpfverify-llvm%s.so" % (llvm_param or config.bv_default_llvm))))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%bpfverify", os.path.join(config.bv_obj_root, "bin", "bpfverify")))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%examples", os.path.join(config.bv_src_root, "examples")))
config.substitutions.append(("%srcroot", config.bv_src_root))
config.substitutions.append(("%obj_root", config.bv_obj_root))
python = getattr(config, "bv_python", None) or "python3"
config.substitutions.append(("%python", python))
# %expect_exit N CMD...: runs CMD, passes its output through, succeeds only
# when it exits with status N (a signal is always a failure).
config.substitutions.append(("%expect_exit", "%s %s" % (python, os.path.join(inputs, "expect_exit.py"))))
# %check_mistake [--mode M] (--all | NAME...): test/lit/check_mistake.py on
# test/mistakes/NAME.{bad,good}.bpf.c.
config.substitutions.append(("%check_mistake", "%s %s --clang %s --plugin %s --cflags '%s' --dir %s" % (
    python, os.path.join(config.test_source_root, "check_mistake.py"), config.bv_clang, plugin,
    bpf_cflags, os.path.join(config.bv_src_root, "test", "mistakes"))))

# Tests that need the running kernel's verifier (root, bpf() allowed).
def _live_kernel():
    if os.geteuid() != 0 or not os.path.exists("/sys/kernel/btf/vmlinux"):
        return False
    return os.environ.get("BPFVERIFY_NO_LIVE_KERNEL") is None
if _live_kernel():
    config.available_features.add("live-kernel")
if os.path.exists("/sys/kernel/btf/vmlinux"):
    config.available_features.add("host-btf")

# Exact mode boots Debian's pinned kernels under QEMU (scripts/oracle-run):
# only where QEMU is installed (scripts/bootstrap installs it).
import shutil
if shutil.which("qemu-system-x86_64") and os.environ.get("BPFVERIFY_NO_QEMU") is None:
    config.available_features.add("qemu")

# SARIF logs are validated against the OASIS schema with python3-jsonschema
# (scripts/bootstrap installs it); without it those tests are skipped.
try:
    import jsonschema  # noqa: F401
    config.available_features.add("jsonschema")
except ImportError:
    lit_config.note("python3-jsonschema is not installed: SARIF schema validation tests are skipped")

# bpf-gcc (Debian's gcc-bpf, installed by scripts/bootstrap): objects whose
# line info is DWARF only. It needs the multiarch include directory.
if shutil.which("bpf-gcc"):
    config.available_features.add("bpf-gcc")
    config.substitutions.append(("%bpf_gcc", "bpf-gcc -idirafter /usr/include -idirafter /usr/include/%s" % (
        subprocess.run(["gcc", "-print-multiarch"], capture_output=True, text=True).stdout.strip() or "x86_64-linux-gnu")))
