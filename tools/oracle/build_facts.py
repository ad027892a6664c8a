"""Facts of a kernel build that departs from the rules its profile models.

btf-db/profiles/K/build.json (see its "about") names what the build a
profile was imported from does unlike upstream K: for now helpers it
refuses to some program types. A golden recorded on that build and
explained by such a fact is no reference for K's rules; oracle-refresh
writes the explanation into the golden ("build_fact"), and
scripts/accuracy counts it apart, as it does EPERM loads.
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def load(kernel, db=None):
    """The build facts of profile `kernel` ({} when it has none)."""
    path = os.path.join(db or os.path.join(ROOT, "btf-db", "profiles"), kernel, "build.json")
    try:
        with open(path) as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


def explain(result, facts):
    """Why the build answered `result` (an oracle result) unlike the rules,
    or None: a refusal of a helper the build does not offer this program
    type, on that very build."""
    if not facts or result.get("kernel_release") != facts.get("release"):
        return None
    if result.get("verdict") != "reject":
        return None
    unavailable = (facts.get("helpers") or {}).get("unavailable") or {}
    names = unavailable.get(result.get("prog_type"), []) + unavailable.get("*", [])
    msg = result.get("message") or ""
    for name in names:
        if msg.startswith("program of this type cannot use helper bpf_%s#" % name):
            return ("%s refuses bpf_%s in %s programs; upstream %s offers it "
                    "(btf-db/profiles/%s/build.json)" % (
                        facts["release"], name, result.get("prog_type"),
                        result.get("kernel"), result.get("kernel")))
    return None


def annotate(doc, facts):
    """Sets "build_fact" on each result of an oracle document it explains."""
    for r in doc.get("results", []):
        why = explain(r, facts)
        if why:
            r["build_fact"] = why
        else:
            r.pop("build_fact", None)
    return doc
