"""notes_rubric.py - checks the notes of every rejection in some corpus areas
against issue 10's rubric for diagnostics that explain:

  - every note has a source location (file and line);
  - no note is repeated (same text twice);
  - a few notes at most (MAX_NOTES);
  - the first note names the rejection's class ("… [class-id]", the JSON
    "class"), and the last one is a suggestion ("suggestion: …").

For each test/corpus/AREA/X.bpf.c with a golden X.kernel-K.json whose verdict
is reject, the source is compiled as scripts/accuracy compiles it and
bpfverify --kernel K --format json verifies it; each rejected result of that
object is checked. The kernel's message is not this test's concern.

usage: notes_rubric.py --bpfverify B --clang C --srcroot S [--objroot O]
                       [--kernel K] AREA...
Prints one line per failure and a summary; exit 1 when any check fails.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

MAX_NOTES = 6


def directive(text, name):
    for l in text.split("\n"):
        m = re.match(r".*%s:[ \t]*(.*)$" % name, l)
        if m:
            return m.group(1).split()
    return None


def check_source(args, src, tmp):
    golden = src[:-len(".bpf.c")] + ".kernel-%s.json" % args.kernel
    if not os.path.exists(golden):
        return 0, []
    with open(golden) as f:
        g = json.load(f)
    rows = g if isinstance(g, list) else g.get("results", [g])
    if not any(r.get("verdict") == "reject" for r in rows if isinstance(r, dict)):
        return 0, []
    text = open(src, encoding="utf-8", errors="replace").read()
    skip = directive(text, "ORACLE-SKIP-KERNEL")
    if skip and args.kernel in " ".join(skip).replace(",", " ").split():
        return 0, []
    prof = (directive(text, "ORACLE-VMLINUX") or [args.kernel])[0]
    obj = os.path.join(tmp, os.path.basename(src)[:-6] + ".o")
    cmd = ([args.clang, "--target=bpf", "-O2", "-g", "-D__TARGET_ARCH_x86",
            "-I" + os.path.join(args.objroot, "vmlinux-" + prof), "-I" + os.path.dirname(src)]
           + (directive(text, "ORACLE-CFLAGS") or []) + ["-c", src, "-o", obj])
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode:
        return 0, []
    r = subprocess.run([args.bpfverify, "--kernel", args.kernel, "--format", "json", obj],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        doc = json.loads(r.stdout)
    except ValueError:
        return 0, ["%s: no JSON from bpfverify: %s" % (src, r.stderr.strip()[:200])]
    fails, checked = [], 0
    name = os.path.relpath(src, args.srcroot)
    for res in doc.get("results", []):
        if res.get("verdict") != "reject":
            continue
        checked += 1
        where = "%s: %s: %s" % (name, res.get("program"), res.get("message"))
        notes = res.get("notes") or []
        texts = [n.get("message") for n in notes]
        for n in notes:
            if not n.get("file") or not n.get("line"):
                fails.append("%s: note without a location: %s" % (where, n.get("message")))
        dups = sorted(set(t for t in texts if texts.count(t) > 1))
        for t in dups:
            fails.append("%s: note repeated: %s" % (where, t))
        if len(notes) > MAX_NOTES:
            fails.append("%s: %d notes (at most %d)" % (where, len(notes), MAX_NOTES))
        if not texts or not texts[0].endswith("[%s]" % res.get("class")):
            fails.append("%s: the first note does not name the class %s" % (where, res.get("class")))
        if not texts or not texts[-1].startswith("suggestion: "):
            fails.append("%s: the last note is not a suggestion" % where)
    return checked, fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bpfverify", required=True)
    ap.add_argument("--clang", required=True)
    ap.add_argument("--srcroot", required=True)
    ap.add_argument("--objroot")
    ap.add_argument("--kernel", default="6.18")
    ap.add_argument("areas", nargs="+")
    args = ap.parse_args()
    if not args.objroot:
        args.objroot = os.path.dirname(os.path.dirname(os.path.abspath(args.bpfverify)))
    srcs = []
    for a in args.areas:
        srcs += sorted(glob.glob(os.path.join(args.srcroot, "test", "corpus", a, "*.bpf.c")))
    checked, fails = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
            for c, f in ex.map(lambda s: check_source(args, s, tmp), srcs):
                checked += c
                fails += f
    for f in fails:
        print("FAIL: " + f)
    print("%d rejections checked" % checked)
    print("%d failed" % len(fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
