// The landscape view (issue 12) in headless Chromium: the shader agrees with the engine at
// sampled pixels (read back), trajectories equal `lrlab surface` bit for bit, the map renders,
// a click sets the start, pan and zoom write `view` into the URL, a diverged run shows its
// marker, a surface URL reloads, the views keep their runs, embed and ?panels= show it; on a
// phone two fingers pinch the map (CDP touches) and the surface lessons fit its width.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP, colours, frames, launch, open, openInContext, pngDiff, screenshot, scrolledIntoView, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const FUNCTIONS = ['rosenbrock', 'beale', 'himmelblau', 'rastrigin', 'saddle', 'quadratic',
  'six_hump_camel', 'ackley', 'styblinski_tang'];

// `lrlab surface` on a config: rows as trajectories() spells them (numbers, null for nan/inf).
function cliSurface(config) {
  const cli = process.env.LRLAB_CLI;
  if (!cli) return null;
  const dir = mkdtempSync(join(tmpdir(), 'lrlab-'));
  const file = join(dir, 'surface.json');
  writeFileSync(file, JSON.stringify(config));
  const [cmd, ...args] = cli.split(' ');
  const csv = execFileSync(cmd, [...args, 'surface', file], { encoding: 'utf8' });
  const [header, ...lines] = csv.trim().split('\n');
  const cols = header.split(',');
  const out = {};
  for (const line of lines) {
    const cells = line.split(',');
    const row = {};
    cols.forEach((c, i) => {
      if (c === 'run') return;
      const v = cells[i];
      row[c] = ['nan', 'inf', '-inf'].includes(v) ? null : Number(v);
    });
    (out[cells[0]] ??= []).push(row);
  }
  return out;
}

const DIVERGING = {
  function: 'quadratic', start: [2.5, 1.5], steps: 80,
  runs: [
    { name: 'sgd 0.15', optimizer: { type: 'sgd', lr: 0.15 } },
    { name: 'sgd 0.3 diverges', optimizer: { type: 'sgd', lr: 0.3 } },
    { name: 'adam cosine', optimizer: { type: 'adam', lr: 0.3 }, schedule: { type: 'cosine' } },
    { name: 'sgd 0.25 clipped', optimizer: { type: 'sgd', lr: 0.25, momentum: 0.5 },
      clip: { type: 'global_norm', max_norm: 1 } },
  ],
};

const hashOf = (page) => page.evaluate(() => decodeURIComponent(window.location.hash));

