"""PyTorch peer of `lrlab bench` (scripts/bench-peers.sh): the workloads of workloads.json
trained with torch.optim.SGD on one thread, the way a PyTorch user writes it (nn.Sequential of
nn.Linear and nn.Tanh, a shuffled DataLoader-like batch order, zero_grad/backward/step).

Usage: python3 torch_peer.py WORKLOADS_JSON NAME [NAME...]
Prints CSV rows `engine,workload,cpu_samples_per_s,samples_per_s`, the median of 3 repeats of
about 0.5 s of CPU time each.
"""
import json
import statistics
import sys
import time

import torch

torch.set_num_threads(1)


def make_net(w):
    layers, width = [], w["inputs"]
    for h in w["hidden"]:
        layers += [torch.nn.Linear(width, h), torch.nn.Tanh()]
        width = h
    layers.append(torch.nn.Linear(width, w["outputs"]))
    return torch.nn.Sequential(*layers)


def make_data(w, gen):
    x = torch.rand(w["train"], w["inputs"], generator=gen) * 2 - 1
    if w["outputs"] == 1:
        y = (torch.rand(w["train"], 1, generator=gen) > 0.5).float()
        loss = torch.nn.BCEWithLogitsLoss()
    else:
        y = torch.randint(0, w["outputs"], (w["train"],), generator=gen)
        loss = torch.nn.CrossEntropyLoss()
    return x, y, loss


def measure(w, seconds):
    gen = torch.Generator().manual_seed(1)
    net = make_net(w)
    x, y, loss_fn = make_data(w, gen)
    opt = torch.optim.SGD(net.parameters(), lr=w["lr"])
    b, n = w["batch"], w["train"]

    def steps(count):
        done = 0
        while done < count:
            order = torch.randperm(n, generator=gen)
            for start in range(0, n, b):
                if done == count:
                    return
                idx = order[start:start + b]
                opt.zero_grad()
                loss = loss_fn(net(x[idx]), y[idx])
                loss.backward()
                opt.step()
                done += 1

    steps(20)  # warm up
    count, cpu, wall = 50, 0.0, 0.0
    while cpu < seconds:  # grow until the measurement is long enough
        count *= 2
        c0, t0 = time.process_time(), time.perf_counter()
        steps(count)
        cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    return count * b / cpu, count * b / wall


def main():
    workloads = json.load(open(sys.argv[1]))
    for name in sys.argv[2:]:
        runs = [measure(workloads[name], 0.5) for _ in range(3)]
        cpu = statistics.median(r[0] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        print(f"torch,{name},{cpu:.0f},{wall:.0f}", flush=True)


if __name__ == "__main__":
    main()
