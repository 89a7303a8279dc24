#!/usr/bin/env python3
"""What evaluating costs a sweep (issue 15's evaluation target), `make bench-eval`.

The sweep of the README's speed section: examples/lr-compare.json's spiral data and net,
2,000 steps, 21 LRs from 1e-4 to 10 x sgd, adam, rmsprop (63 cells), once evaluating every 10
steps and once only at the ends (eval_every = steps). Prints the median process CPU seconds of
each over interleaved rounds and their ratio: the factor that evaluation multiplies a sweep by;
also net of what `lrlab validate` on the same config costs (start-up: under node, compiling the
module is a large part of a 0.5 s run).

    bench/eval_cost.py LRLAB [ROUNDS]     LRLAB: build/lrlab, or "node build-web/lrlab.js"
"""
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpu_seconds(command):
    """Process CPU time (user + system) of one run: what a shared machine distorts least."""
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"eval_cost: {' '.join(command)} failed ({status})")
    return usage.ru_utime + usage.ru_stime


def main():
    lrlab = shlex.split(sys.argv[1]) if len(sys.argv) > 1 else [os.path.join(ROOT, "build/lrlab")]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with open(os.path.join(ROOT, "examples/lr-compare.json")) as f:
        base = json.load(f)
    configs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, every in (("every 10 steps", 10), ("at the ends", 2000)):
            config = dict(base, train=dict(base["train"], steps=2000, eval_every=every))
            path = os.path.join(tmp, f"eval{every}.json")
            with open(path, "w") as f:
                json.dump(config, f)
            configs[label] = lrlab + ["sweep", path, "--lr-range", "1e-4:10:21",
                                      "--optimizers", "sgd,adam,rmsprop"]
        configs["start-up"] = lrlab + ["validate", path]
        seconds = {label: [] for label in configs}
        for _ in range(rounds):
            for label, command in configs.items():
                seconds[label].append(cpu_seconds(command))
    medians = {label: statistics.median(v) for label, v in seconds.items()}
    for label, v in seconds.items():
        print(f"{label:25} {medians[label]:.3f} s CPU (median of {rounds}: "
              + ", ".join(f"{x:.3f}" for x in v) + ")")
    every, ends, start = medians["every 10 steps"], medians["at the ends"], medians["start-up"]
    print(f"factor {every / ends:.2f}; net of start-up {(every - start) / (ends - start):.2f}")


if __name__ == "__main__":
    main()
