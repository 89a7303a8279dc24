// The page at its limits with own data (issue 13): configs, imports and CSVs over a bound are
// refused by key and the previous config and data stay (and train); a full local storage makes
// the page say the points are not stored and the link needs the file; the largest own data the
// page's budget accepts loads and trains; data without a plane (not 2 inputs) or a regression
// say what the tiles show instead of a boundary map, at desktop and phone sizes. Times are
// printed by measure_bounds.mjs, never asserted here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { click, colours, frames, launch, open, openInContext, screenshot, scrolledIntoView, state, texts } from './helpers.mjs';
import { csvOf, largest, rows, twoRuns } from './measure_bounds.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 60000 };

const getConfig = (page) => page.evaluate(() => window.lrlab.getConfig());
const setConfigText = (page, text) => page.evaluate((t) => window.lrlab.setConfig(JSON.parse(t)), text);

// "Still trains": the page steps the kept config from 0 and every run has finite losses.
async function assertTrains(page, before) {
  assert.deepEqual(await getConfig(page), before, 'the previous config and data are kept');
  const r = await page.evaluate(() => { window.lrlab.reset(); const s = window.lrlab.step(5); return { s, m: window.lrlab.metrics() }; });
  assert.equal(r.s, 5);
  assert.ok(r.m.every((row) => row.step === 5 && Number.isFinite(row.train_loss)), JSON.stringify(r.m));
}

