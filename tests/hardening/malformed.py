#!/usr/bin/env python3
"""A seeded generator of malformed configs and URL hashes (issue 14, "Parsers, fuzzed").

    malformed.py --seed 1 --configs 10000 --urls 10000 --out DIR

writes DIR/configs.pack and DIR/urls.pack: one record per input, "KIND LENGTH\n" then LENGTH
bytes (not necessarily UTF-8) then "\n" (read by pack.py, pack.mjs and the fuzz replay's
--pack). Every kind the issue lists is made: truncations, duplicate keys,
1e400, NaN/Infinity literals, unknown keys, wrong types, 64 KiB strings, deep nesting, bad
percent-encoding, invalid UTF-8, huge arrays; plus a few mixtures of them. The same seed gives
the same files on every machine (Python's own Mersenne Twister, no clock, no hash order).
"""
import argparse
import json
import os
import random
import urllib.parse

# Valid configs the mutations start from: each kind of data set, model and run part.
BASES = [
    {"runs": [{"optimizer": {"type": "sgd", "lr": 0.1}}]},
    {"seed": 7, "data": {"dataset": "spiral", "samples": 200, "noise": 0.1,
                         "features": ["x1", "x2", "sin_x1"]},
     "model": {"hidden": [8, 8], "activation": "tanh"},
     "train": {"steps": 100, "batch_size": 10, "eval_every": 10},
     "runs": [{"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.03, "momentum": 0.9}},
              {"name": "adam", "optimizer": {"type": "adam", "lr": 0.01, "betas": [0.9, 0.99]},
               "schedule": {"type": "cosine", "T_max": 100},
               "clip": {"type": "norm", "max_norm": 1.0}}]},
    {"data": {"dataset": "digits8x8", "samples": 300},
     "model": {"hidden": [16], "activation": "relu", "init": "he_normal"},
     "train": {"steps": 50, "eval_every": 5, "l2": 0.001},
     "runs": [{"name": "rms", "optimizer": {"type": "rmsprop", "lr": 0.001, "centered": True},
               "train": {"batch_size": 20},
               "changes": [{"at": 20, "path": "optimizer.lr", "value": 0.0005}]}]},
    {"data": {"dataset": "reg_plane", "samples": 100},
     "runs": [{"name": "lion", "optimizer": {"type": "lion", "lr": 0.001},
               "schedule": {"type": "sequential", "milestones": [10],
                            "schedules": [{"type": "linear", "total_iters": 10},
                                          {"type": "exponential", "gamma": 0.99}]}},
              {"name": "plateau", "optimizer": {"type": "nadam"},
               "schedule": {"type": "reduce_on_plateau", "patience": 3}}]},
]

UNKNOWN_KEYS = ["lerning_rate", "lr ", "LR", "optimiser", "__proto__", "constructor", "",
                "runs[0]", "a.b", "\u00e9t\u00e9", "\u0000", "type\u200b"]
FOREIGN = [None, True, False, 0, -1, 1.5, "", "x", "NaN", [], [1, 2], {}, {"type": "sgd"},
           2 ** 63, -(2 ** 63) - 1, 2 ** 64, 1e308]
NUMBER_LITERALS = ["1e400", "-1e400", "1e-400", "NaN", "Infinity", "-Infinity", "nan", "inf",
                   "-0", "0x10", "1.", ".5", "01", "1e", "+1", "1e99999999999", "-"]
BAD_UTF8 = [b"\xff", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80",
            b"\xe2\x82", b"\xf4\x90\x80\x80", b"\xfe\xfe"]
BAD_PERCENT = ["%", "%z", "%4", "%G0", "%%", "%0", "%zz%", "%e2%82", "%ff", "%c0%af", "%00",
               "%ed%a0%80", "%25%", "%%41"]


def paths(v, prefix=()):
    """Every (path, value) of a JSON value, containers included, the root first."""
    yield prefix, v
    if isinstance(v, dict):
        for k, x in v.items():
            yield from paths(x, prefix + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from paths(x, prefix + (i,))


def set_at(root, path, value):
    if not path:
        return value
    node = root
    for p in path[:-1]:
        node = node[p]
    node[path[-1]] = value
    return root


def clone(v):
    return json.loads(json.dumps(v))


def nested(rng, depth):
    if rng.random() < 0.5:
        return "[" * depth + "]" * depth if rng.random() < 0.7 else "[" * depth
    return '{"a":' * depth + "1" + "}" * depth if rng.random() < 0.7 else '{"a":' * depth


class Configs:
    """Malformed config texts (bytes), by kind."""

    def __init__(self, rng):
        self.rng = rng

    def base(self):
        return clone(self.rng.choice(BASES))

    def pick_path(self, cfg, want=None):
        items = [(p, v) for p, v in paths(cfg) if want is None or want(v)]
        return self.rng.choice(items)

    def truncation(self):
        text = json.dumps(self.base(), indent=self.rng.choice([None, 1]))
        return text[: self.rng.randrange(0, len(text))].encode()

    def duplicate_key(self):
        cfg = self.base()
        path, obj = self.pick_path(cfg, lambda v: isinstance(v, dict) and v)
        key = self.rng.choice(list(obj))
        text = json.dumps(cfg)
        marker = "\"__dup__\": 0"
        obj["__dup__"] = 0
        text = json.dumps(cfg)
        return text.replace(marker, json.dumps(key) + ": " + json.dumps(obj[key]), 1).encode()

    def number_literal(self):
        cfg = self.base()
        path, _ = self.pick_path(cfg, lambda v: isinstance(v, (int, float)) and
                                 not isinstance(v, bool))
        set_at(cfg, path, "@@NUM@@")
        lit = self.rng.choice(NUMBER_LITERALS)
        return json.dumps(cfg).replace('"@@NUM@@"', lit).encode()

    def unknown_key(self):
        cfg = self.base()
        _, obj = self.pick_path(cfg, lambda v: isinstance(v, dict))
        obj[self.rng.choice(UNKNOWN_KEYS)] = self.rng.choice(FOREIGN)
        return json.dumps(cfg).encode()

    def wrong_type(self):
        cfg = self.base()
        path, old = self.pick_path(cfg)
        new = self.rng.choice([f for f in FOREIGN if type(f) is not type(old)])
        return json.dumps(set_at(cfg, path, clone(new))).encode()

    def long_string(self):
        cfg = self.base()
        s = self.rng.choice("axyz\"") * (64 * 1024 + self.rng.randrange(0, 3))
        if self.rng.random() < 0.5:
            cfg["runs"][0]["name"] = s
        elif self.rng.random() < 0.5:
            cfg["runs"][0]["optimizer"]["type"] = s
        else:
            cfg[s] = 1
        return json.dumps(cfg).encode()

    def deep_nesting(self):
        cfg = self.base()
        path, _ = self.pick_path(cfg)
        set_at(cfg, path, "@@DEEP@@") if path else None
        depth = self.rng.choice([63, 64, 65, 100, 1000, 10000] * 4 + [100000])
        inner = nested(self.rng, depth)
        text = json.dumps(cfg) if path else '"@@DEEP@@"'
        return text.replace('"@@DEEP@@"', inner).encode()

    def invalid_utf8(self):
        cfg = self.base()
        cfg["runs"][0]["name"] = "@@UTF@@"
        text = json.dumps(cfg).encode()
        bad = self.rng.choice(BAD_UTF8)
        if self.rng.random() < 0.3:
            return text.replace(b"@@UTF@@", b"").replace(b"{", b"{" + bad, 1)
        return text.replace(b"@@UTF@@", b"ok" + bad)

    def huge_array(self):
        cfg = self.base()
        n = self.rng.choice([9, 17, 1001, 5000])
        where = self.rng.randrange(5)
        if where == 0:
            n = self.rng.choice([n, 100000])  # 200 KB of "1,"
            cfg.setdefault("model", {})["hidden"] = [1] * n
        elif where == 1:
            cfg["runs"] = [{"optimizer": {"type": "sgd"}}] * n
        elif where == 2:
            cfg["runs"][0]["changes"] = [{"at": 1, "path": "optimizer.lr", "value": 0.1}] * n
        elif where == 3:
            cfg.setdefault("data", {})["features"] = ["x1"] * n
        else:
            cfg["runs"][0]["schedule"] = {"type": "multistep", "milestones": list(range(n))}
        return json.dumps(cfg, separators=(",", ":")).encode()

    def bytes_noise(self):
        text = bytearray(json.dumps(self.base()).encode())
        for _ in range(self.rng.randrange(1, 8)):
            i = self.rng.randrange(len(text))
            op = self.rng.randrange(3)
            if op == 0:
                text[i] = self.rng.randrange(256)
            elif op == 1:
                del text[i]
            else:
                text.insert(i, self.rng.choice(b'{}[]",:\\0e-.'))
        return bytes(text)

    def mixture(self):
        kinds = [self.truncation, self.number_literal, self.unknown_key, self.wrong_type,
                 self.duplicate_key, self.invalid_utf8]
        a = self.rng.choice(kinds)()
        b = self.rng.choice(kinds)()
        cut = self.rng.randrange(len(a) + 1)
        return a[:cut] + b[self.rng.randrange(len(b) + 1):]

    KINDS = ["truncation", "duplicate_key", "number_literal", "unknown_key", "wrong_type",
             "long_string", "deep_nesting", "invalid_utf8", "huge_array", "bytes_noise",
             "mixture"]


def to_hash(v, prefix=""):
    """The page's URL form (url_codec.hpp): dotted paths, indexed runs, JSON literals."""
    pairs = []
    if isinstance(v, dict):
        for k, x in v.items():
            pairs += to_hash(x, prefix + "." + k if prefix else k)
    elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
        for i, x in enumerate(v):
            pairs += to_hash(x, "%s[%d]" % (prefix, i))
    else:
        lit = json.dumps(v, separators=(",", ":"))
        pairs.append((prefix, urllib.parse.quote(lit, safe="[],:-_.~!$'()*+;@/?")))
    return pairs


class Urls:
    """Malformed URL hashes (bytes), by kind."""

    def __init__(self, rng):
        self.rng = rng

    def pairs(self):
        return to_hash(clone(self.rng.choice(BASES)))

    def join(self, pairs):
        return ("#" if self.rng.random() < 0.5 else "") + "&".join(
            k + ("=" + v if v is not None else "") for k, v in pairs)

    def mutate_value(self, make):
        pairs = self.pairs()
        i = self.rng.randrange(len(pairs))
        pairs[i] = (pairs[i][0], make())
        return self.join(pairs).encode()

    def truncation(self):
        text = self.join(self.pairs())
        return text[: self.rng.randrange(len(text))].encode()

    def duplicate_key(self):
        pairs = self.pairs()
        pairs.append(self.rng.choice(pairs))
        return self.join(pairs).encode()

    def number_literal(self):
        return self.mutate_value(lambda: urllib.parse.quote(self.rng.choice(NUMBER_LITERALS)))

    def unknown_key(self):
        pairs = self.pairs()
        key = self.rng.choice(["runs[0].optimizer.lerning_rate", "model.width", "runs[99].x",
                               "runs[-1].name", "runs[99999999999999999999].name", "a..b",
                               ".", "runs[", "runs[0", "runs]0[", "", "=", "runs[0]..lr",
                               "runs[0].optimizer.type.x", "data[0]"])
        pairs.insert(self.rng.randrange(len(pairs) + 1), (key, "1"))
        return self.join(pairs).encode()

    def wrong_type(self):
        return self.mutate_value(lambda: urllib.parse.quote(
            json.dumps(self.rng.choice(FOREIGN)), safe=""))

    def long_string(self):
        return self.mutate_value(lambda: self.rng.choice(["a", "b", "c", "%22"]) * 65536)

    def deep_nesting(self):
        depth = self.rng.choice([63, 64, 65, 1000, 10000] * 4 + [100000])
        return self.mutate_value(lambda: urllib.parse.quote(nested(self.rng, depth)))

    def bad_percent(self):
        return self.mutate_value(lambda: "1" + self.rng.choice(BAD_PERCENT) +
                                 self.rng.choice(["", "0", "x"]))

    def invalid_utf8(self):
        text = self.join(self.pairs()).encode()
        i = self.rng.randrange(len(text) + 1)
        return text[:i] + self.rng.choice(BAD_UTF8) + text[i:]

    def huge_array(self):
        n = self.rng.choice([9, 1001, 5000, 100000])
        return self.mutate_value(lambda: "[" + ",".join(["1"] * n) + "]")

    def separators(self):
        pairs = self.pairs()
        text = self.join(pairs)
        for _ in range(self.rng.randrange(1, 6)):
            i = self.rng.randrange(len(text) + 1)
            text = text[:i] + self.rng.choice(["&", "=", "&&", "==", "#", "?", "%", "[", "]",
                                               "+", " "]) + text[i:]
        return text.encode()

    KINDS = ["truncation", "duplicate_key", "number_literal", "unknown_key", "wrong_type",
             "long_string", "deep_nesting", "bad_percent", "invalid_utf8", "huge_array",
             "separators"]


def generate(maker, count, path):
    with open(path, "wb") as f:
        for i in range(count):
            kind = maker.KINDS[i % len(maker.KINDS)]
            data = getattr(maker, kind)()
            f.write(b"%s %d\n" % (kind.encode(), len(data)) + data + b"\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--configs", type=int, default=10000)
    ap.add_argument("--urls", type=int, default=10000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    generate(Configs(random.Random(a.seed)), a.configs, os.path.join(a.out, "configs.pack"))
    generate(Urls(random.Random(a.seed + 1)), a.urls, os.path.join(a.out, "urls.pack"))


if __name__ == "__main__":
    main()
