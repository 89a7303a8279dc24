// Sweeps in the page (issue 10): window.lrlab.sweep gives the rows `lrlab sweep` prints, bit for
// bit, from a pool of plain Web Workers (more than one when the machine has the cores) or, with
// ?workers=0, in the page itself; cancel leaves the page usable; the panel runs by a real click,
// shows progress, and a click on a heatmap cell adds that cell as a run; a shared link reopens
// the same sweep (a link with only the sweep opens on the default config or the lesson); bad
// options are refused naming the option; a host page drives sweeps by postMessage.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP, HOST, click, frames, hover, launch, open, screenshot, state, texts } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 300000 };

const CONFIG = {
  data: { dataset: 'circle', samples: 200, noise: 0.1 },
  model: { hidden: [8], activation: 'relu' }, // relu: SGD at LR 30 diverges (tanh saturates)
  train: { steps: 150, batch_size: 20, eval_every: 30 },
  runs: [{ name: 'base', optimizer: { type: 'sgd', lr: 0.1 } }],
};

// RFC 4180 fields of one line (sweep rows hold no line breaks).
function fields(line) {
  const out = [''];
  let quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { out[out.length - 1] += '"'; ++i; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) out.push('');
    else out[out.length - 1] += c;
  }
  return out;
}

// `lrlab sweep` on a config: {rows as the page spells them, best JSON (with --fair)}.
function cliSweep(config, args, fair) {
  const command = process.env.LRLAB_CLI;
  if (!command) return null;
  const dir = mkdtempSync(join(tmpdir(), 'lrlab-sweep-'));
  writeFileSync(join(dir, 'c.json'), JSON.stringify(config));
  const [cmd, ...pre] = command.split(' ');
  const extra = fair ? ['--fair', '--best-json', join(dir, 'best.json')] : [];
  const csv = execFileSync(cmd, [...pre, 'sweep', join(dir, 'c.json'), ...args, ...extra],
    { encoding: 'utf8' });
  const [header, ...lines] = csv.trim().split('\n');
  const cols = header.split(',');
  const cell = (c, v) => (c === 'optimizer' || c === 'params' ? v : c === 'diverged' ? v === '1'
    : v === '' || v === 'nan' || v === 'inf' || v === '-inf' ? null : Number(v));
  const rows = lines.map((l) => Object.fromEntries(fields(l).map((v, i) => [cols[i], cell(cols[i], v)])));
  return { rows, best: fair ? JSON.parse(readFileSync(join(dir, 'best.json'), 'utf8')) : null };
}

const OPTS = { lrRange: '1e-3:30:5', optimizers: 'sgd,adam', param: 'runs[0].train.batch_size',
  values: '10,50', targetLoss: 0.5, fair: true };
const ARGS = ['--lr-range', '1e-3:30:5', '--optimizers', 'sgd,adam', '--param',
  'runs[0].train.batch_size', '--values', '10,50', '--target-loss', '0.5'];

test('lrlab.sweep gives the rows lrlab sweep prints, bit for bit, from several workers', T, async () => {
  const { page, errors } = await open(browser);
  const got = await page.evaluate(async (o) => {
    const progress = [];
    const r = await window.lrlab.sweep(o, (p) => progress.push(p));
    return { r, progress, stats: window.lrlab.sweepStats(), cores: navigator.hardwareConcurrency,
      state: window.lrlab.sweepState() };
  }, { ...OPTS, config: CONFIG });
  assert.equal(got.r.rows.length, 20);
  assert.deepEqual(Object.keys(got.r.rows[0]).sort(), ['best_step', 'best_test_loss', 'cell',
    'diverged', 'final_test_acc', 'final_test_loss', 'final_train_loss', 'lr', 'optimizer',
    'params', 'steps_to_target']);
  assert.deepEqual(got.r.rows.map((r) => r.cell), [...Array(20).keys()]);
  assert.ok(got.r.rows.some((r) => r.diverged), 'lr 30 should diverge for sgd');
  const want = cliSweep(CONFIG, ARGS, true);
  if (want) {
    assert.deepEqual(got.r.rows, want.rows);
    const { rows, ...best } = got.r;
    assert.deepEqual(best, want.best);
  }
  // Progress: once before the first cell, then once per cell, ending at all of them.
  assert.equal(got.progress.length, 21);
  assert.deepEqual(got.progress.map((p) => p.done), [...Array(21).keys()]);
  assert.equal(got.stats.mode, 'workers');
  assert.equal(got.stats.size, Math.max(1, got.cores));
  if (got.cores >= 2) assert.ok(got.stats.workersUsed >= 2, JSON.stringify(got.stats));
  assert.equal(got.state.done, 20);
  assert.equal(got.state.running, false);
  assert.deepEqual(errors, []);
  // Two workers asked for explicitly, and the in-page fallback (no Workers): the same bits.
  const two = await page.evaluate((o) => window.lrlab.sweep({ ...o, workers: 2 })
    .then((r) => ({ r, stats: window.lrlab.sweepStats() })), { ...OPTS, config: CONFIG });
  assert.deepEqual(two.r.rows, got.r.rows);
  assert.equal(two.stats.workersUsed, 2);
  const inPage = await open(browser, '?workers=0');
  const here = await inPage.page.evaluate((o) => window.lrlab.sweep(o)
    .then((r) => ({ r, stats: window.lrlab.sweepStats() })), { ...OPTS, config: CONFIG });
  assert.equal(here.stats.mode, 'inline');
  assert.deepEqual(here.r.rows, got.r.rows);
  assert.deepEqual(inPage.errors, []);
});

