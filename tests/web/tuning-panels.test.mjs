// The LR finder and cross-validation panels (issue 9): they draw, run through real clicks, in
// chunks between frames (frames keep coming), mark the suggestions and the best value with the
// CLI's numbers, apply them to the run (getConfig shows it), cancel, share the one tuning job
// with window.lrlab, and a host page drives lrFind / crossValidate / cancelTuning by postMessage.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP, HOST, charts, click, colours, frames, launch, open, screenshot, state, texts, typeInto } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 300000 };

const CONFIG = {
  data: { dataset: 'circle', samples: 200, noise: 0.1 },
  model: { hidden: [8] },
  train: { steps: 120, batch_size: 20, eval_every: 30 },
  runs: [
    { name: 'sgd', optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } },
    { name: 'adam', optimizer: { type: 'adam', lr: 0.01 }, clip: { type: 'global_norm', max_norm: 1 } },
  ],
};

// The CLI verb on a config: {rows, json} (numbers parsed), or null without a CLI.
function cli(config, verb, jsonFlag, ...args) {
  const command = process.env.LRLAB_CLI;
  if (!command) return null;
  const dir = mkdtempSync(join(tmpdir(), 'lrlab-panels-'));
  writeFileSync(join(dir, 'c.json'), JSON.stringify(config));
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

async function setup(suffix = '?panels=controls,runs,finder,cv', viewport) {
  const { page, errors } = await open(browser, suffix, viewport);
  const set = await page.evaluate((c) => window.lrlab.setConfig(c), CONFIG);
  assert.equal(set.ok, true);
  await frames(page, 2);
  return { page, errors };
}

// Waits for the panel's job to finish, counting frames and observed progress meanwhile.
async function waitJob(page, panel) {
  const f0 = (await state(page)).frames;
  let seen = 0;
  let s;
  for (let i = 0; i < 3000; ++i) {
    s = await state(page);
    if (s.tuning.owner === panel) seen++;
    if (s.tuning.owner === null && s.tuning[panel].status !== 'running') break;
    await page.waitForTimeout(20);
  }
  return { frames: s.frames - f0, seen, s };
}

// The drawn pixels of a chart: distinct colours (a blank or flat rectangle has one or two).
async function chartPixels(page, name) {
  const r = (await state(page)).widgets[name];
  assert.ok(r, `chart ${name} is published`);
  return colours(page, { x: r.x, y: r.y, width: r.width, height: r.height });
}

test('the full page shows both panels collapsed under the charts', T, async () => {
  const { page, errors } = await open(browser);
  const s = await state(page);
  assert.ok(s.widgets['finder-header'], 'the LR finder header is there');
  assert.ok(s.widgets['cv-header'], 'the cross-validation header is there');
  assert.ok(!s.widgets['finder-run'] && !s.widgets['cv-run'], 'both collapsed by default');
  assert.ok(s.widgets['finder-header'].y > s.widgets['chart:loss'].y, 'below the charts');
  const bad = await open(browser, '?panels=finder,bogus');
  assert.deepEqual((await state(bad.page)).urlErrors.map((e) => e.path), ['panels']);
  assert.match((await state(bad.page)).urlErrors[0].message, /finder, cv/);
  await bad.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('LR finder: Run by click, suggestions marked with the CLI numbers, Apply sets the lr', T, async () => {
  const { page, errors } = await setup();
  await click(page, 'finder-header');
  assert.ok((await state(page)).widgets['finder-run'], 'opened');
  const framesBefore = (await state(page)).frames;
  await click(page, 'finder-run');
  const job = await waitJob(page, 'finder');
  assert.equal(job.s.tuning.finder.result, true, job.s.tuning.finder.status);
  assert.match(job.s.tuning.finder.status, /^done in /);
  assert.ok(job.s.frames - framesBefore >= 10, `${job.s.frames - framesBefore} frames during the test`);
  await frames(page, 3);
  const want = cli(CONFIG, 'lr-find', '--suggest-json', '--run', 'sgd');
  const api = await page.evaluate(() => window.lrlab.lrFind({ run: 'sgd' }));
  if (want) assert.deepEqual(api.rows, want.rows);
  const sug = want ? want.json.suggestions : api.suggestions;
  // Each non-null suggestion is a marker at exactly its LR, named; a null one says so.
  const traced = (await charts(page)).finder;
  assert.ok(traced && traced.visible, 'the finder chart was drawn');
  assert.equal(traced.logX, true);
  const shown = texts(await state(page));
  for (const [name, label] of [['steepest', 'steepest'], ['minimum', 'minimum/10'], ['valley', 'valley']]) {
    const m = traced.markers.find((k) => k.label.startsWith(label + ' '));
    if (sug[name] === null) {
      assert.equal(m, undefined);
      assert.equal(shown[`finder-suggestion:${label}`], 'null');
    } else {
      assert.ok(m, `${name} marked`);
      assert.equal(m.x, sug[name]);
    }
  }
  assert.ok(Object.values(sug).some((v) => v !== null), 'this curve has a suggestion');
  assert.equal(shown['finder-note'], api.note);
  // Two lines (raw faint, smoothed) with the CLI's points, on a log axis.
  assert.deepEqual(traced.lines.map((l) => l.label), ['loss (raw)', 'smoothed']);
  // The early stop, when the test stopped early, is marked at the last point's LR.
  const stop = traced.markers.find((k) => k.label.startsWith('stopped at iteration'));
  assert.equal(Boolean(stop), api.stopped_early);
  if (stop) assert.equal(stop.x, api.rows[api.rows.length - 1].lr);
  const px = await chartPixels(page, 'chart:finder');
  assert.ok(px.distinct > 8, `the chart has ${px.distinct} colours`);
  await screenshot(page, 'finder-desktop.png');
  // The hover readout (lr, raw and smoothed loss) over the chart's middle.
  const c = (await state(page)).widgets['chart:finder'];
  await page.mouse.move(c.x + c.width * 0.6, c.y + c.height * 0.5);
  await frames(page, 4);
  await screenshot(page, 'finder-hover.png');
  // Apply the first suggestion that exists: the run's optimizer.lr becomes it.
  const [pick, label] = [['valley', 'valley'], ['steepest', 'steepest'], ['minimum', 'minimum/10']]
    .find(([n]) => sug[n] !== null);
  await click(page, `finder-apply:${label}`);
  const cfg = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(cfg.runs[0].optimizer.lr, sug[pick]);
  assert.equal(cfg.runs[1].optimizer.lr, 0.01, 'the other run is untouched');
  const toast = texts(await state(page)).toast;
  assert.match(toast, /^sgd: optimizer\.lr 0\.1 -> /);
  assert.deepEqual(errors, []);
  await page.close();
});

test('LR finder: a range with no descent gives no suggestion, says why, offers no Apply', T, async () => {
  const { page, errors } = await setup();
  await click(page, 'finder-header');
  // 1e-7 .. 1e-6: the loss cannot fall there. Typed into the field like a person.
  await typeInto(page, 'finder-end-lr', '1e-6');
  await click(page, 'finder-run');
  const job = await waitJob(page, 'finder');
  assert.equal(job.s.tuning.finder.result, true, job.s.tuning.finder.status);
  await frames(page, 3);
  const shown = texts(await state(page));
  for (const name of ['steepest', 'minimum/10', 'valley']) {
    assert.equal(shown[`finder-suggestion:${name}`], 'null');
    assert.ok(!(await state(page)).widgets[`finder-apply:${name}`]);
  }
  assert.match(shown['finder-note'], /^no suggestion: /);
  const api = await page.evaluate(() => window.lrlab.lrFind({ run: 'sgd', endLr: 1e-6 }));
  assert.equal(shown['finder-note'], api.note);
  assert.equal((await charts(page)).finder.markers.length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('LR finder on a one_cycle run applies schedule.max_lr, on cyclic base_lr and max_lr', T, async () => {
  const { page, errors } = await open(browser, '?panels=finder');
  const config = { ...CONFIG, runs: [
    { name: 'oc', optimizer: { type: 'sgd', lr: 0.05 }, schedule: { type: 'one_cycle' } },
    { name: 'cyc', optimizer: { type: 'sgd', lr: 0.05 }, schedule: { type: 'cyclic' } }] };
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), config)).ok, true);
  await frames(page, 2);
  await click(page, 'finder-header');
  await click(page, 'finder-run');
  await waitJob(page, 'finder');
  await frames(page, 3);
  const sug = (await page.evaluate(() => window.lrlab.lrFind({ run: 'oc' }))).suggestions;
  const [pick, label] = [['valley', 'valley'], ['steepest', 'steepest'], ['minimum', 'minimum/10']]
    .find(([n]) => sug[n] !== null);
  await click(page, `finder-apply:${label}`);
  let cfg = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(cfg.runs[0].schedule.max_lr, sug[pick]);
  assert.equal(cfg.runs[0].optimizer.lr, 0.05);
  // The cyclic run: select it (lrlab has no selection verb; the runs panel is hidden), by a
  // config with it first.
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig({ ...c, runs: [c.runs[1]] }), config)).ok, true);
  await frames(page, 2);
  await click(page, 'finder-run');
  await waitJob(page, 'finder');
  await frames(page, 3);
  const s2 = (await page.evaluate(() => window.lrlab.lrFind({}))).suggestions;
  const [p2, l2] = [['valley', 'valley'], ['steepest', 'steepest'], ['minimum', 'minimum/10']]
    .find(([n]) => s2[n] !== null);
  await click(page, `finder-apply:${l2}`);
  cfg = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(cfg.runs[0].schedule.max_lr, s2[p2]);
  assert.equal(cfg.runs[0].schedule.base_lr, s2[p2] / 4);
  if ((await state(page)).widgets['finder-apply:range']) {
    await click(page, 'finder-apply:range');
    cfg = await page.evaluate(() => window.lrlab.getConfig());
    assert.ok(cfg.runs[0].schedule.base_lr < cfg.runs[0].schedule.max_lr);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('cross-validation: Run by click, error bars and folds drawn, best marked, Apply best', T, async () => {
  const { page, errors } = await setup();
  await click(page, 'cv-header');
  const framesBefore = (await state(page)).frames;
  await click(page, 'cv-run');
  const job = await waitJob(page, 'cv');
  assert.equal(job.s.tuning.cv.result, true, job.s.tuning.cv.status);
  assert.ok(job.s.frames - framesBefore >= 10);
  await frames(page, 3);
  // The defaults for an LR of 0.1: log:0.01:1:7, 5 folds.
  const want = cli(CONFIG, 'cv', '--summary-json', '--values', 'log:0.01:1:7', '--folds', '5',
    '--param', 'runs[0].optimizer.lr');
  const api = await page.evaluate(() => window.lrlab.crossValidate({ param: 'runs[0].optimizer.lr',
    values: 'log:0.01:1:7', folds: 5 }));
  if (want) assert.deepEqual(api.rows, want.rows);
  const best = want ? want.json.best : api.best;
  assert.notEqual(best, null);
  const traced = (await charts(page)).cv;
  assert.ok(traced && traced.visible);
  assert.equal(traced.logX, true, 'an LR axis is logarithmic');
  assert.equal(traced.lines.length, 6, '5 folds and the mean');
  assert.equal(traced.markers.length, 1);
  assert.equal(traced.markers[0].x, best);
  const px = await chartPixels(page, 'chart:cv');
  assert.ok(px.distinct > 8, `the chart has ${px.distinct} colours`);
  await screenshot(page, 'cv-desktop.png');
  await click(page, 'cv-apply');
  const cfg = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(cfg.runs[0].optimizer.lr, best);
  assert.match(texts(await state(page)).toast, /^cv: runs\[0\]\.optimizer\.lr 0\.1 -> /);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Cancel stops a panel job; one job at a time, shared with window.lrlab', T, async () => {
  const { page, errors } = await setup();
  // 20,000 steps a fold: on the worker pool 3,000 could finish (1.25 s) before the Cancel click.
  await page.evaluate((c) => window.lrlab.setConfig({ ...c, train: { ...c.train, steps: 20000 } }), CONFIG);
  await frames(page, 2);
  await click(page, 'cv-header');
  await click(page, 'cv-run');
  let s = await state(page);
  assert.equal(s.tuning.owner, 'cv', 'running');
  // A script may not silently replace the panel's job...
  const refused = await page.evaluate(async () => {
    try { await window.lrlab.lrFind({}); return 'resolved'; } catch (e) { return e.message; }
  });
  assert.match(refused, /refused: the page's cross-validation panel is running/);
  assert.equal((await state(page)).tuning.owner, 'cv');
  // ...the frames keep coming while it runs...
  const f0 = (await state(page)).frames;
  await frames(page, 5);
  assert.ok((await state(page)).frames >= f0 + 5);
  // ...and Cancel stops it.
  await click(page, 'cv-cancel');
  s = await state(page);
  assert.equal(s.tuning.owner, null);
  assert.equal(s.tuning.cv.status, 'cancelled');
  assert.equal(s.tuning.cv.result, false);
  // cancelTuning() cancels a panel's job too (an explicit request).
  await click(page, 'cv-run');
  assert.equal((await state(page)).tuning.owner, 'cv');
  await page.evaluate(() => window.lrlab.cancelTuning());
  await frames(page, 2);
  assert.match((await state(page)).tuning.cv.status, /cancelled by a script/);
  // While a script's job runs, the panel's Run does nothing and its Cancel cancels the script's.
  const outcome = page.evaluate(async (c) => {
    // About a million training steps: far longer than the clicks below.
    const config = { ...c, train: { ...c.train, steps: 50000, eval_every: 5000 } };
    try { await window.lrlab.crossValidate({ config, values: [0.01, 0.03, 0.1, 0.3], folds: 5 }); return 'resolved'; } catch (e) { return e.message; }
  }, CONFIG);
  await frames(page, 2);
  assert.equal((await state(page)).tuning.owner, 'script');
  await click(page, 'finder-header');
  await click(page, 'finder-run');
  assert.equal((await state(page)).tuning.owner, 'script', 'Run is disabled meanwhile');
  await click(page, 'finder-cancel');
  assert.match(await outcome, /cancelled/);
  assert.equal((await state(page)).step, 0, 'the page\'s own runs were never stepped');
  assert.deepEqual(errors, []);
  await page.close();
});

test('phone: both panels open in one column, drawn', T, async () => {
  const { page, errors } = await setup('?panels=controls,finder,cv', { width: 390, height: 844 });
  await click(page, 'finder-header');
  await click(page, 'finder-run');
  await waitJob(page, 'finder');
  await frames(page, 3);
  assert.ok((await chartPixels(page, 'chart:finder')).distinct > 8);
  await screenshot(page, 'finder-phone.png');
  await click(page, 'finder-header'); // fold it: the CV panel moves up into view
  await click(page, 'cv-header');
  await click(page, 'cv-run');
  await waitJob(page, 'cv');
  await frames(page, 3);
  assert.ok((await chartPixels(page, 'chart:cv')).distinct > 8);
  await screenshot(page, 'cv-phone.png');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a host page drives lrFind, crossValidate and cancelTuning by postMessage', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const hostOrigin = new URL(HOST).origin;
  await page.goto(HOST + 'host.html?app=' + encodeURIComponent(APP + 'index.html?embed=1&parentOrigin=' +
    encodeURIComponent(hostOrigin)));
  await page.waitForFunction(() => window.received.some((m) => m.lrlab === 'ready'), null, { timeout: 30000 });
  const set = await page.evaluate((c) => window.send({ lrlab: 'setConfig', config: c }), CONFIG);
  assert.equal(set.result.ok, true);
  const found = await page.evaluate(() => window.send({ lrlab: 'lrFind', run: 'adam', numIter: 60 }, 120000));
  assert.equal(found.lrlab, 'lrFind');
  const want = cli(CONFIG, 'lr-find', '--suggest-json', '--run', 'adam', '--num-iter', '60');
  if (want) {
    const { rows, ...rest } = found.result;
    assert.deepEqual(rows, want.rows);
    assert.deepEqual(rest, want.json);
  }
  const progress = await page.evaluate((id) => window.received.filter((m) => m.lrlab === 'progress' && m.request === id), found.id);
  assert.ok(progress.length >= 1 && progress[progress.length - 1].done === true);
  const cv = await page.evaluate(() => window.send({ lrlab: 'crossValidate', values: 'log:0.01:1:3', folds: 3 }, 120000));
  const wantCv = cli(CONFIG, 'cv', '--summary-json', '--values', 'log:0.01:1:3', '--folds', '3');
  if (wantCv) {
    const { rows, ...rest } = cv.result;
    assert.deepEqual(rows, wantCv.rows);
    assert.deepEqual(rest, wantCv.json);
  }
  // Bad options: the error names them.
  const bad = await page.evaluate(() => window.send({ lrlab: 'lrFind', speed: 3, numIter: 1 }));
  assert.deepEqual(bad.errors.map((e) => e.path), ['speed']);
  assert.match(bad.error, /speed: unknown option/);
  const bad2 = await page.evaluate(() => window.send({ lrlab: 'crossValidate', values: [-1] }));
  assert.match(bad2.error, /runs\[0\]\.optimizer\.lr/);
  // cancelTuning ends a running job: its answer is an error saying so. The job is cancelled
  // once its first progress message came (a fixed wait let a fast machine finish it first).
  const longer = await page.evaluate((c) => window.send({ lrlab: 'setConfig', config: { ...c, train: { ...c.train, steps: 20000 } } }), CONFIG);
  assert.equal(longer.result.ok, true, JSON.stringify(longer));
  const mark = await page.evaluate(() => window.received.length);
  const long = page.evaluate(() => window.send({ lrlab: 'crossValidate', values: [0.01, 0.1], folds: 4 }, 60000));
  await page.waitForFunction((m) => window.received.slice(m).some((x) => x.lrlab === 'progress' && x.done === false),
    mark, { timeout: 30000 });
  const cancelled = await page.evaluate(() => window.send({ lrlab: 'cancelTuning' }));
  assert.equal(cancelled.result, null);
  assert.match((await long).error, /cancelled/);
  assert.deepEqual(errors, []);
  await page.close();
});
