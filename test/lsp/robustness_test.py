#!/usr/bin/env python3
"""bpfverify-lsp's robustness, with clangd-19 and a stand-in compiler
(fake_clang.py) whose checks hang, crash or are slow on demand:
- a hanging check is killed at its deadline, a warning says so, and
  clangd answers meanwhile (hover within a second or two);
- a crashing check takes nothing down;
- a check overtaken by a newer text never publishes its result;
- one rejection for two kernels is one diagnostic naming both;
- fix-its in the report become quick fixes in clangd's codeAction reply;
- closing the file clears bpfverify's diagnostics;
- a missing plugin or compiler gives a warning, not silence.

usage: robustness_test.py --proxy BIN [--clangd P]
Exit 0: passed; 1: failed; 77: skipped (no clangd)."""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import LspClient, initialize, uri  # noqa: E402

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def src(marker):
    return ("int f(int *p)\n{\n\t/* %s */\n\treturn *p; /* DEREF */\n}\n" % marker)


DEREF_LINE = 3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proxy", required=True)
    ap.add_argument("--clangd", default="clangd-19")
    args = ap.parse_args()
    if not shutil.which(args.clangd):
        print("skipped: %s not found" % args.clangd)
        return 77
    here = os.path.dirname(os.path.abspath(__file__))
    fake = os.path.join(here, "fake_clang.py")
    tmp = tempfile.mkdtemp(prefix="bpfverify-lsp-robust.")
    prog = os.path.join(tmp, "p.bpf.c")
    pidfile = os.path.join(tmp, "pids")
    with open(prog, "w") as f:
        f.write(src("FAST"))
    with open(os.path.join(tmp, "compile_commands.json"), "w") as f:
        json.dump([{"directory": tmp, "file": "p.bpf.c",
                    "arguments": ["clang-19", "-target", "bpf", "-O2", "-c", "p.bpf.c"]}], f)
    os.environ["BV_FAKE_PIDFILE"] = pidfile
    client = LspClient([os.path.abspath(args.proxy), "--clangd=" + args.clangd, "--clang=" + fake,
                        "--plugin=" + fake, "--debounce=2000", "--timeout=3000",
                        "--log=error", "--background-index=false"] + (["--verbose"] if os.environ.get("BV_VERBOSE") else []), cwd=tmp)
    version = [1]

    def diags(m, v=None):
        if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri(prog):
            return None
        if v is not None and m["params"].get("version") != v:
            return None
        return m["params"]["diagnostics"]

    def bv(ds):
        return [d for d in ds or [] if d.get("source") == "bpfverify"]

    def change(marker):
        version[0] += 1
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri(prog), "version": version[0]},
                                                 "contentChanges": [{"text": src(marker)}]})

    def hover_time():
        t = time.monotonic()
        rid = client.request("textDocument/hover", {"textDocument": {"uri": uri(prog)},
                                                    "position": {"line": 0, "character": 4}})
        r = client.response(rid, timeout=30)
        return time.monotonic() - t, r.get("result")

    try:
        initialize(client, tmp)
        # -- a hang: clangd keeps answering; the check dies at its deadline
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(prog), "languageId": "c", "version": 1, "text": src("HANG")}})
        client.wait(lambda m: diags(m) is not None, 30, "clangd's diagnostics")
        dt, res = hover_time()
        check(res is not None and dt < 1.2, "hover answers while a check hangs (%.2f s)" % dt)
        _, m = client.wait(lambda m: any("did not finish" in d["message"] for d in bv(diags(m))), 10,
                           "the timeout warning")
        check(bv(diags(m))[0]["severity"] == 2, "a hung check ends in a warning at its deadline")
        time.sleep(0.2)
        pids = [int(x) for x in open(pidfile).read().split()]
        alive = [p for p in pids if os.path.exists("/proc/%d" % p)
                 and "zombie" not in open("/proc/%d/status" % p).read().lower()]
        check(not alive, "the hung check's process is killed")

        # -- a crash: no bpfverify diagnostics, clangd still there
        change("CRASH")
        _, m = client.wait(lambda m: diags(m, version[0]) is not None and not bv(diags(m)), 10,
                           "diagnostics after the crashed check")
        dt, res = hover_time()
        check(res is not None, "clangd answers after a check crashed")

        # -- a slow check overtaken by a newer text: its result never shows.
        # The SLOW text's check starts after the 2 s debounce and answers
        # 2 s later; the newer text comes 1 s after the check started, so
        # the old result arrives while the newer text waits for its own.
        client.backlog = []
        change("SLOW")
        time.sleep(3.0)
        version[0] += 1
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri(prog), "version": version[0]},
                                                 "contentChanges": [{"text": "int f(int *p)\n{\n\treturn 0;\n}\n"}]})
        time.sleep(4.0)
        seen = [m for _, m in client.backlog if bv(diags(m))]
        while True:
            try:
                _, m = client.wait(lambda m: True, 0.2, "anything")
                if bv(diags(m)):
                    seen.append(m)
            except TimeoutError:
                break
        check(not seen, "no result of an overtaken check is published (%d seen)" % len(seen))

        # -- a rejection for two kernels, with a fix-it
        client.backlog = []
        change("FAST")
        _, m = client.wait(lambda m: bool(bv(diags(m, version[0]))), 10, "the rejection")
        ours = bv(diags(m))
        check(len(ours) == 1, "one diagnostic for both kernels")
        check("kernels 6.1, 6.18" in ours[0]["message"], "both kernels named: " + ours[0]["message"])
        check(ours[0]["range"]["start"]["line"] == DEREF_LINE, "on the right line")
        check(ours[0].get("code") == "nullable-pointer", "the class as the diagnostic's code")
        rel = ours[0].get("relatedInformation") or []
        check(len(rel) == 1 and rel[0]["location"]["range"]["start"]["line"] == DEREF_LINE - 1,
              "the note as related information")
        rid = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri(prog)},
            "range": {"start": {"line": DEREF_LINE, "character": 2}, "end": {"line": DEREF_LINE, "character": 2}},
            "context": {"diagnostics": ours}})
        acts = client.response(rid).get("result") or []
        fixes = [a for a in acts if isinstance(a, dict) and a.get("title", "").startswith("bpfverify:")]
        check(len(fixes) == 1, "bpfverify's fix-it among the code actions (%d actions)" % len(acts))
        if fixes:
            edits = fixes[0]["edit"]["changes"].get(uri(prog)) or []
            check(len(edits) == 1 and edits[0]["newText"] == "if (!p) return 0; "
                  and edits[0]["range"]["start"] == {"line": DEREF_LINE, "character": 0},
                  "the fix-it's edit: " + json.dumps(edits))
            check(fixes[0].get("kind") == "quickfix", "a quickfix")
        rid = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri(prog)},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []}})
        acts = client.response(rid).get("result") or []
        check(not [a for a in acts if isinstance(a, dict) and a.get("title", "").startswith("bpfverify:")],
              "no fix-it offered on another line")

        # -- closing the file takes bpfverify's diagnostics away
        client.backlog = []
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri(prog)}})
        _, m = client.wait(lambda m: diags(m) is not None and not bv(diags(m)), 10,
                           "diagnostics cleared on close")
        check(True, "closing the file clears bpfverify's diagnostics")
    finally:
        rc = client.close()
    check(rc == 0, "the proxy exits cleanly (status %s)" % rc)

    # -- a missing plugin or compiler is said, not silent
    for opts, text in ((["--clang=" + fake, "--plugin=/nonexistent/libbpfverify.so"], "no plugin at"),
                       (["--clang=/nonexistent/clang-19", "--plugin=" + fake], "cannot run the compiler")):
        c = LspClient([os.path.abspath(args.proxy), "--clangd=" + args.clangd] + opts +
                      ["--log=error", "--background-index=false"], cwd=tmp)
        try:
            initialize(c, tmp)
            c.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri(prog), "languageId": "c", "version": 1, "text": src("FAST")}})
            _, m = c.wait(lambda m: any(text in d["message"] for d in bv(diags(m))), 20, text)
            check(bv(diags(m))[0]["severity"] == 2, "a warning: " + bv(diags(m))[0]["message"])
        except (TimeoutError, EOFError) as e:
            check(False, "%s: %s" % (text, e))
        finally:
            c.close()
    shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
