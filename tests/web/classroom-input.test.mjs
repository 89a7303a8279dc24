// The page in a classroom (issue 8): a student's wheel, taps and quick keys, a teacher's
// embedding course page, a phone's header, the status line and embed mode's layout, each driven
// with real input (page.mouse.wheel, touch taps, key presses as fast as Playwright sends them).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP, HOST, frames, launch, open, openInContext, playSpeedWorkload, pngDiff, screenshot, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 120000 };

const centre = (r) => [r.x + r.width / 2, r.y + r.height / 2];

async function widget(page, name) {
  const r = (await state(page)).widgets[name];
  assert.ok(r, `no widget ${name}`);
  return r;
}

// Turns the wheel over (x, y) like a person: a few notches, frames apart.
async function wheel(page, x, y, dy, notches = 3) {
  await page.mouse.move(x, y);
  await frames(page, 2);
  for (let i = 0; i < notches; ++i) {
    await page.mouse.wheel(0, dy);
    await frames(page, 2);
  }
}

// A page in its own context (touch, phone sizes).
async function openIn(options, suffix = '') {
  const opened = await openInContext(browser, options, suffix);
  await frames(opened.page, 3);
  return opened;
}

const phone = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

test('the wheel scrolls the panel under the pointer: settings, views and a combo list', T, async () => {
  const { page, errors } = await open(browser);
  await screenshot(page, 'classroom-1280x800.png');
  // The lowest widget of the settings column (the Experiment section's last) is below the fold.
  const left = Object.entries((await state(page)).widgets).filter(([, r]) => r.x < 300);
  const [last, below] = left.reduce((a, b) => (b[1].y > a[1].y ? b : a));
  assert.ok(below.y > 800, `${last} is below the fold here (y ${below.y})`);
  await wheel(page, 150, 500, 300, 5); // a notch moves ImGui's window about 200 px
  const scrolled = await widget(page, last);
  assert.ok(scrolled.y < below.y - 200, `settings scrolled: ${below.y} -> ${scrolled.y}`);
  assert.ok(scrolled.y + scrolled.height < 800, `${last} came into view (${scrolled.y})`);
  await wheel(page, 150, 500, -300, 10);
  assert.equal((await widget(page, last)).y, below.y, 'and back up');

  const preview = await widget(page, 'chart:schedule');
  await wheel(page, 900, 500, 300);
  const moved = await widget(page, 'chart:schedule');
  assert.ok(preview.y + preview.height > 800, 'the schedule preview starts cut off');
  assert.ok(moved.y < preview.y - 50 && moved.y + moved.height <= 801,
    `views scrolled the preview into view: ${preview.y} -> ${moved.y}`);
  assert.equal((await widget(page, last)).y, below.y, 'the other panel stayed');

  // The speed combo lists 10 choices in 8 rows: the wheel scrolls the list.
  const [sx, sy] = centre(await widget(page, 'speed'));
  await page.mouse.click(sx, sy);
  await frames(page, 3);
  const first = await widget(page, 'speed=1');
  await wheel(page, first.x + 20, first.y + first.height / 2, 100, 2);
  const after = await widget(page, 'speed=1');
  assert.ok(after.y < first.y, `combo list scrolled: ${first.y} -> ${after.y}`);
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await page.close();
});

async function hostedPage(appQuery, w, h) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const app = APP + 'index.html' + appQuery;
  await page.goto(`${HOST}tall.html?w=${w}&h=${h}&app=${encodeURIComponent(app)}`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForFunction(() => window.lrlab && window.lrlab.state && document.documentElement.classList.contains('lrlab-ready'), null, { timeout: 30000 });
  await frame.waitForFunction(() => window.lrlab.state().frames > 3, null, { timeout: 20000 });
  return { page, frame };
}

