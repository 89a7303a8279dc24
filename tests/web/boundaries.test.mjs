// The page's boundaries (issue 8): config size and nesting through setConfig, postMessage and
// Import; the URL's fallbacks; step(n)'s argument; ?parentOrigin= as an origin; the history
// budget and stepAsync(n) for long ways. Every entry point refuses bad input with a message
// and the page stays fully alive afterwards.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP, HOST, click, frames, launch, open, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 120000 };
const small = { train: { steps: 40, eval_every: 10 }, runs: [{ name: 'a', optimizer: { type: 'sgd' } }] };

// The page answers, steps and reads metrics: what "alive" means after a refusal.
async function assertAlive(page) {
  const r = await page.evaluate((c) => {
    const set = window.lrlab.setConfig(c);
    return { set, step: window.lrlab.step(3), run: window.lrlab.metrics()[0].run };
  }, small);
  assert.deepEqual(r, { set: { ok: true, errors: [] }, step: 3, run: 'a' });
  await frames(page, 2);
}

async function hostPage(appQuery) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push({ type: m.type(), text: m.text() }));
  await page.goto(HOST + 'host.html?app=' + encodeURIComponent(APP + 'index.html' + appQuery));
  return { page, consoleLines };
}

const appFrame = (page) => page.frames().find((f) => f.url().startsWith(APP));

// ---- item 3: config size and nesting ----------------------------------------------------------

test('setConfig refuses huge and deeply nested configs with a message; the page lives on', T, async () => {
  const { page, errors } = await open(browser);
  const r = await page.evaluate(() => {
    const hidden = window.lrlab.setConfig({ model: { hidden: new Array(700000).fill(8) } });
    const name3mb = window.lrlab.setConfig({ runs: [{ name: 'x'.repeat(3000000), optimizer: { type: 'sgd' } }] });
    const name5mb = window.lrlab.setConfig({ runs: [{ name: 'x'.repeat(70000000), optimizer: { type: 'sgd' } }] });
    let deep = 1;
    for (let i = 0; i < 1000; ++i) deep = [deep];
    const nested = window.lrlab.setConfig({ seed: deep });
    let deeper = 1;
    for (let i = 0; i < 1000000; ++i) deeper = [deeper];
    const jsDeep = window.lrlab.setConfig({ seed: deeper });
    return { hidden, name3mb, name5mb, nested, jsDeep };
  });
  assert.equal(r.hidden.ok, false);
  assert.equal(r.hidden.errors[0].path, 'model.hidden');
  assert.equal(r.name3mb.ok, false);
  assert.equal(r.name3mb.errors[0].path, 'runs[0].name');
  assert.equal(r.name5mb.ok, false);
  assert.match(r.name5mb.errors[0].message, /^the config is \d+ bytes; the limit is 64 MiB \(67108864 bytes\)$/);
  assert.equal(r.nested.ok, false);
  assert.match(r.nested.errors[0].path, /^seed(\[0\])+$/);
  assert.match(r.nested.errors[0].message, /the limit is 64/);
  assert.equal(r.jsDeep.ok, false);
  await assertAlive(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a host page sending a huge config by postMessage gets an answer, and the page lives on', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const { page } = await hostPage('?embed=1');
  await page.waitForFunction(() => window.received.some((m) => m.lrlab === 'ready'), null, { timeout: 30000 });
  const big = await page.evaluate(() => window.send({ lrlab: 'setConfig', config: { model: { hidden: new Array(700000).fill(8) } } }, 20000));
  assert.equal(big.result.ok, false);
  assert.equal(big.result.errors[0].path, 'model.hidden');
  const huge = await page.evaluate(() => window.send({ lrlab: 'setConfig', config: { runs: [{ name: 'y'.repeat(70000000) }] } }, 20000));
  assert.match(huge.result.errors[0].message, /the limit is 64 MiB/);
  const set = await page.evaluate((c) => window.send({ lrlab: 'setConfig', config: c }), small);
  assert.deepEqual(set.result, { ok: true, errors: [] });
  const stepped = await page.evaluate(() => window.send({ lrlab: 'step', n: 40 }));
  assert.equal(stepped.result, 40);
  await page.close();
});

async function importFile(page, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), click(page, 'import')]);
  // From a file: Playwright refuses buffers over 50 MB, and the size case is 70 MB.
  const file = join(mkdtempSync(join(tmpdir(), 'lrlab-import-')), 'c.json');
  writeFileSync(file, text);
  await chooser.setFiles(file);
}

