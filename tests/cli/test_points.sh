#!/bin/sh
# Your own data in the CLI (issue 13): `--points FILE.csv` on every verb that takes a config
# fills data.points, prints what it inferred on stderr, gives the same numbers as the same rows
# inline, and refuses every malformed file with exit 2 and a message naming line and column.
#   tests/cli/test_points.sh LRLAB_COMMAND...     e.g. build/lrlab, or node build-web/lrlab.js
set -u
[ $# -ge 1 ] || { echo "usage: $0 LRLAB_COMMAND..." >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

LRLAB_ARGS="$*"
LRLAB="$T/lrlab"
printf '#!/bin/sh\nexec %s "$@"\n' "$LRLAB_ARGS" >"$LRLAB"
chmod +x "$LRLAB"

# expect CODE TEXT ARGS...: `lrlab ARGS...` exits CODE and its stdout or stderr holds TEXT.
expect() {
    code=$1
    text=$2
    shift 2
    timeout 60 "$LRLAB" "$@" >"$T/out" 2>"$T/err" </dev/null
    got=$?
    if [ "$got" -ne "$code" ]; then
        fail "lrlab $* -> $got, expected $code: $(head -c 300 "$T/err")"
    elif [ -n "$text" ] && ! cat "$T/out" "$T/err" | grep -qF -- "$text"; then
        fail "lrlab $*: output lacks '$text': $(cat "$T/out" "$T/err" | head -c 400)"
    else
        ok
    fi
}

cat >"$T/base.json" <<'EOF'
{"seed": 3, "train": {"steps": 60, "batch_size": 4, "eval_every": 20},
 "model": {"hidden": [4]},
 "runs": [{"name": "sgd", "optimizer": {"type": "sgd", "lr": 0.3}},
          {"name": "adam", "optimizer": {"type": "adam", "lr": 0.01}}]}
EOF
# Two clusters, semicolon-separated with decimal commas, quoted header, CRLF and blank lines.
python3 - "$T" <<'EOF'
import sys
t = sys.argv[1]
rows = []
for i in range(40):
    c = i % 2
    rows.append((round(-2 + 4 * c + 0.37 * ((i * 7) % 5 - 2), 3), round(1.5 - 3 * c + 0.21 * (i % 3), 3), c))
with open(t + '/two.csv', 'w') as f:
    f.write('"x one";x2;label\r\n\r\n')
    for r in rows:
        f.write(('%s;%s;%d\r\n' % (r[0], r[1], r[2])).replace('.', ','))
inline = {"dataset": "points", "points": [list(r) for r in rows]}
import json
base = json.load(open(t + '/base.json'))
base["data"] = inline
json.dump(base, open(t + '/inline.json', 'w'))
with open(t + '/wide.csv', 'w') as f:
    f.write(','.join('p%d' % k for k in range(64)) + ',digit\n')
    for i in range(60):
        f.write(','.join(str(((i * 13 + k * 7) % 17) / 16) for k in range(64)) + ',%d\n' % (i % 3))
with open(t + '/reg.csv', 'w') as f:
    f.write('x,y\n')
    for i in range(30):
        f.write('%g,%g\n' % (i / 10, 0.5 * i / 10 - 0.25))
EOF

# The same rows from the file and inline give the same bytes; stderr says what was inferred.
expect 0 "task auto: binary classification, 2 inputs, 40 rows (class 0: 20, class 1: 20)" \
    run "$T/base.json" --points "$T/two.csv"
cp "$T/out" "$T/from_csv.csv"
grep -qF "separator ';' with decimal commas; inputs \"x one\", \"x2\"; target \"label\"" "$T/err" \
    && ok || fail "inferred separator and columns not printed: $(cat "$T/err")"
expect 0 "" run "$T/inline.json"
cmp -s "$T/out" "$T/from_csv.csv" && ok || fail "--points and inline rows differ"
sed 's/"seed": 3,/"seed": 3, "data": {"dataset": "circle"},/' "$T/base.json" >"$T/circle.json"
expect 0 "--points replaces data.dataset \"circle\" by \"points\"" \
    run "$T/circle.json" --points "$T/two.csv"
cmp -s "$T/out" "$T/from_csv.csv" && ok || fail "--points over another dataset differs"
expect 0 "" validate "$T/base.json" --points "$T/two.csv"
expect 0 "multiclass classification, 64 inputs, 60 rows" run "$T/base.json" --points "$T/wide.csv"
expect 0 "regression, 1 input, 30 rows" run "$T/base.json" --points "$T/reg.csv"
sed 's/"seed": 3,/"seed": 3, "data": {"task": "regression"},/' "$T/base.json" >"$T/task.json"
expect 0 "task regression: regression, 2 inputs" run "$T/task.json" --points "$T/two.csv"
"$LRLAB" run - --points "$T/two.csv" <"$T/base.json" >"$T/out" 2>"$T/err" &&
    cmp -s "$T/out" "$T/from_csv.csv" && ok || fail "run - --points: $(head -c 300 "$T/err")"

# Malformed files: exit 2, nothing runs, the message names line and column.
bad() {
    name=$1
    text=$2
    shift 2
    printf "$text" >"$T/$name.csv"
    expect 2 "$1" run "$T/base.json" --points "$T/$name.csv"
    [ -s "$T/out" ] && fail "$name: something ran" || ok
}
bad ragged 'a,b,y\n0,0,0\n1,0\n0,1,1\n1,1,0\n' \
    "$T/ragged.csv: line 3, column 3 (\"y\"): has 2 values; the header has 3"
bad text 'a,b,y\n0,0,0\n1,abc,1\n0,1,1\n1,1,0\n' \
    "line 3, column 2 (\"b\"): \"abc\" is not a number"
bad nan 'a,b,y\n0,0,0\n1,0,1\nNaN,1,1\n1,1,0\n' "line 4, column 1 (\"a\"): \"NaN\": NaN and infinity"
bad inf 'a,b,y\n0,0,0\n1,0,1\n0,1,1\n1,inf,0\n' "line 5, column 2 (\"b\"): \"inf\": NaN and infinity"
bad oneclass 'a,b,y\n0,0,1\n1,0,1\n0,1,1\n1,1,1\n' \
    "line 2, column 3 (\"y\"): class 0 has no points, but class 1 does"
bad zeros 'a,b,y\n0,0,0\n1,0,0\n0,1,0\n1,1,0\n' \
    "line 2, column 3 (\"y\"): every target is class 0: classification needs at least 2 classes"
bad gap 'a,b,y\n0,0,0\n1,0,7\n0,1,0\n1,1,7\n' "line 3, column 3 (\"y\"): class 1 has no points, but class 7 does"
bad quote 'a,b,y\n0,"0,0\n1,0,1\n' "line 2, column 2 (\"b\"): a quote opened here is never closed"
bad header '1,2,3\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n' "line 1: the first line must be a header"
bad few 'a,y\n0,0\n1,1\n' "must have 4 to 20000 rows, got 2"
python3 -c "print(','.join('c%d' % k for k in range(70)))" >"$T/wide70.csv"
expect 2 "line 1, column 66: too many columns: 70" run "$T/base.json" --points "$T/wide70.csv"
python3 -c "
print('x,y')
for i in range(20001): print('%d,%d' % (i, i % 2))" >"$T/many.csv"
expect 2 "line 20002: too many rows: at most 20000" run "$T/base.json" --points "$T/many.csv"
sed 's/"seed": 3,/"seed": 3, "data": {"task": "multiclass"},/' "$T/base.json" >"$T/multi.json"
printf 'a,y\n0,0\n1,7\n2,0\n3,7\n' >"$T/gap7.csv"
expect 2 "gap7.csv: line 3, column 2 (\"y\"): class 1 has no points, but class 7 does" \
    run "$T/multi.json" --points "$T/gap7.csv"
sed 's/"seed": 3,/"seed": 3, "data": {"task": "binary"},/' "$T/base.json" >"$T/bin.json"
printf 'a,y\n0,0\n1,1\n2,2\n3,1\n' >"$T/three.csv"
expect 2 "line 4, column 2 (\"y\"): a binary target must be an integer 0..1, got 2" \
    run "$T/bin.json" --points "$T/three.csv"
expect 2 "--points: " run "$T/base.json" --points "$T/missing.csv"
echo '{"function": "beale", "runs": [{"optimizer": {"type": "adam"}}]}' >"$T/surface.json"
expect 2 "a surface config" surface "$T/surface.json" --points "$T/two.csv"

# The largest file the contract allows (20,000 rows x 65 values) is read and checked in time.
python3 -c "
print(','.join('c%d' % k for k in range(65)))
for i in range(20000): print(','.join('%.6f' % (((i * 31 + k * 17) % 1000) / 999) for k in range(64)) + ',%d' % (i % 8))" >"$T/max.csv"
start=$(date +%s)
expect 0 "multiclass classification, 64 inputs, 20000 rows" validate "$T/base.json" --points "$T/max.csv"
took=$(( $(date +%s) - start ))
[ "$took" -le 20 ] && ok || fail "validating 20,000 x 65 took ${took}s"

echo "points: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
