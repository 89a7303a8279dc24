#!/usr/bin/python3
"""Generates lrlab's PyTorch 1.13 parity fixtures (tests/parity/fixtures/*.json).

Usage: /usr/bin/python3 tests/parity/gen_fixtures.py OUT_DIR      (or `make fixtures`)

Needs Debian's python3-torch (1.13). Deterministic: fixed seeds, one thread, and no data that
depends on the clock. Doubles (LRs, surface values, penalties) are written with repr(), which
round-trips exactly; float32 values with their shortest decimal that reads back exactly as the
same float32 (see short_f32).

Sections: [COMMON] helpers and torch factories from lrlab-style configs
          [SURFACES] the 2-D test functions    [MLP] the small networks
          [OPTIMIZERS] optimizers.json   [SCHEDULES] schedules.json
          [CLIP] clip.json               [GRADS] mlp.json
Layouts follow lrlab: weights are (n_in, n_out) = nn.Linear.weight transposed, biases (1, n_out),
parameters flattened row-major in the order w0, b0, w1, b1, ...
"""
import json
import math
import os
import struct
import sys

import torch
import torch.nn.functional as F
from torch.optim import lr_scheduler as S

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

# ---------------------------------------------------------------------------- [COMMON]


def to_f32(x):
    return struct.unpack('<f', struct.pack('<f', x))[0]


def short_f32(v):
    """The double nearest to the shortest decimal that reads back as the float32 v.

    Written with repr(), it is that short decimal, and a reader that parses it as a double
    (strtod, correctly rounded) and casts to float gets v exactly: checked here, so that no
    double rounding can bite. This halves the fixtures against repr of the exact value."""
    if v == 0.0 or not math.isfinite(v):
        return v
    for digits in range(1, 10):
        d = float('%.*g' % (digits, v))
        if to_f32(d) == v:
            return d
    return v  # 9 significant digits always round-trip a float32; not reached


def exact(t):
    """A float32 tensor's values as the doubles they are exactly (for arithmetic here)."""
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def floats(t):
    """A float32 tensor as a flat list of Python floats that read back exactly as float32."""
    assert t.dtype == torch.float32
    return [short_f32(float(v)) for v in t.detach().reshape(-1).tolist()]


def flat(params):
    return [v for p in params for v in floats(p)]


class Lion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms", Algorithm 2):
    c = b1*m + (1-b1)*g; p *= 1 - lr*wd; p -= lr*sign(c); m = b2*m + (1-b2)*g."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, wd = group['lr'], group['weight_decay']
            b1, b2 = group['betas']
            for p in group['params']:
                g = p.grad
                state = self.state[p]
                if not state:
                    state['exp_avg'] = torch.zeros_like(p)
                m = state['exp_avg']
                c = m.mul(b1).add_(g, alpha=1 - b1)
                p.mul_(1 - lr * wd)
                p.add_(torch.sign(c), alpha=-lr)
                m.mul_(b2).add_(g, alpha=1 - b2)


OPTIMIZERS = {'sgd': torch.optim.SGD, 'adagrad': torch.optim.Adagrad,
              'rmsprop': torch.optim.RMSprop, 'adadelta': torch.optim.Adadelta,
              'adam': torch.optim.Adam, 'adamw': torch.optim.AdamW,
              'adamax': torch.optim.Adamax, 'nadam': torch.optim.NAdam,
              'radam': torch.optim.RAdam, 'lion': Lion}


def make_torch_optimizer(cfg, params):
    """cfg: an lrlab optimizer config (PyTorch's names); omitted keys take torch's defaults,
    which are lrlab's too except sgd's lr (lrlab: 0.03)."""
    kw = {k: (tuple(v) if k == 'betas' else v) for k, v in cfg.items() if k != 'type'}
    if cfg['type'] == 'sgd':
        kw.setdefault('lr', 0.03)
    return OPTIMIZERS[cfg['type']](params, **kw)


class InverseTimeLR:
    """Keras InverseTimeDecay (not in torch): lr = L / (1 + rate * p), p = t/steps or floor."""

    def __init__(self, opt, decay_rate, decay_steps, staircase):
        self.opt, self.rate, self.steps, self.stair = opt, decay_rate, decay_steps, staircase
        self.base, self.t = opt.param_groups[0]['lr'], 0

    def step(self):
        self.t += 1
        p = math.floor(self.t / self.steps) if self.stair else self.t / self.steps
        self.opt.param_groups[0]['lr'] = self.base / (1 + self.rate * p)


