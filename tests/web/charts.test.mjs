// The charts tell the truth (issue 8): the schedule preview draws exactly what `lrlab schedule`
// prints, on a linear and on a log axis; a run that diverges before its first evaluation is
// marked on every chart and its blow-up is drawn; tick labels are whole and inside the chart;
// the 16 run colours are distinct and visible on the dark background. The charts publish what
// they hand to the draw list (src/app/chart_trace.hpp) and the tests check it against the CLI
// and against the pixels of a screenshot.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { charts, cliSchedule, click, frames, launch, open, pngColours, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const STEPS = 1000;
const SCHEDULES = {
  cosine: { type: 'cosine', T_max: 1000 },
  one_cycle: { type: 'one_cycle' },
  cyclic: { type: 'cyclic', step_size_up: 90 },
  sgdr: { type: 'cosine_warm_restarts', T_0: 250 },
  step: { type: 'step', step_size: 300, gamma: 0.1 },
  exponential: { type: 'exponential' },
};

function scheduleConfig() {
  return {
    data: { dataset: 'xor' }, model: { hidden: [4] }, train: { steps: STEPS },
    runs: Object.entries(SCHEDULES).map(([name, schedule]) => (
      { name, optimizer: { type: 'sgd', lr: 1 }, schedule })),
  };
}

async function setConfig(page, config) {
  const r = await page.evaluate((c) => window.lrlab.setConfig(c), config);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  await frames(page, 2);
}

async function setLogY(page, on) {
  if ((await state(page)).logY !== on) await click(page, 'log-y');
  assert.equal((await state(page)).logY, on, 'log y is ' + on);
}

// The charts sit below the decision boundaries: the tests use a viewport tall enough for the
// whole page (1280 wide, the width of the screenshots).
const TALL = { width: 1280, height: 1500 };

// The trace of a chart that is wholly in view, with the mouse away from every chart (no hover
// line, no tooltip over the pixels the tests read).
async function inView(page, id) {
  await page.mouse.move(1, 1);
  await frames(page, 1);
  const c = (await charts(page))[id];
  assert.ok(c, id + ' traced');
  const [, y0, , y1] = c.widget;
  assert.ok(c.visible && y0 >= 0 && y1 <= page.viewportSize().height,
    `${id} in view: ${JSON.stringify(c.widget)}`);
  return c;
}

// Where a data point must be drawn, from the chart's published frame and range.
function toScreen(chart, x, y) {
  const [px0, py0, px1, py1] = chart.plot;
  const [x0, x1, y0, y1] = chart.range;
  const v = chart.logY ? Math.log10(y) : y;
  return [px0 + (x - x0) / (x1 - x0) * (px1 - px0), py1 - (v - y0) / (y1 - y0) * (py1 - py0)];
}

