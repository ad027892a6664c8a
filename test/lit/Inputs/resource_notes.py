#!/usr/bin/env python3
"""resource_notes.py - checks that every resource rejection of the corpus
carries a note at the line to look at (issue 9).

A resource rejection is a golden (test/corpus/**/X.kernel-K.json) whose
kernel message is one of the kinds below: a leaked reference, a lock or an
RCU section still held, a release of something released before or never
acquired, a use after release. For each such (program, kernel) the source is
compiled as scripts/accuracy compiles it, bpfverify --kernel K verifies it,
and the program's diagnostic must carry a note whose file:line is the line
the kernel's own log names for it:

  leak          the line of alloc_insn (the acquiring call)
  lock-held     the line of the last bpf_spin_lock call before the failing
                insn in the kernel's log
  rcu-held      the same for bpf_rcu_read_lock
  released      the line of the last releasing call before the failing insn
                (double release, use after release)
  unreferenced  a release of a pointer no reference backs: a note at a line
                the kernel's log walked before the failure (where the
                pointer came from)
  unmatched     an unlock with nothing held: a note at an earlier unlock if
                the log shows one on the way, else none is required

usage: resource_notes.py --bpfverify B --clang C --srcroot S [--objroot O]
                         [--objdump llvm-objdump] [--list] [--only AREA/NAME]
A program bpfverify cannot verify yet (verdict error: an area a later issue
models, e.g. dynptrs, allocated objects) is listed as
n/a, not checked.
Prints one line per checked (program, kernel) and a summary; exit 1 when a
required note is missing or at the wrong line, or a kind has no program.
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

RELEASES = (r"bpf_sk_release|bpf_ringbuf_submit|bpf_ringbuf_discard|bpf_ringbuf_submit_dynptr|"
            r"bpf_ringbuf_discard_dynptr|bpf_task_release|bpf_cgroup_release|bpf_cpumask_release|"
            r"bpf_obj_drop_impl|bpf_iter_num_destroy")

# (kind, message pattern); the first that matches names the kind.
KINDS = [
    ("leak", re.compile(r"^Unreleased reference id=\d+ alloc_insn=(\d+)$")),
    ("lock-held", re.compile(r"^(bpf_spin_unlock is missing|BPF_EXIT instruction .*bpf_spin_lock-ed region|"
                             r"function calls are not allowed while holding a lock|"
                             r"global function calls are not allowed while holding a lock,|"
                             r"bpf_spin_unlock of different lock)$")),
    ("rcu-held", re.compile(r"^(bpf_rcu_read_unlock is missing|BPF_EXIT instruction .*bpf_rcu_read_lock-ed region|"
                            r"nested rcu read lock .*)$")),
    ("unreferenced", re.compile(r"^(R\d+ must be referenced when passed to release function|"
                                r"release kernel function \S+ expects refcounted PTR_TO_BTF_ID)$")),
    ("unmatched", re.compile(r"^(bpf_spin_unlock without taking a lock|unmatched rcu read unlock .*)$")),
    # released: the register a release turned into a scalar, passed again
    # or dereferenced (only when the kernel's log shows a release before)
    ("released", re.compile(r"^(R\d+ type=scalar expected=.*|R\d+ invalid mem access 'scalar')$")),
]
ACQUIRE_CALL = {"lock-held": re.compile(r"call bpf_spin_lock#"),
                "rcu-held": re.compile(r"call bpf_rcu_read_lock#")}
RELEASE_CALL = re.compile(r"call (%s)#" % RELEASES)
UNLOCK_CALL = {"bpf_spin_unlock": re.compile(r"call bpf_spin_unlock#"),
               "unmatched rcu": re.compile(r"call bpf_rcu_read_unlock#")}

LINFO = re.compile(r"^; .* @ (\S+):(\d+)$")
INSN = re.compile(r"^(\d+): \([0-9a-f]{2}\) (.*)$")


def same_rejection(msg):
    """The message with reference id numbers left out: how ids are numbered
    is the accuracy ratchet's concern (a differing id counts as verdict-only
    there); this test checks where the notes point."""
    return re.sub(r"\bid=\d+", "id=N", msg)


def log_events(log):
    """[(insn index, source line or None, text)] in the order the log walks."""
    line, out = None, []
    for l in (log or "").splitlines():
        m = LINFO.match(l)
        if m:
            line = int(m.group(2))
            continue
        m = INSN.match(l)
        if m:
            out.append((int(m.group(1)), line, m.group(2)))
    return out


def objdump_lines(args, obj, program):
    """{insn index: source line} of PROGRAM in the object (llvm-objdump -l):
    for kernels whose log names no source lines (6.1 prints the source text
    without "@ file:line")."""
    r = subprocess.run([args.objdump, "-d", "-l", "--no-show-raw-insn", obj],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, on, line = {}, False, None
    for l in r.stdout.splitlines():
        m = re.match(r"^[0-9a-f]+ <(.*)>:$", l)
        if m:
            on, line = m.group(1) == program, None
            continue
        m = re.match(r"^; .*:(\d+)$", l)
        if m:
            line = int(m.group(1))
            continue
        m = re.match(r"^\s+(\d+):\s", l)
        if on and m:
            out[int(m.group(1))] = line
    return out


def expected_line(kind, golden, lines_of=None):
    """(line, why) the note must name; line None: no note required."""
    ev = log_events(golden.get("log"))
    if ev and all(l is None for _, l, _ in ev) and lines_of:
        table = lines_of()
        ev = [(i, table.get(i), t) for i, _, t in ev]
    if not ev:
        return None, "the golden has no log"
    before = ev[:-1]          # the failing insn is the last one printed
    if kind == "leak":
        alloc = int(KINDS[0][1].match(golden["message"]).group(1))
        for idx, line, _ in ev:
            if idx == alloc:
                return line, "alloc_insn=%d" % alloc
        return None, "alloc_insn=%d not in the log" % alloc
    if kind in ACQUIRE_CALL:
        for idx, line, text in reversed(before):
            if ACQUIRE_CALL[kind].search(text):
                if line is None:
                    # in a subprogram the object's listing does not map:
                    # the note's source line must make that call
                    return re.compile(ACQUIRE_CALL[kind].pattern.replace("call ", r"\b")
                                      .replace("#", r"\s*\(")), "lock at insn %d" % idx
                return line, "lock at insn %d" % idx
        return None, "no lock call in the log"
    if kind == "released":
        for idx, line, text in reversed(before):
            m = RELEASE_CALL.search(text)
            if m:
                if line is None:
                    return re.compile(r"\b%s\s*\(" % m.group(1)), "release at insn %d" % idx
                return line, "release at insn %d" % idx
        return None, "not a release"
    if kind == "unmatched":
        for key, pat in UNLOCK_CALL.items():
            if golden["message"].startswith(key):
                for idx, line, text in reversed(before):
                    if pat.search(text):
                        return line, "earlier unlock at insn %d" % idx
        return None, "no earlier unlock on the way: no note required"
    if kind == "unreferenced":
        return set(l for _, l, _ in before if l is not None), "a line walked before"
    return None, "?"


def kind_of(message):
    for kind, pat in KINDS:
        if pat.match(message or ""):
            return kind
    return None


def directive(text, name):
    for l in text.split("\n"):
        m = re.match(r".*%s:[ \t]*(.*)$" % name, l)
        if m:
            return m.group(1).split()
    return None


def compile_source(args, src, kernel, tmp):
    text = open(src, encoding="utf-8", errors="replace").read()
    skip = directive(text, "ORACLE-SKIP-KERNEL")
    if skip and kernel in " ".join(skip).replace(",", " ").split():
        return None, "skipped"
    prof = (directive(text, "ORACLE-VMLINUX") or [kernel])[0]
    obj = os.path.join(tmp, "%s-%s.o" % (os.path.basename(src)[:-6], kernel))
    cmd = ([args.clang, "--target=bpf", "-O2", "-g", "-D__TARGET_ARCH_x86",
            "-I" + os.path.join(args.objroot, "vmlinux-" + prof), "-I" + os.path.dirname(src)]
           + (directive(text, "ORACLE-CFLAGS") or []) + ["-c", src, "-o", obj])
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode:
        return None, "does not compile: " + r.stderr.strip()[:200]
    return obj, None


def diagnostic(output, program, kernel):
    """The lines of PROGRAM's diagnostic in bpfverify's text output."""
    head = re.compile(r"error: (.*\[bpfverify: %s, kernels? [^]]*\b%s\b|could not verify '%s' for kernel %s:)" % (
        re.escape(program), re.escape(kernel), re.escape(program), re.escape(kernel)))
    lines, on = [], False
    for l in output.splitlines():
        if " error: " in l or l.startswith("error: "):
            on = bool(head.search(l))
            if on:
                lines.append(l)
            continue
        if on:
            lines.append(l)
    return lines


NOTE = re.compile(r"^(\S+?):(\d+):\d+: note: (.*)$")


def check(args, src, kernel, golden, kind, tmp):
    obj, err = compile_source(args, src, kernel, tmp)
    if not obj:
        return ("skip" if err == "skipped" else "FAIL"), err
    want, why = expected_line(kind, golden, lambda: objdump_lines(args, obj, golden["program"]))
    if kind == "released" and want is None:
        return "skip", why
    r = subprocess.run([args.bpfverify, "--kernel", kernel, obj], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, errors="replace")
    diag = diagnostic(r.stdout, golden["program"], kernel)
    if not diag:
        return "FAIL", "no diagnostic for %s in:\n%s" % (golden["program"], r.stdout[-2000:])
    if "could not verify" in diag[0]:
        # an area not modelled yet (a later issue): the verdict is error
        return "n/a", diag[0].split("error: ", 1)[1]
    if same_rejection(golden["message"]) not in same_rejection(diag[0]):
        return "FAIL", "not the kernel's message: " + diag[0]
    notes = []
    for l in diag[1:]:
        m = NOTE.match(l)
        if m and not m.group(3).startswith("on this path"):
            notes.append((os.path.basename(m.group(1)), int(m.group(2)), m.group(3)))
    base = os.path.basename(src)
    if want is None:
        if kind in ("leak", "lock-held", "rcu-held"):
            return "FAIL", "cannot tell the acquiring line (%s)" % why
        return "ok", "no note required (%s)" % why
    lines = open(src, encoding="utf-8", errors="replace").read().split("\n")

    def at_want(line):
        if isinstance(want, set):
            return line in want
        if isinstance(want, int):
            return line == want
        return 0 < line <= len(lines) and bool(want.search(lines[line - 1]))
    for f, line, text in notes:
        if f == base and at_want(line):
            return "ok", "%s:%d: note: %s" % (f, line, text)
    return "FAIL", "no note at %s:%s (%s); notes: %s" % (
        base, want if isinstance(want, int) else "a walked line" if isinstance(want, set)
        else "a line calling it", why,
        "; ".join("%s:%d %s" % n for n in notes) or "none")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bpfverify", required=True)
    ap.add_argument("--clang", required=True)
    ap.add_argument("--objroot", help="the build folder (default: the one holding bin/bpfverify)")
    ap.add_argument("--srcroot", required=True)
    ap.add_argument("--objdump", default="llvm-objdump")
    ap.add_argument("--list", action="store_true", help="list the rejections, check nothing")
    ap.add_argument("--only", help="AREA/NAME: that program only")
    args = ap.parse_args()
    if not args.objroot:
        args.objroot = os.path.dirname(os.path.dirname(os.path.abspath(args.bpfverify)))

    corpus = os.path.join(args.srcroot, "test", "corpus")
    todo = []
    for g in sorted(glob.glob(os.path.join(corpus, "**", "*.kernel-*.json"), recursive=True)):
        src = g.rsplit(".kernel-", 1)[0] + ".bpf.c"
        name = os.path.relpath(src, corpus)[:-6]
        if args.only and name != args.only:
            continue
        with open(g) as f:
            doc = json.load(f)
        for res in doc.get("results") or []:
            kind = kind_of(res.get("message")) if res.get("verdict") == "reject" else None
            if kind and os.path.exists(src):
                todo.append((name, src, res["kernel"], res, kind))
    seen, failed = {}, 0
    with tempfile.TemporaryDirectory() as tmp:
        if args.list:
            for name, src, kernel, res, kind in todo:
                print("%-12s %-5s %s: %s" % (kind, kernel, name, res["message"]))
            return 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda t: check(args, t[1], t[2], t[3], t[4], tmp), todo))
        for (name, src, kernel, res, kind), (status, what) in zip(todo, results):
            if status == "skip":
                continue
            if status != "n/a":
                seen[kind] = seen.get(kind, 0) + 1
            failed += status == "FAIL"
            print("%-4s %-12s %-5s %s: %s" % (status, kind, kernel, name, what))
    for kind, _ in KINDS:
        print("kind %-12s %d checked" % (kind, seen.get(kind, 0)))
        if not seen.get(kind) and not args.only:
            print("FAIL no corpus program of kind %s" % kind)
            failed += 1
    print("%d failed" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
