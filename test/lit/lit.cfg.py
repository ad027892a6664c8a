# lit configuration for bpfverify's user-visible behaviour (plugin, CLI).
import os
import platform
import subprocess

import lit.formats

config.name = "bpfverify"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test", ".s"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.bv_obj_root, "test", "lit")

config.environment["PATH"] = os.pathsep.join(
    [config.bv_llvm_bin, os.path.join(config.bv_obj_root, "bin"), config.environment.get("PATH", "")])

inputs = os.path.join(config.test_source_root, "Inputs")
plugin = os.path.join(config.bv_obj_root, "lib", "libbpfverify.so")
vmlinux_dir = os.path.join(config.bv_obj_root, "vmlinux")
bpf_cflags = "--target=bpf -O2 -g -D__TARGET_ARCH_x86 -I%s -I%s" % (vmlinux_dir, inputs)

config.substitutions.append(("%clang_bpf", "%s %s" % (config.bv_clang, bpf_cflags)))
config.substitutions.append(("%clang", config.bv_clang))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%bpfverify", os.path.join(config.bv_obj_root, "bin", "bpfverify")))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%examples", os.path.join(config.bv_src_root, "examples")))
config.substitutions.append(("%srcroot", config.bv_src_root))

# Tests that need the running kernel's verifier (root, bpf() allowed).
def _live_kernel():
    if os.geteuid() != 0 or not os.path.exists("/sys/kernel/btf/vmlinux"):
        return False
    return os.environ.get("BPFVERIFY_NO_LIVE_KERNEL") is None
if _live_kernel():
    config.available_features.add("live-kernel")
if os.path.exists("/sys/kernel/btf/vmlinux"):
    config.available_features.add("host-btf")
