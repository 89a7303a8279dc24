// The page in headless Chromium (WebGL2 on SwiftShader): contract of window.lrlab, parity with
// the CLI, frames, pixels, widgets, lessons, the URL and embed mode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP, asMetrics, click, cliRun, colours, frames, launch, press, open, screenshot, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PARITY = {
  seed: 3,
  data: { dataset: 'spiral', samples: 300, noise: 0.1, features: ['x1', 'x2', 'sin_x1'] },
  model: { hidden: [8, 8], activation: 'tanh' },
  train: { steps: 120, batch_size: 10, eval_every: 10 },
  runs: [
    { name: 'sgd 0.03', optimizer: { type: 'sgd', lr: 0.03, momentum: 0.9 } },
    { name: 'adam cosine', optimizer: { type: 'adam', lr: 0.01 }, schedule: { type: 'cosine' } },
    { name: 'sgd 30 clipped', optimizer: { type: 'sgd', lr: 30 }, clip: { type: 'global_norm', max_norm: 1 } },
    { name: 'sgd 300', optimizer: { type: 'sgd', lr: 300 } },
  ],
};

test('WebGL2 is there (else every other check would pass on a blank canvas)', async () => {
  const page = await browser.newPage();
  await page.goto(APP + 'index.html');
  const info = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    return gl && gl.getParameter(gl.VERSION);
  });
  assert.match(String(info), /WebGL 2/);
  await page.close();
});

test('the page loads without console errors and lrlab.ready resolves', async () => {
  const { page, errors } = await open(browser);
  const s = await state(page);
  assert.equal(s.step, 0);
  assert.ok(s.frames >= 2);
  const config = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(config.runs.length, 4);
  assert.deepEqual(errors, []);
  await screenshot(page, 'default-view.png');
  await page.close();
});

test('setConfig + step + metrics equal the CLI bit for bit, however the steps are split', async (t) => {
  const expected = cliRun(PARITY);
  if (!expected) { t.skip('no CLI (set LRLAB_CLI)'); return; }
  const { page, errors } = await open(browser);
  const result = await page.evaluate((c) => window.lrlab.setConfig(c), PARITY);
  assert.deepEqual(result, { ok: true, errors: [] });
  const at = async (step) => expected.filter((r) => Number(r.step) === step).map(asMetrics);
  const step57 = await page.evaluate(() => window.lrlab.step(57));
  assert.equal(step57, 57);
  assert.deepEqual(await page.evaluate(() => window.lrlab.metrics()), await at(50));
  await page.evaluate(() => { window.lrlab.step(1); window.lrlab.step(2); });
  assert.equal(await page.evaluate(() => window.lrlab.step(1000)), 120); // not past train.steps
  const metrics = await page.evaluate(() => window.lrlab.metrics());
  assert.deepEqual(metrics, await at(120));
  const history = await page.evaluate(() => window.lrlab.history());
  assert.deepEqual(history['adam cosine'], expected.filter((r) => r.run === 'adam cosine').map(asMetrics));
  assert.deepEqual(errors, []);
  await page.close();
});

test('setConfig rejects a bad config with every error by path, and changes nothing', async () => {
  const { page } = await open(browser);
  const before = await page.evaluate(() => window.lrlab.getConfig());
  const r = await page.evaluate(() => window.lrlab.setConfig({
    runs: [{ optimizer: { type: 'sgd', lr: -1 } }, { optimizer: { type: 'adamm' } }], bogus: 1 }));
  assert.equal(r.ok, false);
  const paths = r.errors.map((e) => e.path).sort();
  assert.deepEqual(paths, ['bogus', 'runs[0].optimizer.lr', 'runs[1].optimizer.type']);
  assert.deepEqual(await page.evaluate(() => window.lrlab.getConfig()), before);
  await page.close();
});

test('play advances frames and steps, pause stops, training stops at train.steps', async () => {
  const { page, errors } = await open(browser);
  await page.evaluate(() => {
    window.lrlab.setConfig({ train: { steps: 60 }, runs: [{ optimizer: { type: 'sgd' } }] });
    window.lrlab.play();
  });
  await page.waitForFunction(() => window.lrlab.state().finished, null, { timeout: 20000 });
  const s = await state(page);
  assert.equal(s.step, 60);
  assert.equal(s.playing, false);
  await page.evaluate(() => { window.lrlab.reset(); window.lrlab.play(); });
  await frames(page, 2);
  await page.evaluate(() => window.lrlab.pause());
  const paused = (await state(page)).step;
  assert.ok(paused > 0);
  await frames(page, 3);
  assert.equal((await state(page)).step, paused);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the canvas is not blank and every heatmap has colour', async () => {
  const { page } = await open(browser, '?preset=good-lr');
  await page.evaluate(() => { window.lrlab.pause(); window.lrlab.step(1000); });
  await frames(page, 3);
  const s = await state(page);
  for (let i = 0; i < 2; ++i) {
    const r = s.widgets['boundary:' + i];
    assert.ok(r, 'boundary ' + i + ' published');
    const c = await colours(page, { x: r.x, y: r.y, width: r.width, height: r.height });
    assert.ok(c.orange > c.n * 0.05 && c.blue > c.n * 0.05, `heatmap ${i}: ${JSON.stringify(c)}`);
  }
  const all = await colours(page, { x: 0, y: 0, width: 1280, height: 800 });
  assert.ok(all.distinct > 50, 'distinct colours: ' + all.distinct);
  await page.close();
});

