#!/usr/bin/env python3
"""bpfverify-lsp in Debian's Neovim (0.7), headless: runs nvim_test.lua on
the same BPF source as proxy_test.py in a temporary project.

usage: nvim_test.py --proxy BIN --plugin SO --vmlinux DIR [--nvim P] [--clangd P] [--clang P]
Exit 0: passed; 1: failed; 77: skipped (no nvim or clangd)."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from proxy_test import BAD_LINE, PROG  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proxy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--vmlinux", required=True)
    ap.add_argument("--nvim", default="nvim")
    ap.add_argument("--clangd", default="clangd-19")
    ap.add_argument("--clang", default="clang-19")
    args = ap.parse_args()
    for tool in (args.nvim, args.clangd):
        if not shutil.which(tool):
            print("skipped: %s not found" % tool)
            return 77
    tmp = tempfile.mkdtemp(prefix="bpfverify-nvim-test.")
    prog = os.path.join(tmp, "count.bpf.c")
    with open(prog, "w") as f:
        f.write(PROG)
    flags = ["-O2", "-g", "-Wall", "-D__TARGET_ARCH_x86", "-I" + os.path.abspath(args.vmlinux)]
    with open(os.path.join(tmp, "compile_commands.json"), "w") as f:
        json.dump([{"directory": tmp, "file": "count.bpf.c",
                    "arguments": [args.clang, "--target=bpf"] + flags + ["-c", "count.bpf.c"]}], f)
    env = dict(os.environ, BV_PROXY=os.path.abspath(args.proxy), BV_PLUGIN=os.path.abspath(args.plugin),
               BV_CLANGD=args.clangd, BV_CLANG=args.clang, BV_DIR=tmp, BV_FILE=prog,
               BV_BAD_LINE=str(BAD_LINE), XDG_STATE_HOME=tmp, XDG_CACHE_HOME=tmp, XDG_DATA_HOME=tmp)
    lua = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nvim_test.lua")
    try:
        r = subprocess.run([args.nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
                            "-c", "luafile " + lua], cwd=tmp, env=env, timeout=120,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        print("FAIL nvim did not finish within 120 s")
        return 1
    shutil.rmtree(tmp, ignore_errors=True)
    print("nvim exited with status %d" % r.returncode)
    return 0 if r.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
