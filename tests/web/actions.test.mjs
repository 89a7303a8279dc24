// The page's outward actions, clicked and typed like a person: the header's export (CSV, JSON,
// PNG), import, share and embed buttons, the P/S/R keyboard shortcuts, and the page at
// devicePixelRatio 2 (canvas size, clicks, heatmaps, resizing).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { APP, click, colours, frames, launch, pngColours, press, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 240000 };

// A classification config whose CSV needs RFC 4180 quoting (names with a comma and a quote)
// and non-finite cells (a diverging run).
const CLASSIFY = {
  seed: 5,
  data: { dataset: 'moons', samples: 200, noise: 0.2, features: ['x1', 'x2', 'x1_x2'] },
  model: { hidden: [6], activation: 'relu' },
  train: { steps: 80, batch_size: 16, eval_every: 10 },
  runs: [
    { name: 'sgd, momentum', optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } },
    { name: 'adam "warm"', optimizer: { type: 'adam', lr: 0.02 },
      schedule: { type: 'linear' }, clip: { type: 'global_norm', max_norm: 1 } },
    { name: 'sgd 1e4', optimizer: { type: 'sgd', lr: 1e4 } },
  ],
};

// A regression config: the accuracy columns are empty.
const REGRESS = {
  seed: 2,
  data: { dataset: 'reg_plane', samples: 120 },
  model: { hidden: [4], activation: 'tanh' },
  train: { steps: 30, batch_size: 8, eval_every: 7 },
  runs: [{ name: 'rms', optimizer: { type: 'rmsprop', lr: 0.01 }, schedule: { type: 'cosine' } }],
};

// ---- Helpers of this file ----------------------------------------------------------------------

// A page of the app in its own browser context; `errors` collects console errors and uncaught
// exceptions. `where` is a query/hash suffix of index.html or a whole URL.
async function load(context, where = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(/^https?:/.test(where) ? where : APP + 'index.html' + where);
  await page.evaluate(() => window.lrlab.ready);
  await frames(page, 2);
  return { page, errors };
}

const config = (page) => page.evaluate(() => window.lrlab.getConfig());

// `lrlab ARGS...` as a process: {status, stdout, stderr}, or null without a CLI.
function cli(...args) {
  if (!process.env.LRLAB_CLI) return null;
  const [cmd, ...pre] = process.env.LRLAB_CLI.split(' ');
  return spawnSync(cmd, [...pre, ...args], { encoding: 'utf8' });
}

function tempFile(name, text) {
  const file = join(mkdtempSync(join(tmpdir(), 'lrlab-actions-')), name);
  writeFileSync(file, text);
  return file;
}

// Clicks a widget that downloads a file: {name, bytes}.
async function downloadBy(page, widget) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), click(page, widget)]);
  const failure = await d.failure();
  assert.equal(failure, null, 'download failed');
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

// Clicks a widget that copies text, and returns the text the system clipboard then holds.
async function copiedBy(page, widget) {
  const sentinel = 'nothing copied yet ' + Math.random();
  await page.evaluate((s) => navigator.clipboard.writeText(s), sentinel);
  await click(page, widget);
  for (const end = Date.now() + 15000; Date.now() < end; await page.waitForTimeout(100)) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text !== sentinel) return text;
  }
  throw new Error(`clicking ${widget} copied nothing`);
}