test('Import of a huge or deeply nested file says why it was not used; the page lives on', T, async () => {
  const { page, errors } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig(c), small);
  const cases = [
    [JSON.stringify({ model: { hidden: new Array(700000).fill(8) } }), 'model.hidden', /./],
    [JSON.stringify({ runs: [{ name: 'z'.repeat(70000000) }] }), '', /the limit is 64 MiB/],
    ['{"seed": ' + '['.repeat(100000), 'seed' + '[0]'.repeat(63), /the limit is 64/],
  ];
  for (const [text, path, message] of cases) {
    await page.evaluate(() => window.lrlab.setConfig({ train: { steps: 40, eval_every: 10 }, runs: [{ name: 'a' }] }));
    await importFile(page, text);
    await page.waitForFunction(() => window.lrlab.state().errors.length > 0, null, { timeout: 30000 });
    const s = await state(page);
    assert.equal(s.status, 'the imported config was not used');
    assert.equal(s.errors[0].path, path);
    assert.match(s.errors[0].message, message);
  }
  await assertAlive(page);
  assert.deepEqual(errors, []);
  await page.close();
});

// A trap in the engine (as the 1.4 MB config caused) leaves its memory untrustworthy: the page
// must say so and refuse every later call, never look alive. A trap in a frame reaches the page
// as an error event carrying the WebAssembly.RuntimeError.
test('after a trap in the engine the page says it stopped and refuses every call', T, async () => {
  const { page } = await open(browser);
  const r = await page.evaluate(() => {
    window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('memory access out of bounds') }));
    const refused = (f) => { try { f(); return 'answered'; } catch (e) { return e.message; } };
    return {
      step: refused(() => window.lrlab.step(1)),
      config: refused(() => window.lrlab.getConfig()),
      ready: document.documentElement.classList.contains('lrlab-ready'),
      message: document.getElementById('lrlab-message').textContent,
      shown: getComputedStyle(document.getElementById('lrlab-message')).display !== 'none',
    };
  });
  assert.match(r.step, /lrlab stopped \(memory access out of bounds\); reload the page/);
  assert.match(r.config, /lrlab stopped/);
  assert.equal(r.ready, false);
  assert.equal(r.shown, true);
  assert.match(r.message, /Reload the page/);
  await page.close();
});

// ---- item 7: URL fallbacks --------------------------------------------------------------------

test('a bad LR in the URL is reported by its key; the default runs and the hash stay', T, async () => {
  const { page, errors } = await open(browser, '#runs[0].optimizer.lr=-5');
  const s = await state(page);
  assert.ok(s.urlErrors.some((e) => e.path === 'runs[0].optimizer.lr' && /must be > 0, got -5/.test(e.message)),
    JSON.stringify(s.urlErrors));
  const c = await page.evaluate(() => window.lrlab.getConfig());
  assert.deepEqual(c.runs.map((r) => r.name), ['sgd 0.03', 'sgd 0.3', 'sgd 3', 'adam 0.01']);
  await frames(page, 5);
  assert.equal(new URL(page.url()).hash, '#runs[0].optimizer.lr=-5');
  assert.deepEqual(errors, []);
  await page.close();
});

