// The lessons on the page (issue 11): the records window.lrlab.lessons() returns are the CLI's,
// ?preset=NAME&seed=S opens a lesson at a seed, and the lesson panel's ticks and crosses are
// exactly `lrlab check-lesson NAME --seed S` — read live, at the current step, as it trains.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { APP, click, frames, launch, open, screenshot, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function cli(args) {
  assert.ok(process.env.LRLAB_CLI, 'LRLAB_CLI names the CLI to compare with');
  const [cmd, ...pre] = process.env.LRLAB_CLI.split(' ');
  return spawnSync(cmd, [...pre, ...args], { encoding: 'utf8' });
}

// RFC 4180 rows (claim texts may hold commas and quotes).
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; ++i; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(r.map((v, k) => [header[k], v])));
}

// A CLI number cell as claims() spells it: null for empty or non-finite.
const num = (v) => (v === '' || ['nan', 'inf', '-inf'].includes(v) ? null : Number(v));

// `check-lesson` as claims() would list it.
function checkLesson(name, seed) {
  const r = cli(['check-lesson', name, '--seed', String(seed)]);
  assert.ok(r.status === 0 || r.status === 3, `check-lesson exit ${r.status}: ${r.stderr}`);
  return {
    status: r.status,
    claims: parseCsv(r.stdout).map((c) => ({ text: c.text, held: c.result === 'held',
      left: num(c.left), op: c.op, right: num(c.right) })),
  };
}

async function trainToEnd(page) {
  const s = await state(page);
  await page.evaluate((n) => window.lrlab.step(n), s.steps);
  await frames(page, 2);
}

// Turns the wheel over the panel column until the widget is wholly in view (at most 30 notches).
async function scrollTo(page, name) {
  const height = page.viewportSize().height;
  for (let i = 0; i < 30; ++i) {
    const w = (await state(page)).widgets[name];
    if (w && w.y >= 0 && w.y + w.height <= height) return w;
    const down = !w || w.y + w.height > height;
    await page.mouse.move(Math.min(200, page.viewportSize().width / 2), height / 2);
    await page.mouse.wheel(0, down ? 120 : -120);
    await frames(page, 2);
  }
  throw new Error(`${name} never came into view`);
}

const brief = (claims) =>
  claims.map(({ text, held, left, op, right }) => ({ text, held, left, op, right }));