// The CLI's CSV lines (header first) of the rows with step <= upTo.
function cliCsvUpTo(text, upTo) {
  const [header, ...rows] = text.split('\n').filter((l) => l !== '');
  // The step is the first unquoted field after the run name (which may be quoted).
  const stepOf = (line) => Number(line.match(/^(?:"(?:[^"]|"")*"|[^,]*),(\d+),/)[1]);
  return [header, ...rows.filter((l) => stepOf(l) <= upTo)].map((l) => l + '\n').join('');
}

// Clicks a spot of the canvas where there is no widget (the title line, left of its text's end),
// so that the canvas has focus and no text field is active.
async function clickEmpty(page) {
  const s = await state(page);
  const share = s.widgets.share;
  await page.mouse.move(share.x / 3, share.y + share.height / 2);
  await page.mouse.down();
  await frames(page, 1);
  await page.mouse.up();
  await frames(page, 2);
}

// A key tapped for exactly one frame: down before a frame, up right after it, in the page.
// ImGui 1.86 repeats a held S after 0.275 s, and a frame here takes up to ~0.1 s; pressed and
// released from node through a busy page, a key can stay down for three or four frames (0.4 s
// was seen) and step twice. The events go to the same window listeners as a real key's.
function tap(page, code, keyCode) {
  return page.evaluate(({ code, keyCode }) => new Promise((resolve) => {
    const key = (type) => new KeyboardEvent(type, {
      code, key: code.slice(3).toLowerCase(), keyCode, which: keyCode, bubbles: true, cancelable: true,
    });
    const start = window.lrlab.state().frames;
    window.dispatchEvent(key('keydown'));
    const afterOneFrame = () => {
      if (window.lrlab.state().frames === start) { requestAnimationFrame(afterOneFrame); return; }
      window.dispatchEvent(key('keyup'));
      resolve();
    };
    requestAnimationFrame(afterOneFrame);
  }), { code, keyCode });
}

// ---- Export ------------------------------------------------------------------------------------

// The CSV button downloads the metrics evaluated so far, byte for byte what `lrlab run` prints
// for those steps (same header, same quoting of names, nan/inf, empty accuracy cells), both
// mid-training and at the end.
test('export-csv downloads exactly the CLI\'s rows up to the current step', T, async (t) => {
  const full = cli('run', tempFile('c.json', JSON.stringify(CLASSIFY)));
  if (!full) { t.skip('no CLI (set LRLAB_CLI)'); return; }
  assert.equal(full.status, 0, full.stderr);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await load(context);
  assert.deepEqual(await page.evaluate((c) => window.lrlab.setConfig(c), CLASSIFY), { ok: true, errors: [] });
  assert.equal(await page.evaluate(() => window.lrlab.step(57)), 57);
  await frames(page, 2);
  const mid = await downloadBy(page, 'export-csv');
  assert.equal(mid.name, 'lrlab-metrics.csv');
  const midText = mid.bytes.toString('utf8');
  assert.equal(midText, cliCsvUpTo(full.stdout, 57));
  assert.ok(midText.startsWith('run,step,epoch,lr,train_loss,test_loss,train_acc,test_acc,'
    + 'grad_norm,clipped_grad_norm,diverged\n'), midText.slice(0, 200));
  assert.match(midText, /\n"sgd, momentum",50,/);
  assert.match(midText, /\n"adam ""warm""",50,/);
  assert.match(midText, /\nsgd 1e4,50,[^\n]*(nan|inf)[^\n]*,1\n/);

  assert.equal(await page.evaluate(() => window.lrlab.step(1000)), 80);
  await frames(page, 2);
  const end = await downloadBy(page, 'export-csv');
  assert.equal(end.bytes.toString('utf8'), full.stdout);

  const regress = cli('run', tempFile('r.json', JSON.stringify(REGRESS)));
  assert.equal(regress.status, 0, regress.stderr);
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), REGRESS)).ok, true);
  await page.evaluate(() => window.lrlab.step(30));
  await frames(page, 2);
  const reg = await downloadBy(page, 'export-csv');
  assert.equal(reg.bytes.toString('utf8'), regress.stdout);
  assert.match(reg.bytes.toString('utf8'), /\nrms,28,([^,]*,){4},,/); // empty accuracy cells
  assert.deepEqual(errors, []);
  await context.close();
});

