#!/usr/bin/python3
"""Checks `lrlab export-torch` against PyTorch 1.13 (Debian's python3-torch).

Usage: /usr/bin/python3 tests/torch/test_export_torch.py LRLAB [--random N] [--seed S]

For every schedule, optimizer and clip type and for N seeded random valid run configs:
- the exported script loads, and its print_lrs (--print-lrs) prints exactly the bytes of
  `lrlab schedule` for the run (with the momentum column where the schedule cycles it);
- its make_optimizer, make_scheduler and clip_gradients, stepped three times on a tiny fixed
  model (lrlab's `quadratic` surface, a float32 point, the parity fixtures' conventions), give
  the points `lrlab surface` prints for the same run;
- a few scripts also run standalone as `python3 SCRIPT --print-lrs N` and without arguments.
Keys that PyTorch cannot take as lrlab does are refused with exit 2 and their JSON path.
All scripts run in this one process (importing torch takes seconds). Prints
'N passed, M failed' and exits 1 on any failure.
"""
import io
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import torch

torch.set_num_threads(1)
LRLAB = None
FAILURES = []
PASSED = [0]


def lrlab(*args, stdin=None):
    return subprocess.run([LRLAB] + list(args), input=stdin, capture_output=True, text=True)


def check(ok, name, detail=''):
    if ok:
        PASSED[0] += 1
    else:
        FAILURES.append(name)
        print('FAIL %s %s' % (name, detail))


def experiment(run, steps=60, eval_every=10):
    return {'seed': 1, 'data': {'dataset': 'circle', 'samples': 40},
            'model': {'hidden': [3]}, 'train': {'steps': steps, 'eval_every': eval_every},
            'runs': [run]}


def export(config, run_name=None):
    args = ['export-torch', '-'] + (['--run', run_name] if run_name else [])
    return lrlab(*args, stdin=json.dumps(config))


def load_script(text, name):
    ns = {'__name__': 'lrlab_export_' + name}
    exec(compile(text, name + '.py', 'exec'), ns)
    return ns


def momentum_cycled(run):
    s = run.get('schedule', {})
    kids = s.get('schedules', []) if s.get('type') == 'sequential' else [s]
    return any(k.get('type') in ('cyclic', 'one_cycle') and k.get('cycle_momentum') for k in kids)


def check_lrs(name, ns, run, steps):
    """print_lrs(steps) == `lrlab schedule` for the run, byte for byte."""
    momentum = momentum_cycled(run) and run['optimizer']['type'] not in ('adagrad', 'adadelta')
    out = io.StringIO()
    ns['print_lrs'](steps, momentum, out)
    args = ['schedule', json.dumps(run.get('schedule', {'type': 'constant'})),
            '--lr', repr(run['optimizer']['lr']), '--steps', str(steps),
            '--optimizer', run['optimizer']['type']] + (['--momentum'] if momentum else [])
    want = lrlab(*args)
    got = out.getvalue()
    if got == want.stdout and want.returncode == 0:
        return check(True, name)
    diff = [(a, b) for a, b in zip(got.splitlines(), want.stdout.splitlines()) if a != b]
    check(False, name + ' print-lrs', 'rows differ: %d, first %s %s' % (
        len(diff), diff[:2], want.stderr.strip()))


def surface_points(run, steps):
    cfg = {'function': 'quadratic', 'start': [-2.0, 1.5], 'steps': steps,
           'runs': [{k: v for k, v in run.items() if k in ('name', 'optimizer', 'schedule',
                                                          'clip')}]}
    res = lrlab('surface', '-', stdin=json.dumps(cfg))
    rows = res.stdout.splitlines()[1:5]
    return [(float(r.split(',')[2]), float(r.split(',')[3])) for r in rows], res


def check_three_steps(name, ns, run, steps):
    """Three steps of the script's optimizer, scheduler and clipping on lrlab's quadratic
    surface 0.5 (x^2 + 10 y^2) from (-2, 1.5), against `lrlab surface` (steps = train.steps so
    that the schedule's defaults are the experiment's)."""
    want, res = surface_points(run, steps)
    if res.returncode != 0 or len(want) < 4:
        return check(False, name + ' three steps', 'lrlab surface: ' + res.stderr.strip())
    p = torch.tensor([-2.0, 1.5], dtype=torch.float32, requires_grad=True)
    optimizer = ns['make_optimizer']([p])
    scheduler = ns['make_scheduler'](optimizer)
    got = [tuple(float(v) for v in p.detach())]
    for k in range(3):
        p.grad = p.detach() * torch.tensor([1.0, 10.0])  # float32, as lrlab's quadratic_grad
        ns['clip_gradients']([p])
        optimizer.step()
        if not isinstance(scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau) and \
                k + 1 < ns['HOLD_FROM']:
            scheduler.step()  # the surface feeds reduce_on_plateau no metric
        got.append(tuple(float(v) for v in p.detach()))
    bad = []
    for k, (g, w) in enumerate(zip(got, want)):
        for a, b in zip(g, w):
            if not abs(a - b) <= (k + 1) * (1e-6 * abs(b) + 1e-7):
                bad.append((k, a, b))
    check(not bad, name + ' three steps', str(bad[:3]))