test('cancelling a sweep leaves the page usable', T, async () => {
  const { page, errors } = await open(browser);
  const long = { ...CONFIG, train: { ...CONFIG.train, steps: 3000 } };
  const r = await page.evaluate(async (c) => {
    let first = null;
    const p = window.lrlab.sweep({ config: c, lrRange: '1e-3:1:21', optimizers: 'sgd,adam,rmsprop' },
      (x) => { if (x.done >= 1 && !first) { first = x; window.lrlab.cancelSweep(); } });
    let message = 'resolved';
    try { await p; } catch (e) { message = e.message; }
    return { message, first, state: window.lrlab.sweepState() };
  }, long);
  assert.match(r.message, /cancelled/);
  assert.equal(r.state.running, false);
  assert.equal(r.state.cancelled, true);
  assert.ok(r.state.done < 63, `${r.state.done} cells done after cancel`);
  // The page still trains, draws and sweeps.
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), CONFIG)).ok, true);
  assert.equal(await page.evaluate(() => window.lrlab.step(5)), 5);
  await frames(page, 3);
  const again = await page.evaluate(() => window.lrlab.sweep({ lrRange: '0.01:0.1:2' }));
  assert.equal(again.rows.length, 2);
  // A sweep replaced by another: the first rejects, the second completes.
  const both = await page.evaluate(async (c) => {
    const a = window.lrlab.sweep({ config: c, lrRange: '1e-3:1:12' }).then(() => 'resolved', (e) => e.message);
    const b = await window.lrlab.sweep({ lrRange: '0.01:0.1:3' });
    return { a: await a, b: b.rows.length };
  }, long);
  assert.match(both.a, /cancelled or replaced/);
  assert.equal(both.b, 3);
  assert.deepEqual(errors, []);
});

test('bad sweep options are refused naming the option; nothing runs', T, async () => {
  const { page, errors } = await open(browser);
  const refused = await page.evaluate(async () => {
    const out = [];
    for (const o of [{ lr_range: '1:2:3' }, { lrRange: '1:0.1' }, { optimizers: 'sgd,adamm' },
      { lrRange: 5 }, { workers: 0 }, { param: 'train.l2' }, { run: 'nobody' },
      { param: 'runs[0].train.batch_size', values: '2.5' }, { targetLoss: 'low' }, [1]]) {
      try { await window.lrlab.sweep(o); out.push('resolved'); } catch (e) {
        out.push((e.errors && e.errors[0].path) + ' | ' + e.message);
      }
    }
    return { out, state: window.lrlab.sweepState() };
  });
  const paths = refused.out.map((t) => t.split(' | ')[0]);
  assert.deepEqual(paths, ['lr_range', 'lrRange', 'optimizers', 'lrRange', 'workers', 'values',
    'run', 'runs[0].train.batch_size', 'targetLoss', '']);
  assert.match(refused.out[2], /unknown optimizer "adamm"/);
  assert.match(refused.out[7], /cell 0/);
  assert.equal(refused.state.cells, 0); // no sweep was planned
  assert.deepEqual(errors, []);
});