function distanceToSegment([x, y], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function distanceToLine(p, line) {
  let best = Infinity;
  for (const part of line.parts) {
    if (part.length === 1) best = Math.min(best, Math.hypot(p[0] - part[0][2], p[1] - part[0][3]));
    for (let k = 0; k + 1 < part.length; ++k) {
      best = Math.min(best, distanceToSegment(p, part[k].slice(2), part[k + 1].slice(2)));
    }
  }
  return best;
}

// Every step of the CLI's table lies on the drawn polyline (within 1.5 px: the thinning allows
// 0.25 px, a pixel column up to one more), inside the plot and off its frame; every vertex of
// the polyline is a point of the table, both in data and in screen coordinates.
function checkPreview(chart, name, lrs) {
  const line = chart.lines.find((l) => l.label === name);
  assert.ok(line, `${name}: a line in the preview`);
  const [px0, py0, px1, py1] = chart.plot;
  let worst = 0;
  for (let k = 0; k < lrs.length; ++k) {
    if (chart.logY && !(lrs[k] > 0)) continue;
    const p = toScreen(chart, k, lrs[k]);
    assert.ok(p[1] > py0 + 1 && p[1] < py1 - 1, `${name}: step ${k} (lr ${lrs[k]}) drawn off the `
      + `frame, at y ${p[1]} in [${py0}, ${py1}]`);
    assert.ok(p[0] >= px0 - 0.01 && p[0] <= px1 + 0.01, `${name}: step ${k} inside in x`);
    worst = Math.max(worst, distanceToLine(p, line));
  }
  assert.ok(worst <= 1.5, `${name} (log y ${chart.logY}): a step of lrlab schedule lies ${worst} `
    + 'px from the drawn line');
  for (const part of line.parts) {
    for (const [x, y, sx, sy] of part) {
      const k = Math.round(x);
      assert.ok(Math.abs(x - k) < 0.01, `${name}: vertex at x ${x} is a step`);
      if (k >= lrs.length) continue; // step N: beyond what the CLI prints
      const [ex, ey] = toScreen(chart, k, lrs[k]);
      assert.ok(Math.abs(ex - sx) < 0.05 && Math.abs(ey - sy) < 0.05,
        `${name}: vertex (${x}, ${y}) at (${sx}, ${sy}), lrlab schedule says ${lrs[k]} at (${ex}, ${ey})`);
      const rel = Math.abs(y - lrs[k]) / Math.max(Math.abs(lrs[k]), 1e-12);
      assert.ok(rel < 1e-3 || Math.abs(ey - sy) < 0.05, `${name}: vertex y ${y} vs ${lrs[k]}`);
    }
  }
  return worst;
}

test('the schedule preview draws what lrlab schedule prints, on linear and log y', async () => {
  assert.ok(process.env.LRLAB_CLI, 'LRLAB_CLI names the CLI to compare with');
  const { page, errors } = await open(browser, '', TALL);
  await setConfig(page, scheduleConfig());
  // `lrlab schedule --steps N` takes N as train.steps for the defaults (S of DESIGN's table), as
  // the preview does, and prints steps 0..N-1; the preview also draws step N.
  const tables = Object.fromEntries(Object.entries(SCHEDULES).map(
    ([name, s]) => [name, cliSchedule(s, 1, STEPS)]));
  // The figures: cosine falls from 1, one-cycle rises to 1 at step 300.
  assert.equal(tables.cosine[0], 1);
  const peak = tables.one_cycle.indexOf(Math.max(...tables.one_cycle));
  assert.ok(peak >= 295 && peak <= 305 && tables.one_cycle[peak] > 0.9999, 'one-cycle peak ' + peak);
  for (const logY of [false, true]) {
    await setLogY(page, logY);
    const preview = await inView(page, 'schedule');
    assert.ok(preview.visible, 'the preview is traced');
    assert.equal(preview.logY, logY, 'the preview follows "log y"');
    for (const [name, lrs] of Object.entries(tables)) checkPreview(preview, name, lrs);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

// The lr-too-high lesson: sgd 0.05 diverges at a step before its first evaluation (10).
test('a run that diverges before its first evaluation is marked on every chart', async () => {
  const { page, errors } = await open(browser, '?preset=lr-too-high', TALL);
  await page.evaluate(() => window.lrlab.step(30));
  await frames(page, 2);
  const rows = (await page.evaluate(() => window.lrlab.history()))['sgd 0.05'];
  const firstDiverged = rows.find((r) => r.diverged);
  assert.ok(firstDiverged, 'sgd 0.05 diverges');
  assert.equal(rows[0].diverged, false);
  // What the evaluation rows alone offer: no finite loss between step 0 and the divergence.
  assert.ok(rows.filter((r) => r.train_loss !== null).length === 1);
  await inView(page, 'loss');
  const traced = await charts(page);
  let at;
  for (const id of ['loss', 'accuracy', 'lr', 'grad', 'schedule']) {
    const chart = traced[id];
    assert.ok(chart, id + ' traced');
    const m = chart.markers.find((k) => k.label.startsWith('sgd 0.05 diverged at step '));
    assert.ok(m, `${id}: a divergence marker (${JSON.stringify(chart.markers)})`);
    at = m.x;
    assert.ok(at > 0 && at <= firstDiverged.step, `${id}: marker at ${at}`);
  }
  // The blow-up: the last finite batch losses before the marker, growing, partly in view.
  const loss = traced.loss;
  const blowup = loss.lines.find((l) => l.label === 'sgd 0.05 batch loss, last steps');
  assert.ok(blowup, 'the loss chart draws the last steps of sgd 0.05');
  const pts = blowup.parts.flat();
  assert.ok(pts.length >= 3, 'several steps drawn: ' + JSON.stringify(pts));
  assert.ok(pts.every(([x]) => x < at), 'all before the divergence');
  const [px0, py0, px1, py1] = loss.plot;
  const shown = pts.filter(([, , sx, sy]) => sx >= px0 && sx <= px1 && sy >= py0 && sy <= py1);
  assert.ok(shown.length >= 2, 'the growth starts in view: ' + JSON.stringify(pts));
  assert.ok(pts[pts.length - 1][3] < shown[0][3] - 20, 'and climbs (screen y falls)');
  // The marker is drawn: its dashes (3 px of every 6) fill its pixel column of the loss plot.
  const x = toScreen(loss, at, 1)[0];
  const png = await page.screenshot({ clip: { x: Math.round(x), y: py0, width: 1,
    height: py1 - py0 } });
  const colour = loss.markers.find((k) => k.label.startsWith('sgd 0.05')).color;
  const share = await markerShare(page, png, colour);
  assert.ok(share > 0.3, `the marker's colour ${colour} covers ${share} of its column`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('embedded, the loss chart marks the divergence and draws the blow-up too', async () => {
  const { page, errors } = await open(browser, '?preset=clipping&embed=1',
    { width: 400, height: 300 });
  await page.evaluate(() => window.lrlab.step(30));
  await frames(page, 2);
  const chart = (await charts(page))['embed-loss'];
  assert.ok(chart, 'the embed loss chart is traced');
  const m = chart.markers.find((k) => / diverged at step \d+/.test(k.label));
  assert.ok(m, 'a divergence marker: ' + JSON.stringify(chart.markers));
  const blowup = chart.lines.find((l) => l.label.endsWith('batch loss, last steps'));
  assert.ok(blowup && blowup.parts.flat().length >= 2, 'the last steps are drawn');
  assert.deepEqual(errors, []);
  await page.close();
});

// The share of a PNG's pixels within 60 (RGB distance) of a #rrggbb colour.
async function markerShare(page, png, hex) {
  await pngColours(page, png); // defines window.lrlabPixels
  return page.evaluate(async ([b64, h]) => {
    const d = await window.lrlabPixels(b64);
    const c = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    let near = 0;
    for (let k = 0; k < d.length; k += 4) {
      if (Math.hypot(d[k] - c[0], d[k + 1] - c[1], d[k + 2] - c[2]) < 60) ++near;
    }
    return near / (d.length / 4);
  }, [png.toString('base64'), hex]);
}

test('tick labels are whole, inside their chart and say the value', async () => {
  const { page, errors } = await open(browser, '', TALL);
  await setConfig(page, { data: { dataset: 'xor' }, model: { hidden: [4] }, train: { steps: 1000 },
    runs: [{ name: 'a', optimizer: { type: 'adam', lr: 1e-4 } },
      { name: 'b', optimizer: { type: 'adam', lr: 3e-4 } }] });
  for (const logY of [false, true]) {
    await setLogY(page, logY);
    for (const id of ['lr', 'schedule', 'loss']) {
      const c = await inView(page, id);
      const [wx0, wy0, wx1, wy1] = c.widget;
      const ticks = [...c.xTicks, ...c.yTicks];
      assert.ok(c.xTicks.length >= 3 && c.yTicks.length >= 2, `${id}: ticks ${JSON.stringify(ticks)}`);
      for (const t of ticks) {
        const [x0, y0, x1, y1] = t.rect;
        assert.ok(x0 >= wx0 - 0.5 && x1 <= wx1 + 0.5 && y0 >= wy0 - 0.5 && y1 <= wy1 + 0.5,
          `${id}: label "${t.text}" at ${t.rect} outside the chart ${c.widget}`);
        assert.ok(/^-?\d/.test(t.text), `${id}: "${t.text}" starts with a digit`);
        const rel = Math.abs(Number(t.text) - t.value) / Math.max(Math.abs(t.value), 1e-300);
        assert.ok(rel < 1e-9 || (t.value === 0 && t.text === '0'),
          `${id}: "${t.text}" reads ${Number(t.text)}, the tick is ${t.value}`);
      }
      assert.equal(c.xTicks[c.xTicks.length - 1].text, '1000', `${id}: the last step's tick`);
      const [px0] = c.plot;
      for (const t of c.yTicks) assert.ok(t.rect[2] <= px0, `${id}: y label left of the plot`);
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});

// sRGB -> CIELAB (D65), for the distance between two colours as people see it.
function lab([r, g, b]) {
  const lin = (c) => { const v = c / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const [R, G, B] = [lin(r), lin(g), lin(b)];
  const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const X = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047);
  const Y = f(0.2126 * R + 0.7152 * G + 0.0722 * B);
  const Z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
  return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)];
}

function luminance([r, g, b]) {
  const lin = (c) => { const v = c / 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const rgbOf = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

test('16 runs get 16 distinct colours, each visible on the chart background', async () => {
  const { page, errors } = await open(browser, '', TALL);
  const runs = Array.from({ length: 16 }, (_, i) => (
    { name: 'run ' + (i + 1), optimizer: { type: 'sgd', lr: 0.01 * (i + 1) } }));
  await setConfig(page, { data: { dataset: 'xor' }, model: { hidden: [4] }, train: { steps: 100 },
    runs });
  await page.evaluate(() => window.lrlab.step(100));
  await setLogY(page, false);
  const chart = await inView(page, 'lr');
  const colours = chart.lines.map((l) => l.color);
  assert.equal(new Set(colours).size, 16, 'distinct: ' + colours);
  // The background the lines are drawn on: the commonest colour of the plot area.
  const [px0, py0, px1, py1] = chart.plot;
  const png = await page.screenshot({ clip: { x: px0 + 2, y: py0 + 2, width: px1 - px0 - 4,
    height: py1 - py0 - 4 } });
  await pngColours(page, png); // defines window.lrlabPixels
  const bg = await page.evaluate(async (b64) => {
    const d = await window.lrlabPixels(b64);
    const count = new Map();
    for (let k = 0; k < d.length; k += 4) {
      const key = (d[k] << 16) | (d[k + 1] << 8) | d[k + 2];
      count.set(key, (count.get(key) || 0) + 1);
    }
    const [key] = [...count.entries()].sort((a, b) => b[1] - a[1])[0];
    return [key >> 16, (key >> 8) & 255, key & 255];
  }, png.toString('base64'));
  assert.ok(luminance(bg) < 0.05, 'a dark background: ' + bg);
  for (const c of colours) {
    // WCAG 2.1's contrast ratio; 3:1 is its minimum for graphical objects (1.4.11).
    const ratio = (luminance(rgbOf(c)) + 0.05) / (luminance(bg) + 0.05);
    assert.ok(ratio >= 3, `${c} has contrast ${ratio.toFixed(2)} against ${bg}`);
  }
  let closest = Infinity;
  let pair = '';
  for (let i = 0; i < colours.length; ++i) {
    for (let j = i + 1; j < colours.length; ++j) {
      const [a, b] = [lab(rgbOf(colours[i])), lab(rgbOf(colours[j]))];
      const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
      if (d < closest) { closest = d; pair = `${colours[i]} and ${colours[j]}`; }
    }
  }
  assert.ok(closest >= 20, `the closest colours, ${pair}, are ${closest.toFixed(1)} apart (ΔE76)`);
  // And those are the colours drawn: along each line's row (every line is flat, one LR each),
  // pixels that are the background plus at least 40 % of the way to the line's colour, in its
  // direction (anti-aliasing blends a 1.6 px line with the background).
  const rows = chart.lines.map((l) => l.parts[0][0][3] - (py0 + 2));
  const counts = await page.evaluate(async ([b64, cols, back, ys]) => {
    const d = await window.lrlabPixels(b64);
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const w = img.width;
    return cols.map((c, i) => {
      const dir = c.map((v, j) => v - back[j]);
      const len2 = dir.reduce((t, v) => t + v * v, 0);
      let n = 0;
      for (let y = Math.floor(ys[i]) - 2; y <= Math.floor(ys[i]) + 2; ++y) {
        for (let x = 0; x < w && y >= 0 && y < img.height; ++x) {
          const k = 4 * (y * w + x);
          const p = [d[k] - back[0], d[k + 1] - back[1], d[k + 2] - back[2]];
          const a = (p[0] * dir[0] + p[1] * dir[1] + p[2] * dir[2]) / len2;
          const off = Math.hypot(...p.map((v, j) => v - a * dir[j]));
          if (a >= 0.4 && off < 25) ++n;
        }
      }
      return n;
    });
  }, [png.toString('base64'), colours.map(rgbOf), bg, rows]);
  colours.forEach((c, i) => assert.ok(counts[i] >= 100, `${c} is drawn (${counts[i]} pixels)`));
  assert.deepEqual(errors, []);
  await page.close();
});