test('over a bound: setConfig, Import and a CSV are refused by key; the data stay and train', T, async () => {
  const { page, errors } = await open(browser);
  const small = { data: { dataset: 'points', points: rows(24, 2, 2) }, train: { steps: 20, eval_every: 5 }, runs: twoRuns };
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), small)).ok, true);
  const before = await getConfig(page);
  // Over the page's step budget (one step of every run and an evaluation) with few values: the
  // largest data's own notch over is in the next test but one.
  const overBudget = { ...small, data: { dataset: 'points', points: rows(20000, 2, 2) }, model: { hidden: [128, 128] } };

  const cases = [
    [{ ...small, data: { dataset: 'points', points: rows(20001, 2, 2) } }, 'data.points', /must have at most 20000 rows, got 20001/],
    [{ ...small, data: { dataset: 'points', points: rows(8, 65, 2) } }, 'data.points', /must have at most 65 values, got 66/],
    [overBudget, 'train.batch_size', /the limit in the page is 1e\+08/],
  ];
  for (const [config, path, message] of cases) {
    const r = await setConfigText(page, JSON.stringify(config));
    assert.equal(r.ok, false, path);
    assert.ok(r.errors.some((e) => e.path.startsWith(path) && message.test(e.message)), JSON.stringify(r.errors).slice(0, 400));
    await assertTrains(page, before);
  }

  // Import (the file chooser) of the config over the page's step budget.
  const chooser = page.waitForEvent('filechooser');
  await click(page, 'import');
  await (await chooser).setFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(overBudget)) });
  await page.waitForFunction(() => window.lrlab.state().errors.length > 0, null, { timeout: 30000 });
  let s = await state(page);
  assert.equal(s.status, 'the imported config was not used');
  assert.equal(s.errors[0].path, 'train.batch_size');
  await assertTrains(page, before);

  // CSVs: one row too many (the line is named), and a file over points_csv_limits (refused
  // unread, by its size).
  const over = await page.evaluate((text) => window.lrlab.importPoints(text, 'rows.csv'), csvOf(rows(20001, 2, 2)));
  assert.equal(over.ok, false);
  assert.deepEqual(over.errors.map((e) => e.message), ['line 20002: too many rows: at most 20000 after the header']);
  await assertTrains(page, before);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array((64 << 20) + 1)], 'huge.csv', { type: 'text/csv' }));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
  });
  await page.waitForFunction(() => window.lrlab.state().status.startsWith('huge.csv'));
  s = await state(page);
  assert.equal(s.status, 'huge.csv was not used; the data are unchanged');
  assert.equal(s.errors[0].path, 'huge.csv');
  assert.match(s.errors[0].message, /67108865 bytes.*the limit is 64 MiB \(67108864 bytes\)/);
  await assertTrains(page, before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('local storage full: the page says the points are not stored and the link needs the file', T, async () => {
  const { context, page, errors } = await openInContext(browser, { viewport: { width: 1280, height: 1200 } });
  // Fill this origin's storage until setItem throws, in ever smaller pieces.
  const filled = await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 16; size >>= 2) {
      for (;;) {
        try { localStorage.setItem('filler.' + n, 'x'.repeat(size)); ++n; } catch (e) { break; }
      }
    }
    return n;
  });
  assert.ok(filled > 0);
  // 600 points of 3 values with 5 digits: over the URL budget.
  const points = rows(600, 2, 2).map(([a, b, y]) => [a + 0.00123, b - 0.00321, y]);
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), { data: { dataset: 'points', points }, runs: twoRuns })).ok, true);
  await frames(page, 3);
  let m = await page.evaluate(() => window.lrlab.myData());
  assert.equal(m.link.mode, 'unstored');
  assert.match(m.link.hash, /^[0-9a-f]{16}$/);
  let s = await state(page);
  assert.match(texts(s)['link-storage'], /points not stored: a reload or a link needs the CSV file/);
  assert.ok(s.widgets['link-needs-file']);
  assert.ok(decodeURIComponent(page.url()).includes('data.points="stored:' + m.link.hash + '"'), page.url().slice(0, 200));
  assert.ok(page.url().length < 8000);
  assert.equal(await page.evaluate(() => window.lrlab.step(5)), 5, 'the page trains on');

  // A reload here finds nothing stored and says so.
  const again = await context.newPage();
  await again.goto(page.url());
  await again.evaluate(() => window.lrlab.ready);
  s = await state(again);
  assert.equal(s.urlErrors[0].path, 'data.points');
  assert.match(s.urlErrors[0].message, /needs its data file/);
  await again.close();

  // Room again: the next config change stores them.
  await page.evaluate(() => { localStorage.clear(); window.lrlab.setConfig({ ...window.lrlab.getConfig(), seed: 2 }); });
  await frames(page, 3);
  m = await page.evaluate(() => window.lrlab.myData());
  assert.equal(m.link.mode, 'stored');
  assert.equal(texts(await state(page))['link-storage'], undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the largest own data the page accepts loads, trains and shows confusion matrices', T, async () => {
  const { page, errors } = await open(browser);
  const over = await setConfigText(page, JSON.stringify(largest(40)));
  assert.equal(over.ok, false, 'one notch wider is over the page\'s budget');
  assert.deepEqual(over.errors.map((e) => e.path), ['train.batch_size']);
  const r = await setConfigText(page, JSON.stringify(largest()));
  assert.deepEqual(r, { ok: true, errors: [] });
  await frames(page, 1);
  // Read in the page: 7 MB of config back over the wire would cost more than the checks.
  const shape = await page.evaluate(() => { const p = window.lrlab.getConfig().data.points; return [p.length, p[0].length]; });
  assert.deepEqual(shape, [20000, 65]);
  const trained = await page.evaluate(() => { const s = window.lrlab.step(5); return { s, m: window.lrlab.metrics() }; });
  assert.equal(trained.s, 5);
  assert.ok(trained.m.every((row) => Number.isFinite(row.train_loss) && row.test_acc !== null));
  await page.evaluate(() => window.lrlab.play());
  await frames(page, 2);
  await page.evaluate(() => window.lrlab.pause());
  await frames(page, 2);
  const s = await state(page);
  const t = texts(s);
  assert.match(t.boundaries, /^confusion: No decision boundaries: they need 2 inputs, this data has 64 inputs\./);
  assert.equal(t['boundary-tile:0'], 'confusion');
  assert.equal(t['boundary-tile:1'], 'confusion');
  assert.ok(s.grids.every((g) => g.step === s.step), JSON.stringify(s.grids));
  assert.deepEqual(errors, []);
  await page.close();
});

