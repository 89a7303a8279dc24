#!/usr/bin/env python3
"""What evaluating costs a sweep (issue 15's evaluation target), `make bench-eval`.

The sweep of the README's speed section: examples/lr-compare.json's spiral data and net,
2,000 steps, 21 LRs from 1e-4 to 10 x sgd, adam, rmsprop (63 cells), once evaluating every 10
steps and once only at the ends (eval_every = steps). Prints the median process CPU seconds of
each over interleaved rounds and their ratio: the factor that evaluation multiplies a sweep by;
also net of what `lrlab validate` on the same config costs (start-up: under node, compiling the
module is a large part of a 0.5 s run).

    bench/eval_cost.py LRLAB [ROUNDS [SHARDS]]   LRLAB: build/lrlab, or "node build-web/lrlab.js"

With SHARDS > 1 each round also runs the sweep as SHARDS shards (`--shard I/SHARDS`), each
shard evaluating every 10 steps and at the ends back to back, and prints the median and
quartiles of the rounds' factors (sums over the shards, net of start-up): on a shared machine
whose speed drifts over seconds, runs a few tens of milliseconds apart see the same machine, so
that factor scatters far less than one of whole sweeps seconds apart (natively; under node
start-up is most of a shard).
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


def sweep_command(lrlab, path, *extra):
    return lrlab + ["sweep", path, "--lr-range", "1e-4:10:21", "--optimizers", "sgd,adam,rmsprop",
                    *extra]


def quartiles(values):
    v = sorted(values)
    return f"{statistics.median(v):.3f} (quartiles {v[len(v) // 4]:.3f}-{v[(3 * len(v)) // 4]:.3f})"


def paired_factors(paths, lrlab, rounds, shards, start):
    """Per round: every shard evaluating every 10 steps and at the ends, back to back, each run
    net of the start-up's CPU seconds `start`."""
    factors = []
    for r in range(rounds):
        every = ends = 0.0
        for i in range(shards):
            pair = [(10, sweep_command(lrlab, paths[10], "--shard", f"{i}/{shards}")),
                    (2000, sweep_command(lrlab, paths[2000], "--shard", f"{i}/{shards}"))]
            for label, command in pair if (r + i) % 2 == 0 else reversed(pair):
                seconds = cpu_seconds(command) - start
                if label == 10:
                    every += seconds
                else:
                    ends += seconds
        factors.append(every / ends)
    return factors


def count_argument(index, name, default):
    """sys.argv[index] as a count of at least 1, else exits naming the argument."""
    if len(sys.argv) <= index:
        return default
    text = sys.argv[index]
    if not text.isdigit() or int(text) < 1:
        sys.exit(f"eval_cost: {name} must be a whole number >= 1, got {text!r}")
    return int(text)


def main():
    lrlab = shlex.split(sys.argv[1]) if len(sys.argv) > 1 else [os.path.join(ROOT, "build/lrlab")]
    rounds = count_argument(2, "ROUNDS", 5)
    shards = count_argument(3, "SHARDS", 1)
    with open(os.path.join(ROOT, "examples/lr-compare.json")) as f:
        base = json.load(f)
    configs = {}
    paths = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, every in (("every 10 steps", 10), ("at the ends", 2000)):
            config = dict(base, train=dict(base["train"], steps=2000, eval_every=every))
            paths[every] = os.path.join(tmp, f"eval{every}.json")
            with open(paths[every], "w") as f:
                json.dump(config, f)
            configs[label] = sweep_command(lrlab, paths[every])
        configs["start-up"] = lrlab + ["validate", paths[2000]]
        seconds = {label: [] for label in configs}
        for _ in range(rounds):
            for label, command in configs.items():
                seconds[label].append(cpu_seconds(command))
        medians = {label: statistics.median(v) for label, v in seconds.items()}
        paired = (paired_factors(paths, lrlab, rounds, shards, medians["start-up"])
                  if shards > 1 else None)
    for label, v in seconds.items():
        print(f"{label:25} {medians[label]:.3f} s CPU (median of {rounds}: "
              + ", ".join(f"{x:.3f}" for x in v) + ")")
    every, ends, start = medians["every 10 steps"], medians["at the ends"], medians["start-up"]
    print(f"factor {every / ends:.2f}; net of start-up {(every - start) / (ends - start):.2f}")
    if paired:
        print(f"net of start-up, in {shards} shards a round, each pair back to back: "
              + quartiles(paired))


if __name__ == "__main__":
    main()