def check_run(name, run, steps=60, standalone=False):
    config = experiment(run, steps)
    res = export(config)
    if res.returncode != 0:
        return check(False, name + ' export', res.stderr.strip())
    try:
        ns = load_script(res.stdout, name.replace(' ', '_'))
    except Exception as e:  # noqa: BLE001 - any failure to load is the finding
        return check(False, name + ' load', repr(e))
    check_lrs(name, ns, run, steps)
    check_three_steps(name, ns, run, steps)
    if standalone:
        check_standalone(name, res.stdout, run, steps)


def check_standalone(name, text, run, steps):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'script.py')
        with open(path, 'w') as f:
            f.write(text)
        got = subprocess.run([sys.executable, path, '--print-lrs', str(steps)],
                             capture_output=True, text=True)
        want = lrlab('schedule', json.dumps(run.get('schedule', {'type': 'constant'})), '--lr',
                     repr(run['optimizer']['lr']), '--steps', str(steps), '--optimizer',
                     run['optimizer']['type'])
        check(got.returncode == 0 and got.stdout == want.stdout, name + ' standalone',
              got.stderr[-300:])
        trained = subprocess.run([sys.executable, path, '--steps', '5'], capture_output=True,
                                 text=True)
        check(trained.returncode == 0 and 'test loss after 5 steps' in trained.stdout,
              name + ' standalone training', trained.stderr[-300:])


# ---- the cases ---------------------------------------------------------------------------
def sgd(lr=0.1, **kw):
    return dict({'type': 'sgd', 'lr': lr}, **kw)


SCHEDULES = [
    {'type': 'constant'},
    {'type': 'constant', 'factor': 0.5, 'total_iters': 7},
    {'type': 'step', 'step_size': 7, 'gamma': 0.5},
    {'type': 'multistep', 'milestones': [10, 10, 30], 'gamma': 0.3},
    {'type': 'multistep', 'milestones': [0, 0, 0, 20], 'gamma': 0.53},  # gamma ** 3 at __init__
    {'type': 'exponential', 'gamma': 0.97},
    {'type': 'inverse_time', 'decay_rate': 0.7, 'decay_steps': 6},
    {'type': 'inverse_time', 'decay_rate': 2, 'decay_steps': 7, 'staircase': True},
    {'type': 'polynomial', 'total_iters': 45, 'power': 2.5},
    {'type': 'polynomial', 'total_iters': 0},
    {'type': 'linear', 'start_factor': 0.1, 'total_iters': 12},
    {'type': 'linear', 'start_factor': 1.0, 'end_factor': 0.2, 'total_iters': 20},
    {'type': 'cosine', 'T_max': 37, 'eta_min': 0.001},
    {'type': 'cosine'},
    {'type': 'cosine_warm_restarts', 'T_0': 5, 'T_mult': 2, 'eta_min': 0.01},
    {'type': 'cyclic', 'max_lr': 0.5, 'step_size_up': 6, 'step_size_down': 9},
    {'type': 'cyclic', 'mode': 'triangular2', 'step_size_up': 4},
    {'type': 'cyclic', 'mode': 'exp_range', 'gamma': 0.97, 'step_size_up': 5,
     'cycle_momentum': True},
    {'type': 'one_cycle'},
    {'type': 'one_cycle', 'total_steps': 40, 'anneal_strategy': 'linear', 'three_phase': True,
     'cycle_momentum': True},
    {'type': 'one_cycle', 'total_steps': 80, 'pct_start': 0.25, 'div_factor': 10,
     'final_div_factor': 100, 'cycle_momentum': True},
    {'type': 'sequential', 'schedules': [{'type': 'linear', 'start_factor': 0.2,
                                          'total_iters': 10}, {'type': 'cosine', 'T_max': 50}],
     'milestones': [10]},
    {'type': 'sequential', 'schedules': [
        {'type': 'constant', 'factor': 0.5, 'total_iters': 3}, {'type': 'step', 'step_size': 5},
        {'type': 'inverse_time', 'decay_steps': 3}, {'type': 'polynomial', 'total_iters': 9,
                                                     'power': 0.5},
        {'type': 'cosine_warm_restarts', 'T_0': 4, 'T_mult': 3}],
     'milestones': [8, 20, 30, 41]},
    {'type': 'sequential', 'schedules': [{'type': 'exponential', 'gamma': 0.9},
                                         {'type': 'one_cycle', 'total_steps': 30}],
     'milestones': [25]},
    {'type': 'sequential', 'schedules': [{'type': 'cyclic', 'step_size_up': 3},
                                         {'type': 'multistep', 'milestones': [5, 9]}],
     'milestones': [12]},
    {'type': 'reduce_on_plateau', 'factor': 0.5, 'patience': 2, 'threshold_mode': 'abs'},
]