test('the panel: Run by a click, progress, views, hover, a heatmap click adds the cell as a run', T, async () => {
  const shot = async (page, name) => screenshot(page, name);
  const { page, errors } = await open(browser, '?panels=sweep,runs');
  await page.evaluate((c) => window.lrlab.setConfig(c), CONFIG);
  await frames(page, 2);
  await click(page, 'sweep.header');
  await click(page, 'sweep.run'); // the form's defaults: 1e-4..10, 21 LRs x sgd, adam, rmsprop
  await page.waitForFunction(() => window.lrlab.sweepState().running, null, { timeout: 20000 });
  await page.waitForFunction(() => { const s = window.lrlab.sweepState(); return !s.running && s.done === 63; },
    null, { timeout: 240000 });
  await frames(page, 3);
  let s = await state(page);
  assert.match(texts(s)['sweep.progress'], /^63 \/ 63 cells in /);
  assert.ok(texts(s)['sweep.best.adam'], 'adam\'s best LR is marked');
  assert.equal(await page.evaluate(() => window.lrlab.sweepState().options.lrRange), '0.0001:10:21');
  // The grid's optimizers in the registry's order, whatever the order of the clicks.
  assert.match(await page.evaluate(() => decodeURIComponent(location.hash)),
    /sweep\.lrRange=0\.0001:10:21&sweep\.optimizers=sgd,rmsprop,adam/);
  await shot(page, 'sweep-desktop.png');
  // Hover the heatmap cell of LR 0.1 (column 12 of 21) for adam (row 2 of 3), then click it.
  const cells = s.widgets['sweep.heatmap.cells'];
  const at = { x: cells.x + (12.5 / 21) * cells.width, y: cells.y + (2.5 / 3) * cells.height };
  const row = (await page.evaluate(() => window.lrlab.sweepResult())).rows[38];
  assert.equal(row.optimizer, 'adam');
  assert.ok(Math.abs(row.lr - 0.1) < 1e-12);
  await page.mouse.move(at.x, at.y);
  await frames(page, 4);
  s = await state(page);
  assert.ok(texts(s).tooltip.startsWith(`cell 38: adam, lr ${row.lr}\nfinal test loss`), texts(s).tooltip);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
  const runs = (await page.evaluate(() => window.lrlab.getConfig())).runs;
  assert.deepEqual(runs.map((r) => r.name), ['base', 'adam 0.1']);
  assert.deepEqual([runs[1].optimizer.type, runs[1].optimizer.lr], ['adam', row.lr]);
  assert.equal(await page.evaluate(() => window.lrlab.step(10)), 10); // it trains beside the other
  await page.setViewportSize({ width: 390, height: 844 });
  await frames(page, 4);
  await shot(page, 'sweep-phone.png');
  assert.deepEqual(errors, []);
});

test('a shared link reopens the same sweep', T, async () => {
  const { page, errors } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig(c), CONFIG);
  const first = await page.evaluate(() => window.lrlab.sweep({ lrRange: '0.01:1:3',
    optimizers: 'sgd,adam', param: 'train.l2', values: '0,0.001', targetLoss: 0.4 }));
  await frames(page, 3);
  const url = await page.evaluate(() => location.href);
  assert.match(decodeURIComponent(url), /sweep\.param=train\.l2&sweep\.values=0,0\.001&sweep\.targetLoss=0\.4/);
  const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const otherErrors = [];
  other.on('console', (m) => { if (m.type() === 'error') otherErrors.push(m.text()); });
  await other.goto(url);
  await other.evaluate(() => window.lrlab.ready);
  await other.waitForFunction(() => { const s = window.lrlab.sweepState(); return s.cells === 12 && !s.running && s.done === 12; },
    null, { timeout: 120000 });
  const reopened = await other.evaluate(() => window.lrlab.getConfig());
  assert.deepEqual(reopened.data.samples, 200);
  const again = await other.evaluate(() => window.lrlab.sweepResult());
  assert.deepEqual(again.rows, first.rows); // the same cells, the same bits
  const state2 = await other.evaluate(() => window.lrlab.sweepState());
  assert.equal(state2.options.param, 'train.l2');
  assert.equal(state2.failed.length, 0);
  assert.deepEqual((await other.evaluate(() => window.lrlab.state())).urlErrors, []);
  assert.equal(first.rows.length, 12);
  assert.deepEqual(errors, []);
  assert.deepEqual(otherErrors, []);
  await other.close();
});