test('runs[1] alone in the URL stays runs[1]; what was valid is kept', T, async () => {
  const { page } = await open(browser, '#seed=9&runs[1].optimizer.type=adam&runs[1].name=second');
  const c = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(c.seed, 9);
  assert.equal(c.runs.length, 2);
  assert.equal(c.runs[1].name, 'second');
  assert.equal(c.runs[1].optimizer.type, 'adam');
  assert.equal(c.runs[0].name, 'sgd 0.03');
  assert.ok((await state(page)).urlErrors.some((e) => e.path === 'runs[0]'));
  await page.close();
});

// ---- item 8: step(n)'s argument ----------------------------------------------------------------

const badCounts = ['NaN', 'Infinity', '-Infinity', 'null', '"5"', '1.5', '-1'];

test('step(NaN), step(Infinity), step(null) ... are refused like step("5"), by the API', T, async () => {
  const { page, errors } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig(c), small);
  for (const text of badCounts) {
    const r = await page.evaluate((t) => {
      try { return { step: window.lrlab.step(eval(t)) }; } catch (e) { return { error: e.message }; }
    }, text);
    assert.match(r.error ?? 'advanced to ' + r.step, /non-negative integer/, text);
    assert.equal((await state(page)).step, 0, text);
  }
  assert.equal(await page.evaluate(() => window.lrlab.step()), 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test('step with NaN, Infinity or null is refused by postMessage too', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const { page } = await hostPage('?embed=1');
  await page.waitForFunction(() => window.received.some((m) => m.lrlab === 'ready'), null, { timeout: 30000 });
  await page.evaluate((c) => window.send({ lrlab: 'setConfig', config: c }), small);
  for (const text of badCounts) {
    const r = await page.evaluate((t) => window.send({ lrlab: 'step', n: eval(t) }), text);
    assert.match(r.error ?? 'advanced to ' + r.result, /non-negative integer/, text);
  }
  const m = await page.evaluate(() => window.send({ lrlab: 'metrics' }));
  assert.equal(m.result[0].step, 0);
  await page.close();
});

// ---- item 9: ?parentOrigin= ------------------------------------------------------------------

test('?parentOrigin= with a trailing slash is the same origin: the host is obeyed', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const hostOrigin = new URL(HOST).origin;
  const { page } = await hostPage('?embed=1&parentOrigin=' + encodeURIComponent(hostOrigin + '/'));
  await page.waitForFunction(() => window.received.some((m) => m.lrlab === 'ready'), null, { timeout: 30000 });
  const got = await page.evaluate(() => window.send({ lrlab: 'getConfig' }, 5000));
  assert.ok(got && got.result, 'the host was ignored');
  await page.close();
});

test('a command from another origin is logged once; a malformed ?parentOrigin= is a notice', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const { page, consoleLines } = await hostPage('?embed=1&parentOrigin=' + encodeURIComponent('https://course.example'));
  await page.waitForFunction((app) => [...document.querySelectorAll('iframe')].some((f) => f.src.startsWith(app)), APP);
  await page.waitForTimeout(3000);
  for (let i = 0; i < 3; ++i) assert.equal(await page.evaluate(() => window.send({ lrlab: 'getConfig' }, 1000)), null);
  const warned = consoleLines.filter((l) => /ignored "getConfig" from/.test(l.text));
  assert.equal(warned.length, 1, JSON.stringify(consoleLines));
  assert.match(warned[0].text, /obeys only https:\/\/course\.example/);
  await page.close();

  const bad = await hostPage('?embed=1&parentOrigin=' + encodeURIComponent(new URL(HOST).origin + '/path'));
  await bad.page.waitForTimeout(3000);
  const frame = appFrame(bad.page);
  await frame.evaluate(() => window.lrlab.ready);
  const s = await frame.evaluate(() => window.lrlab.state());
  assert.ok(s.urlErrors.some((e) => e.path === 'parentOrigin' && /is not an origin/.test(e.message)), JSON.stringify(s.urlErrors));
  assert.equal(await bad.page.evaluate(() => window.send({ lrlab: 'getConfig' }, 1000)), null);
  assert.equal(await bad.page.evaluate(() => window.received.length), 0); // posts to nobody
  await bad.page.close();
});

