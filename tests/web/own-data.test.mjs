// Your own data in the page (issue 13): a CSV through the file chooser and by drag-and-drop,
// its errors with line and column and the previous data kept; drawing with real clicks on the
// data preview and a boundary tile (add, shift-click and right-click remove, brush, undo,
// clear); "copy to my data"; the URL (inline under 8 kB for 200 points, local storage above);
// the same metrics as `lrlab run` of the exported config; a 64-input CSV that trains.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP, asMetrics, click, cliRun, frames, launch, open as openPage, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 600000 };
// Tall enough that the Experiment panel's data controls are on screen without scrolling.
const VIEW = { width: 1280, height: 1200 };
const open = (b, suffix = '') => openPage(b, suffix, VIEW);
const small = { train: { steps: 40, batch_size: 4, eval_every: 10 }, model: { hidden: [4] },
  runs: [{ name: 'sgd', optimizer: { type: 'sgd', lr: 0.3 } }, { name: 'adam', optimizer: { type: 'adam', lr: 0.02 } }] };

function clusters(n) {
  let csv = 'x1,x2,label\n';
  for (let i = 0; i < n; ++i) {
    const c = i % 2;
    csv += `${(-3 + 6 * c + ((i * 7) % 5) * 0.3).toFixed(3)},${(2 - 4 * c + (i % 3) * 0.4).toFixed(3)},${c}\n`;
  }
  return csv;
}

const myData = (page) => page.evaluate(() => window.lrlab.myData());
const config = (page) => page.evaluate(() => window.lrlab.getConfig());

// Clicks at (fx, fy) of a published widget (fractions of its size), with a modifier or button.
async function clickAt(page, name, fx, fy, opts = {}) {
  const r = (await state(page)).widgets[name];
  if (!r) throw new Error('no widget ' + name);
  await page.mouse.move(r.x + r.width * fx, r.y + r.height * fy);
  await frames(page, 2);
  if (opts.shift) await page.keyboard.down('Shift');
  await frames(page, opts.shift ? 2 : 0);
  await page.mouse.down({ button: opts.button || 'left' });
  await frames(page, 2);
  await page.mouse.up({ button: opts.button || 'left' });
  await frames(page, 2);
  if (opts.shift) await page.keyboard.up('Shift');
  await frames(page, 1);
}

// Metrics after stepping to the end, in the page and in `lrlab run` of the exported config.
async function sameAsCli(page, t) {
  const exported = await config(page);
  const pageRows = await page.evaluate((s) => { window.lrlab.step(s); return window.lrlab.metrics(); },
    exported.train.steps);
  const cli = cliRun(exported);
  if (!cli) { t.diagnostic('no CLI (set LRLAB_CLI): page metrics not compared'); return; }
  const last = cli.filter((r) => Number(r.step) === exported.train.steps).map(asMetrics);
  assert.deepEqual(pageRows, last);
}