// Workers under the page's strict policy sent as an HTTP header (a school's server): the worker
// script, the glue it imports and the wasm are the page's own ('self'), no violation anywhere.
test('a sweep in workers under the strict CSP as an HTTP header: no violation', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; " +
    "base-uri 'none'; form-action 'none'";
  const served = new Set();
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    served.add(new URL(route.request().url()).pathname.split('/').pop());
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
    });
  });
  const errors = [];
  const log = (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) errors.push(m.text());
  };
  page.on('console', log);
  page.on('worker', (w) => w.on('console', log));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL('index.html', process.env.LRLAB_URL || 'http://127.0.0.1:8000/').href);
  await page.evaluate(() => window.lrlab.ready);
  const r = await page.evaluate((c) => window.lrlab.sweep({ config: c, lrRange: '0.01:1:4', workers: 2 })
    .then((x) => ({ n: x.rows.length, stats: window.lrlab.sweepStats() })), CONFIG);
  assert.equal(r.n, 4);
  assert.equal(r.stats.mode, 'workers');
  assert.equal(r.stats.workersUsed, 2);
  assert.ok(served.has('lrlab_worker.js'), [...served].join(' '));
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

// The pool is not the sweep's alone: CV folds as jobs in the workers give `lrlab cv`'s rows.
test('cv_fold jobs in the worker pool give the rows lrlab cv prints', T, async () => {
  const { page, errors } = await open(browser);
  const got = await page.evaluate(async (c) => {
    const cv = { config: c, values: 'log:0.01:1:3', folds: 3 };
    const jobs = [];
    for (let v = 0; v < 3; ++v) for (let f = 0; f < 3; ++f) jobs.push({ kind: 'cv_fold', cv, value: v, fold: f });
    const results = await window.lrlab.workerPool(2).run(jobs, {});
    const bad = await window.lrlab.workerPool(2).run([{ kind: 'cv_fold', cv: { config: c } },
      { kind: 'nothing' }], {});
    return { rows: results.map((r) => r.reply.row), bad: bad.map((r) => r.error) };
  }, CONFIG);
  const command = process.env.LRLAB_CLI;
  if (command) {
    const dir = mkdtempSync(join(tmpdir(), 'lrlab-cv-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(CONFIG));
    const [cmd, ...pre] = command.split(' ');
    const csv = execFileSync(cmd, [...pre, 'cv', join(dir, 'c.json'), '--values', 'log:0.01:1:3',
      '--folds', '3'], { encoding: 'utf8' });
    const [header, ...lines] = csv.trim().split('\n');
    const cols = header.split(',');
    const want = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i],
      cols[i] === 'diverged' ? v === '1' : v === '' || v === 'nan' ? null : Number(v)])));
    assert.deepEqual(got.rows, want);
  }
  assert.equal(got.rows.length, 9);
  assert.match(got.bad[0], /values: is required/);
  assert.match(got.bad[1], /kind: must be/);
  assert.deepEqual(errors, []);
});

// Workers that cannot start (here their script is refused; a policy without worker-src or a
// file:// page does the same): the sweep runs in the page instead, with the same rows.
test('when workers cannot start, the sweep runs in the page with the same rows', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route('**/lrlab_worker.js', (route) => route.abort());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL('index.html', process.env.LRLAB_URL || 'http://127.0.0.1:8000/').href);
  await page.evaluate(() => window.lrlab.ready);
  const opts = { config: CONFIG, lrRange: '0.01:1:3', optimizers: 'sgd,adam' };
  const r = await page.evaluate((o) => window.lrlab.sweep(o)
    .then((x) => ({ rows: x.rows, stats: window.lrlab.sweepStats(), state: window.lrlab.sweepState() })), opts);
  assert.equal(r.stats.mode, 'inline');
  assert.equal(r.state.failed.length, 0);
  const want = cliSweep(CONFIG, ['--lr-range', '0.01:1:3', '--optimizers', 'sgd,adam'], false);
  if (want) assert.deepEqual(r.rows, want.rows);
  assert.equal(r.rows.length, 6);
  assert.deepEqual(errors, []);
  await context.close();
});

