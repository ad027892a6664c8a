#!/usr/bin/env python3
"""test/lit/check_mistake.py — checks the plugin against the kernel's ground
truth for one mistake program of test/mistakes/:

  NAME.bad.bpf.c  must fail to compile with exactly one bpfverify error, on the
                  line marked /* FAULT */ (comment lines starting with // are
                  ignored), whose message is the `// KERNEL-6.18:` line,
                  followed by " [bpfverify: PROGRAM, kernel 6.18]";
  NAME.good.bpf.c must compile without any diagnostic.

usage: check_mistake.py --clang CLANG --plugin SO --cflags FLAGS --dir DIR
                        [--mode fsyntax-only|c|S|emit-llvm] (--all | NAME...)
"""
import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

DIAG = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<kind>error|warning|note): (?P<text>.*)$")
KERNEL = "6.18"


def fail(msg):
    sys.stderr.write("check_mistake: FAIL: %s\n" % msg)
    sys.exit(1)


def expectations(path):
    message, fault_lines = None, []
    with open(path) as f:
        for no, text in enumerate(f, 1):
            s = text.strip()
            if s.startswith("//"):
                m = re.match(r"//\s*KERNEL-%s:\s*(.*)$" % re.escape(KERNEL), s)
                if m and message is None:
                    message = m.group(1).rstrip()
                continue
            if "/* FAULT */" in text:
                fault_lines.append(no)
    if message is None:
        fail("%s: no '// KERNEL-%s:' line" % (path, KERNEL))
    if len(fault_lines) != 1:
        fail("%s: expected one /* FAULT */ line, found %s" % (path, fault_lines))
    return message, fault_lines[0]


def compile_one(args, src, mode):
    out = tempfile.NamedTemporaryFile(suffix=".out", delete=False).name
    try:
        mode_flags = {"fsyntax-only": ["-fsyntax-only"], "c": ["-c", "-o", out],
                      "S": ["-S", "-o", out], "emit-llvm": ["-S", "-emit-llvm", "-o", out]}[mode]
        cmd = [args.clang] + shlex.split(args.cflags) + [
            "-fplugin=" + args.plugin, "-fplugin-arg-bpfverify-kernel=" + KERNEL,
            "-fno-color-diagnostics", "-fno-caret-diagnostics"] + mode_flags + [src]
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True, timeout=120)
    finally:
        if os.path.exists(out):  # clang removes its output on error
            os.unlink(out)
    if p.returncode < 0:
        fail("%s: clang killed by signal %d\n%s" % (src, -p.returncode, p.stderr))
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clang", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--cflags", default="")
    ap.add_argument("--dir", required=True)
    ap.add_argument("--mode", default="fsyntax-only")
    ap.add_argument("--all", action="store_true", help="every DIR/*.bad.bpf.c")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names
    if args.all:
        names = sorted(os.path.basename(p)[:-len(".bad.bpf.c")]
                       for p in glob.glob(os.path.join(args.dir, "*.bad.bpf.c")))
    if not names:
        fail("no mistake given (NAME... or --all)")
    for name in names:
        check(args, name)
    print("%d mistakes checked" % len(names))


def check(args, name):
    bad = os.path.join(args.dir, name + ".bad.bpf.c")
    good = os.path.join(args.dir, name + ".good.bpf.c")
    message, line = expectations(bad)

    p = compile_one(args, bad, args.mode)
    diags = [m.groupdict() for m in map(DIAG.match, p.stderr.splitlines()) if m]
    errors = [d for d in diags if d["kind"] == "error"]
    if p.returncode == 0:
        fail("%s: compiled successfully; expected a bpfverify error\n%s" % (bad, p.stderr))
    if len(errors) != 1:
        fail("%s: expected exactly one error, got %d:\n%s" % (bad, len(errors), p.stderr))
    e = errors[0]
    if os.path.basename(e["file"]) != os.path.basename(bad):
        fail("%s: error reported in %s" % (bad, e["file"]))
    if int(e["line"]) != line:
        fail("%s: error on line %s, expected line %d (/* FAULT */):\n%s" % (bad, e["line"], line, p.stderr))
    m = re.match(r"^(.*) \[bpfverify: ([^,\]]+), kernel ([^\]]+)\]$", e["text"])
    if not m:
        fail("%s: error text lacks the '[bpfverify: PROGRAM, kernel K]' suffix: %s" % (bad, e["text"]))
    if m.group(1) != message:
        fail("%s: message differs from the kernel's\n  got:      %s\n  expected: %s" % (bad, m.group(1), message))
    if m.group(3) != KERNEL:
        fail("%s: kernel %s, expected %s" % (bad, m.group(3), KERNEL))
    print("%s:%d: %s  OK" % (os.path.basename(bad), line, e["text"]))

    p = compile_one(args, good, args.mode)
    if p.returncode != 0 or p.stderr.strip():
        fail("%s: expected no diagnostics (exit %d):\n%s" % (good, p.returncode, p.stderr))
    print("%s: no diagnostics  OK" % os.path.basename(good))


if __name__ == "__main__":
    main()