OPTIMIZERS = [
    sgd(0.05), sgd(0.05, momentum=0.9, dampening=0.1), sgd(0.02, momentum=0.8, nesterov=True,
                                                          weight_decay=0.01),
    {'type': 'adagrad', 'lr': 0.1, 'lr_decay': 0.01, 'initial_accumulator_value': 0.1},
    {'type': 'rmsprop', 'lr': 0.01, 'alpha': 0.9, 'centered': True, 'momentum': 0.5},
    {'type': 'adadelta', 'lr': 1.0, 'rho': 0.8, 'eps': 1e-4, 'weight_decay': 0.1},
    {'type': 'adam', 'lr': 0.05, 'betas': [0.8, 0.99], 'amsgrad': True},
    {'type': 'adamw', 'lr': 0.05, 'weight_decay': 0.1},
    {'type': 'adamax', 'lr': 0.02, 'eps': 1e-6},
    {'type': 'nadam', 'lr': 0.02, 'momentum_decay': 0.01},
    {'type': 'radam', 'lr': 0.02, 'weight_decay': 0.01},
    {'type': 'lion', 'lr': 0.01, 'betas': [0.95, 0.98], 'weight_decay': 0.5},
]

CLIPS = [
    {'type': 'none'}, {'type': 'value', 'clip_value': 0.5},
    {'type': 'norm', 'max_norm': 2.0}, {'type': 'norm', 'max_norm': 1.0, 'norm_type': 'inf'},
    {'type': 'global_norm', 'max_norm': 1.5, 'norm_type': 3},
    {'type': 'agc', 'clipping': 0.05, 'eps': 0.01},
]

REFUSED = [
    ('changes', {'name': 'r', 'optimizer': sgd(),
                 'changes': [{'at': 5, 'path': 'optimizer.lr', 'value': 0.01}]},
     'runs[0].changes'),
    ('cyclic beta1', {'name': 'r', 'optimizer': {'type': 'adam', 'lr': 0.01},
                      'schedule': {'type': 'cyclic', 'cycle_momentum': True}},
     'runs[0].schedule.cycle_momentum'),
    ('sequential total_iters 0', {'name': 'r', 'optimizer': sgd(), 'schedule': {
        'type': 'sequential', 'schedules': [{'type': 'step'}, {'type': 'linear',
                                                               'total_iters': 0}],
        'milestones': [5]}}, 'runs[0].schedule.schedules[1].total_iters'),
    ('one_cycle empty phase', {'name': 'r', 'optimizer': sgd(), 'schedule': {
        'type': 'one_cycle', 'total_steps': 10, 'pct_start': 0.1}},
     'runs[0].schedule.pct_start'),
    ('one_cycle before a milestone', {'name': 'r', 'optimizer': sgd(), 'schedule': {
        'type': 'sequential', 'schedules': [{'type': 'one_cycle', 'total_steps': 10},
                                            {'type': 'step'}], 'milestones': [20]}},
     'runs[0].schedule.schedules[0].total_steps'),
]