def make_torch_schedule(cfg, opt):
    """cfg: an lrlab schedule config with every key the case needs spelled out."""
    t, c = cfg['type'], cfg
    if t == 'constant':
        return S.ConstantLR(opt, factor=c['factor'], total_iters=c['total_iters'])
    if t == 'step':
        return S.StepLR(opt, step_size=c['step_size'], gamma=c['gamma'])
    if t == 'multistep':
        return S.MultiStepLR(opt, milestones=c['milestones'], gamma=c['gamma'])
    if t == 'exponential':
        return S.ExponentialLR(opt, gamma=c['gamma'])
    if t == 'inverse_time':
        return InverseTimeLR(opt, c['decay_rate'], c['decay_steps'], c['staircase'])
    if t == 'polynomial':
        return S.PolynomialLR(opt, total_iters=c['total_iters'], power=c['power'])
    if t == 'linear':
        return S.LinearLR(opt, start_factor=c['start_factor'], end_factor=c['end_factor'],
                          total_iters=c['total_iters'])
    if t == 'cosine':
        return S.CosineAnnealingLR(opt, T_max=c['T_max'], eta_min=c['eta_min'])
    if t == 'cosine_warm_restarts':
        return S.CosineAnnealingWarmRestarts(opt, T_0=c['T_0'], T_mult=c['T_mult'],
                                             eta_min=c['eta_min'])
    if t == 'cyclic':
        return S.CyclicLR(opt, base_lr=c['base_lr'], max_lr=c['max_lr'],
                          step_size_up=c['step_size_up'], step_size_down=c['step_size_down'],
                          mode=c['mode'], gamma=c['gamma'], cycle_momentum=c['cycle_momentum'],
                          base_momentum=c['base_momentum'], max_momentum=c['max_momentum'])
    if t == 'one_cycle':
        return S.OneCycleLR(opt, max_lr=c['max_lr'], total_steps=c['total_steps'],
                            pct_start=c['pct_start'], anneal_strategy=c['anneal_strategy'],
                            cycle_momentum=c['cycle_momentum'], base_momentum=c['base_momentum'],
                            max_momentum=c['max_momentum'], div_factor=c['div_factor'],
                            final_div_factor=c['final_div_factor'],
                            three_phase=c['three_phase'])
    if t == 'sequential':
        subs = [make_torch_schedule(s, opt) for s in c['schedules']]
        return S.SequentialLR(opt, schedulers=subs, milestones=c['milestones'])
    if t == 'reduce_on_plateau':
        return S.ReduceLROnPlateau(opt, mode=c['mode'], factor=c['factor'],
                                   patience=c['patience'], threshold=c['threshold'],
                                   threshold_mode=c['threshold_mode'], cooldown=c['cooldown'],
                                   min_lr=c['min_lr'], eps=c['eps'])
    raise ValueError(t)


def group_momentum(opt):
    g = opt.param_groups[0]
    return g['betas'][0] if 'betas' in g else g['momentum']


def clip_(grads, cfg):
    """lrlab's clip link on a list of gradient tensors (in place). norm = per tensor."""
    if cfg is None or cfg['type'] == 'none':
        return
    norm_type = float(cfg.get('norm_type', 2.0))
    if cfg['type'] == 'value':
        torch.nn.utils.clip_grad_value_(grads, cfg.get('clip_value', 1.0))
    elif cfg['type'] == 'global_norm':
        torch.nn.utils.clip_grad_norm_(grads, cfg.get('max_norm', 1.0), norm_type)
    elif cfg['type'] == 'norm':
        for g in grads:
            torch.nn.utils.clip_grad_norm_([g], cfg.get('max_norm', 1.0), norm_type)
    else:
        raise ValueError(cfg['type'])


class GradHolder:
    """clip_grad_*_ take parameters and read .grad: wrap plain gradient tensors."""

    def __init__(self, g):
        self.grad = g


def clip_tensors_(tensors, cfg):
    clip_([GradHolder(t) for t in tensors], cfg)


def json_clip_cfg(cfg):
    """norm_type inf is written as the string "inf" (JSON has no infinity)."""
    if cfg is not None and cfg.get('norm_type') == math.inf:
        return dict(cfg, norm_type='inf')
    return cfg


