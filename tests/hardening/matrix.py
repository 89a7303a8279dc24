#!/usr/bin/env python3
"""The divergence matrix (issue 14, "The engine under sanitizers").

    matrix.py LRLAB_COMMAND...            e.g. build-sanitize/lrlab
    matrix.py --reduced node --no-experimental-fetch build-web/lrlab.js

Full: every optimizer x 13 LRs (1e-4 .. 1e2, half a decade apart) x 3 data sets (binary,
multiclass, regression) x clip off/on x 300 steps (780 training runs, one `lrlab run` per
optimizer x data set x clip, its 13 LRs as 13 runs), plus the surface runner: every optimizer x
13 LRs x 6 functions x clip off/on (1560 trajectories). --reduced: 5 LRs, one data set, clip
off (50 runs) and rosenbrock (50 trajectories), for the wasm CLI under node.

Passes when every process exits 0 with nothing on stderr (a sanitizer report, with
-fno-sanitize-recover=all, or a wasm trap ends the process with an error) and every run ends in
one of: converged (final train loss <= half the initial), diverged (with the step the CSV first
flags), max steps (all 300 steps, finite, not halved). Prints the counts.
"""
import argparse
import concurrent.futures
import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import time

OPTIMIZERS = ["sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "adamax", "nadam",
              "radam", "lion"]
LRS = [10 ** (-4 + i / 2) for i in range(13)]
REDUCED_LRS = [1e-4, 1e-2, 1.0, 10.0, 100.0]
DATASETS = {"circle": {"dataset": "circle", "samples": 200, "noise": 0.1},
            "digits8x8": {"dataset": "digits8x8", "samples": 200},
            "reg_plane": {"dataset": "reg_plane", "samples": 200, "noise": 0.1}}
FUNCTIONS = ["rosenbrock", "beale", "himmelblau", "rastrigin", "saddle", "quadratic"]
CLIPS = {"off": {"type": "none"}, "on": {"type": "norm", "max_norm": 1.0}}
STEPS = 300


def lr_name(opt, lr):
    return "%s lr=%.3g" % (opt, lr)


def train_configs(lrs, datasets, clips):
    for opt in OPTIMIZERS:
        for ds in datasets:
            for clip in clips:
                runs = [{"name": lr_name(opt, lr), "optimizer": {"type": opt, "lr": lr},
                         "clip": CLIPS[clip]} for lr in lrs]
                yield ("run", "%s/%s/clip %s" % (opt, ds, clip),
                       {"data": DATASETS[ds], "model": {"hidden": [8]},
                        "train": {"steps": STEPS, "batch_size": 10, "eval_every": 1},
                        "runs": runs})


def surface_configs(lrs, functions, clips):
    for opt in OPTIMIZERS:
        for fn in functions:
            for clip in clips:
                runs = [{"name": lr_name(opt, lr), "optimizer": {"type": opt, "lr": lr},
                         "clip": CLIPS[clip]} for lr in lrs]
                yield ("surface", "%s/%s/clip %s" % (opt, fn, clip),
                       {"function": fn, "steps": STEPS, "runs": runs})


def finite(cell):
    try:
        return math.isfinite(float(cell))
    except ValueError:
        return False


def classify_train(rows):
    """converged / diverged@STEP / max steps, or a string starting with 'bad:'."""
    first_diverged = next((r for r in rows if r["diverged"] == "1"), None)
    if first_diverged is not None:
        return "diverged@" + first_diverged["step"]
    last = rows[-1]
    if int(last["step"]) != STEPS or not finite(last["train_loss"]):
        return "bad: ends at step %s, train_loss %s, not flagged diverged" % (
            last["step"], last["train_loss"])
    if float(last["train_loss"]) <= 0.5 * float(rows[0]["train_loss"]):
        return "converged"
    return "max steps"


def classify_surface(rows):
    bad = next((r for r in rows if not finite(r["loss"]) or not finite(r["x"]) or
                not finite(r["y"])), None)
    if bad is not None:
        return "diverged@" + bad["step"]
    if int(rows[-1]["step"]) != STEPS:
        return "bad: ends at step %s" % rows[-1]["step"]
    return "converged" if float(rows[-1]["loss"]) <= 0.5 * float(rows[0]["loss"]) else "max steps"


def run_one(cmd, job, tmp):
    verb, label, config = job
    path = os.path.join(tmp, label.replace("/", "_").replace(" ", "_") + ".json")
    with open(path, "w") as f:
        json.dump(config, f)
    start = time.time()
    p = subprocess.run(cmd + [verb, path], capture_output=True, timeout=1800)
    took = time.time() - start
    problems, ends = [], {}
    if p.returncode != 0 or p.stderr.strip():
        problems.append("%s: exit %d: %s" % (label, p.returncode,
                                             p.stderr.decode(errors="replace")[-1500:]))
        return problems, ends, took
    rows = {}
    for r in csv.DictReader(io.StringIO(p.stdout.decode())):
        rows.setdefault(r["run"], []).append(r)
    for run in config["runs"]:
        got = rows.get(run["name"])
        end = (classify_train if verb == "run" else classify_surface)(got) if got else "bad: no rows"
        ends[(verb, label, run["name"])] = end
        if end.startswith("bad"):
            problems.append("%s, %s: %s" % (label, run["name"], end))
    return problems, ends, took


def main():
    ap = argparse.ArgumentParser(description="the divergence matrix")
    ap.add_argument("--reduced", action="store_true", help="~50 runs (the wasm CLI)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", help="write every run's end here")
    ap.add_argument("cmd", nargs=argparse.REMAINDER, help="the lrlab command")
    a = ap.parse_args()
    if not a.cmd:
        ap.error("give the lrlab command")
    if a.reduced:
        jobs = list(train_configs(REDUCED_LRS, ["circle"], ["off"])) + \
            list(surface_configs(REDUCED_LRS, ["rosenbrock"], ["off"]))
    else:
        jobs = list(train_configs(LRS, DATASETS, CLIPS)) + \
            list(surface_configs(LRS, FUNCTIONS, CLIPS))
    problems, ends = [], {}
    start = time.time()
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for p, e, _ in pool.map(lambda j: run_one(a.cmd, j, tmp), jobs):
            problems += p
            ends.update(e)
    took = time.time() - start
    for verb, what in (("run", "training runs"), ("surface", "surface trajectories")):
        mine = [e for k, e in ends.items() if k[0] == verb]
        div = [e for e in mine if e.startswith("diverged")]
        print("%-21s %5d: %d converged, %d diverged (with their step), %d max steps" % (
            what, len(mine), mine.count("converged"), len(div), mine.count("max steps")))
    print("processes %d, %.0f s, problems (sanitizer reports, traps, bad ends): %d" % (
        len(jobs), took, len(problems)))
    for p in problems[:20]:
        print("PROBLEM:", p, file=sys.stderr)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({" | ".join(k): v for k, v in sorted(ends.items())}, f, indent=0)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