// A link holding only the sweep (no config pairs): the page opens on the default config (or the
// ?preset= lesson), with the sweep panel open on those settings, and runs that sweep.
test('a link with only sweep.* keys opens the default config (or the lesson) and its sweep', T, async () => {
  // Two cells of 50 steps (the sweep's own --param), so that the default net trains quickly.
  const hash = '#sweep.lrRange=0.01:0.1:2&sweep.optimizers=sgd&sweep.param=train.steps&sweep.values=50';
  for (const preset of ['', '?preset=good-lr']) {
    const plain = await open(browser, preset);
    const want = await plain.page.evaluate(() => window.lrlab.getConfig());
    await plain.page.close();
    const { page, errors } = await open(browser, preset + hash);
    await page.waitForFunction(() => { const s = window.lrlab.sweepState(); return s.cells === 2 && !s.running && s.done === 2; },
      null, { timeout: 120000 });
    assert.deepEqual(await page.evaluate(() => window.lrlab.getConfig()), want, preset || 'no preset');
    await frames(page, 3);
    const s = await state(page);
    assert.deepEqual(s.urlErrors, []);
    assert.match(texts(s)['sweep.progress'], /^2 \/ 2 cells in /); // the panel is open, on this sweep
    const st = await page.evaluate(() => window.lrlab.sweepState());
    assert.equal(st.options.lrRange, '0.01:0.1:2');
    assert.equal(st.options.optimizers, 'sgd');
    assert.equal(st.options.param, 'train.steps');
    const rows = (await page.evaluate(() => window.lrlab.sweepResult())).rows;
    const cli = cliSweep(want, ['--lr-range', '0.01:0.1:2', '--optimizers', 'sgd', '--param',
      'train.steps', '--values', '50'], false);
    if (cli) assert.deepEqual(rows, cli.rows);
    assert.equal(rows.length, 2);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

// DESIGN's postMessage verbs, extended: sweep (options as the other keys, "progress" per cell,
// the answer when done), cancelSweep, sweepState, sweepResult.
test('a host page drives sweep, sweepState, sweepResult and cancelSweep by postMessage', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const hostOrigin = new URL(HOST).origin;
  await page.goto(HOST + 'host.html?app=' + encodeURIComponent(APP + 'index.html?embed=1&parentOrigin=' +
    encodeURIComponent(hostOrigin)));
  await page.waitForFunction(() => window.received.some((m) => m.lrlab === 'ready'), null, { timeout: 30000 });
  assert.equal((await page.evaluate((c) => window.send({ lrlab: 'setConfig', config: c }), CONFIG)).result.ok, true);
  const swept = await page.evaluate(() => window.send({ lrlab: 'sweep', lrRange: '1e-3:30:3',
    optimizers: 'sgd,adam', targetLoss: 0.5 }, 120000));
  assert.equal(swept.lrlab, 'sweep');
  assert.equal(swept.result.rows.length, 6);
  const want = cliSweep(CONFIG, ['--lr-range', '1e-3:30:3', '--optimizers', 'sgd,adam', '--target-loss', '0.5'], false);
  if (want) assert.deepEqual(swept.result.rows, want.rows);
  const progress = await page.evaluate((id) => window.received.filter((m) => m.lrlab === 'progress' && m.request === id), swept.id);
  assert.deepEqual(progress.map((p) => p.done), [0, 1, 2, 3, 4, 5, 6]);
  assert.ok(progress.every((p) => p.total === 6));
  const st = await page.evaluate(() => window.send({ lrlab: 'sweepState' }));
  assert.equal(st.result.done, 6);
  assert.equal(st.result.running, false);
  assert.deepEqual((await page.evaluate(() => window.send({ lrlab: 'sweepResult' }))).result.rows, swept.result.rows);
  const bad = await page.evaluate(() => window.send({ lrlab: 'sweep', optimizers: 'sgd,adamm' }));
  assert.deepEqual(bad.errors.map((e) => e.path), ['optimizers']);
  assert.match(bad.error, /unknown optimizer "adamm"/);
  // cancelSweep, once the long sweep is known to run (its first progress message arrived):
  // its answer is an error saying it was cancelled.
  await page.evaluate((c) => window.send({ lrlab: 'setConfig', config: { ...c, train: { ...c.train, steps: 3000 } } }), CONFIG);
  const seen = await page.evaluate(() => window.received.length);
  const long = page.evaluate(() => window.send({ lrlab: 'sweep', lrRange: '1e-3:1:21', optimizers: 'sgd,adam,rmsprop' }, 120000));
  await page.waitForFunction((n) => window.received.slice(n).some((m) => m.lrlab === 'progress'), seen, { timeout: 30000 });
  const cancelled = await page.evaluate(() => window.send({ lrlab: 'cancelSweep' }));
  assert.equal(cancelled.result, null);
  const answer = await long;
  assert.ok(answer, 'the cancelled sweep was answered');
  assert.match(answer.error, /cancelled/);
  const after = (await page.evaluate(() => window.send({ lrlab: 'sweepState' }))).result;
  assert.equal(after.running, false);
  assert.equal(after.cancelled, true);
  assert.ok(after.done < 63, `${after.done} cells done after cancel`);
  assert.deepEqual(errors, []);
  await page.close();
});
