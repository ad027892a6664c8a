#!/usr/bin/env python3
"""test/lit/Inputs/golden_verdict.py VERDICT GOLDEN... — succeeds when every
program of every golden (X.kernel-K.json, recorded from the real kernel by
scripts/oracle-refresh) has that verdict: a lit test's evidence of what the
kernel itself said."""
import json
import sys

want, files = sys.argv[1], sys.argv[2:]
bad = 0
for f in files:
    for r in json.load(open(f))["results"]:
        if r["verdict"] != want:
            sys.stderr.write("%s: %s is %s, not %s\n" % (f, r["program"], r["verdict"], want))
            bad += 1
sys.exit(1 if bad or not files else 0)