test('a CSV through the file chooser becomes the data; a bad one is listed and changes nothing', T, async () => {
  const { page, errors } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig(c), small);
  await frames(page, 2);
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'load-csv');
  await (await chooser).setFiles({ name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from(clusters(40)) });
  await page.waitForFunction(() => window.lrlab.getConfig().data.dataset === 'points');
  const c = await config(page);
  assert.equal(c.data.points.length, 40);
  assert.deepEqual(c.data.points[1], [3.6, -1.6, 1]);
  assert.match((await state(page)).status, /two\.csv: separator ','.*binary classification, 2 inputs, 40 rows/);
  assert.equal(c.runs.length, 2, 'the runs are kept');

  const bad = page.waitForEvent('filechooser');
  await click(page, 'load-csv');
  await (await bad).setFiles({ name: 'bad.csv', mimeType: 'text/csv',
    buffer: Buffer.from('x1,x2,label\n0,0,0\n1,abc,1\n0,1\n1,1,0\n') });
  await page.waitForFunction(() => window.lrlab.state().errors.length > 0);
  const s = await state(page);
  assert.deepEqual(s.errors.map((e) => e.message), [
    'line 3, column 2 ("x2"): "abc" is not a number',
    'line 4, column 3 ("label"): has 2 values; the header has 3']);
  assert.equal(s.errors[0].path, 'bad.csv');
  assert.match(s.status, /bad\.csv was not used; the data are unchanged/);
  assert.deepEqual((await config(page)).data.points, c.data.points);
  await sameAsCli(page, test);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a CSV dropped on the page becomes the data, with semicolons and decimal commas', T, async () => {
  const { page, errors } = await open(browser);
  await page.evaluate(() => {
    const text = 'a;b;y\n' + Array.from({ length: 12 }, (_, i) => `${i},5;${-i};${i % 3}`).join('\n');
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'semi.csv', { type: 'text/csv' }));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
  });
  await page.waitForFunction(() => window.lrlab.getConfig().data.dataset === 'points');
  const c = await config(page);
  assert.equal(c.data.points.length, 12);
  assert.deepEqual(c.data.points[2], [2.5, -2, 2]);
  assert.match((await state(page)).status, /decimal commas.*multiclass classification/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('drawing with clicks: add on the preview and a tile, remove, brush, undo, clear; same metrics as the CLI', T, async (t) => {
  const { page, errors } = await open(browser);
  await page.evaluate((c) => window.lrlab.setConfig(c), small);
  await frames(page, 2);
  await click(page, 'draw');
  assert.equal((await myData(page)).drawing, true);
  assert.equal((await myData(page)).draft.length, 0, 'drawing on a built-in set starts empty');
  await click(page, 'draw-class:0');
  for (const [fx, fy] of [[0.2, 0.2], [0.25, 0.3], [0.3, 0.2], [0.2, 0.35], [0.35, 0.3]]) {
    await clickAt(page, 'data-preview', fx, fy);
  }
  t.diagnostic('5 points drawn on the preview');
  await click(page, 'draw-class:1');
  for (const [fx, fy] of [[0.8, 0.8], [0.75, 0.7], [0.7, 0.8], [0.8, 0.65]]) {
    await clickAt(page, 'boundary:0', fx, fy);
  }
  let m = await myData(page);
  assert.equal(m.draft.length, 9);
  assert.equal(m.extent, 6);
  // A click at 20% from the left and top is (-3.6, 3.6) on [-6, 6]^2, typed to 3 decimals.
  assert.ok(Math.abs(m.draft[0][0] + 3.6) < 0.15 && Math.abs(m.draft[0][1] - 3.6) < 0.15, JSON.stringify(m.draft[0]));
  assert.equal(m.draft[0][2], 0);
  assert.equal(m.draft[8][2], 1);
  for (const v of m.draft.flat()) assert.equal(Math.round(v * 1000) / 1000, v);
  // Batch size 4 needs 4 train points: trained once there are 8 rows (train fraction 0.5).
  let c = await config(page);
  assert.equal(c.data.dataset, 'points');
  assert.deepEqual(c.data.points, m.draft);

  await clickAt(page, 'data-preview', 0.8, 0.8, { shift: true });
  m = await myData(page);
  assert.equal(m.draft.length, 8, 'shift-click removed one');
  assert.ok(!m.draft.some((r) => Math.abs(r[0] - 3.6) < 0.2 && Math.abs(r[1] + 3.6) < 0.2), 'the nearest went');
  await clickAt(page, 'boundary:1', 0.2, 0.2, { button: 'right' });
  assert.equal((await myData(page)).draft.length, 7, 'right-click on a tile removed one');
  await click(page, 'draw-undo');
  assert.equal((await myData(page)).draft.length, 8, 'undo brought it back');

  // A brush stroke: one undo step for all its points.
  await click(page, 'draw-brush');
  const r = (await state(page)).widgets['data-preview'];
  await page.mouse.move(r.x + r.width * 0.1, r.y + r.height * 0.9);
  await frames(page, 2);
  await page.mouse.down();
  for (let k = 1; k <= 8; ++k) {
    await page.mouse.move(r.x + r.width * (0.1 + k * 0.04), r.y + r.height * 0.9);
    await frames(page, 2);
  }
  await page.mouse.up();
  await frames(page, 2);
  m = await myData(page);
  assert.ok(m.draft.length >= 12, 'the brush added points: ' + m.draft.length);
  const undoDepth = m.undo;
  await click(page, 'draw-undo');
  assert.equal((await myData(page)).draft.length, 8, 'one undo removes the whole stroke');
  assert.equal((await myData(page)).undo, undoDepth - 1);
  c = await config(page);
  assert.equal(c.data.points.length, 8);

  t.diagnostic('drawn, removed, brushed, undone');
  await sameAsCli(page, t);
  // A reload keeps the drawn data (the URL holds them).
  const url = page.url();
  assert.match(url, /data\.points=\[\[/);
  const again = await browser.newPage();
  await again.goto(url);
  await again.evaluate(() => window.lrlab.ready);
  assert.deepEqual((await config(again)).data.points, c.data.points);
  await again.close();

  await click(page, 'draw-clear');
  m = await myData(page);
  assert.equal(m.draft.length, 0);
  assert.match(m.problem, /data\.points: must have 4 to 20000 rows, got 0/);
  assert.equal((await config(page)).data.points.length, 8, 'the runs keep the last valid data');
  assert.deepEqual(errors, []);
  await page.close();
});

test('200 drawn points stay inline in a link under 8 kB; more go to local storage under a content hash', T, async () => {
  const context = await browser.newContext({ viewport: VIEW });
  const page = await context.newPage();
  await page.goto(APP + 'index.html');
  await page.evaluate(() => window.lrlab.ready);
  const points = Array.from({ length: 200 }, (_, i) => [
    Math.round((Math.sin(i * 1.7) * 5.9) * 1000) / 1000, Math.round((Math.cos(i * 2.3) * 5.9) * 1000) / 1000, i % 2]);
  await page.evaluate((p) => window.lrlab.setConfig({ data: { dataset: 'points', points: p } }), points);
  await frames(page, 3);
  let m = await myData(page);
  assert.equal(m.link.mode, 'inline');
  assert.ok(page.url().length < 8000, `link is ${page.url().length} bytes`);
  console.log(`# 200 drawn 2-D points: a link of ${page.url().length} bytes`);

  // The circle copied to my data: 500 points of 9 digits, over the budget.
  await page.evaluate(() => window.lrlab.setConfig({ data: { dataset: 'circle' } }));
  await frames(page, 2);
  await click(page, 'copy-to-my-data');
  const c = await config(page);
  assert.equal(c.data.dataset, 'points');
  assert.equal(c.data.points.length, 500);
  await frames(page, 3);
  m = await myData(page);
  assert.equal(m.link.mode, 'stored');
  assert.match(m.link.hash, /^[0-9a-f]{16}$/);
  assert.ok(decodeURIComponent(page.url()).includes('data.points="stored:' + m.link.hash + '"'), page.url().slice(0, 200));
  assert.ok(page.url().length < 8000);
  assert.ok((await state(page)).widgets['link-needs-file'], 'the page says the link needs the file');

  // Same browser: the link finds the points. Another browser: it says it needs the file.
  const same = await context.newPage();
  await same.goto(page.url());
  await same.evaluate(() => window.lrlab.ready);
  assert.deepEqual((await config(same)).data.points, c.data.points);
  const other = await browser.newPage();
  await other.goto(page.url());
  await other.evaluate(() => window.lrlab.ready);
  const s = await state(other);
  assert.equal(s.urlErrors[0].path, 'data.points');
  assert.match(s.urlErrors[0].message, /needs its data file.*content hash [0-9a-f]{16}/);
  assert.notEqual((await config(other)).data.dataset, 'points');
  await other.close();
  await context.close();
});

test('a 64-input CSV trains, shows charts and the confusion matrix', T, async () => {
  const { page, errors } = await open(browser);
  await page.evaluate(() => window.lrlab.setConfig({ train: { steps: 60, batch_size: 8, eval_every: 20 },
    runs: [{ name: 'adam', optimizer: { type: 'adam', lr: 0.01 } }, { name: 'sgd', optimizer: { type: 'sgd', lr: 0.1 } }] }));
  let csv = Array.from({ length: 64 }, (_, k) => 'p' + k).join(',') + ',digit\n';
  for (let i = 0; i < 90; ++i) {
    csv += Array.from({ length: 64 }, (_, k) => (((i % 3) * 20 + k * 7 + i) % 17) / 16).join(',') + ',' + (i % 3) + '\n';
  }
  const r = await page.evaluate((text) => window.lrlab.importPoints(text, 'wide.csv'), csv);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.match(r.summary, /multiclass classification, 64 inputs, 90 rows/);
  await page.evaluate(() => window.lrlab.step(60));
  await frames(page, 4);
  const s = await state(page);
  assert.ok(s.grids.every((g) => g.step === s.steps), JSON.stringify(s.grids));
  const metrics = await page.evaluate(() => window.lrlab.metrics());
  assert.ok(metrics.every((row) => row.test_acc !== null && row.train_loss !== null));
  const c = await config(page);
  assert.equal(c.data.features, undefined, 'no features for 64 inputs');
  await sameAsCli(page, test);
  assert.deepEqual(errors, []);
  await page.close();
});