test('the host page scrolls past an embedded lrlab where lrlab has nothing to scroll', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const { page, frame } = await hostedPage('?embed=1&preset=good-lr&panels=boundaries,loss', 960, 640);
  const box = await page.locator('#lab').boundingBox();
  await screenshot(page, 'classroom-host-embed.png');
  await page.mouse.move(box.x + 300, box.y + 300);
  for (let i = 0; i < 3; ++i) {
    await page.mouse.wheel(0, 200);
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 }).catch(() => {});
  assert.ok(await page.evaluate(() => window.scrollY) > 100, 'the course page scrolled');
  assert.ok(await frame.evaluate(() => window.lrlab.state().frames) > 0);
  await page.close();

  // The full page in a frame: its settings column scrolls, and the course page stays.
  const full = await hostedPage('', 1000, 600);
  const before = (await full.frame.evaluate(() => window.lrlab.state())).widgets['data.dataset'].y;
  const fbox = await full.page.locator('#lab').boundingBox();
  await full.page.mouse.move(fbox.x + 150, fbox.y + 400);
  for (let i = 0; i < 3; ++i) {
    await full.page.mouse.wheel(0, 200);
    await full.page.waitForTimeout(150);
  }
  await full.frame.waitForFunction((y) => window.lrlab.state().widgets['data.dataset'].y < y - 100, before, { timeout: 5000 });
  assert.equal(await full.page.evaluate(() => window.scrollY), 0, 'the course page did not move');
  await full.page.close();
});

test('the first tap on a phone presses the button; a quick key press counts too', T, async () => {
  const { context, page, errors } = await openIn(phone);
  const [x, y] = centre(await widget(page, 'play'));
  await page.touchscreen.tap(x, y);
  await page.waitForFunction(() => window.lrlab.state().playing, null, { timeout: 5000 });
  const [px, py] = centre(await widget(page, 'play'));  // now Pause
  await page.touchscreen.tap(px, py);
  await page.waitForFunction(() => !window.lrlab.state().playing, null, { timeout: 5000 });
  await page.evaluate(() => window.lrlab.reset());
  await frames(page, 2);
  // Step, tapped three times in a row, steps three times.
  const [stx, sty] = centre(await widget(page, 'step'));
  for (let i = 0; i < 3; ++i) await page.touchscreen.tap(stx, sty);
  await page.waitForFunction(() => window.lrlab.state().step === 3, null, { timeout: 5000 });
  // Keys pressed and released between two frames (keyboard.press) still count.
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await page.waitForFunction(() => window.lrlab.state().step === 5, null, { timeout: 5000 });
  await screenshot(page, 'classroom-390x844.png');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a touch drag scrolls the page on a phone, and does not press what it started on', T, async () => {
  const { context, page } = await openIn(phone);
  const cdp = await context.newCDPSession(page);
  const before = await widget(page, 'chart:schedule');
  const step = await widget(page, 'play');
  const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: type === 'touchEnd' ? [] : [{ x: step.x + step.width / 2, y }] });
  await touch('touchStart', 700);
  await frames(page, 1);
  for (let y = 690; y >= 300; y -= 30) { await touch('touchMove', y); await frames(page, 1); }
  await touch('touchEnd');
  await frames(page, 3);
  const after = await widget(page, 'chart:schedule');
  assert.ok(after.y < before.y - 250, `scrolled with the finger: ${before.y} -> ${after.y}`);
  assert.equal((await state(page)).playing, false);
  await context.close();
});

test('at 390 px wide the header\'s buttons wrap onto the screen', T, async () => {
  const { context, page } = await openIn(phone);
  const s = await state(page);
  for (const name of ['share', 'embed', 'export-csv', 'export-json', 'export-png', 'import']) {
    const r = s.widgets[name];
    assert.ok(r, name);
    assert.ok(r.x >= 0 && r.x + r.width <= 390, `${name} at x ${r.x}..${r.x + r.width}`);
  }
  await context.close();
});

test('the Play tooltip names the key that works: P plays and pauses', T, async () => {
  const { page } = await open(browser);
  const [x, y] = centre(await widget(page, 'play'));
  await page.mouse.move(x, y);
  await page.waitForFunction(() => 'tooltip:P: play / pause' in window.lrlab.state().widgets, null, { timeout: 5000 });
  await page.mouse.move(5, 790);
  await frames(page, 2);
  await page.keyboard.press('p');
  await page.waitForFunction(() => window.lrlab.state().playing, null, { timeout: 5000 });
  await page.keyboard.press('p');
  await page.waitForFunction(() => !window.lrlab.state().playing, null, { timeout: 5000 });
  await page.close();
});