def random_schedule(rng, steps, nested=False):
    t = rng.choice(['constant', 'step', 'multistep', 'exponential', 'inverse_time',
                    'polynomial', 'linear', 'cosine', 'cosine_warm_restarts', 'cyclic',
                    'one_cycle'] + ([] if nested else ['sequential', 'reduce_on_plateau']))
    s = {'type': t}
    pick = rng.random
    if t == 'constant' and pick() < 0.7:
        s.update(factor=rng.choice([0.1, 0.5, 0.25, 1.0]), total_iters=rng.randint(0, 20))
    elif t == 'step' and pick() < 0.7:
        s.update(step_size=rng.randint(1, 30), gamma=rng.uniform(0.05, 0.99))
    elif t == 'multistep' and pick() < 0.7:
        s.update(milestones=sorted(rng.randint(0, steps) for _ in range(rng.randint(1, 4))),
                 gamma=rng.uniform(0.05, 0.99))
    elif t == 'exponential' and pick() < 0.7:
        s.update(gamma=rng.uniform(0.9, 1.0))
    elif t == 'inverse_time' and pick() < 0.7:
        s.update(decay_rate=rng.uniform(0, 3), decay_steps=rng.randint(1, 20),
                 staircase=pick() < 0.5)
    elif t == 'polynomial' and pick() < 0.7:
        s.update(total_iters=rng.randint(1, steps), power=rng.choice([1.0, 2.0, 0.5,
                                                                      rng.uniform(0, 4)]))
    elif t == 'linear' and pick() < 0.7:
        s.update(start_factor=rng.uniform(0.01, 1.0), end_factor=rng.uniform(0, 1),
                 total_iters=rng.randint(1, steps))
    elif t == 'cosine' and pick() < 0.7:
        s.update(T_max=rng.randint(1, steps), eta_min=rng.choice([0.0, 1e-4, 0.003]))
    elif t == 'cosine_warm_restarts' and pick() < 0.7:
        s.update(T_0=rng.randint(1, 30), T_mult=rng.randint(1, 3), eta_min=rng.choice([0, 1e-3]))
    elif t == 'cyclic':
        s.update(step_size_up=rng.randint(1, 20), mode=rng.choice(['triangular', 'triangular2',
                                                                   'exp_range']),
                 gamma=rng.uniform(0.9, 1.0), cycle_momentum=pick() < 0.5)
    elif t == 'one_cycle':
        s.update(total_steps=rng.randint(steps // 2, steps * 2), pct_start=rng.uniform(0.05, 0.9),
                 anneal_strategy=rng.choice(['cos', 'linear']), three_phase=pick() < 0.3,
                 cycle_momentum=pick() < 0.5)
    elif t == 'sequential':
        n = rng.randint(2, 4)
        s.update(schedules=[random_schedule(rng, steps, True) for _ in range(n)],
                 milestones=sorted(rng.sample(range(1, steps), n - 1)))
    elif t == 'reduce_on_plateau':
        s.update(patience=rng.randint(0, 5), factor=rng.uniform(0.1, 0.9))
    return s


def random_optimizer(rng):
    o = rng.choice(OPTIMIZERS)
    o = dict(o, lr=o['lr'] * rng.choice([0.3, 1.0, 3.0]))
    if 'betas' in o or o['type'] in ('adam', 'adamw', 'adamax', 'nadam', 'radam', 'lion'):
        if rng.random() < 0.5:
            o['betas'] = [rng.choice([0.8, 0.9, 0.95]), rng.choice([0.99, 0.999])]
    return o


def random_run(rng, steps):
    return {'name': 'random', 'optimizer': random_optimizer(rng),
            'schedule': random_schedule(rng, steps), 'clip': rng.choice(CLIPS)}


def valid(run, steps):
    return lrlab('validate', '-', stdin=json.dumps(experiment(run, steps))).returncode == 0


def main():
    global LRLAB
    LRLAB = sys.argv[1]
    count = int(sys.argv[sys.argv.index('--random') + 1]) if '--random' in sys.argv else 60
    seed = int(sys.argv[sys.argv.index('--seed') + 1]) if '--seed' in sys.argv else 1
    for i, s in enumerate(SCHEDULES):
        # adam for every third (torch 1.13's CyclicLR cannot cycle its beta1: refused below)
        adam = i % 3 == 2 and s['type'] != 'cyclic'
        opt = {'type': 'adam', 'lr': 0.01} if adam else sgd(0.1, momentum=0.5)
        check_run('schedule %d %s' % (i, s['type']), {'name': 's', 'optimizer': opt,
                                                       'schedule': s}, standalone=i in (12, 23))
    for o in OPTIMIZERS:
        cycles = o['type'] not in ('adagrad', 'adadelta')  # no momentum to cycle
        check_run('optimizer ' + o['type'], {'name': 'o', 'optimizer': o,
                                             'schedule': {'type': 'one_cycle',
                                                          'cycle_momentum': cycles}})
    for c in CLIPS:
        check_run('clip ' + c['type'], {'name': 'c', 'optimizer': sgd(0.05, momentum=0.9),
                                        'clip': c}, standalone=c['type'] == 'agc')
    rng = random.Random(seed)
    done = refused = 0
    while done < count:
        steps = rng.randint(5, 300)
        run = random_run(rng, steps)
        if not valid(run, steps):
            continue
        res = export(experiment(run, steps))
        if res.returncode == 2:
            refused += 1  # named by the refusal checks below; counted, not hidden
            continue
        done += 1
        check_run('random %d' % done, run, steps)
    for name, run, path in REFUSED:
        res = export(experiment(run))
        check(res.returncode == 2 and path + ':' in res.stderr and not res.stdout,
              'refuses ' + name, '(exit %d) %s' % (res.returncode, res.stderr.strip()))
    res = lrlab('export-torch', '-', '--run', 'nope', stdin=json.dumps(experiment(
        {'name': 'a', 'optimizer': sgd()})))
    check(res.returncode == 2 and '--run' in res.stderr, 'refuses an unknown --run')
    print('random configs: %d exported, %d refused' % (done, refused))
    print('%d passed, %d failed' % (PASSED[0], len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == '__main__':
    sys.exit(main())