test('lessons() returns the records `lrlab lessons` prints', async () => {
  const { page, errors } = await open(browser);
  const records = await page.evaluate(() => window.lrlab.lessons());
  assert.deepEqual(records, JSON.parse(cli(['lessons']).stdout));
  for (const r of records) {
    assert.deepEqual(Object.keys(r).sort(), ['caption', 'claims', 'config', 'name', 'title']);
    assert.ok(r.claims.length > 0, r.name);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

// schedules at seed 17 is one of the few seeds where a claim fails (the constant LR ends a hair
// lower): the page must cross exactly the claims the CLI fails, with the same numbers.
// The lessons of issues 9, 10 and 13 (every claim holds on seeds 1-10) load and tick the same way.
for (const [name, seed] of [['schedules', 17], ['lr-too-high', 3], ['clipping', 4],
  ['lr-finder', 2], ['cross-validation', 7], ['lr-sensitivity', 5], ['your-data', 9]]) {
  test(`${name} at seed ${seed}: the claim list equals lrlab check-lesson`, async () => {
    const { page, errors } = await open(browser, `?preset=${name}&seed=${seed}`);
    const s = await state(page);
    assert.equal(s.lesson, name);
    assert.equal((await page.evaluate(() => window.lrlab.getConfig())).seed, seed);
    assert.ok(page.url().includes(`preset=${name}&seed=${seed}`), page.url());
    await trainToEnd(page);
    const live = await page.evaluate(() => window.lrlab.claims());
    assert.equal(live.lesson, name);
    assert.equal(live.seed, seed);
    assert.equal(live.finished, true);
    const expected = checkLesson(name, seed);
    assert.deepEqual(brief(live.claims), expected.claims);
    assert.equal(expected.status, live.claims.every((c) => c.held) ? 0 : 3);
    if (name === 'schedules') assert.ok(live.claims.some((c) => !c.held), 'a cross at seed 17');
    // Each claim is drawn: a green tick or a red cross at the start of its line.
    const after = await state(page);
    for (let i = 0; i < live.claims.length; ++i) {
      const w = after.widgets['claim:' + i];
      assert.ok(w, 'claim:' + i + ' drawn');
      if (w.y < 0 || w.y + w.height > 800) continue;  // below the fold at 1280x800
      // The mark is left of the claim's group: its advance and the item spacing.
      const c = await markColours(page, { x: w.x - 22, y: w.y, width: 16, height: 14 });
      const why = `claim ${i}: ${JSON.stringify(c)}`;
      if (live.claims[i].held) assert.ok(c.green > 4 && c.red === 0, why);
      else assert.ok(c.red > 4 && c.green === 0, why);
    }
    assert.deepEqual(errors, []);
    await screenshot(page, `lesson-${name}-${seed}.png`);
    await page.close();
  });
}

// Pixels of the held (green) and failed (red) colours of the marks in a region.
async function markColours(page, rect) {
  const png = await page.screenshot({ clip: rect });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let green = 0;
    let red = 0;
    for (let k = 0; k < d.length; k += 4) {
      if (d[k + 1] > 150 && d[k] < 130 && d[k + 2] < 130) ++green;
      if (d[k] > 200 && d[k + 1] < 150 && d[k + 2] < 150) ++red;
    }
    return { green, red };
  }, png.toString('base64'));
}

test('before the end the claims are read at the current step', async () => {
  const { page, errors } = await open(browser, '?preset=lr-too-high');
  let live = await page.evaluate(() => window.lrlab.claims());
  assert.equal(live.step, 0);
  assert.equal(live.finished, false);
  // At step 0 nothing has diverged yet: "sgd 0.3 diverges" is crossed, and ticked by step 30.
  const diverges = (l) => l.claims.find((c) => c.text === 'sgd 0.3 diverges');
  assert.equal(diverges(live).held, false);
  await page.evaluate(() => window.lrlab.step(30));
  await frames(page, 2);
  live = await page.evaluate(() => window.lrlab.claims());
  assert.equal(live.step, 30);
  assert.equal(diverges(live).held, true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a new data seed keeps the lesson, its claims and a URL that reopens it', async () => {
  const { page, errors } = await open(browser, '?preset=clipping&seed=5');
  await scrollTo(page, 'regenerate-data');
  await click(page, 'regenerate-data');
  const s = await state(page);
  assert.equal(s.lesson, 'clipping', 'still the lesson: ' + s.status);
  const config = await page.evaluate(() => window.lrlab.getConfig());
  assert.equal(config.seed, 5);
  assert.notEqual(config.data.seed, 5);
  const url = page.url();
  assert.ok(url.includes('preset=clipping&seed=5#data.seed=' + config.data.seed), url);
  assert.ok((await page.evaluate(() => window.lrlab.claims())).claims.length > 0);
  // Any other edit ends the lesson (its claims were about its own config).
  await page.evaluate(() => window.lrlab.setConfig({ runs: [{ optimizer: { type: 'sgd' } }] }));
  assert.equal(await page.evaluate(() => window.lrlab.claims()), null);
  const again = await open(browser, url.slice(url.indexOf('?')));
  assert.equal((await state(again.page)).lesson, 'clipping');
  assert.deepEqual(await again.page.evaluate(() => window.lrlab.getConfig()), config);
  assert.deepEqual([...errors, ...again.errors], []);
  await page.close();
  await again.page.close();
});

test('a bad ?seed= says so and opens the lesson at its own seed', async () => {
  const { page } = await open(browser, '?preset=good-lr&seed=-3');
  const s = await state(page);
  assert.equal(s.lesson, 'good-lr');
  assert.ok(s.urlErrors.some((e) => e.path === 'seed'), JSON.stringify(s.urlErrors));
  assert.equal((await page.evaluate(() => window.lrlab.getConfig())).seed, 1);
  await page.close();
});

test('screenshots of the lesson panel with ticks and crosses', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const mobile = viewport.width < 500;
    const context = await browser.newContext({ viewport, hasTouch: mobile, isMobile: mobile });
    const page = await context.newPage();
    await page.goto(APP + 'index.html?preset=schedules&seed=17');
    await page.evaluate(() => window.lrlab.ready);
    await page.evaluate(() => window.lrlab.step(1000));
    await frames(page, 3);
    await scrollTo(page, 'claim:3');
    await screenshot(page, `lesson-claims-${viewport.width}x${viewport.height}.png`);
    await context.close();
  }
});
