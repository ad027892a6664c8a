#!/usr/bin/env python3
"""test/lit/Inputs/corrupt_section.py OBJ SECTION N BPFVERIFY...

Writes N copies of OBJ with bytes of SECTION overwritten (seeded, so the
run is reproducible: single bytes, runs of 0xff, truncated lengths) and runs
the bpfverify command on each. Fails when one dies of a signal or exits
other than 0 to 3 (keeping the variant as OBJ.crash.o); prints
"N variants, no crash" otherwise."""
import random
import subprocess
import sys
import tempfile

from elftools_min import section_range  # noqa: E402  (same folder)


def main():
    obj, name, n, cmd = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    data = open(obj, "rb").read()
    start, size = section_range(data, name)
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as d:
        for i in range(n):
            b = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                at = start + rng.randrange(size)
                if rng.random() < 0.3:
                    b[at:at + 4] = b"\xff\xff\xff\xff"[:max(0, min(4, start + size - at))]
                else:
                    b[at] = rng.randrange(256)
            path = "%s/v%d.o" % (d, i)
            open(path, "wb").write(bytes(b))
            r = subprocess.run(cmd + [path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if r.returncode < 0 or r.returncode > 3:
                sys.stderr.write("variant %d: exit %d\n" % (i, r.returncode))
                open("%s.crash.o" % obj, "wb").write(bytes(b))   # kept to debug
                sys.exit(1)
    print("%d variants, no crash" % n)


if __name__ == "__main__":
    main()
