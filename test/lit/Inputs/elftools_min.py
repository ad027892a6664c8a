"""test/lit/Inputs/elftools_min.py — the file range of one section of a
little-endian ELF64 object, enough for the tests that corrupt sections."""
import struct


def section_range(data, name):
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3a)
    def sh(i):
        return struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
    stroff = sh(shstrndx)[4]
    for i in range(shnum):
        s = sh(i)
        end = data.index(b"\0", stroff + s[0])
        if data[stroff + s[0]:end].decode() == name:
            return s[4], s[5]
    raise SystemExit("no section %s" % name)
