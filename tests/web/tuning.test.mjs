// window.lrlab.lrFind and crossValidate (issue 9): the same numbers as `lrlab lr-find` and
// `lrlab cv`, in chunks that let the page keep drawing, with errors naming the option, and
// cancellation.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, open, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 240000 };

const CONFIG = {
  data: { dataset: 'circle', samples: 200, noise: 0.1 },
  model: { hidden: [8] },
  train: { steps: 120, batch_size: 20, eval_every: 30 },
  runs: [
    { name: 'sgd', optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } },
    { name: 'adam', optimizer: { type: 'adam', lr: 0.01 }, clip: { type: 'global_norm', max_norm: 1 } },
  ],
};

// The CLI verb on CONFIG: {rows (numbers as the CSV spells them, parsed), json}.
function cli(verb, jsonFlag, ...args) {
  const command = process.env.LRLAB_CLI;
  if (!command) return null;
  const dir = mkdtempSync(join(tmpdir(), 'lrlab-tuning-'));
  writeFileSync(join(dir, 'c.json'), JSON.stringify(CONFIG));
  const [cmd, ...pre] = command.split(' ');
  const csv = execFileSync(cmd, [...pre, verb, join(dir, 'c.json'), ...args, jsonFlag,
    join(dir, 'out.json')], { encoding: 'utf8' });
  const [header, ...lines] = csv.trim().split('\n');
  const cols = header.split(',');
  const cell = (c, v) => (c === 'diverged' ? v === '1'
    : v === '' || v === 'nan' || v === 'inf' || v === '-inf' ? null : Number(v));
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], cell(cols[i], v)])));
  return { rows, json: JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) };
}

test('lrFind returns what lrlab lr-find prints, bit for bit', T, async () => {
  const { page, errors } = await open(browser);
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), CONFIG)).ok, true);
  const got = await page.evaluate(() => window.lrlab.lrFind({ run: 'adam', numIter: 80 }));
  assert.ok(got.rows.length > 10);
  assert.deepEqual(Object.keys(got.rows[0]).sort(), ['iter', 'loss', 'lr', 'smoothed_loss']);
  assert.deepEqual(Object.keys(got).sort(),
    ['note', 'rows', 'stop_iter', 'stopped_early', 'suggestions']);
  const want = cli('lr-find', '--suggest-json', '--run', 'adam', '--num-iter', '80');
  if (want) {
    assert.deepEqual(got.rows, want.rows);
    const { rows, ...rest } = got;
    assert.deepEqual(rest, want.json);
  }
  // A given config instead of the page's, and the linear sweep on the test set.
  const other = await page.evaluate((c) => window.lrlab.lrFind({ config: c, mode: 'linear',
    startLr: 0.001, endLr: 1, numIter: 30, on: 'test', smooth: 0.5 }),
  { ...CONFIG, runs: [CONFIG.runs[0]] });
  assert.equal(other.rows[0].lr, 0.001);
  const w2 = cli('lr-find', '--suggest-json', '--mode', 'linear', '--start-lr', '0.001',
    '--end-lr', '1', '--num-iter', '30', '--on', 'test', '--smooth', '0.5');
  if (w2) assert.deepEqual(other.rows, w2.rows);
  assert.deepEqual(errors, []);
});

test('crossValidate returns what lrlab cv prints, bit for bit', T, async () => {
  const { page, errors } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig(c), CONFIG);
  const got = await page.evaluate(() =>
    window.lrlab.crossValidate({ values: 'log:0.01:1:3', folds: 3 }));
  assert.equal(got.rows.length, 9);
  assert.deepEqual(Object.keys(got.rows[0]).sort(), ['diverged', 'fold', 'val_acc', 'val_loss', 'value']);
  assert.equal(got.param, 'runs[0].optimizer.lr');
  const want = cli('cv', '--summary-json', '--values', 'log:0.01:1:3', '--folds', '3');
  if (want) {
    assert.deepEqual(got.rows, want.rows);
    const { rows, ...rest } = got;
    assert.deepEqual(rest, want.json);
  }
  const l2 = await page.evaluate(() => window.lrlab.crossValidate({ run: 'adam', param: 'train.l2',
    values: [0, 0.01], folds: 2 }));
  assert.equal(l2.param, 'train.l2');
  assert.equal(l2.values.length, 2);
  assert.deepEqual(errors, []);
});

test('the page keeps drawing while a job runs, reports progress, and can cancel', T, async () => {
  const { page, errors } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig({ ...c, train: { ...c.train, steps: 1500 } }),
    CONFIG);
  const r = await page.evaluate(async () => {
    const f0 = window.lrlab.state().frames;
    const t0 = performance.now();
    const progress = [];
    await window.lrlab.crossValidate({ values: [0.01, 0.1], folds: 4 }, (p) => progress.push(p));
    return { frames: window.lrlab.state().frames - f0, ms: performance.now() - t0, progress };
  });
  const last = r.progress[r.progress.length - 1];
  assert.equal(last.done, true);
  assert.equal(last.done_units, 2 * 4 * 1500);
  assert.equal(last.total_units, 2 * 4 * 1500);
  assert.ok(r.progress.length >= 3, `only ${r.progress.length} chunks`);
  // Frames kept coming while it ran (a job run in one call would draw none until it ends), as
  // stepAsync's test asks.
  assert.ok(r.frames >= 3, `${r.frames} frames in ${Math.round(r.ms)} ms`);
  assert.ok(r.frames >= r.progress.length / 4, `${r.frames} frames for ${r.progress.length} chunks`);
  const cancelled = await page.evaluate(async () => {
    const p = window.lrlab.crossValidate({ values: [0.01, 0.1], folds: 4 });
    setTimeout(() => window.lrlab.cancelTuning(), 30);
    try { await p; return 'resolved'; } catch (e) { return e.message; }
  });
  assert.match(cancelled, /cancelled/);
  assert.equal((await state(page)).step, 0); // the page's own runs were never stepped
  assert.deepEqual(errors, []);
});

test('bad options reject naming the option or the config path', T, async () => {
  const { page, errors } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig(c), CONFIG);
  const paths = await page.evaluate(async () => {
    const fail = async (p) => { try { await p; return 'resolved'; } catch (e) { return (e.errors || [{ path: e.message }]).map((x) => x.path).join(' '); } };
    return [
      await fail(window.lrlab.lrFind({ numIter: 1 })),
      await fail(window.lrlab.lrFind({ startLr: 1, endLr: 0.5 })),
      await fail(window.lrlab.lrFind({ smooth: 1, divergeTh: 0.5 })),
      await fail(window.lrlab.lrFind({ run: 'nobody' })),
      await fail(window.lrlab.lrFind({ mode: 'cubic', speed: 3 })),
      await fail(window.lrlab.crossValidate({ param: 'runs[3].optimizer.lr', values: [0.1] })),
      await fail(window.lrlab.crossValidate({ values: 'log:-1:1:3' })),
      await fail(window.lrlab.crossValidate({ values: [-0.1] })),
      await fail(window.lrlab.crossValidate({ values: [0.1], folds: 1 })),
      await fail(window.lrlab.crossValidate({})),
    ];
  });
  assert.deepEqual(paths, ['numIter', 'endLr', 'smooth divergeTh', 'run', 'speed', 'param',
    'values', 'runs[0].optimizer.lr', 'folds', 'values']);
  assert.deepEqual(errors, []);
});