// The JSON button downloads the whole current config (getConfig(), every default filled in,
// mid-run changes included), and `lrlab validate` accepts the file.
test('export-json downloads getConfig(), which `lrlab validate` accepts', T, async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await load(context);
  const withChanges = structuredClone(CLASSIFY);
  withChanges.runs[0].changes = [{ at: 20, path: 'optimizer.lr', value: 0.01 }];
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), withChanges)).ok, true);
  await frames(page, 2);
  const file = await downloadBy(page, 'export-json');
  assert.equal(file.name, 'lrlab-config.json');
  const text = file.bytes.toString('utf8');
  const exported = JSON.parse(text);
  assert.deepEqual(exported, await config(page));
  assert.deepEqual(exported.runs[0].changes, withChanges.runs[0].changes);
  assert.equal(exported.runs[1].name, 'adam "warm"');
  const checked = cli('validate', tempFile('exported.json', text));
  if (checked) assert.equal(checked.status, 0, checked.stdout + checked.stderr);
  else t.diagnostic('no CLI (set LRLAB_CLI): `lrlab validate` not run');
  assert.deepEqual(errors, []);
  await context.close();
});

// The PNG button downloads the canvas as drawn (not a blank buffer): a PNG whose IHDR size is
// the canvas' size in device pixels, with the heatmaps' colours in it.
test('export-png downloads the drawn canvas at its device-pixel size', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  const { page, errors } = await load(context, '?preset=good-lr');
  await page.evaluate(() => { window.lrlab.pause(); window.lrlab.step(1000); });
  await frames(page, 3);
  const file = await downloadBy(page, 'export-png');
  assert.equal(file.name, 'lrlab.png');
  const png = file.bytes;
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  const size = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height };
  });
  assert.deepEqual(size, { width: 1100, height: 760 });
  assert.deepEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, size);
  const c = await pngColours(page, png);
  assert.ok(c.orange > c.n * 0.01 && c.blue > c.n * 0.01 && c.distinct > 50, JSON.stringify(c));
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- Import ------------------------------------------------------------------------------------

// The Import button opens a file dialog; the chosen JSON file becomes the config, exactly as
// setConfig would make it, at step 0.
test('import loads the config file chosen in the file dialog', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await load(context);
  await page.evaluate(() => window.lrlab.step(5));
  const imported = {
    data: { dataset: 'xor', samples: 160 },
    runs: [{ name: 'imported', optimizer: { type: 'adamw', lr: 0.0042 } },
      { optimizer: { type: 'sgd', lr: 0.7 }, schedule: { type: 'step' } }],
  };
  await importFile(page, JSON.stringify(imported, null, 2));
  await page.waitForFunction(() => window.lrlab.state().status === 'config imported', null, { timeout: 20000 });
  const got = await config(page);
  assert.equal(got.data.dataset, 'xor');
  assert.equal(got.runs[0].optimizer.lr, 0.0042);
  assert.deepEqual(got.runs.map((r) => r.name), ['imported', 'run 2']);
  const s = await state(page);
  assert.equal(s.step, 0);
  assert.deepEqual(s.errors, []);
  await page.evaluate((c) => window.lrlab.setConfig(c), imported);
  assert.deepEqual(await config(page), got);
  assert.deepEqual(errors, []);
  await context.close();
});