# ---------------------------------------------------------------------------- [SURFACES]
# Evaluated in float64 at the float32 point and rounded to float32: the reference gradient is
# (nearly) the correctly rounded one, whatever internal precision lrlab's surfaces use.
SURFACES = {
    'rosenbrock': ('(1-x)^2 + 100*(y-x^2)^2',
                   lambda x, y: (1 - x) ** 2 + 100 * (y - x ** 2) ** 2),
    'beale': ('(1.5-x+x*y)^2 + (2.25-x+x*y^2)^2 + (2.625-x+x*y^3)^2',
              lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2
              + (2.625 - x + x * y ** 3) ** 2),
    'himmelblau': ('(x^2+y-11)^2 + (x+y^2-7)^2',
                   lambda x, y: (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2),
    'rastrigin': ('20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)',
                  lambda x, y: 20 + x ** 2 - 10 * torch.cos(2 * math.pi * x)
                  + y ** 2 - 10 * torch.cos(2 * math.pi * y)),
    'saddle': ('x^2 - y^2', lambda x, y: x ** 2 - y ** 2),
    'quadratic': ('0.5*x^2 + 5*y^2', lambda x, y: 0.5 * x ** 2 + 5 * y ** 2),
    'six_hump_camel': ('(4 - 2.1*x^2 + x^4/3)*x^2 + x*y + (-4 + 4*y^2)*y^2',
                       lambda x, y: (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y
                       + (-4 + 4 * y ** 2) * y ** 2),
    'ackley': ('-20*exp(-0.2*sqrt(0.5*(x^2+y^2))) - exp(0.5*(cos(2*pi*x)+cos(2*pi*y))) + e + 20',
               lambda x, y: -20 * torch.exp(-0.2 * torch.sqrt(0.5 * (x ** 2 + y ** 2)))
               - torch.exp(0.5 * (torch.cos(2 * math.pi * x) + torch.cos(2 * math.pi * y)))
               + math.e + 20),
    'styblinski_tang': ('0.5*(x^4 - 16*x^2 + 5*x + y^4 - 16*y^2 + 5*y)',
                        lambda x, y: 0.5 * (x ** 4 - 16 * x ** 2 + 5 * x
                                            + y ** 4 - 16 * y ** 2 + 5 * y)),
}
# start point, lr for plain SGD, lr for the adaptive optimizers
SURFACE_SETUP = {
    'rosenbrock': ([-1.5, 2.0], 5e-4, 0.05),
    'beale': ([1.0, 1.0], 0.01, 0.05),
    'himmelblau': ([0.0, 0.0], 0.01, 0.1),
    'rastrigin': ([2.2, -1.7], 2e-3, 0.05),
    'saddle': ([1.0, 1e-3], 0.05, 0.05),
    'quadratic': ([-2.0, 1.5], 0.05, 0.1),
    'six_hump_camel': ([-1.5, 1.0], 0.01, 0.05),
    'ackley': ([2.3, -1.6], 0.01, 0.05),
    'styblinski_tang': ([0.5, -0.5], 0.01, 0.05),
}


def surface_value_grad(name, p):
    """p: float32 tensor (2). Returns (value as double, float32 gradient tensor (2))."""
    q = p.detach().double().requires_grad_(True)
    f = SURFACES[name][1](q[0], q[1])
    f.backward()
    return f.item(), q.grad.float()


# ---------------------------------------------------------------------------- [MLP]
ACTIVATIONS = {
    'relu': F.relu, 'tanh': torch.tanh, 'sigmoid': torch.sigmoid, 'linear': lambda z: z,
    'leaky_relu': None,  # needs the slope: see mlp_forward
    'gelu': lambda z: F.gelu(z, approximate='none'),
}


def activate(z, activation, leaky_slope):
    if activation == 'leaky_relu':
        return F.leaky_relu(z, leaky_slope)
    return ACTIVATIONS[activation](z)


def mlp_forward(params, x, activation, leaky_slope=0.01):
    """params: [w0 (n_in, h0), b0 (1, h0), ...] in lrlab's layout; returns the outputs."""
    a = x
    n_layers = len(params) // 2
    for i in range(n_layers):
        z = a @ params[2 * i] + params[2 * i + 1]
        if i == n_layers - 1:
            return z
        a = activate(z, activation, leaky_slope)
    return a


def data_loss(task, out, y):
    if task == 'binary':
        return F.binary_cross_entropy_with_logits(out[:, 0], y)
    if task == 'multiclass':
        return F.cross_entropy(out, y.long())
    return F.mse_loss(out[:, 0], y)


def penalty(params, l1, l2):
    """lrlab: l1 * sum|w| + l2 * 0.5 * sum w^2 over weights (even indices), not biases."""
    total = torch.zeros((), dtype=torch.float32)
    for w in params[0::2]:
        if l1:
            total = total + l1 * w.abs().sum()
        if l2:
            total = total + l2 * 0.5 * (w * w).sum()
    return total


def make_mlp_params(sizes, gen, scale=1.0):
    """Uniform(-s, s) weights with s = scale*sqrt(6/(fan_in+fan_out)); small random biases."""
    params = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        s = scale * math.sqrt(6.0 / (n_in + n_out))
        params.append(((torch.rand(n_in, n_out, generator=gen) * 2 - 1) * s).float())
        params.append(((torch.rand(1, n_out, generator=gen) * 2 - 1) * 0.2).float())
    return params


def make_mlp_data(task, n, n_in, classes, gen):
    x = torch.randn(n, n_in, generator=gen).float()
    if task == 'binary':
        y = (x[:, 0] * x[:, 1] > 0).float()
    elif task == 'multiclass':
        y = (torch.atan2(x[:, 1], x[:, 0]) + math.pi) / (2 * math.pi) * classes
        y = y.floor().clamp(0, classes - 1).float()
    else:
        y = (x[:, 0] - 0.5 * x[:, 1] + 0.1 * torch.randn(n, generator=gen)).float()
    return x, y


def layer_shapes(sizes):
    out = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        out += [['w%d' % i, n_in, n_out], ['b%d' % i, 1, n_out]]
    return out


def hidden_preactivations_clear(params, x, activation, margin, leaky_slope=0.01):
    """True when every hidden pre-activation is at least `margin` away from 0, where relu and
    leaky_relu have their kink (finite differences and float rounding stay on one side)."""
    a = x
    for i in range(len(params) // 2 - 1):
        z = a @ params[2 * i] + params[2 * i + 1]
        if z.abs().min().item() < margin:
            return False
        a = activate(z, activation, leaky_slope)
    return True


# ---------------------------------------------------------------------------- [OPTIMIZERS]


def optimizer_variants(s, a):
    """Every optimizer with its options; s = lr for SGD, a = lr for the adaptive ones."""
    return [
        {'type': 'sgd', 'lr': s},
        {'type': 'sgd', 'lr': s, 'momentum': 0.9},
        {'type': 'sgd', 'lr': s, 'momentum': 0.9, 'dampening': 0.5},
        {'type': 'sgd', 'lr': s, 'momentum': 0.9, 'nesterov': True},
        {'type': 'sgd', 'lr': s, 'weight_decay': 0.1},
        {'type': 'sgd', 'lr': s, 'momentum': 0.5, 'nesterov': True, 'weight_decay': 0.1},
        {'type': 'adagrad', 'lr': a},
        {'type': 'adagrad', 'lr': a, 'lr_decay': 0.05},
        {'type': 'adagrad', 'lr': a, 'initial_accumulator_value': 0.5},
        {'type': 'adagrad', 'lr': a, 'weight_decay': 0.1, 'eps': 1e-3},
        {'type': 'rmsprop', 'lr': a / 10},
        {'type': 'rmsprop', 'lr': a / 10, 'centered': True},
        {'type': 'rmsprop', 'lr': a / 10, 'momentum': 0.9},
        {'type': 'rmsprop', 'lr': a / 10, 'centered': True, 'momentum': 0.5},
        {'type': 'rmsprop', 'lr': a / 10, 'alpha': 0.9, 'weight_decay': 0.1, 'eps': 1e-4},
        {'type': 'adadelta'},
        {'type': 'adadelta', 'lr': 2.0, 'rho': 0.95, 'eps': 1e-3},
        {'type': 'adadelta', 'lr': 2.0, 'eps': 1e-3, 'weight_decay': 0.1},
        {'type': 'adam', 'lr': a},
        {'type': 'adam', 'lr': a, 'amsgrad': True},
        {'type': 'adam', 'lr': a, 'weight_decay': 0.1},
        {'type': 'adam', 'lr': a, 'amsgrad': True, 'weight_decay': 0.1, 'betas': [0.5, 0.9]},
        {'type': 'adam', 'lr': a, 'eps': 1e-2},
        {'type': 'adamw', 'lr': a},
        {'type': 'adamw', 'lr': a, 'weight_decay': 0.1, 'amsgrad': True},
        {'type': 'adamax', 'lr': a},
        {'type': 'adamax', 'lr': a, 'weight_decay': 0.1, 'betas': [0.8, 0.99]},
        {'type': 'nadam', 'lr': a},
        {'type': 'nadam', 'lr': a, 'momentum_decay': 0.01},
        {'type': 'nadam', 'lr': a, 'weight_decay': 0.1, 'betas': [0.8, 0.99]},
        {'type': 'radam', 'lr': a / 5},
        {'type': 'radam', 'lr': a / 5, 'betas': [0.9, 0.99]},
        {'type': 'radam', 'lr': a / 5, 'weight_decay': 0.1},
        {'type': 'lion', 'lr': a / 5},
        {'type': 'lion', 'lr': a / 5, 'weight_decay': 0.5},
        {'type': 'lion', 'lr': a / 5, 'betas': [0.95, 0.98]},
    ]


def one_per_type(variants):
    seen, out = set(), []
    for v in variants:
        if v['type'] not in seen:
            seen.add(v['type'])
            out.append(v)
    return out


def case_name(opt_cfg, sched_cfg=None, clip_cfg=None, extra=''):
    parts = [opt_cfg['type']] + ['%s=%s' % (k, json.dumps(v, separators=(',', ':')))
                                 for k, v in opt_cfg.items() if k not in ('type', 'lr')]
    if sched_cfg:
        parts.append('sched=' + sched_cfg['type'])
    if clip_cfg:
        parts.append('clip=' + clip_cfg['type'])
    return ' '.join(parts) + extra


def train_record(params, grad_fn, opt_cfg, steps, sched_cfg, clip_cfg):
    """The lab's step: loss -> backward -> clip -> optimizer.step() -> scheduler.step().
    Returns the rows: params after k steps (k = 0..steps), the raw gradient of step k (before
    clipping), the loss, the LR read before each step, and the cycled momentum if any."""
    opt = make_torch_optimizer(opt_cfg, params)
    sched = make_torch_schedule(sched_cfg, opt) if sched_cfg else None
    rows, grads, losses, lrs, moms = [flat(params)], [], [], [], []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]['lr'])
        moms.append(group_momentum(opt) if 'momentum' in opt.param_groups[0]
                    or 'betas' in opt.param_groups[0] else 0.0)
        loss, gs = grad_fn(params)
        losses.append(loss)
        grads.append([v for g in gs for v in floats(g)])
        for p, g in zip(params, gs):
            p.grad = g.clone()
        clip_(params, clip_cfg)
        opt.step()
        if sched:
            sched.step()
        rows.append(flat(params))
        assert all(math.isfinite(v) for v in rows[-1]), 'diverged: ' + str(opt_cfg)
    out = {'params': rows, 'grads': grads, 'loss': losses, 'lr': lrs}
    if sched_cfg and sched_cfg.get('cycle_momentum'):
        out['momentum'] = moms
    return out


def surface_grad_f32(fn, p):
    """The gradient evaluated in float32 autograd: another valid float32 rounding."""
    q = p.detach().clone().requires_grad_(True)
    SURFACES[fn][1](q[0], q[1]).backward()
    return q.grad


def predictable_steps(exact_rows, f32_rows, steps):
    """Rows during which the trajectory does not amplify float32 gradient rounding: the run
    with float32-evaluated gradients stays within a tenth of the C++ closed-loop tolerance,
    (k + 1) * (2e-5 |p| + 2e-6), of the run with exact gradients. An optimizer oscillating
    across rosenbrock's valley amplifies such differences ~1.7x per step, for instance."""
    for k in range(1, steps + 1):
        for a, b in zip(exact_rows[k], f32_rows[k]):
            if abs(a - b) > 0.1 * (k + 1) * (2e-5 * abs(a) + 2e-6):
                return k - 1
    return steps


def surface_case(fn, opt_cfg, steps, sched_cfg=None, clip_cfg=None):
    start = SURFACE_SETUP[fn][0]

    def run(grad_of):
        p = torch.tensor(start, dtype=torch.float32).reshape(1, 2).requires_grad_(True)

        def grad_fn(params):
            v, g = surface_value_grad(fn, params[0].reshape(2))
            return v, [grad_of(params[0].reshape(2), g).reshape(1, 2)]
        return train_record([p], grad_fn, opt_cfg, steps, sched_cfg, clip_cfg)

    record = run(lambda p, exact: exact)
    f32 = run(lambda p, exact: surface_grad_f32(fn, p))
    case = {'name': fn + ': ' + case_name(opt_cfg, sched_cfg, clip_cfg), 'kind': 'surface',
            'function': fn, 'formula': SURFACES[fn][0], 'layout': [['xy', 1, 2]],
            'optimizer': opt_cfg, 'schedule': sched_cfg, 'clip': json_clip_cfg(clip_cfg),
            'l1': 0.0, 'l2': 0.0, 'steps': steps,
            'compare_steps': predictable_steps(record['params'], f32['params'], steps)}
    case.update(record)
    return case


MLP_MODELS = {
    # name: sizes, activation, task, classes
    'A': ([2, 3, 1], 'tanh', 'binary', 2),
    'B': ([2, 4, 3], 'relu', 'multiclass', 3),
    'C': ([2, 4, 1], 'sigmoid', 'regression', 1),
}


def mlp_setup(model, seed):
    sizes, act, task, classes = MLP_MODELS[model]
    gen = torch.Generator().manual_seed(seed)
    while True:  # deterministic retry until no relu kink is near a hidden pre-activation
        x, y = make_mlp_data(task, 8, sizes[0], classes, gen)
        params = make_mlp_params(sizes, gen)
        if hidden_preactivations_clear(params, x, act, 0.05):
            return sizes, act, task, x, y, params


def mlp_case(model, opt_cfg, steps, sched_cfg=None, clip_cfg=None, l1=0.0, l2=0.0):
    sizes, act, task, x, y, init = mlp_setup(model, 1234)
    params = [p.clone().requires_grad_(True) for p in init]

    def grad_fn(ps):
        qs = [p.detach().clone().requires_grad_(True) for p in ps]
        loss = data_loss(task, mlp_forward(qs, x, act), y)
        (loss + penalty(qs, l1, l2)).backward()
        return short_f32(loss.item()), [q.grad for q in qs]

    extra = (' l1=%g' % l1 if l1 else '') + (' l2=%g' % l2 if l2 else '')
    case = {'name': 'mlp %s: ' % model + case_name(opt_cfg, sched_cfg, clip_cfg, extra),
            'kind': 'mlp', 'model': {'sizes': sizes, 'activation': act, 'task': task},
            'x': floats(x), 'y': floats(y), 'layout': layer_shapes(sizes),
            'optimizer': opt_cfg, 'schedule': sched_cfg, 'clip': json_clip_cfg(clip_cfg),
            'l1': l1, 'l2': l2, 'steps': steps, 'compare_steps': steps}
    case.update(train_record(params, grad_fn, opt_cfg, steps, sched_cfg, clip_cfg))
    return case


def one_cycle(max_lr, total, strategy='cos', three_phase=False, cycle_momentum=True):
    return {'type': 'one_cycle', 'max_lr': max_lr, 'total_steps': total, 'pct_start': 0.3,
            'anneal_strategy': strategy, 'cycle_momentum': cycle_momentum,
            'base_momentum': 0.85, 'max_momentum': 0.95, 'div_factor': 25.0,
            'final_div_factor': 1e4, 'three_phase': three_phase}


def cyclic(base_lr, max_lr, up, mode='triangular', cycle_momentum=True, gamma=1.0):
    return {'type': 'cyclic', 'base_lr': base_lr, 'max_lr': max_lr, 'step_size_up': up,
            'step_size_down': up, 'mode': mode, 'gamma': gamma,
            'cycle_momentum': cycle_momentum, 'base_momentum': 0.8, 'max_momentum': 0.9}


def optimizer_cases():
    cases = []
    steps = 60
    for fn in ('quadratic', 'rosenbrock'):
        _, s, a = SURFACE_SETUP[fn]
        cases += [surface_case(fn, v, steps) for v in optimizer_variants(s, a)]
    for fn in ('beale', 'himmelblau', 'rastrigin', 'saddle', 'six_hump_camel', 'ackley',
               'styblinski_tang'):
        _, s, a = SURFACE_SETUP[fn]
        cases += [surface_case(fn, v, steps) for v in one_per_type(optimizer_variants(s, a))]
    # schedules and clipping inside the loop
    cases += [
        surface_case('rosenbrock', {'type': 'sgd', 'lr': 1e-3, 'momentum': 0.9}, steps,
                     clip_cfg={'type': 'global_norm', 'max_norm': 10.0}),
        surface_case('rosenbrock', {'type': 'adam', 'lr': 0.05}, steps,
                     {'type': 'cosine', 'T_max': 25, 'eta_min': 0.0},
                     {'type': 'value', 'clip_value': 1.0}),
        surface_case('quadratic', {'type': 'sgd', 'lr': 0.05, 'momentum': 0.9}, steps,
                     one_cycle(0.1, steps)),
        surface_case('himmelblau', {'type': 'adam', 'lr': 0.1}, steps,
                     one_cycle(0.2, steps, three_phase=True)),
        surface_case('beale', {'type': 'rmsprop', 'lr': 0.01, 'momentum': 0.9}, steps,
                     cyclic(0.001, 0.01, 8)),
        surface_case('quadratic', {'type': 'sgd', 'lr': 0.1}, steps,
                     {'type': 'step', 'step_size': 15, 'gamma': 0.5}),
        surface_case('rastrigin', {'type': 'sgd', 'lr': 2e-3}, steps,
                     clip_cfg={'type': 'norm', 'max_norm': 5.0, 'norm_type': math.inf}),
    ]
    mlp_steps = 20
    cases += [mlp_case('B', v, mlp_steps) for v in optimizer_variants(0.5, 0.05)]
    for model in ('A', 'C'):
        cases += [mlp_case(model, v, mlp_steps)
                  for v in one_per_type(optimizer_variants(0.5, 0.05))]
    cases += [
        mlp_case('A', {'type': 'sgd', 'lr': 1.0, 'momentum': 0.9}, mlp_steps,
                 {'type': 'step', 'step_size': 5, 'gamma': 0.5},
                 {'type': 'global_norm', 'max_norm': 0.5}),
        mlp_case('B', {'type': 'adam', 'lr': 0.05}, mlp_steps, one_cycle(0.05, mlp_steps),
                 {'type': 'norm', 'max_norm': 0.3}),
        mlp_case('C', {'type': 'sgd', 'lr': 0.5}, mlp_steps,
                 {'type': 'cosine', 'T_max': 8, 'eta_min': 0.01},
                 {'type': 'value', 'clip_value': 0.05}, l2=0.01),
        mlp_case('B', {'type': 'adamw', 'lr': 0.05}, mlp_steps, None,
                 {'type': 'global_norm', 'max_norm': 0.2, 'norm_type': math.inf}, l1=1e-3),
        mlp_case('C', {'type': 'rmsprop', 'lr': 0.01, 'centered': True, 'momentum': 0.5},
                 mlp_steps, cyclic(0.002, 0.02, 4)),
        mlp_case('A', {'type': 'lion', 'lr': 0.01}, mlp_steps,
                 {'type': 'linear', 'start_factor': 0.25, 'end_factor': 1.0,
                  'total_iters': 6}, l1=0.01, l2=0.01),
        mlp_case('B', {'type': 'sgd', 'lr': 0.5, 'momentum': 0.9, 'nesterov': True},
                 mlp_steps, one_cycle(0.5, mlp_steps, 'linear'),
                 {'type': 'global_norm', 'max_norm': 0.5, 'norm_type': 1.0}),
        mlp_case('A', {'type': 'nadam', 'lr': 0.05}, mlp_steps, one_cycle(0.1, mlp_steps),
                 l2=0.05),
    ]
    return cases


# ---------------------------------------------------------------------------- [SCHEDULES]


def schedule_case(name, sched_cfg, steps, opt_cfg=None, metrics=None):
    """The LR (and cycled momentum) read from param_groups[0] before each of `steps` optimizer
    steps; for reduce_on_plateau, before each observation of metrics[k] (plus the one after)."""
    opt_cfg = opt_cfg or {'type': 'sgd', 'lr': 0.1, 'momentum': 0.9}
    p = torch.zeros(1, requires_grad=True)
    opt = make_torch_optimizer(opt_cfg, [p])
    sched = make_torch_schedule(sched_cfg, opt)
    lrs, moms = [], []
    for k in range(steps):
        lrs.append(opt.param_groups[0]['lr'])
        moms.append(group_momentum(opt))
        p.grad = torch.zeros(1)
        opt.step()
        if metrics is not None:
            sched.step(metrics[k])
        else:
            sched.step()  # OneCycleLR raises only past total_steps + 1 calls
    case = {'name': name, 'optimizer': opt_cfg, 'schedule': sched_cfg, 'steps': steps,
            'lr': lrs}
    if metrics is not None:
        case['metrics'] = metrics
        case['lr_after'] = opt.param_groups[0]['lr']
    if sched_cfg.get('cycle_momentum'):
        case['momentum'] = moms
    return case


def plateau(**kw):
    cfg = {'type': 'reduce_on_plateau', 'mode': 'min', 'factor': 0.5, 'patience': 2,
           'threshold': 1e-4, 'threshold_mode': 'rel', 'cooldown': 0, 'min_lr': 0.0,
           'eps': 1e-8}
    cfg.update(kw)
    return cfg


def plateau_metrics(n, gen):
    """Falls, stalls with small noise, falls again, then rises: every branch of the machine."""
    out = []
    for k in range(n):
        if k < 8:
            base = 1.0 - 0.05 * k
        elif k < 20:
            base = 0.6
        elif k < 26:
            base = 0.6 - 0.02 * (k - 19)
        else:
            base = 0.48 + 0.01 * (k - 26)
        out.append(base + 1e-5 * float(torch.rand(1, generator=gen).item() - 0.5))
    return out


def schedule_cases():
    c = []
    add = c.append
    add(schedule_case('constant identity', {'type': 'constant', 'factor': 1.0,
                                            'total_iters': 0}, 8))
    add(schedule_case('constant factor', {'type': 'constant', 'factor': 0.25,
                                          'total_iters': 4}, 10))
    add(schedule_case('step 3 0.5', {'type': 'step', 'step_size': 3, 'gamma': 0.5}, 14))
    add(schedule_case('step 7 0.1', {'type': 'step', 'step_size': 7, 'gamma': 0.1}, 30))
    add(schedule_case('multistep', {'type': 'multistep', 'milestones': [2, 5, 9],
                                    'gamma': 0.3}, 14))
    add(schedule_case('exponential 0.9', {'type': 'exponential', 'gamma': 0.9}, 40))
    add(schedule_case('exponential 0.99', {'type': 'exponential', 'gamma': 0.99}, 120))
    for rate, steps, stair in ((1.0, 10, False), (0.5, 7, True)):
        add(schedule_case('inverse_time %g %d %s' % (rate, steps, stair),
                          {'type': 'inverse_time', 'decay_rate': rate, 'decay_steps': steps,
                           'staircase': stair}, 50))
    add(schedule_case('polynomial 20 1', {'type': 'polynomial', 'total_iters': 20,
                                          'power': 1.0}, 30))
    add(schedule_case('polynomial 15 2.5', {'type': 'polynomial', 'total_iters': 15,
                                            'power': 2.5}, 25))
    add(schedule_case('linear warmup', {'type': 'linear', 'start_factor': 1 / 3,
                                        'end_factor': 1.0, 'total_iters': 10}, 20))
    add(schedule_case('linear decay', {'type': 'linear', 'start_factor': 1.0,
                                       'end_factor': 0.1, 'total_iters': 12}, 20))
    add(schedule_case('cosine 20 past T_max', {'type': 'cosine', 'T_max': 20,
                                               'eta_min': 0.0}, 90))
    add(schedule_case('cosine 7 eta_min', {'type': 'cosine', 'T_max': 7, 'eta_min': 0.01}, 40))
    add(schedule_case('cosine 1', {'type': 'cosine', 'T_max': 1, 'eta_min': 0.0}, 6))
    add(schedule_case('warm restarts T_mult 1', {'type': 'cosine_warm_restarts', 'T_0': 10,
                                                 'T_mult': 1, 'eta_min': 0.0}, 45))
    add(schedule_case('warm restarts T_mult 2', {'type': 'cosine_warm_restarts', 'T_0': 3,
                                                 'T_mult': 2, 'eta_min': 0.001}, 60))
    for mode, up, gamma, n in (('triangular', 5, 1.0, 40), ('triangular2', 4, 1.0, 60),
                               ('exp_range', 5, 0.97, 50)):
        for cm in (False, True):
            cfg = cyclic(0.01, 0.1, up, mode, cm, gamma)
            if mode == 'triangular2':
                cfg['step_size_down'] = 6
            add(schedule_case('cyclic %s momentum=%s' % (mode, cm), cfg, n))
    add(schedule_case('one_cycle cos', one_cycle(0.1, 50, cycle_momentum=False), 50))
    add(schedule_case('one_cycle cos momentum', one_cycle(0.1, 50), 50))
    add(schedule_case('one_cycle linear momentum', one_cycle(0.2, 40, 'linear'), 40))
    add(schedule_case('one_cycle three_phase', one_cycle(0.1, 60, three_phase=True), 60))
    cfg = one_cycle(0.01, 45, 'linear', three_phase=True)
    cfg.update(pct_start=0.25, div_factor=10.0, final_div_factor=100.0)
    add(schedule_case('one_cycle adam beta1', cfg, 45, {'type': 'adam', 'lr': 0.001}))
    add(schedule_case('sequential linear cosine', {
        'type': 'sequential', 'milestones': [5],
        'schedules': [{'type': 'linear', 'start_factor': 0.1, 'end_factor': 1.0,
                       'total_iters': 5},
                      {'type': 'cosine', 'T_max': 30, 'eta_min': 0.0}]}, 50))
    add(schedule_case('sequential constant exponential', {
        'type': 'sequential', 'milestones': [6],
        'schedules': [{'type': 'constant', 'factor': 0.5, 'total_iters': 3},
                      {'type': 'exponential', 'gamma': 0.9}]}, 30))
    add(schedule_case('sequential linear step cosine', {
        'type': 'sequential', 'milestones': [4, 15],
        'schedules': [{'type': 'linear', 'start_factor': 0.25, 'end_factor': 1.0,
                       'total_iters': 4},
                      {'type': 'step', 'step_size': 5, 'gamma': 0.5},
                      {'type': 'cosine', 'T_max': 10, 'eta_min': 0.001}]}, 40))
    gen = torch.Generator().manual_seed(7)
    m = plateau_metrics(40, gen)
    add(schedule_case('plateau default', plateau(), 40, metrics=m))
    add(schedule_case('plateau cooldown', plateau(patience=1, cooldown=2), 40, metrics=m))
    add(schedule_case('plateau abs threshold', plateau(threshold_mode='abs', threshold=0.01),
                      40, metrics=m))
    add(schedule_case('plateau max', plateau(mode='max', patience=3), 40,
                      metrics=[-v for v in m]))
    add(schedule_case('plateau min_lr', plateau(patience=0, factor=0.3, min_lr=0.02), 40,
                      metrics=m))
    add(schedule_case('plateau eps', plateau(patience=0, factor=0.5, min_lr=0.045, eps=0.011),
                      40, metrics=m))
    add(schedule_case('plateau rel threshold', plateau(patience=1, threshold=0.05), 40,
                      metrics=m))
    return c


# ---------------------------------------------------------------------------- [CLIP]


def l2_norm(tensors):
    """The L2 norm of all values, in double (lrlab's StepReport.grad_norm)."""
    return math.sqrt(sum(v * v for t in tensors for v in exact(t)))


def clip_cases():
    gen = torch.Generator().manual_seed(11)
    layout = layer_shapes([3, 4, 2])

    def gradient_set(scales):
        return [(torch.randn(r, c, generator=gen) * s).float()
                for (_, r, c), s in zip(layout, scales)]

    sets = {
        'large': gradient_set([3.0, 2.0, 4.0, 1.0]),
        'small': gradient_set([0.01, 0.02, 0.01, 0.005]),  # below every threshold
        'mixed': gradient_set([5.0, 0.001, 0.05, 2.0]),
        'zeros': [torch.zeros(r, c) for _, r, c in layout],
    }
    params = [(torch.randn(r, c, generator=gen) * 0.5).float() for _, r, c in layout]
    configs = [{'type': 'value', 'clip_value': 1.0}, {'type': 'value', 'clip_value': 0.05}]
    for kind in ('norm', 'global_norm'):
        for norm_type, max_norm in ((2.0, 1.0), (1.0, 2.0), (3.0, 0.5), (math.inf, 0.8)):
            configs.append({'type': kind, 'max_norm': max_norm, 'norm_type': norm_type})
    cases = []
    for set_name, grads in sets.items():
        for cfg in configs:
            clipped = [g.clone() for g in grads]
            clip_tensors_(clipped, cfg)
            cases.append({'name': '%s %s' % (set_name, json.dumps(json_clip_cfg(cfg))),
                          'clip': json_clip_cfg(cfg), 'layout': layout,
                          'params': flat(params), 'grads': flat(grads),
                          'clipped': flat(clipped), 'grad_norm': l2_norm(grads),
                          'clipped_grad_norm': l2_norm(clipped)})
    return cases


# ---------------------------------------------------------------------------- [GRADS]


def mlp_grad_cases():
    """Forward outputs, mean data loss and gradients for every activation x task, with and
    without the L1/L2 penalty (penalty written in double from the float32 weights)."""
    cases = []
    l1, l2 = 0.01, 0.05
    slope = 0.1
    for task, classes in (('binary', 2), ('multiclass', 3), ('regression', 1)):
        for act in ('relu', 'tanh', 'sigmoid', 'linear', 'leaky_relu', 'gelu'):
            sizes = [3, 4, 3, 1 if task != 'multiclass' else classes]
            gen = torch.Generator().manual_seed(100)
            while True:
                x, y = make_mlp_data(task, 8, 3, classes, gen)
                params = make_mlp_params(sizes, gen, scale=1.5)
                if hidden_preactivations_clear(params, x, act, 0.02, slope):
                    break
            qs = [p.clone().requires_grad_(True) for p in params]
            out = mlp_forward(qs, x, act, slope)
            loss = data_loss(task, out, y)
            grads = torch.autograd.grad(loss, qs, retain_graph=True)
            total = torch.autograd.grad(loss + penalty(qs, l1, l2), qs)
            pen = sum(l1 * abs(v) + l2 * 0.5 * v * v for w in params[0::2] for v in exact(w))
            cases.append({
                'name': '%s %s' % (task, act),
                'model': {'sizes': sizes, 'activation': act, 'task': task,
                          'leaky_slope': slope},
                'layout': layer_shapes(sizes), 'x': floats(x), 'y': floats(y),
                'params': flat(params), 'outputs': floats(out), 'loss': short_f32(loss.item()),
                'grads': flat(grads), 'l1': l1, 'l2': l2, 'penalty': pen,
                'grads_with_penalty': flat(total)})
    return cases


# ---------------------------------------------------------------------------- main


def write(out_dir, name, cases, note):
    doc = {'generator': 'tests/parity/gen_fixtures.py', 'torch': torch.__version__,
           'note': note, 'cases': cases}
    text = json.dumps(doc, separators=(',', ':'), allow_nan=False)
    with open(os.path.join(out_dir, name), 'w') as f:
        f.write(text + '\n')
    print('%-16s %4d cases %8d bytes' % (name, len(cases), len(text)))


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: gen_fixtures.py OUT_DIR')
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    write(out_dir, 'optimizers.json', optimizer_cases(),
          'params[k] = parameters after k steps (lrlab layout, flat); grads[k], loss[k], lr[k] '
          '= raw gradient (with penalty, before clipping), data loss and LR of step k')
    write(out_dir, 'schedules.json', schedule_cases(),
          'lr[k] = param_groups[0]["lr"] before optimizer step k; plateau: before metrics[k]')
    write(out_dir, 'clip.json', clip_cases(),
          'norm = clip_grad_norm_ per tensor, global_norm = over all tensors')
    write(out_dir, 'mlp.json', mlp_grad_cases(),
          'outputs (n, k) row-major; loss = mean data loss; penalty in double')


if __name__ == '__main__':
    main()
