#!/usr/bin/env python3
"""test/lit/Inputs/json_shape.py — checks a bpfverify JSON results document
(INTERFACE.md) and prints it in a normalized, FileCheck-friendly form:

  document source=SRC results=N
  result program=P section=S prog_type=T kernel=K verdict=V insn=I file=F line=L column=C
  message M

Exits 1 when a required key is missing or has the wrong type. With
--objects it expects the CLI's several-objects wrapper {"version", "objects"}.
With --notes each result is followed by its class and notes:

  class C
  note FILE:LINE: MESSAGE      (FILE:LINE "-" when the note has no location)
"""
import json
import os
import sys

NONE = type(None)
# key -> allowed types (message and insn are null for an accepted program).
RESULT_KEYS = {"program": str, "section": str, "prog_type": (str, NONE), "kernel": str,
               "verdict": str, "message": (str, NONE), "insn": (int, NONE),
               "insns_processed": int, "states": int, "time_us": int}


def fail(msg):
    sys.stderr.write("json_shape: %s\n" % msg)
    sys.exit(1)


def show(doc):
    if doc.get("version") != 1:
        fail("version is %r, expected 1" % doc.get("version"))
    if not isinstance(doc.get("source"), str):
        fail("no source")
    if not isinstance(doc.get("results"), list):
        fail("no results list")
    print("document source=%s results=%d" % (os.path.basename(doc["source"]), len(doc["results"])))
    if "error" in doc:
        print("error %s" % doc["error"])
    for r in doc["results"]:
        for k, t in RESULT_KEYS.items():
            if k not in r:
                fail("result lacks %r: %s" % (k, r))
            if not isinstance(r[k], t) or isinstance(r[k], bool):
                fail("result key %r has type %s: %s" % (k, type(r[k]).__name__, r))
        if r["verdict"] not in ("accept", "reject", "error", "load_error"):
            fail("bad verdict %r" % r["verdict"])
        where = ""
        if r["verdict"] != "accept":
            if not isinstance(r["message"], str):
                fail("a %s result needs a message: %s" % (r["verdict"], r))
            if r["verdict"] == "reject" and not isinstance(r["insn"], int):
                fail("a rejection needs an insn: %s" % r)
            for k in ("file", "line", "column"):
                if k not in r:
                    fail("rejected result lacks %r: %s" % (k, r))
            where = " file=%s line=%s column=%s" % (os.path.basename(str(r["file"])), r["line"], r["column"])
        print("result program=%s section=%s prog_type=%s kernel=%s verdict=%s insn=%s%s" % (
            r["program"], r["section"], r["prog_type"], r["kernel"], r["verdict"], r["insn"], where))
        if r["message"] is not None:
            print("message %s" % r["message"])
        if "--notes" in sys.argv:
            if not isinstance(r.get("notes"), list) or "class" not in r:
                fail("result lacks class or notes: %s" % r)
            print("class %s" % r["class"])
            for n in r["notes"]:
                for k in ("message", "insn", "file", "line", "column"):
                    if k not in n:
                        fail("note lacks %r: %s" % (k, n))
                where = "%s:%s" % (os.path.basename(n["file"]), n["line"]) if n["file"] else "-"
                print("note %s: %s" % (where, n["message"]))


def main():
    text = open(sys.argv[-1]).read() if len(sys.argv) > 1 and not sys.argv[-1].startswith("--") else sys.stdin.read()
    try:
        doc = json.loads(text)
    except ValueError as e:
        fail("not one JSON document: %s\n%s" % (e, text[:2000]))
    if "--objects" in sys.argv:
        if doc.get("version") != 1 or not isinstance(doc.get("objects"), list):
            fail("expected {version: 1, objects: [...]}")
        for d in doc["objects"]:
            show(d)
    else:
        show(doc)


if __name__ == "__main__":
    main()