async function importFile(page, text) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), click(page, 'import')]);
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles({ name: 'c.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

// A file that is no JSON, or JSON that is no valid config, changes nothing: the page keeps its
// config and step, names every error (the syntax error's line, each bad key's path) and does
// not fail; a good file afterwards clears the errors.
test('importing a broken file keeps the config and shows why', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await load(context);
  await page.evaluate(() => window.lrlab.step(5));
  const before = await config(page);

  await importFile(page, '{\n  "runs": [\n    {"optimizer": {"type": "sgd",}}\n');
  await page.waitForFunction(() => window.lrlab.state().errors.length > 0, null, { timeout: 20000 });
  let s = await state(page);
  assert.equal(s.status, 'the imported config was not used');
  assert.equal(s.errors.length, 1);
  assert.match(s.errors[0].message, /line 3/);
  assert.deepEqual(await config(page), before);
  assert.equal(s.step, 5);

  await importFile(page, JSON.stringify({ runs: [{ optimizer: { type: 'sgd', lr: -1 } }], bogus: 1 }));
  await page.waitForFunction(() => window.lrlab.state().errors.some((e) => e.path === 'bogus'), null, { timeout: 20000 });
  s = await state(page);
  assert.deepEqual(s.errors.map((e) => e.path).sort(), ['bogus', 'runs[0].optimizer.lr']);
  assert.equal(s.status, 'the imported config was not used');
  assert.deepEqual(await config(page), before);
  assert.equal(s.step, 5);
  await frames(page, 2); // the notices are drawn without trouble

  await importFile(page, JSON.stringify({ runs: [{ optimizer: { type: 'sgd', lr: 0.5 } }] }));
  await page.waitForFunction(() => window.lrlab.state().status === 'config imported', null, { timeout: 20000 });
  assert.deepEqual((await state(page)).errors, []);
  assert.equal((await config(page)).runs[0].optimizer.lr, 0.5);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- Share and embed ---------------------------------------------------------------------------

function clipboardContext(options = {}) {
  return browser.newContext({
    viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'], ...options,
  });
}

// Share copies a link to this page (no stray query) that, opened anew, shows the same config:
// a hash for an edited config, ?preset= for an untouched lesson.
test('share copies a link that reproduces the config', T, async () => {
  const context = await clipboardContext();
  const { page, errors } = await load(context, '?utm_source=x');
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), CLASSIFY)).ok, true);
  await frames(page, 2);
  const url = await copiedBy(page, 'share');
  assert.ok(url.startsWith(APP + 'index.html#'), url);
  assert.match((await state(page)).status, /link copied/);
  const want = await config(page);
  const again = await load(context, url);
  assert.deepEqual(await config(again.page), want);
  assert.deepEqual((await state(again.page)).urlErrors, []);
  await again.page.close();

  await page.evaluate(() => window.lrlab.lesson('clipping'));
  await frames(page, 2);
  const lessonUrl = await copiedBy(page, 'share');
  assert.equal(lessonUrl, APP + 'index.html?preset=clipping');
  const lesson = await load(context, lessonUrl);
  assert.deepEqual(await config(lesson.page), await config(page));
  assert.equal((await state(lesson.page)).lesson, 'clipping');

  // The panels a teacher chose with ?panels= stay in the links the page hands out.
  const chosen = await load(context, '?preset=clipping&panels=boundaries,loss');
  const chosenUrl = await copiedBy(chosen.page, 'share');
  assert.equal(chosenUrl, APP + 'index.html?preset=clipping&panels=boundaries,loss');
  assert.deepEqual([...errors, ...again.errors, ...lesson.errors, ...chosen.errors], []);
  await context.close();
});

