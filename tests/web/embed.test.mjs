// A host page on another origin drives the page in an iframe through postMessage (DESIGN.md
// "Browser"): ready, verbs with ids, evaluated/finished messages, ?parentOrigin= restriction.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP, HOST, launch } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function hostPage(appQuery) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  const app = APP + 'index.html' + appQuery;
  await page.goto(HOST + 'host.html?app=' + encodeURIComponent(app));
  return { page, errors };
}

test('a host page on another origin drives the iframe through postMessage', async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  assert.notEqual(new URL(HOST).origin, new URL(APP).origin);
  const hostOrigin = new URL(HOST).origin;
  const { page, errors } = await hostPage('?embed=1&parentOrigin=' + encodeURIComponent(hostOrigin));
  await page.waitForFunction(() => window.received.some((m) => m.lrlab === 'ready'), null, { timeout: 30000 });
  const config = { train: { steps: 40, eval_every: 10 }, runs: [{ name: 'a', optimizer: { type: 'sgd' } }] };
  const set = await page.evaluate((c) => window.send({ lrlab: 'setConfig', config: c }), config);
  assert.deepEqual(set.result, { ok: true, errors: [] });
  assert.equal(set.lrlab, 'setConfig');
  const stepped = await page.evaluate(() => window.send({ lrlab: 'step', n: 40 }));
  assert.equal(stepped.result, 40);
  const metrics = await page.evaluate(() => window.send({ lrlab: 'metrics' }));
  assert.equal(metrics.result[0].run, 'a');
  assert.equal(metrics.result[0].step, 40);
  const got = await page.evaluate(() => window.send({ lrlab: 'getConfig' }));
  assert.equal(got.result.train.steps, 40);
  const evaluated = await page.evaluate(() => window.received.filter((m) => m.lrlab === 'evaluated').map((m) => m.step));
  assert.deepEqual(evaluated.slice(-4), [10, 20, 30, 40]);
  assert.ok(await page.evaluate(() => window.received.some((m) => m.lrlab === 'finished' && m.step === 40)));
  const bad = await page.evaluate(() => window.send({ lrlab: 'explode' }));
  assert.match(bad.error, /unknown verb/);
  const badStep = await page.evaluate(() => window.send({ lrlab: 'step', n: -3 }));
  assert.match(badStep.error, /non-negative integer/);
  const invalid = await page.evaluate(() => window.send({ lrlab: 'setConfig', config: { runs: [] } }));
  assert.equal(invalid.result.ok, false);
  assert.equal(invalid.result.errors[0].path, 'runs');
  assert.deepEqual(errors, []);
  await page.close();
});

// The iframe of a host page, once the app in it is up: its shell marks itself ready and its API
// answers. A refusal observed before that proves nothing (a page that never started refuses too).
async function readyApp(page) {
  const origin = new URL(APP).origin;
  let frame;
  for (let i = 0; i < 300 && !frame; ++i) {
    frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(origin));
    if (!frame) await page.waitForTimeout(100);
  }
  assert.ok(frame, 'the app iframe loaded');
  await frame.waitForFunction(() => document.documentElement.classList.contains('lrlab-ready'),
    null, { timeout: 30000 });
  const config = await frame.evaluate(() => window.lrlab.getConfig());
  assert.ok(Array.isArray(config.runs) && config.runs.length > 0, 'the app answers its own API');
  return frame;
}

test('?parentOrigin= makes the page ignore every other origin', async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const { page, errors } = await hostPage('?embed=1&parentOrigin=' + encodeURIComponent('https://course.example'));
  // Up and able to answer: from here on, silence can only be the origin check.
  await readyApp(page);
  const answer = await page.evaluate(() => window.send({ lrlab: 'getConfig' }, 2000));
  assert.equal(answer, null, 'a host that is not parentOrigin gets no answer');
  const fromApp = await page.evaluate(() => window.received.map((m) => m.lrlab));
  assert.deepEqual(fromApp, [], 'nor the ready message, which went to course.example only');
  assert.deepEqual(errors, []);
  await page.close();
});
