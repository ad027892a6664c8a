#!/usr/bin/env python3
"""test/lit/Inputs/compare_sections.py — proves the plugin verifies exactly
the instructions of the real object: for every given source, compiles it
with -c and the plugin's hidden dump-object option, then compares every
program (executable) section of the dumped in-memory object and of the real
.o byte for byte (llvm-objcopy --dump-section).

usage: compare_sections.py --clang CLANG --plugin SO --cflags FLAGS
                           --objcopy OBJCOPY --tmp DIR SRC...
"""
import argparse
import os
import shlex
import struct
import subprocess
import sys


def exec_sections(path):
    """Names of the SHF_EXECINSTR sections of an ELF64 little-endian object."""
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit("%s: not an ELF64 LE object" % path)
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    hdrs = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    stroff = hdrs[shstrndx][4]
    names = []
    for h in hdrs:
        name_off, flags, size = h[0], h[2], h[5]
        if flags & 0x4 and size:
            end = data.index(b"\0", stroff + name_off)
            names.append(data[stroff + name_off:end].decode())
    return names


def dump(objcopy, obj, sec, out):
    # llvm-objcopy also writes an output object: send it to a scratch file.
    subprocess.check_call([objcopy, "--dump-section", "%s=%s" % (sec, out), obj, out + ".scratch"])
    os.unlink(out + ".scratch")
    return open(out, "rb").read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clang", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--cflags", default="")
    ap.add_argument("--objcopy", required=True)
    ap.add_argument("--tmp", required=True)
    ap.add_argument("sources", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.tmp, exist_ok=True)
    failures = compared = 0
    for src in args.sources:
        base = os.path.join(args.tmp, os.path.basename(src))
        real, mem = base + ".real.o", base + ".mem.o"
        cmd = [args.clang] + shlex.split(args.cflags) + [
            "-fplugin=" + args.plugin, "-fplugin-arg-bpfverify-dump-object=" + mem,
            "-fplugin-arg-bpfverify-warn", "-w", "-c", src, "-o", real]
        subprocess.check_call(cmd)
        rs, ms = exec_sections(real), exec_sections(mem)
        if rs != ms:
            print("DIFF %s: program sections %s vs %s" % (src, rs, ms))
            failures += 1
            continue
        if not rs:
            print("DIFF %s: no program sections" % src)
            failures += 1
        for sec in rs:
            a = dump(args.objcopy, real, sec, base + ".a.bin")
            b = dump(args.objcopy, mem, sec, base + ".b.bin")
            compared += 1
            if a != b:
                print("DIFF %s: section %s differs (%d vs %d bytes)" % (src, sec, len(a), len(b)))
                failures += 1
            else:
                print("SAME %s: %s (%d bytes)" % (os.path.basename(src), sec, len(a)))
    print("compared %d sections, %d differences" % (compared, failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