test('the status line keeps its place and speaks to a student', T, async () => {
  const { page } = await open(browser);
  const play = await widget(page, 'play');
  const [cx, cy] = centre(await widget(page, 'runs[0].optimizer.type'));
  await page.mouse.click(cx, cy);
  await frames(page, 3);
  const [ax, ay] = centre(await widget(page, 'runs[0].optimizer.type=adam'));
  await page.mouse.click(ax, ay);
  await page.waitForFunction(() => window.lrlab.state().status !== '', null, { timeout: 5000 });
  const s = await state(page);
  assert.match(s.status, /^run 1 \(.*\) now uses Adam$/);
  assert.doesNotMatch(s.status, /\[|\]|optimizer\.type/);
  assert.deepEqual(s.widgets.play, play, 'nothing moved when the line appeared');
  await page.close();
});

const EMBED_SIZES = [[400, 300], [800, 500], [960, 640]];

test('embed mode shows the tiles and the loss chart first, without developer readouts', T, async () => {
  for (const [width, height] of EMBED_SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(APP + 'index.html?embed=1&preset=good-lr');
    await page.evaluate(() => window.lrlab.ready);
    await frames(page, 3);
    await screenshot(page, `classroom-embed-${width}x${height}.png`);
    const s = await state(page);
    const where = `${width}x${height}`;
    const tile = s.widgets['boundary:0'];
    assert.ok(tile && tile.y >= 0 && tile.y + tile.height <= height + 1 && tile.x + tile.width <= width + 1,
      `${where}: the first tile is on screen ${JSON.stringify(tile)}`);
    const chart = s.widgets['chart:embed-loss'];
    assert.ok(chart, `${where}: a loss chart`);
    const seen = (Math.min(chart.y + chart.height, height) - Math.max(chart.y, 0)) / chart.height;
    assert.ok(seen > 0.6 && chart.x + chart.width <= width + 1, `${where}: the loss chart shows (${seen})`);
    for (const dev of ['timings', 'speed']) assert.equal(s.widgets[dev], undefined, `${where}: ${dev}`);
    assert.ok(s.widgets.play, `${where}: compact controls`);
    await page.close();
  }
});

test('?panels= chooses what an embedded page shows and reports names it does not know', T, async () => {
  const { page } = await open(browser, '?embed=1&preset=good-lr&panels=boundaries,loss', { width: 800, height: 500 });
  let s = await state(page);
  assert.equal(s.widgets.play, undefined);
  assert.ok(s.widgets['boundary:0'] && s.widgets['chart:embed-loss']);
  await screenshot(page, 'classroom-embed-panels.png');
  await page.close();
  const second = await open(browser, '?embed=1&panels=charts,Controls,bogus', { width: 800, height: 500 });
  s = await state(second.page);
  assert.ok(s.widgets.play && s.widgets['chart:lr']);
  assert.equal(s.widgets['boundary:0'], undefined);
  assert.deepEqual(s.urlErrors.map((e) => e.path), ['panels']);
  assert.match(s.urlErrors[0].message, /unknown panel "bogus"/);
  await second.page.close();
});

test('the speed box says when the time budget allows fewer steps than it names', T, async () => {
  const { page } = await open(browser);
  await playSpeedWorkload(page);
  await page.evaluate(() => window.lrlab.speed(1000));
  await page.waitForFunction(() => 'speed-now' in window.lrlab.state().widgets, null, { timeout: 10000 });
  await page.evaluate(() => window.lrlab.pause());
  await page.close();
});

test('names in scripts the font lacks show as boxes, not as question marks', T, async () => {
  const { page } = await open(browser);
  const shot = async (name) => {
    await page.evaluate((n) => window.lrlab.setConfig({ runs: [{ name: n }] }), name);
    await frames(page, 3);
    const r = (await state(page)).widgets['boundary:0'];
    return page.screenshot({ clip: { x: r.x, y: r.y - 16, width: 60, height: 14 } });
  };
  const question = await shot('???');
  const chinese = await shot('你好吗');
  await screenshot(page, 'classroom-names.png');
  const d = await pngDiff(page, question, chinese);
  assert.ok(d.far > 0.02, `"你好吗" is drawn unlike "???" (${JSON.stringify(d)})`);
  await page.close();
});