// Embed opens a dialog whose Copy button copies an <iframe> snippet (a title, a size, a src of
// this page with embed=1 and the config) that, pasted into another page, shows this config in
// embed mode; Close closes the dialog.
test('embed copies an iframe snippet that shows the config embedded; close closes it', T, async () => {
  const context = await clipboardContext();
  const { page, errors } = await load(context);
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), CLASSIFY)).ok, true);
  await frames(page, 2);
  assert.equal((await state(page)).widgets['copy-embed'], undefined);
  await click(page, 'embed');
  const open = await state(page);
  assert.ok(open.widgets['copy-embed'] && open.widgets['close-embed'], Object.keys(open.widgets).join(' '));
  await press(page, 'KeyP'); // the dialog is modal: no shortcut acts behind it
  assert.equal((await state(page)).playing, false);
  const snippet = await copiedBy(page, 'copy-embed');
  // Parsed where a teacher pastes it (a page of their own), not inside lrlab's page, whose CSP
  // rightly refuses the snippet's style attribute.
  const parser = await context.newPage();
  const iframe = await parser.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const all = doc.body.querySelectorAll('*');
    const f = doc.querySelector('iframe');
    return f && { count: all.length, src: f.getAttribute('src'), title: f.getAttribute('title'),
      width: f.getAttribute('width'), height: f.getAttribute('height') };
  }, snippet);
  assert.ok(iframe, snippet);
  assert.equal(iframe.count, 1, snippet);
  assert.ok(iframe.title.length > 0);
  assert.match(iframe.width, /^\d+$/);
  assert.match(iframe.height, /^\d+$/);
  const src = new URL(iframe.src);
  assert.equal(src.origin + src.pathname, APP + 'index.html');
  assert.equal(src.searchParams.get('embed'), '1');
  assert.match(src.hash, /runs\[1\]\.optimizer\.type=adam/);
  const want = await config(page);

  // The snippet pasted into a page of another origin.
  const host = await context.newPage();
  await host.setContent(`<!doctype html><html><body style="margin:0">${snippet}</body></html>`);
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => document.documentElement.classList.contains('lrlab-ready'), null,
    { timeout: 60000 });
  assert.deepEqual(await frame.evaluate(() => window.lrlab.getConfig()), want);
  const embedded = await frame.evaluate(() => window.lrlab.state());
  assert.equal(embedded.embed, true);
  assert.equal(embedded.widgets.share, undefined);
  await host.close();

  // For an untouched lesson the snippet names the preset; the & is escaped in the attribute.
  await page.evaluate(() => window.lrlab.lesson('clipping'));
  await frames(page, 2);
  const lessonSnippet = await copiedBy(page, 'copy-embed');
  assert.match(lessonSnippet, /src="[^"]*\?preset=clipping&amp;embed=1"/);
  const lessonSrc = await parser.evaluate((html) =>
    new DOMParser().parseFromString(html, 'text/html').querySelector('iframe').getAttribute('src'), lessonSnippet);
  await parser.close();
  assert.equal(lessonSrc, APP + 'index.html?preset=clipping&embed=1');

  await click(page, 'close-embed');
  const closed = await state(page);
  assert.equal(closed.widgets['copy-embed'], undefined);
  assert.equal(closed.widgets['close-embed'], undefined);
  await click(page, 'play'); // the modal no longer blocks the page
  assert.equal((await state(page)).playing, true);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- Keyboard shortcuts ------------------------------------------------------------------------

