#!/usr/bin/env python3
"""test/lit/Inputs/sarif_check.py — checks a bpfverify SARIF log and prints
it in a normalized, FileCheck-friendly form:

  log version=2.1.0 rules=N srcroot=URI executionSuccessful=B
  result RULE LEVEL URI[ base=ID]:LINE:COL program=P kernels=K1,K2
  related URI:LINE: MESSAGE
  fix URI:LINE:COL-LINE:COL TEXT DESCRIPTION   (TEXT as a Python literal)
  notification LEVEL MESSAGE

--docs FILE checks that FILE (docs/diagnostics.md) lists every rule id in
its table ("| `ID` |"). --schema FILE also validates the log against that JSON schema (the OASIS
SARIF 2.1.0 schema kept in Inputs/) with python3-jsonschema; exits 1 on any
violation, and on a ruleIndex that does not name the result's rule.
"""
import json
import sys


def fail(msg):
    sys.stderr.write("sarif_check: %s\n" % msg)
    sys.exit(1)


def where(loc):
    p = loc["physicalLocation"]
    a = p["artifactLocation"]
    s = a["uri"]
    if "uriBaseId" in a:
        s += " base=" + a["uriBaseId"]
    r = p.get("region")
    if r:
        s += ":%d:%s" % (r["startLine"], r.get("startColumn", "-"))
    return s


def main():
    args = sys.argv[1:]
    schema = None
    docs = None
    while args[:1] in (["--schema"], ["--docs"]):
        if args[0] == "--schema":
            schema = args[1]
        else:
            docs = args[1]
        args = args[2:]
    text = open(args[0]).read() if args else sys.stdin.read()
    try:
        log = json.loads(text)
    except ValueError as e:
        fail("not one JSON document: %s\n%s" % (e, text[:2000]))
    if schema:
        try:
            import jsonschema
        except ImportError:
            fail("python3-jsonschema is not installed")
        with open(schema) as f:
            s = json.load(f)
        cls = jsonschema.validators.validator_for(s)
        errors = sorted(cls(s).iter_errors(log), key=lambda e: list(e.path))
        for e in errors:
            sys.stderr.write("sarif_check: schema: %s at %s\n" % (e.message, "/".join(map(str, e.path))))
        if errors:
            sys.exit(1)
    if len(log.get("runs", [])) != 1:
        fail("expected one run")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    inv = run["invocations"][0]
    if docs:
        text = open(docs).read()
        missing = [r["id"] for r in rules if "| `%s` |" % r["id"] not in text]
        if missing:
            fail("rules missing from %s: %s" % (docs, ", ".join(missing)))
    print("log version=%s rules=%d srcroot=%s executionSuccessful=%s" % (
        log["version"], len(rules), run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri"),
        inv["executionSuccessful"]))
    for r in run["results"]:
        if rules[r["ruleIndex"]]["id"] != r["ruleId"]:
            fail("ruleIndex %d is %s, not %s" % (r["ruleIndex"], rules[r["ruleIndex"]]["id"], r["ruleId"]))
        props = r["properties"]
        print("result %s %s %s program=%s kernels=%s" % (
            r["ruleId"], r["level"], where(r["locations"][0]), props["program"], ",".join(props["kernels"])))
        print("message %s" % r["message"]["text"])
        for rel in r.get("relatedLocations", []):
            print("related %s: %s" % (where(rel), rel["message"]["text"]))
        for fx in r.get("fixes", []):
            for ch in fx["artifactChanges"]:
                a = ch["artifactLocation"]
                uri = a["uri"] + (" base=" + a["uriBaseId"] if "uriBaseId" in a else "")
                for rep in ch["replacements"]:
                    d = rep["deletedRegion"]
                    print("fix %s:%d:%d-%d:%d %r %s" % (
                        uri, d["startLine"], d["startColumn"], d["endLine"], d["endColumn"],
                        rep.get("insertedContent", {}).get("text", ""), fx["description"]["text"]))
    for n in inv.get("toolExecutionNotifications", []):
        print("notification %s %s" % (n["level"], n["message"]["text"]))


if __name__ == "__main__":
    main()
