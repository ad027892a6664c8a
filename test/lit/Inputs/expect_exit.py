#!/usr/bin/env python3
"""test/lit/Inputs/expect_exit.py — `expect_exit.py N CMD [ARGS...]`: runs CMD
with the caller's stdin/stdout/stderr and succeeds only if it exits with
status N. A death by signal (a crash) always fails, whatever N is."""
import subprocess
import sys

if len(sys.argv) < 3:
    sys.exit("usage: expect_exit.py STATUS CMD [ARGS...]")
want = int(sys.argv[1])
sys.stdout.flush()
rc = subprocess.call(sys.argv[2:])
if rc < 0:
    sys.stderr.write("expect_exit: %s killed by signal %d\n" % (sys.argv[2], -rc))
    sys.exit(1)
if rc != want:
    sys.stderr.write("expect_exit: %s exited with %d, expected %d\n" % (sys.argv[2], rc, want))
    sys.exit(1)
