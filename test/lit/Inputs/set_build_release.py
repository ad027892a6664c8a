"""set_build_release.py DB --host|--other|--corrupt: makes every profile
of the copied db DB carry a build.json that refuses bpf_xdp_adjust_meta
to XDP programs, for the running kernel's release (--host) or another
(--other); --corrupt: a build.json that is not JSON."""
import json
import os
import sys

db, arg = sys.argv[1], sys.argv[2]
release = os.uname().release if arg == "--host" else "not-" + os.uname().release
for name in os.listdir(db):
    if not os.path.isfile(os.path.join(db, name, "profile.json")):
        continue
    with open(os.path.join(db, name, "build.json"), "w") as f:
        if arg == "--corrupt":
            f.write("{ not json")
        else:
            json.dump({"release": release,
                       "helpers": {"unavailable": {"xdp": ["xdp_adjust_meta"]}}}, f)