// P toggles play/pause, a tap of S steps once while paused, R resets to step 0; none of them
// acts while a text field takes the keys.
test('keyboard: P plays and pauses, S steps once, R resets, not while typing', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await load(context);
  await page.evaluate(() => window.lrlab.setConfig({ train: { steps: 1000 }, runs: [{ optimizer: { type: 'sgd' } }] }));
  await frames(page, 2);
  await clickEmpty(page);
  let s = await state(page);
  assert.equal(s.textInput, false);
  assert.equal(s.playing, false);
  assert.equal(s.step, 0);

  await press(page, 'KeyP');
  assert.equal((await state(page)).playing, true);
  await page.waitForFunction(() => window.lrlab.state().step > 0, null, { timeout: 20000 });
  await press(page, 'KeyP');
  s = await state(page);
  assert.equal(s.playing, false);
  const paused = s.step;
  assert.ok(paused > 0 && paused < 1000, String(paused));
  await frames(page, 3);
  assert.equal((await state(page)).step, paused);

  for (const k of [1, 2, 3]) {
    await tap(page, 'KeyS', 83);
    await frames(page, 2);
    assert.equal((await state(page)).step, paused + k);
  }
  assert.equal((await state(page)).playing, false);

  await press(page, 'KeyR');
  s = await state(page);
  assert.equal(s.step, 0);
  assert.equal(s.playing, false);

  // In a text field the letters are text (here rejected by the number field), not shortcuts.
  await page.evaluate(() => window.lrlab.step(3));
  await click(page, 'runs[0].optimizer.lr');
  assert.equal((await state(page)).textInput, true);
  await press(page, 'KeyP');
  await press(page, 'KeyS');
  await press(page, 'KeyR');
  s = await state(page);
  assert.equal(s.playing, false);
  assert.equal(s.step, 3);
  await press(page, 'Escape');
  await frames(page, 2);
  assert.equal((await state(page)).textInput, false);
  assert.equal((await config(page)).runs[0].optimizer.lr, 0.03);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- devicePixelRatio --------------------------------------------------------------------------

// At devicePixelRatio 2 the canvas has two device pixels per CSS pixel, the UI keeps its CSS
// size, real clicks land on the widget under the pointer, the heatmaps have colour, the PNG
// export has the canvas' device pixels, and canvas and UI follow a resized viewport.
test('devicePixelRatio 2: sharp canvas, working clicks, coloured heatmaps, resizing', T, async () => {
  const one = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const ref = await load(one, '?preset=good-lr');
  const playAt1 = (await state(ref.page)).widgets.play;
  await one.close();

  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  const { page, errors } = await load(context, '?preset=good-lr');
  const size = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    const r = c.getBoundingClientRect();
    return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height, dpr: window.devicePixelRatio };
  });
  assert.deepEqual(await size(), { width: 2000, height: 1400, cssWidth: 1000, cssHeight: 700, dpr: 2 });
  let s = await state(page);
  assert.equal(s.pixelRatio, 2);
  // The UI is as large in CSS pixels as at devicePixelRatio 1 (fonts and style scaled by 2).
  const play = s.widgets.play;
  assert.ok(Math.abs(play.height - playAt1.height) <= 2, `${JSON.stringify(play)} vs ${JSON.stringify(playAt1)}`);
  assert.ok(Math.abs(play.width - playAt1.width) <= 4, `${JSON.stringify(play)} vs ${JSON.stringify(playAt1)}`);

  await click(page, 'play');
  assert.equal((await state(page)).playing, true);
  await click(page, 'play');
  assert.equal((await state(page)).playing, false);
  await click(page, 'run:1');
  assert.equal((await state(page)).selectedRun, 1);
  const logY = (await state(page)).logY;
  await click(page, 'log-y');
  assert.equal((await state(page)).logY, !logY);

  await page.evaluate(() => window.lrlab.step(1000));
  await frames(page, 3);
  s = await state(page);
  for (let i = 0; i < 2; ++i) {
    const r = s.widgets['boundary:' + i];
    assert.ok(r, 'boundary ' + i + ' published');
    const c = await colours(page, { x: r.x, y: r.y, width: r.width, height: r.height });
    assert.ok(c.orange > c.n * 0.05 && c.blue > c.n * 0.05, `heatmap ${i}: ${JSON.stringify(c)}`);
  }

  const png = (await downloadBy(page, 'export-png')).bytes;
  assert.deepEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, { width: 2000, height: 1400 });

  await page.setViewportSize({ width: 800, height: 600 });
  await page.waitForFunction(() => {
    const c = document.getElementById('canvas');
    return c.width === 1600 && c.height === 1200;
  }, null, { timeout: 20000 });
  await frames(page, 2);
  assert.deepEqual(await size(), { width: 1600, height: 1200, cssWidth: 800, cssHeight: 600, dpr: 2 });
  s = await state(page);
  const share = s.widgets.share; // right-aligned: inside the new width only if ImGui followed
  assert.ok(share.x + share.width <= 800 && share.x > 400, JSON.stringify(share));
  await click(page, 'reset');
  assert.equal((await state(page)).step, 0);
  await click(page, 'play');
  assert.equal((await state(page)).playing, true);
  assert.deepEqual([...ref.errors, ...errors], []);
  await context.close();
});
