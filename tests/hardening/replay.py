#!/usr/bin/env python3
"""Replays the seeded malformed configs through a CLI (issue 14, "Parsers, fuzzed").

    replay.py --cli build/lrlab [--seed 1] [--count 10000]
    replay.py --wasm build-web/lrlab.js [--seed 1] [--count 10000]

--cli runs `lrlab validate -` once per input (stdin); --wasm runs the node CLI through
wasm_batch.mjs (one node process per job, a fresh wasm instance per input). Passes when no
input crashes or hangs (exit 0 or 2 only, within 30 s) and every refusal (exit 2) names what is
wrong on every line: a JSON path ("runs[0].optimizer.lr: ..."; the whole text's path is empty:
"the config must be a JSON object"), or for text that is no JSON its line and column ("line 1,
column 7: ..."), or the limit it is over ("... the limit is 64 MiB").
Prints the counts by kind.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import random
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import malformed  # noqa: E402

POSITION = re.compile(r"^line \d+, column \d+: \S")
PATH = re.compile(r"^[^\s:].*?: \S")  # a key may hold ':' itself
# The path of the whole text is "": its errors say so.
ROOT = re.compile(r'^(the (config|surface config) must be|unknown key "" for)')


def names_what(out):
    lines = [l[len("lrlab: "):] if l.startswith("lrlab: ") else l
             for l in out.splitlines() if l.strip()]
    return bool(lines) and all(POSITION.match(l) or PATH.match(l) or ROOT.match(l) or
                               "the limit" in l for l in lines)


def records(seed, count):
    maker = malformed.Configs(random.Random(seed))
    for i in range(count):
        kind = maker.KINDS[i % len(maker.KINDS)]
        yield kind, getattr(maker, kind)()


def native(cli, kind, data):
    start = time.time()
    try:
        p = subprocess.run(cli + ["validate", "-"], input=data, capture_output=True, timeout=30)
        status = p.returncode
        out = (p.stdout + p.stderr).decode(errors="replace")
    except subprocess.TimeoutExpired:
        status, out = "hang (30 s)", ""
    return {"kind": kind, "status": status, "out": out, "ms": (time.time() - start) * 1000}


def wasm(js, recs):
    here = os.path.dirname(os.path.abspath(__file__))
    pack = b"".join(b"%s %d\n" % (k.encode(), len(d)) + d + b"\n" for k, d in recs)
    p = subprocess.run(["node", "--no-experimental-fetch", "--stack-size=4000",
                        os.path.join(here, "wasm_batch.mjs"), js, "validate"],
                       input=pack, capture_output=True)
    results = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    for r in results:
        r["out"] = r["out"] + r.pop("err")
    if len(results) != len(recs):
        sys.stderr.write(p.stderr.decode(errors="replace")[-2000:])
        results += [{"kind": k, "status": "node died", "out": "", "ms": 0}
                    for k, _ in recs[len(results):]]
    return results


def main():
    ap = argparse.ArgumentParser(description="malformed configs through a CLI")
    ap.add_argument("--cli", help="the native CLI")
    ap.add_argument("--wasm", help="lrlab.js, the wasm CLI")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    recs = list(records(a.seed, a.count))
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        if a.cli:
            results = list(pool.map(lambda r: native([a.cli], *r), recs))
        else:
            chunks = [recs[i::a.jobs] for i in range(a.jobs)]
            results = [r for c in pool.map(lambda c: wasm(a.wasm, c), chunks) for r in c]
    took = time.time() - start
    by_kind = collections.defaultdict(collections.Counter)
    bad = []
    for r in results:
        c = by_kind[r["kind"]]
        c["inputs"] += 1
        if r["status"] == 0:
            c["accepted"] += 1
        elif r["status"] == 2 and names_what(r["out"]):
            c["refused"] += 1
        else:
            c["crash" if r["status"] != 2 else "unnamed"] += 1
            bad.append(r)
    print("%-16s %7s %8s %8s %7s %8s" % ("kind", "inputs", "accepted", "refused", "crashes",
                                           "unnamed"))
    total = collections.Counter()
    for kind, c in sorted(by_kind.items()):
        total.update(c)
        print("%-16s %7d %8d %8d %7d %8d" % (kind, c["inputs"], c["accepted"], c["refused"],
                                              c["crash"], c["unnamed"]))
    print("%-16s %7d %8d %8d %7d %8d" % ("all", total["inputs"], total["accepted"],
                                          total["refused"], total["crash"], total["unnamed"]))
    print("%.0f s, slowest input %.0f ms" % (took, max(r["ms"] for r in results)))
    for r in bad[:10]:
        print("BAD %s: status %s: %s" % (r["kind"], r["status"], r["out"][:300]),
              file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
