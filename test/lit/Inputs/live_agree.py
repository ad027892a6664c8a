#!/usr/bin/env python3
"""test/lit/Inputs/live_agree.py — bpfverify against the running kernel: for
each object, loads every program with tools/oracle/loadcheck (the live
verifier) and verifies it with `bpfverify --kernel host --json`, and checks
that the verdicts agree and that a rejection's message is a line of the
kernel's log. Programs the kernel refuses before verifying (verdict
`error`, e.g. EPERM with an empty log) are skipped.

A CO-RE relocation libbpf could not satisfy becomes a call to helper
195896080, which the kernel rejects with "invalid func unknown#195896080";
libbpf then rewrites that part of the log into "N: <invalid CO-RE
relocation>" and "failed to resolve CO-RE relocation ...". Such a rejection
agrees when N is bpfverify's rejected instruction.

--exact also requires the same number of processed instructions (the
kernel's "processed N insns" line).

usage: live_agree.py --loadcheck LOADCHECK --bpfverify BPFVERIFY [--exact] OBJ...
"""
import argparse
import json
import re
import subprocess
import sys

CORE_POISON = "invalid func unknown#195896080"


def message_in_log(r, log):
    if r["message"] in log:
        return True
    return (r["message"] == CORE_POISON and r.get("insn") is not None and
            "%d: <invalid CO-RE relocation>" % r["insn"] in log)


def processed(log):
    for line in log:
        m = re.match(r"processed (\d+) insns", line)
        if m:
            return int(m.group(1))
    return None


def kernel_results(loadcheck, obj):
    out = subprocess.run([loadcheck, obj], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True, timeout=300).stdout
    progs, cur = {}, None
    for line in out.splitlines():
        if line.startswith("=== program "):
            cur = {"verdict": None, "log": []}
            progs[line[len("=== program "):].strip()] = cur
        elif cur is not None:
            if line.startswith("verdict: ") and cur["verdict"] is None:
                cur["verdict"] = line[len("verdict: "):].strip()
            cur["log"].append(line.strip())
    return progs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loadcheck", required=True)
    ap.add_argument("--bpfverify", required=True)
    ap.add_argument("--exact", action="store_true")
    ap.add_argument("objects", nargs="+")
    args = ap.parse_args()
    bad = 0
    for obj in args.objects:
        kern = kernel_results(args.loadcheck, obj)
        p = subprocess.run([args.bpfverify, "--kernel", "host", "--json", obj],
                           stdout=subprocess.PIPE, universal_newlines=True, timeout=300)
        if p.returncode not in (0, 1):
            print("MISMATCH %s: bpfverify exited %d" % (obj, p.returncode))
            bad += 1
            continue
        for r in json.loads(p.stdout)["results"]:
            k = kern.get(r["program"])
            if k is None:
                print("MISMATCH %s: %s: not loaded by loadcheck" % (obj, r["program"]))
                bad += 1
                continue
            if k["verdict"] == "error":
                print("SKIP %s: %s: the kernel refused the load before verifying" % (obj, r["program"]))
                continue
            if k["verdict"] != r["verdict"]:
                print("MISMATCH %s: %s: kernel %s, bpfverify %s (%s)" % (
                    obj, r["program"], k["verdict"], r["verdict"], r.get("message")))
                bad += 1
            elif r["verdict"] == "reject" and not message_in_log(r, k["log"]):
                print("MISMATCH %s: %s: message %r is not in the kernel's log" % (obj, r["program"], r["message"]))
                bad += 1
            elif args.exact and processed(k["log"]) != r.get("insns_processed"):
                print("MISMATCH %s: %s: kernel processed %s insns, bpfverify %s" % (
                    obj, r["program"], processed(k["log"]), r.get("insns_processed")))
                bad += 1
            else:
                print("AGREE %s: %s: %s" % (obj.rsplit("/", 1)[-1], r["program"], r["verdict"]))
    print("%d mismatches" % bad)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
