#!/usr/bin/env python3
"""Stands in for clang with the bpfverify plugin in robustness_test.py:
reads the source on standard input (under the proxy's #line) and behaves
as its markers say: HANG sleeps forever, CRASH dies of SIGSEGV, SLOW
answers after 2 s; otherwise it writes a bpfverify JSON report with one
rejection (and a fix-it) at the line containing DEREF, and none without."""
import json
import os
import re
import signal
import sys
import time

text = sys.stdin.read()
m = re.match(r'#line 1 "(.*)"\n', text)
path = m.group(1) if m else "-"
lines = text.split("\n")[1:]
pidfile = os.environ.get("BV_FAKE_PIDFILE")
if pidfile:
    with open(pidfile, "a") as f:
        f.write("%d\n" % os.getpid())
if "HANG" in text:
    while True:
        time.sleep(60)
if "CRASH" in text:
    os.kill(os.getpid(), signal.SIGSEGV)
if "SLOW" in text:
    time.sleep(2)
results = []
for i, line in enumerate(lines):
    if "DEREF" in line:
        col = line.index("DEREF") + 1
        results.append({
            "program": "prog", "kernel": "6.1", "verdict": "reject",
            "message": "R0 invalid mem access 'map_value_or_null'", "class": "nullable-pointer",
            "file": path, "line": i + 1, "column": col,
            "notes": [{"message": "R0 may be NULL", "file": path, "line": i, "column": 1}],
            "fixits": [{"file": path, "line": i + 1, "column": 1, "end_line": i + 1, "end_column": 1,
                        "text": "if (!p) return 0; ", "description": "check p against NULL"}]})
        results.append(dict(results[-1], kernel="6.18"))
json.dump({"version": 1, "source": path, "results": results}, sys.stdout)
