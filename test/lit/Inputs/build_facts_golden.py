"""build_facts_golden.py SRCROOT: a golden explained by a build fact
(tools/oracle/build_facts.py) is annotated on that build only, and
scripts/accuracy counts it as no kernel reference, not a wrong verdict."""
import importlib.machinery
import importlib.util
import os
import sys

root = sys.argv[1]
sys.path.insert(0, os.path.join(root, "tools", "oracle"))
import build_facts  # noqa: E402

loader = importlib.machinery.SourceFileLoader("accuracy", os.path.join(root, "scripts", "accuracy"))
spec = importlib.util.spec_from_loader("accuracy", loader)
accuracy = importlib.util.module_from_spec(spec)
loader.exec_module(accuracy)

facts = {"release": "6.18.44-test", "helpers": {"unavailable": {"xdp": ["xdp_adjust_meta"]}}}
refused = {"program": "p", "prog_type": "xdp", "kernel": "6.18", "verdict": "reject",
           "message": "program of this type cannot use helper bpf_xdp_adjust_meta#54",
           "insn": 3, "kernel_release": "6.18.44-test"}
doc = build_facts.annotate({"results": [dict(refused),
                                        dict(refused, kernel_release="6.18.44-other"),
                                        dict(refused, prog_type="sched_cls"),
                                        dict(refused, message="R1 invalid mem access 'scalar'")]},
                           facts)
for r in doc["results"]:
    print("annotated" if r.get("build_fact") else "plain", r["prog_type"], r["kernel_release"])
print("fact:", doc["results"][0]["build_fact"])
ours = {"verdict": "accept", "message": None, "insn": None}
print("accept vs explained refusal:", accuracy.classify(doc["results"][0], ours))
print("accept vs other build's refusal:", accuracy.classify(doc["results"][1], ours))
print("shipped 6.18 build facts:", build_facts.load("6.18").get("release"))