// What each kind of data shows in the boundaries' place, at 1280 x 800 and on a phone.
const views = [
  ['64-input CSV (3 classes)', { data: { dataset: 'points', points: rows(90, 64, 3) } }, 'confusion',
    /^confusion: No decision boundaries: they need 2 inputs, this data has 64 inputs\./, 'csv64'],
  ['64-input regression', { data: { dataset: 'points', points: rows(90, 64, 0) } }, 'fit',
    /^fit: No map of the predicted value: it needs 2 inputs, this data has 64 inputs\. Predicted against true value/, 'reg64'],
  ['3-input binary', { data: { dataset: 'points', points: rows(60, 3, 2) } }, 'confusion',
    /this data has 3 inputs\./, 'bin3'],
  ['2-input regression', { data: { dataset: 'reg_plane' } }, 'map', /^plane: Predicted value over the plane/, 'reg2'],
  ['digits8x8', { data: { dataset: 'digits8x8', samples: 200 } }, 'confusion', /this data has 64 inputs\./, 'digits'],
];

// A phone shows the two the issue names (a 64-input CSV, 2-input regression) and the fit view.
const phoneViews = views.filter(([, , , , file]) => ['csv64', 'reg64', 'reg2'].includes(file));

for (const [viewport, mobile, shown] of [[{ width: 1280, height: 800 }, false, views], [{ width: 390, height: 844 }, true, phoneViews]]) {
  test(`without a plane the tiles say why and show something, at ${viewport.width}x${viewport.height}`, T, async () => {
    const { context, page, errors } = await openInContext(browser, { viewport, hasTouch: mobile, isMobile: mobile });
    for (const [what, data, kind, title, file] of shown) {
      const r = await page.evaluate((c) => window.lrlab.setConfig(c),
        { ...data, model: { hidden: [8] }, train: { steps: 30, batch_size: 8, eval_every: 10 }, runs: twoRuns });
      assert.deepEqual(r, { ok: true, errors: [] }, what);
      // Right after the rebuild, no tile shows the previous data's picture.
      await frames(page, 1);
      let t = texts(await state(page));
      for (const i of [0, 1]) assert.ok([kind, 'computing'].includes(t['boundary-tile:' + i]), `${what}: tile ${i} ${t['boundary-tile:' + i]}`);
      await page.evaluate(() => window.lrlab.step(30));
      const tile = await scrolledIntoView(page, 'boundary:0');
      await frames(page, 3);
      const s = await state(page);
      t = texts(s);
      assert.match(t.boundaries, title, what);
      assert.equal(t['boundary-tile:0'], kind, what);
      assert.equal(t['boundary-tile:1'], kind, what);
      // The explanation is on the screen (wrapped at a phone's width), and the tile is not blank.
      const line = Object.entries(s.widgets).find(([k]) => k.startsWith('text:boundaries='))[1];
      assert.ok(line.x >= 0 && line.x + line.width <= viewport.width + 1, `${what}: title at ${line.x}..${line.x + line.width}`);
      const box = s.widgets['show-test-points'];
      assert.equal(!!box, kind === 'map', `${what}: the test points checkbox is there for a plane only`);
      if (box) assert.ok(box.x + box.width <= viewport.width + 1, `${what}: checkbox at ${box.x}..${box.x + box.width}`);
      const c = await colours(page, { x: tile.x, y: tile.y, width: tile.width, height: tile.height });
      assert.ok(c.blue + c.orange > c.n * 0.002, `${what}: tile colours ${JSON.stringify(c)}`);
      await screenshot(page, `limits-${file}-${viewport.width}x${viewport.height}.png`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