test('clicking real widgets works', async () => {
  const { page, errors } = await open(browser);
  await click(page, 'play');
  assert.equal((await state(page)).playing, true);
  await click(page, 'play');
  assert.equal((await state(page)).playing, false);
  await click(page, 'step');
  await click(page, 'reset');
  assert.equal((await state(page)).step, 0);
  await click(page, 'run:1');
  assert.equal((await state(page)).selectedRun, 1);
  const logY = (await state(page)).logY;
  await click(page, 'log-y');
  assert.equal((await state(page)).logY, !logY);
  await click(page, 'add-run');
  assert.equal((await page.evaluate(() => window.lrlab.getConfig())).runs.length, 5);
  await click(page, 'remove-run');
  assert.equal((await page.evaluate(() => window.lrlab.getConfig())).runs.length, 4);
  await click(page, 'lesson:clipping');
  assert.equal((await state(page)).lesson, 'clipping');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an LR typed while training applies from the next step, without a reset', async () => {
  const { page } = await open(browser);
  await page.evaluate(() => window.lrlab.step(40));
  await click(page, 'runs[0].optimizer.lr');
  await press(page, 'Control', 'a');
  await page.keyboard.type('0.1', { delay: 30 });
  await frames(page, 2);
  await press(page, 'Enter');
  await frames(page, 3);
  const c = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal((await state(page)).step, 40);
  assert.deepEqual(c.runs[0].changes, [{ at: 40, path: 'optimizer.lr', value: 0.1 }]);
  await page.close();
});

test('a lesson loads from ?preset= and shows what it claims', async () => {
  const { page, errors } = await open(browser, '?preset=clipping');
  const s = await state(page);
  assert.equal(s.lesson, 'clipping');
  const c = await page.evaluate(() => window.lrlab.getConfig());
  assert.deepEqual(c.runs.map((r) => r.name), ['sgd 0.5', 'sgd 0.5 clipped', 'sgd 0.5 clipped cosine']);
  await page.evaluate(() => window.lrlab.step(300));
  await frames(page, 3);
  const m = await page.evaluate(() => window.lrlab.metrics());
  assert.equal(m[0].diverged, true);
  assert.equal(m[1].diverged, false);
  assert.deepEqual(errors, []);
  await screenshot(page, 'lesson-clipping.png');
  await page.close();
});

test('a config survives the URL round trip', async () => {
  const { page } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig(c), PARITY);
  await frames(page, 2);
  const config = await page.evaluate(() => window.lrlab.getConfig());
  const url = page.url();
  assert.match(url, /#.*runs\[1\]\.optimizer\.type=adam/);
  await page.close();
  const again = await open(browser, url.slice(url.indexOf('index.html') + 'index.html'.length));
  assert.deepEqual(await again.page.evaluate(() => window.lrlab.getConfig()), config);
  assert.deepEqual((await state(again.page)).urlErrors, []);
  await again.page.close();
});

test('a garbage hash shows a notice and falls back to defaults for what it could not read', async () => {
  const { page, errors } = await open(browser, '#%%%&seed=7&runs[0].optimizer.type=sgd&runs[0].optimizer.lr=banana&zzz=1');
  const s = await state(page);
  assert.ok(s.urlErrors.length >= 3, JSON.stringify(s.urlErrors));
  const c = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(c.seed, 7);
  assert.equal(c.runs[0].optimizer.lr, 0.03);
  await page.close();
  const junk = await open(browser, '#@@@!!!');
  assert.ok((await state(junk.page)).urlErrors.length >= 1);
  assert.equal((await junk.page.evaluate(() => window.lrlab.getConfig())).runs.length, 4);
  assert.deepEqual(errors, []);
  await junk.page.close();
});

test('?embed=1 hides the chrome', async () => {
  const { page } = await open(browser, '?embed=1&preset=good-lr');
  const s = await state(page);
  assert.equal(s.embed, true);
  assert.ok(s.widgets.play && s.widgets['boundary:0']);
  for (const chrome of ['share', 'add-run', 'lesson:good-lr', 'data.dataset']) assert.equal(s.widgets[chrome], undefined, chrome);
  await screenshot(page, 'embed.png');
  await page.close();
});

test('the aria-live line follows the step and the losses', async () => {
  const { page } = await open(browser);
  await page.evaluate(() => window.lrlab.step(20));
  await frames(page, 2);
  const text = await page.locator('#lrlab-live').textContent();
  assert.match(text, /^step 20 of 1000, paused\. sgd 0\.03: loss [0-9.e-]+;/);
});
