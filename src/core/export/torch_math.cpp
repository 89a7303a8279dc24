// The Python source of lrlab's cos and pow (math/detmath*.cpp, ported operation for operation:
// Python's floats are IEEE doubles, rounded the same way, with no fused multiply-add) and of
// the hook that lets torch's own schedulers use them, for the exported script's --print-lrs.
// tests/torch/ checks the port against `lrlab schedule` byte for byte.
#include "core/export/torch_math.hpp"

namespace lrlab
{

const char* torch_lrlab_math_source()
{
    return R"py(
# ---- lrlab's cos and pow, for --print-lrs ------------------------------------------------
# lrlab computes cos and pow with its own code (src/core/math/detmath*.cpp: fdlibm's
# algorithms, Sun Microsystems 1993, "Permission to use, copy, modify, and distribute this
# software is freely granted, provided that this notice is preserved") so that the page and
# the CLI agree bit for bit. Python's libm differs from it in the last bit of some values (a
# relative 1e-16, nothing a training run can feel). So that --print-lrs prints exactly the
# bytes of `lrlab schedule`, it runs the same torch schedulers with these; training does not.
_SHIFTER = 6755399441055744.0  # 1.5 * 2^52: x + it - it rounds x to an integer


def _bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def _double(u):
    return struct.unpack('<d', struct.pack('<Q', u))[0]


def _scale_pow2(x, k):
    k1 = int(k / 2)
    return x * _double((k1 + 1023) << 52) * _double((k - k1 + 1023) << 52)


def _fast_two_sum(a, b):
    s = a + b
    return s, b - (s - a)


def _two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _two_prod(a, b):
    p = a * b
    c = 134217729.0 * a
    ah = c - (c - a)
    al = a - ah
    c = 134217729.0 * b
    bh = c - (c - b)
    bl = b - bh
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _dd_add(a, b):
    s = _two_sum(a[0], b[0])
    return _fast_two_sum(s[0], s[1] + (a[1] + b[1]))


def _dd_mul(a, b):
    p = _two_prod(a[0], b[0])
    return _fast_two_sum(p[0], p[1] + (a[0] * b[1] + a[1] * b[0]))


def _exp_with_tail(x, tail):
    kd = (x * 1.44269504088896338700e+00 + _SHIFTER) - _SHIFTER
    hi = x - kd * 6.93147180369123816490e-01
    lo = kd * 1.90821492927058770002e-10 - tail
    r = hi - lo
    z = r * r
    c = r - z * (1.66666666666666019037e-01 + z * (-2.77777777770155933842e-03 + z * (
        6.61375632143793436117e-05 + z * (-1.65339022054652515390e-06
                                          + z * 4.13813679705723846039e-08))))
    y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi)
    return _scale_pow2(y, int(kd))


def _log_dd(x):
    u, k = _bits(x), 0
    if (u >> 52) == 0:
        u, k = _bits(x * 18014398509481984.0), -54
    hx = ((u >> 32) + 0x3ff00000 - 0x3fe6a09e) & 0xffffffff
    k += (hx >> 20) - 0x3ff
    hx = (hx & 0x000fffff) + 0x3fe6a09e
    f = _double((hx << 32) | (u & 0xffffffff)) - 1.0
    d = _fast_two_sum(2.0, f)
    s_hi = f / d[0]
    p = _two_prod(s_hi, d[0])
    s = _fast_two_sum(s_hi, (((f - p[0]) - p[1]) - s_hi * d[1]) / d[0])
    z = _dd_mul(s, s)
    w = z[0]
    tail = w * (2.0 / 5 + w * (2.0 / 7 + w * (2.0 / 9 + w * (2.0 / 11 + w * (2.0 / 13 + w * (
        2.0 / 15 + w * (2.0 / 17 + w * (2.0 / 19 + w * (2.0 / 21 + w * (2.0 / 23 + w * (
            2.0 / 25 + w * (2.0 / 27))))))))))))
    a = _dd_add((float.fromhex('0x1.5555555555555p-1'), float.fromhex('0x1.5555555555555p-55')),
                (tail, 0.0))
    log_m = _dd_add((2.0 * s[0], 2.0 * s[1]), _dd_mul(_dd_mul(s, z), a))
    k_ln2 = _two_prod(float(k), float.fromhex('0x1.62e42fefa39efp-1'))
    k_ln2 = _fast_two_sum(k_ln2[0], k_ln2[1] + float(k) * float.fromhex('0x1.abc9e3b39803fp-56'))
    return _dd_add(k_ln2, log_m)


def lrlab_pow(x, y):
    """detmath::pow: exp(y log x) with log x in double-double."""
    if y == 0.0 or x == 1.0:
        return 1.0
    if x != x or y != y:
        return x + y
    ax = abs(x)
    if abs(y) >= 9007199254740992.0:
        kind = 2
    elif math.floor(y) != y:
        kind = 0
    else:
        kind = 2 if math.floor(0.5 * y) == 0.5 * y else 1
    if math.isinf(y):
        if ax == 1.0:
            return 1.0
        return math.inf if (ax > 1.0) == (y > 0.0) else 0.0
    negate = math.copysign(1.0, x) < 0 and kind == 1
    if x == 0.0 or math.isinf(x):
        r = math.inf if (x == 0.0) == (y < 0.0) else 0.0
        return -r if negate else r
    if x < 0.0 and kind == 0:
        return math.nan
    l = _log_dd(ax)
    if abs(y) > 18446744073709551616.0:
        r = math.inf if (y > 0) == (l[0] > 0) else 0.0
    else:
        t = _two_prod(y, l[0])
        t = _fast_two_sum(t[0], t[1] + y * l[1])
        if t[0] > 7.09782712893383973096e+02:
            r = math.inf
        elif t[0] < -7.45133219101941108420e+02:
            r = 0.0
        else:
            r = _exp_with_tail(t[0], t[1])
    return -r if negate else r


def _py_pow(x, y):
    """Python's float ** float as lrlab's schedules evaluate it (schedules/steppers.hpp)."""
    if y == 0.0:
        return 1.0
    if y == 1.0:
        return x
    if x == 1.0:
        return 1.0
    if x == 0.0:
        return 0.0 if y > 0.0 else math.inf
    return lrlab_pow(x, y)


_TWO_OVER_PI = [
    0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C, 0x439041, 0xFE5163,
    0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129,
    0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353, 0x39F49C,
    0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF,
    0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292,
    0xEA6BFB, 0x5FB11F, 0x8D5D08, 0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3,
    0x91615E, 0xE61B08, 0x659985, 0x5F14A0, 0x68408D, 0xFFD880, 0x4D7327, 0x310606, 0x1556CA,
    0x73A8C9, 0x60E27B, 0xC08C6B]
_PIO2 = (float.fromhex('0x1.921fb54442d18p0'), float.fromhex('0x1.1a62633145c07p-54'))


def _reduce_medium(x):
    fn = (x * 6.36619772367581382433e-01 + _SHIFTER) - _SHIFTER
    ex = (_bits(x) >> 52) & 0x7ff
    r = x - fn * 1.57079632673412561417e+00
    w = fn * 6.07710050650619224932e-11
    y = r - w
    if ex - ((_bits(y) >> 52) & 0x7ff) > 16:
        t = r
        w = fn * 6.07710050630396597660e-11
        r = t - w
        w = fn * 2.02226624879595063154e-21 - ((t - r) - w)
        y = r - w
        if ex - ((_bits(y) >> 52) & 0x7ff) > 49:
            t = r
            w = fn * 2.02226624871116645580e-21
            r = t - w
            w = fn * 8.47842766036889956997e-32 - ((t - r) - w)
            y = r - w
    return int(fn), (y, (r - y) - w)


def _reduce_large(x):
    u = _bits(x)
    mant = (u & 0xfffffffffffff) | (1 << 52)
    e = (u >> 52) - 1075
    j0 = min((e - 3) // 24 if e > 3 else 0, len(_TWO_OVER_PI) - 9)
    m = [mant & 0xffffff, (mant >> 24) & 0xffffff, mant >> 48]
    prod = [0] * 13
    for j in range(9):
        for i in range(3):
            prod[i + j] += m[i] * _TWO_OVER_PI[j0 + 8 - j]
    for i in range(12):
        prod[i + 1] += prod[i] >> 24
        prod[i] &= 0xffffff
    sh = 24 * (j0 + 9) - e

    def window(p):
        if p < 0:
            return (prod[0] << -p) & 0xffffff if p > -24 else 0
        return ((prod[p // 24] >> (p % 24)) | (prod[p // 24 + 1] << (24 - p % 24))) & 0xffffff
    n = window(sh) & 3
    fr = [window(sh - 24 * (k + 1)) for k in range(11)]
    round_up = (fr[0] >> 23) != 0
    if round_up:
        n += 1
        carry = 1
        for k in range(10, -1, -1):
            fr[k] = (0xffffff - fr[k]) + carry
            carry = fr[k] >> 24
            fr[k] &= 0xffffff
    f = (0.0, 0.0)
    for k in range(11):
        s = _two_sum(f[0], float(fr[k]) * _double((-24 * (k + 1) + 1023) << 52))
        f = (s[0], f[1] + s[1])
    f = _fast_two_sum(f[0], f[1])
    if round_up:
        f = (-f[0], -f[1])
    return n, _dd_mul(f, _PIO2)


def _kernel_sin(x, y):
    z = x * x
    w = z * z
    r = 8.33333333332248946124e-03 + z * (-1.98412698298579493134e-04 + z * (
        2.75573137070700676789e-06)) + z * w * (-2.50507602534068634195e-08
                                                + z * 1.58969099521155010221e-10)
    v = z * x
    return x - ((z * (0.5 * y - v * r) - y) - v * -1.66666666666666324348e-01)


def _kernel_cos(x, y):
    z = x * x
    w = z * z
    r = z * (4.16666666666666019037e-02 + z * (-1.38888888888741095749e-03 + z * (
        2.48015872894767294178e-05))) + w * w * (-2.75573143513906633035e-07 + z * (
            2.08757232129817482790e-09 + z * -1.13596475577881948265e-11))
    hz = 0.5 * z
    c = 1.0 - hz
    return c + (((1.0 - c) - hz) + (z * r - x * y))


def lrlab_cos(x):
    """detmath::cos: fdlibm's reduction (Payne-Hanek beyond 2^20 pi/2) and kernels."""
    if not math.isfinite(x):
        return x - x
    if abs(x) <= 0.7853981633974483:
        return _kernel_cos(x, 0.0)
    a = abs(x)
    n, y = _reduce_medium(a) if a < 1647099.0 else _reduce_large(a)
    if x < 0:
        n, y = -n, (-y[0], -y[1])
    n = (n + 1) & 3
    return [_kernel_sin, _kernel_cos][n & 1](y[0], y[1]) * (1.0 if n < 2 else -1.0)


class _LrlabFloat(float):
    """A scheduler's gamma or power whose ** is lrlab's pow (Python tries a subclass's
    reflected __rpow__ first, so `x ** power` comes here too)."""

    def __pow__(self, y):
        return _py_pow(float(self), float(y))

    def __rpow__(self, x):
        return _py_pow(float(x), float(self))


class _LrlabMath:
    """lr_scheduler's `math` module with lrlab's cos (print_lrs puts it in place, then back)."""
    cos = staticmethod(lrlab_cos)

    def __getattr__(self, name):
        return getattr(math, name)


def use_lrlab_pow(scheduler):
    """The scheduler's gamma and power, raised with lrlab's pow."""
    for name in ('gamma', 'power'):
        if isinstance(getattr(scheduler, name, None), float):
            setattr(scheduler, name, _LrlabFloat(getattr(scheduler, name)))


_TORCH_INITIAL_STEP = lr_scheduler._LRScheduler._initial_step


def _initial_step_with_lrlab_pow(self):
    """_LRScheduler._initial_step (which every scheduler's __init__ calls, a sequential's
    children too) with the scheduler's gamma and power raised by lrlab's pow from row 0 on."""
    use_lrlab_pow(self)
    _TORCH_INITIAL_STEP(self)
)py";
}

}  // namespace lrlab
