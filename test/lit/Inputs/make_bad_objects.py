#!/usr/bin/env python3
"""test/lit/Inputs/make_bad_objects.py — derives broken objects from a good
BPF ELF object (with .BTF and .BTF.ext), for the CLI's bad-input tests:

  empty.o             zero bytes
  not-elf.o           text
  truncated.o         the first 200 bytes of the object
  bad-shoff.o         ELF header whose section headers lie past the end
  btf-bad-magic.o     .BTF header magic cleared
  btf-bad-len.o       .BTF type_len far past the end of the section
  btf-ext-bad-len.o   .BTF.ext line_info_len far past the end of the section
  btf-ext-bad-rec.o   .BTF.ext line_info record size 3 (smaller than a record)

usage: make_bad_objects.py GOOD.o OUTDIR
"""
import os
import struct
import sys


def sections(data):
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    hdrs = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    stroff = hdrs[shstrndx][4]
    out = {}
    for h in hdrs:
        end = data.index(b"\0", stroff + h[0])
        out[data[stroff + h[0]:end].decode()] = (h[4], h[5])  # offset, size
    return out


def patched(data, off, fmt, value):
    b = bytearray(data)
    struct.pack_into(fmt, b, off, value)
    return bytes(b)


def main():
    good, outdir = sys.argv[1], sys.argv[2]
    data = open(good, "rb").read()
    secs = sections(data)
    if ".BTF" not in secs or ".BTF.ext" not in secs:
        sys.exit("%s: needs .BTF and .BTF.ext (compile with -g)" % good)
    btf, _ = secs[".BTF"]
    ext, _ = secs[".BTF.ext"]
    ext_hdr_len, = struct.unpack_from("<I", data, ext + 4)
    linfo_off, = struct.unpack_from("<I", data, ext + 16)
    files = {
        "empty.o": b"",
        "not-elf.o": b"this is not an ELF object\n" * 8,
        "truncated.o": data[:200],
        "bad-shoff.o": patched(data, 0x28, "<Q", len(data) + 4096),
        "btf-bad-magic.o": patched(data, btf, "<H", 0),
        # BTF header: magic, version, flags, hdr_len, type_off, type_len, ...
        "btf-bad-len.o": patched(data, btf + 12, "<I", 0x7ffffff0),
        # BTF.ext header: magic, version, flags, hdr_len, func_info_off,
        # func_info_len, line_info_off, line_info_len, ...
        "btf-ext-bad-len.o": patched(data, ext + 20, "<I", 0x7ffffff0),
        "btf-ext-bad-rec.o": patched(data, ext + ext_hdr_len + linfo_off, "<I", 3),
    }
    os.makedirs(outdir, exist_ok=True)
    for name, content in files.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(content)


if __name__ == "__main__":
    main()