test('the shader agrees with the engine at sampled pixels, for every function', async () => {
  const { page, errors } = await open(browser);
  let worst = 0;
  for (const f of FUNCTIONS) {
    const r = await page.evaluate((c) => window.lrlab.setConfig(c), { function: f });
    assert.deepEqual(r, { ok: true, errors: [] });
    await frames(page, 2);
    const s = (await state(page)).landscape;
    const probes = await page.evaluate(() => window.lrlab.landscapeProbe(16));
    assert.equal(probes.length, 256, f);
    const span = s.range[1] - s.range[0];
    for (const p of probes) {
      // The pixel's point lies in the view, and f there agrees within the tolerance: float32
      // arithmetic in another order (and GLSL's own cos/exp for rastrigin and ackley) differs
      // from the engine by a few ulps of the terms, so the bound is relative to the window's
      // value range and to |f| (2e-5 of each; measured: see the log line).
      assert.ok(p.x >= s.view.x[0] && p.x <= s.view.x[1] && p.y >= s.view.y[0] && p.y <= s.view.y[1]);
      const err = Math.abs(p.shader - p.engine) / (span + Math.abs(p.engine));
      worst = Math.max(worst, err);
      assert.ok(err <= 2e-5, `${f} at (${p.x}, ${p.y}): shader ${p.shader}, engine ${p.engine}`);
    }
  }
  console.log(`# shader vs engine: largest |shader - engine| / (range + |f|) = ${worst.toExponential(2)}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('trajectories() equal `lrlab surface` bit for bit, however the steps are split', async (t) => {
  const expected = cliSurface(DIVERGING);
  if (!expected) { t.skip('no CLI (set LRLAB_CLI)'); return; }
  const { page, errors } = await open(browser);
  assert.deepEqual(await page.evaluate((c) => window.lrlab.setConfig(c), DIVERGING), { ok: true, errors: [] });
  assert.equal(await page.evaluate(() => window.lrlab.step(7)), 7);
  const partial = await page.evaluate(() => window.lrlab.trajectories());
  for (const name of Object.keys(expected)) assert.deepEqual(partial[name], expected[name].slice(0, 8));
  await page.evaluate(() => { window.lrlab.step(1); window.lrlab.step(30); });
  assert.equal(await page.evaluate(() => window.lrlab.step(1000)), 80); // not past steps
  assert.deepEqual(await page.evaluate(() => window.lrlab.trajectories()), expected);
  // reset, then play to the end: the same rows again.
  await page.evaluate(() => { window.lrlab.reset(); window.lrlab.play(); });
  await page.waitForFunction(() => window.lrlab.state().finished, null, { timeout: 30000 });
  assert.deepEqual(await page.evaluate(() => window.lrlab.trajectories()), expected);
  assert.deepEqual(errors, []);
  await page.close();
});

test('every function with its default start and runs: the page equals the CLI', async (t) => {
  if (!process.env.LRLAB_CLI) { t.skip('no CLI (set LRLAB_CLI)'); return; }
  const { page } = await open(browser);
  for (const f of FUNCTIONS) {
    // The config is the page's own (getConfig of {function}), not written here.
    await page.evaluate((c) => window.lrlab.setConfig(c), { function: f, runs: [
      { optimizer: { type: 'sgd', lr: 0.002 } }, { optimizer: { type: 'adam', lr: 0.05 } },
      { optimizer: { type: 'rmsprop', lr: 0.01 }, schedule: { type: 'cosine_warm_restarts' } }] });
    const config = await page.evaluate(() => window.lrlab.getConfig());
    await page.evaluate(() => window.lrlab.step(1e6));
    assert.deepEqual(await page.evaluate(() => window.lrlab.trajectories()), cliSurface(config), f);
  }
  await page.close();
});

test('the map renders: not blank, colours spread, minima found, a colorbar', async () => {
  const { page, errors } = await open(browser, '#function=six_hump_camel');
  await frames(page, 3);
  const s = await state(page);
  assert.equal(s.view, 'landscape');
  assert.ok(s.landscape.drawn);
  const map = s.widgets['landscape-map'];
  assert.ok(map && map.width > 200 && map.height > 100);
  assert.ok(s.widgets['landscape-colorbar']);
  const c = await colours(page, map);
  assert.ok(c.distinct > 25, `only ${c.distinct} colours`);
  assert.equal(s.landscape.minima.length, 6);
  assert.equal(s.landscape.minima.filter((m) => m.global).length, 2);
  await screenshot(page, 'landscape-six-hump-camel.png');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a click on the map sets the start; the URL follows', async () => {
  const { page } = await open(browser, '#function=himmelblau');
  await frames(page, 2);
  const map = (await state(page)).widgets['landscape-map'];
  await page.mouse.click(map.x + map.width * 0.75, map.y + map.height * 0.25);
  await frames(page, 3);
  const c = await page.evaluate(() => window.lrlab.getConfig());
  // himmelblau's window is [-5, 5]^2: three quarters across, a quarter down.
  assert.ok(Math.abs(c.start[0] - 2.5) < 0.1 && Math.abs(c.start[1] - 2.5) < 0.1, String(c.start));
  assert.match(await hashOf(page), /start=\[2\.\d+,2\.\d+\]/);
  const s = await state(page);
  assert.equal(s.step, 0);
  await page.close();
});

test('drag pans and the wheel zooms: view in the config and the URL', async () => {
  const { page } = await open(browser, '#function=beale');
  await frames(page, 2);
  const map = (await state(page)).widgets['landscape-map'];
  const cx = map.x + map.width / 2;
  const cy = map.y + map.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let k = 1; k <= 5; ++k) {
    await page.mouse.move(cx - k * 20, cy);
    await frames(page, 1);
  }
  await page.mouse.up();
  await frames(page, 3);
  let c = await page.evaluate(() => window.lrlab.getConfig());
  assert.ok(c.view.x[0] > -4.5 + 0.5, `panned right: ${c.view.x}`);
  assert.ok(Math.abs((c.view.x[1] - c.view.x[0]) - 9) < 1e-6, 'the span is kept');
  assert.deepEqual(c.start, [-1.5, 2], 'a drag is no click: the start stays');
  assert.match(await hashOf(page), /view\.x=\[/);
  await page.mouse.move(cx, cy);
  await page.mouse.wheel(0, -300);
  await frames(page, 4);
  c = await page.evaluate(() => window.lrlab.getConfig());
  assert.ok(c.view.x[1] - c.view.x[0] < 8, `zoomed in: ${c.view.x}`);
  const hash = await hashOf(page);
  assert.match(hash, /view\.y=\[/);
  // The URL reloads to the same view.
  await page.reload();
  await page.evaluate(() => window.lrlab.ready);
  await frames(page, 2);
  const back = await page.evaluate(() => window.lrlab.getConfig());
  assert.deepEqual(back.view, c.view);
  await page.close();
});

test('a diverged trajectory ends in a marker with its step', async () => {
  const { page, errors } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig(c), DIVERGING);
  await page.evaluate(() => window.lrlab.step(80));
  await frames(page, 3);
  const s = await state(page);
  const at = s.landscape.diverged['sgd 0.3 diverges'];
  assert.ok(Number.isInteger(at) && at > 0, `diverged at ${at}`);
  assert.equal(s.landscape.diverged['sgd 0.15'], null);
  assert.ok(s.widgets['landscape-diverged:sgd 0.3 diverges']);
  assert.ok(!s.widgets['landscape-diverged:sgd 0.15']);
  await screenshot(page, 'landscape-diverged.png');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a surface URL loads, bad keys are named and the rest kept', async () => {
  const { page } = await open(browser,
    '#function=beale&start=[1,1]&steps=50&runs[0].optimizer.type=adam&runs[0].optimizer.lr=-1');
  const c = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(c.function, 'beale');
  assert.deepEqual(c.start, [1, 1]);
  assert.equal(c.steps, 50);
  assert.equal(c.runs[0].optimizer.type, 'adam');
  assert.equal(c.runs[0].optimizer.lr, 0.001);
  const s = await state(page);
  assert.ok(s.urlErrors.some((e) => e.path === 'runs[0].optimizer.lr'));
  await page.close();
});

test('the views keep their runs: Network | Landscape', async () => {
  const { page } = await open(browser);
  await page.evaluate(() => window.lrlab.step(5));
  const metrics = await page.evaluate(() => window.lrlab.metrics());
  await page.evaluate(() => window.lrlab.setView('landscape'));
  await frames(page, 2);
  assert.equal((await state(page)).view, 'landscape');
  assert.equal((await page.evaluate(() => window.lrlab.getConfig())).function, 'rosenbrock');
  await page.evaluate(() => window.lrlab.step(3));
  assert.match(await hashOf(page), /^#function=rosenbrock/);
  // The switch is a widget too.
  const s = await state(page);
  await page.mouse.click(s.widgets['view-network'].x + 5, s.widgets['view-network'].y + 5);
  await frames(page, 3);
  const n = await state(page);
  assert.equal(n.view, 'network');
  assert.equal(n.step, 5);
  assert.deepEqual(await page.evaluate(() => window.lrlab.metrics()), metrics);
  assert.doesNotMatch(await hashOf(page), /function=/);
  await page.evaluate(() => window.lrlab.setView('landscape'));
  assert.equal((await state(page)).step, 3, 'the landscape kept its step');
  await page.close();
});

test('embed mode and ?panels=landscape show the map; screenshots desktop and phone', async () => {
  const { page, errors } = await open(browser, '?embed=1#function=rastrigin&start=[3.2,-2.1]');
  await frames(page, 2);
  await page.evaluate(() => window.lrlab.step(100));
  await frames(page, 2);
  let s = await state(page);
  assert.ok(s.embed && s.widgets['landscape-map']);
  await screenshot(page, 'landscape-embed.png');
  await page.close();
  const p2 = await open(browser, '?panels=controls,landscape#function=ackley&start=[3,3]');
  s = await state(p2.page);
  assert.ok(s.widgets['landscape-map']);
  assert.deepEqual(s.urlErrors, []);
  await p2.page.close();
  // A phone: 390 x 844, touch. A tap sets the start; the map is there and drawn.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true,
    hasTouch: true, deviceScaleFactor: 2 });
  await phone.goto(APP + 'index.html#function=rosenbrock');
  await phone.evaluate(() => window.lrlab.ready);
  await frames(phone, 3);
  await phone.evaluate(() => window.lrlab.step(300));
  await frames(phone, 2);
  s = await state(phone);
  const map = s.widgets['landscape-map'];
  assert.ok(map && map.width > 250, 'the map fills the phone\'s width');
  await phone.touchscreen.tap(map.x + map.width * 0.5, map.y + map.height * 0.5);
  await frames(phone, 3);
  const c = await phone.evaluate(() => window.lrlab.getConfig());
  assert.ok(Math.abs(c.start[0]) < 0.2, `tap set the start: ${c.start}`);
  await screenshot(phone, 'landscape-phone.png');
  await phone.close();
  assert.deepEqual(errors, []);
});

// The widget, scrolled into its column's view (helpers.mjs: the wheel over the column's edge,
// off the map, which the wheel zooms).
async function scrollTo(page, name) {
  const w = await scrolledIntoView(page, name);
  const height = page.viewportSize().height;
  if (w.y < 0 || w.y + w.height > height) throw new Error(`${name} never came into view`);
  return w;
}

test('a surface lesson ticks its claims in the lesson panel', async () => {
  const { page, errors } = await open(browser, '?preset=momentum');
  const lesson = (await page.evaluate(() => window.lrlab.lessons())).find((l) => l.name === 'momentum');
  assert.ok(lesson && lesson.claims.length > 0);
  assert.equal((await state(page)).view, 'landscape');
  await page.evaluate(() => window.lrlab.step(1e6));
  await frames(page, 3);
  for (let i = 0; i < lesson.claims.length; ++i) {
    const w = await scrollTo(page, 'claim:' + i);
    assert.ok(w.width > 0, 'claim:' + i);
    // The engine tests prove every surface lesson's claims at the end: each one is ticked.
    assert.ok((await state(page)).widgets['claim-held:' + i], `claim ${i} ticked`);
  }
  // window.lrlab.claims() says what the panel shows, for surface lessons too.
  const claims = await page.evaluate(() => window.lrlab.claims());
  assert.equal(claims.lesson, 'momentum');
  assert.equal(claims.finished, true);
  assert.deepEqual(claims.claims.map((c) => [c.text, c.held]), lesson.claims.map((c) => [c.text, true]));
  await screenshot(page, 'landscape-lesson-claims.png');
  assert.deepEqual(errors, []);
  await page.close();
});

test('in the landscape view a click on the momentum map sets the landscape run', { timeout: 240000 }, async () => {
  const { page, errors } = await open(browser, '#function=quadratic');
  const network = await page.evaluate(() => { window.lrlab.setView('network');
    const c = window.lrlab.getConfig(); window.lrlab.setView('landscape'); return c; });
  await frames(page, 2);
  const header = await scrollTo(page, 'landscape-momentum-map');
  await page.mouse.click(header.x + 20, header.y + header.height / 2);
  await frames(page, 3);
  await page.waitForFunction(() => Object.keys(window.lrlab.state().widgets)
    .some((n) => n.startsWith('text:momentum-map-status=computed')), null, { timeout: 120000 });
  const g = await scrollTo(page, 'momentum-map:cells');
  const x = g.x + (20.5 * g.width) / 41, y = g.y + g.height - (30.5 * g.height) / 34;
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
  const c = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(c.function, 'quadratic');
  const o = c.runs[0].optimizer;
  assert.equal(o.type, 'sgd');
  assert.ok(Math.abs(o.lr - 10 ** (-3 + 60 / 40)) < 1e-12, `lr ${o.lr}`);
  assert.ok(Math.abs(o.momentum - (0.99 * 30) / 33) < 1e-12, `momentum ${o.momentum}`);
  // The network run is untouched.
  await page.evaluate(() => window.lrlab.setView('network'));
  assert.deepEqual(await page.evaluate(() => window.lrlab.getConfig()), network);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a diverging run draws no strokes beyond its last point near the view', async () => {
  // Heavy-ball-free SGD at lr 0.3 on the quadratic: y flips and doubles each step (1 - 0.3 * 10
  // = -2), x shrinks; from step 5 every point is more than a map's size away.
  const config = { function: 'quadratic', start: [2, 0.2], steps: 60,
    runs: [{ name: 'away', optimizer: { type: 'sgd', lr: 0.3 } }] };
  const { page, errors } = await open(browser);
  const shot = async (steps) => {
    await page.evaluate((c) => window.lrlab.setConfig(c), { ...config, steps });
    await page.evaluate(() => window.lrlab.step(1e6));
    await frames(page, 3);
    const map = (await state(page)).widgets['landscape-map'];
    return page.screenshot({ clip: map });
  };
  const near = await shot(5);
  const far = await shot(60);
  // Only the markers may differ (the current point leaves, the diverged one is drawn).
  const d = await pngDiff(page, near, far);
  assert.ok(d.far < 0.004, `share of changed pixels ${d.far}`);
  assert.deepEqual(errors, []);
  await page.close();
});

// A phone (390 x 844, touch) in its own context, for real touch events through CDP.
async function openPhone(suffix) {
  const { context, page, errors } = await openInContext(browser, { viewport: { width: 390, height: 844 },
    hasTouch: true, isMobile: true }, suffix);
  await frames(page, 3);
  return { context, page, errors, cdp: await context.newCDPSession(page) };
}

// The world point at CSS pixel (x, y) of the map, for the config's view.
function worldAt(map, view, x, y) {
  return [view.x[0] + ((x - map.x) / map.width) * (view.x[1] - view.x[0]),
    view.y[0] + ((map.y + map.height - y) / map.height) * (view.y[1] - view.y[0])];
}

// Fingers (arrays of [x, y], id = index) moved from `from` to `to` in `n` steps, a frame each.
async function touchPath(page, cdp, from, to, n) {
  for (let k = 1; k <= n; ++k) {
    const touchPoints = from.map(([x, y], id) => ({ id,
      x: x + ((to[id][0] - x) * k) / n, y: y + ((to[id][1] - y) * k) / n }));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints });
    await frames(page, 1);
  }
}

const viewInHash = (hash) => ({
  x: JSON.parse(hash.match(/view\.x=(\[[^\]]*\])/)[1]),
  y: JSON.parse(hash.match(/view\.y=(\[[^\]]*\])/)[1]) });

test('two fingers pinch the map about their midpoint; one finger still pans', async () => {
  const { context, page, errors, cdp } = await openPhone('#function=beale');
  const map = (await state(page)).widgets['landscape-map'];
  const before = await page.evaluate(() => window.lrlab.getConfig());
  const cx = map.x + map.width / 2, cy = map.y + map.height / 2;
  // Both fingers down at once, then apart to twice their distance while their midpoint moves
  // (10, 6) pixels: what was under the first midpoint is under the last, the view half as wide.
  const from = [[cx - 40, cy], [cx + 40, cy]];
  const to = [[cx - 70, cy + 6], [cx + 90, cy + 6]];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart',
    touchPoints: from.map(([x, y], id) => ({ x, y, id })) });
  await frames(page, 2);
  await touchPath(page, cdp, from, to, 6);
  // One finger lifted ends the pinch; the other one then moves (no pan) and is lifted (no tap).
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd',
    touchPoints: [{ x: to[1][0], y: to[1][1], id: 1 }] });
  await frames(page, 2);
  let c = await page.evaluate(() => window.lrlab.getConfig());
  const ratio = (before.view.x[1] - before.view.x[0]) / (c.view.x[1] - c.view.x[0]);
  assert.ok(Math.abs(ratio - 2) < 0.02, `the view shrank by the fingers' ratio 2: ${ratio}`);
  const ratioY = (before.view.y[1] - before.view.y[0]) / (c.view.y[1] - c.view.y[0]);
  assert.ok(Math.abs(ratioY - ratio) < 1e-3, `both axes alike: ${ratioY} ${ratio}`);
  const after = (await state(page)).widgets['landscape-map'];
  const [wx, wy] = worldAt(map, before.view, cx, cy);
  // Where that world point is drawn now, in CSS pixels.
  const px = after.x + ((wx - c.view.x[0]) / (c.view.x[1] - c.view.x[0])) * after.width;
  const py = after.y + after.height - ((wy - c.view.y[0]) / (c.view.y[1] - c.view.y[0])) * after.height;
  assert.ok(Math.hypot(px - (cx + 10), py - (cy + 6)) < 1.5,
    `the world point under the midpoint followed it: (${px}, ${py}) vs (${cx + 10}, ${cy + 6})`);
  const pinched = c.view;
  await touchPath(page, cdp, [to[1]], [[to[1][0] - 60, to[1][1] - 30]], 4);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 3);
  c = await page.evaluate(() => window.lrlab.getConfig());
  assert.deepEqual(c.view, pinched, 'the finger left after a pinch does not pan');
  assert.deepEqual(c.start, before.start, 'a pinch is no tap: the start stays');
  assert.deepEqual(viewInHash(await page.evaluate(() => decodeURIComponent(window.location.hash))),
    pinched, 'the URL has the pinched view');
  // One finger: a drag pans (the span is kept), no zoom, no tap.
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: cx, y: cy, id: 0 }] });
  await frames(page, 2);
  await touchPath(page, cdp, [[cx, cy]], [[cx - 80, cy]], 5);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 3);
  c = await page.evaluate(() => window.lrlab.getConfig());
  const span = pinched.x[1] - pinched.x[0];
  assert.ok(Math.abs((c.view.x[1] - c.view.x[0]) - span) < span * 1e-3, 'a drag keeps the span');
  const moved = (c.view.x[0] - pinched.x[0]) / span * map.width;
  assert.ok(Math.abs(moved - 80) < 3, `the drag panned 80 px: ${moved}`);
  assert.deepEqual(c.start, before.start, 'a drag is no tap');
  // A pinch off the map (over the settings, above it) leaves the view alone.
  const top = [[60, 60], [160, 60]];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart',
    touchPoints: top.map(([x, y], id) => ({ x, y, id })) });
  await frames(page, 2);
  const view = c.view;
  await touchPath(page, cdp, top, [[30, 60], [190, 60]], 4);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 3);
  c = await page.evaluate(() => window.lrlab.getConfig());
  assert.deepEqual(c.view, view, 'a pinch elsewhere does nothing');
  await screenshot(page, 'landscape-phone-pinched.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('surface lessons at phone size: map, legend, caption and ticks on screen', async () => {
  for (const preset of ['local-minima', 'momentum']) {
    const { context, page, errors } = await openPhone('?preset=' + preset);
    await page.evaluate(() => window.lrlab.step(1e6));
    await frames(page, 3);
    const s = await state(page);
    const map = s.widgets['landscape-map'];
    assert.ok(map && map.width > 250 && map.x >= 0 && map.x + map.width <= 390,
      `${preset}: the map fits the phone's width`);
    await screenshot(page, `landscape-lesson-${preset}-phone.png`);
    await scrollTo(page, 'claim:0');
    await frames(page, 2);
    await screenshot(page, `landscape-lesson-${preset}-phone-claims.png`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