// ---- item 10: the history budget and stepAsync -----------------------------------------------

const manyRuns = (n) => Array.from({ length: n }, (_, i) => ({ name: 'r' + i, optimizer: { type: 'sgd', lr: 0.01 * (i + 1) } }));

test('a config whose history is over budget is refused at train.eval_every', T, async () => {
  const { page } = await open(browser);
  const r = await page.evaluate((runs) => window.lrlab.setConfig({ train: { steps: 62500, eval_every: 1 }, runs }), manyRuns(16));
  assert.equal(r.ok, false);
  assert.equal(r.errors[0].path, 'train.eval_every');
  assert.match(r.errors[0].message, /1,000,016 rows; the limit is 1,000,000/);
  await page.close();
});

test('stepAsync(n) steps far in chunks while the page keeps drawing, with progress', T, async () => {
  const { page, errors } = await open(browser);
  // 2,000 steps: a chunk is at most 100 ms, and 400 steps fitted in 5 of them while another
  // test file loaded the machine (the pause before a chunk sets its size).
  const config = { train: { steps: 2000, eval_every: 1 }, runs: manyRuns(16) };
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), config)).ok, true);
  const r = await page.evaluate(async () => {
    const framesAt = () => window.lrlab.state().frames;
    const progress = [];
    const before = framesAt();
    const t0 = performance.now();
    let longest = 0;
    let last = t0;
    const step = await window.lrlab.stepAsync(2000, (p) => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      progress.push(p);
    });
    return { step, progress, frames: framesAt() - before, ms: performance.now() - t0, longest };
  });
  assert.equal(r.step, 2000);
  assert.ok(r.progress.length > 5, `${r.progress.length} chunks`);
  assert.deepEqual(r.progress.at(-1), { step: 2000, target: 2000, done: true });
  assert.ok(r.frames >= 3, `${r.frames} frames drawn in ${Math.round(r.ms)} ms`);
  const rows = await page.evaluate(() => Object.values(window.lrlab.history()).map((h) => h.length));
  assert.deepEqual(rows, new Array(16).fill(2001));
  // Done already: resolves at once; a replaced config rejects a pending one.
  assert.equal(await page.evaluate(() => window.lrlab.stepAsync(10)), 2000);
  const replaced = await page.evaluate(async (c) => {
    const p = window.lrlab.stepAsync(1000);
    window.lrlab.setConfig(c);
    try { await p; return 'resolved'; } catch (e) { return e.message; }
  }, config);
  assert.match(replaced, /config was replaced/);
  const bad = await page.evaluate(() => { try { window.lrlab.stepAsync(NaN); return 'ran'; } catch (e) { return e.message; } });
  assert.match(bad, /non-negative integer/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('stepAsync by postMessage answers after progress messages', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const { page } = await hostPage('?embed=1');
  await page.waitForFunction(() => window.received.some((m) => m.lrlab === 'ready'), null, { timeout: 30000 });
  const config = { train: { steps: 300, eval_every: 1 }, runs: manyRuns(8) };
  await page.evaluate((c) => window.send({ lrlab: 'setConfig', config: c }), config);
  const answer = await page.evaluate(() => window.send({ lrlab: 'stepAsync', n: 300 }, 60000));
  assert.equal(answer.result, 300);
  const progress = await page.evaluate((id) => window.received.filter((m) => m.lrlab === 'progress' && m.request === id), answer.id);
  assert.ok(progress.length >= 2, `${progress.length} progress messages`);
  assert.deepEqual(progress.at(-1), { lrlab: 'progress', request: answer.id, step: 300, target: 300, done: true });
  await page.close();
});
