// Shared by the browser tests: Chromium (Debian's, through playwright-core), the page's URL,
// frames, widget clicks, pixels and the CLI whose numbers the page must equal.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const APP = process.env.LRLAB_URL || 'http://127.0.0.1:8000/';
export const HOST = process.env.LRLAB_HOST_URL || '';
export const SHOTS = process.env.LRLAB_SHOTS || join(tmpdir(), 'lrlab-shots');

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic',
      '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

// A page of the app; `errors` collects console errors and uncaught exceptions.
export function open(browser, suffix = '', viewport = { width: 1280, height: 800 }) {
  return openAt(browser, APP, suffix, viewport);
}

// The same, for a page served from another folder (`base`: its URL, ending in '/').
export async function openAt(browser, base, suffix = '', viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const errors = await load(page, base + 'index.html' + suffix);
  await frames(page, 2);
  return { page, errors };
}

// A page in a browser context of its own (Playwright's newContext options: a phone's size and
// touch, permissions), loaded and ready; `errors` as for open().
export async function openInContext(browser, options, suffix = '', base = APP) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = await load(page, base + 'index.html' + suffix);
  return { context, page, errors };
}

// Goes to `url` and waits for lrlab.ready; returns the list console errors and uncaught
// exceptions are collected in.
async function load(page, url) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.evaluate(() => window.lrlab.ready);
  return errors;
}

export const state = (page) => page.evaluate(() => window.lrlab.state());

// Waits until the app has drawn n more frames.
export async function frames(page, n) {
  const start = (await state(page)).frames;
  await page.waitForFunction((target) => window.lrlab.state().frames >= target, start + n,
    { timeout: 20000 });
}

// Presses a key chord like a person: held for a couple of frames, because ImGui 1.86 reads the
// key state once per frame and misses a press and release that fall between two frames.
export async function press(page, ...keys) {
  for (const k of keys) await page.keyboard.down(k);
  await frames(page, 2);
  for (const k of [...keys].reverse()) await page.keyboard.up(k);
  await frames(page, 1);
}

// Clicks a published widget like a person: move, press, release, a frame apart each.
export async function click(page, name) {
  const r = await scrolledIntoView(page, name);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 2);
}

// The widget's rectangle, after turning the wheel over its column (as a person would) until it
// lies inside the column's visible rectangle (the app publishes each as "column:NAME"):
// Playwright scrolls DOM elements into view, not ImGui's widgets. A widget in no column (the
// header's) or one that no longer moves (a column at its end) is taken where it is.
export async function scrolledIntoView(page, name) {
  // `page` may be a frame's stand-in with evaluate and mouse only (hardening.test.mjs).
  const height = await page.evaluate(() => window.innerHeight);
  let before = null;
  for (let notch = 0; notch < 20; ++notch) {
    const s = await state(page);
    const r = s.widgets[name];
    if (!r) throw new Error(`no widget ${name}; have ${Object.keys(s.widgets).join(', ')}`);
    const cx = r.x + r.width / 2;
    const column = Object.entries(s.widgets).find(([k, c]) => k.startsWith('column:') &&
      cx >= c.x && cx < c.x + c.width)?.[1];
    if (!column || !page.mouse.wheel || (before && before.y === r.y)) return r;
    const top = column.y;
    const bottom = Math.min(column.y + column.height, height);
    if (r.y >= top && r.y + r.height <= bottom) return r;
    before = r;
    // At the column's right edge (its scrollbar): over a widget that takes the wheel (the
    // landscape map zooms with it) the column would not scroll.
    await page.mouse.move(column.x + column.width - 3, (top + bottom) / 2);
    await page.mouse.wheel(0, r.y < top ? -120 : 120);
    await frames(page, 2);
  }
  return (await state(page)).widgets[name];
}

// Colour statistics of a region of a page screenshot: see pngColours.
export async function colours(page, rect) {
  return pngColours(page, await page.screenshot({ clip: rect }));
}

// Defines window.lrlabPixels(base64 PNG) -> RGBA bytes in the page, once: the PNG helpers
// below decode in the browser (node has no PNG decoder without another package).
async function definePixels(page) {
  await page.evaluate(() => {
    window.lrlabPixels ??= async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, c.width, c.height).data;
    };
  });
}

// Colour statistics of a PNG, counted in the browser: pixels that are Playground-orange or
// -blue, and distinct colours (sampled).
export async function pngColours(page, png) {
  await definePixels(page);
  return page.evaluate(async (b64) => {
    const d = await window.lrlabPixels(b64);
    let orange = 0;
    let blue = 0;
    const distinct = new Set();
    for (let k = 0; k < d.length; k += 4) {
      const [r, g, b] = [d[k], d[k + 1], d[k + 2]];
      if (r > b + 60 && r > 150 && g > 60) ++orange;
      if (b > r + 60) ++blue;
      if (k % (4 * 97) === 0) distinct.add((r << 16) | (g << 8) | b);
    }
    return { n: d.length / 4, orange, blue, distinct: distinct.size };
  }, png.toString('base64'));
}

export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, name);
  await page.screenshot({ path });
  return path;
}

// `lrlab run` on a config: rows {run, step, ...} with the CSV's text cells.
export function cliRun(config) {
  const cli = process.env.LRLAB_CLI;
  if (!cli) return null;
  const dir = mkdtempSync(join(tmpdir(), 'lrlab-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  const [cmd, ...args] = cli.split(' ');
  const csv = execFileSync(cmd, [...args, 'run', file], { encoding: 'utf8' });
  const [header, ...lines] = csv.trim().split('\n');
  const cols = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v])));
}

// A CLI row as window.lrlab.metrics() spells it: numbers, null for empty or non-finite.
export function asMetrics(row) {
  const out = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'run') out[k] = v;
    else if (k === 'diverged') out[k] = v === '1';
    else if (v === '' || v === 'nan' || v === 'inf' || v === '-inf') out[k] = null;
    else out[k] = Number(v);
  }
  return out;
}

// How two same-sized PNGs differ, compared in the browser: the mean absolute difference per
// channel (0..255) and the share of pixels where some channel differs by more than 64.
export async function pngDiff(page, a, b) {
  await definePixels(page);
  return page.evaluate(async ([a64, b64]) => {
    const [p, q] = [await window.lrlabPixels(a64), await window.lrlabPixels(b64)];
    if (p.length !== q.length) return { mean: Infinity, far: 1 };
    let sum = 0;
    let far = 0;
    for (let k = 0; k < p.length; k += 4) {
      let worst = 0;
      for (let c = 0; c < 3; ++c) {
        const d = Math.abs(p[k + c] - q[k + c]);
        sum += d;
        worst = Math.max(worst, d);
      }
      if (worst > 64) ++far;
    }
    return { mean: sum / (p.length / 4 * 3), far: far / (p.length / 4) };
  }, [a.toString('base64'), b.toString('base64')]);
}

// The workload of the speed figure, playing: 8 runs of a 2->[8,8]->1 net on the spiral
// (SGD and Adam at several LRs) at 10 steps per frame (measure.mjs, profile.mjs).
export async function playSpeedWorkload(page, count = 8) {
  const runs = Array.from({ length: count }, (_, i) => ({
    name: 'run ' + (i + 1),
    optimizer: i % 2 ? { type: 'adam', lr: 0.001 * (i + 1) } : { type: 'sgd', lr: 0.01 * (i + 1) },
  }));
  await page.evaluate((r) => {
    const ok = window.lrlab.setConfig({ data: { dataset: 'spiral' }, model: { hidden: [8, 8] },
      train: { steps: 500000 }, runs: r });  // 16 runs x 50,001 evaluations fit the history
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    window.lrlab.speed(10);
    window.lrlab.play();
  }, runs);
}

// The texts the page published this frame (publish_text: "text:KEY=TEXT" widgets): {KEY: TEXT}.
export function texts(s) {
  const out = {};
  for (const name of Object.keys(s.widgets)) {
    if (!name.startsWith('text:')) continue;
    const eq = name.indexOf('=');
    out[name.slice(5, eq)] = name.slice(eq + 1);
  }
  return out;
}

// Rests the mouse on a published widget for a few frames (tooltips show on hover).
export async function hover(page, name) {
  const r = (await state(page)).widgets[name];
  if (!r) throw new Error(`no widget ${name}`);
  await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
  await frames(page, 4);
}

// Clicks a published text field, selects its text and types `text` (not pressing Enter).
export async function typeInto(page, name, text) {
  await click(page, name);
  await press(page, 'Control', 'a');
  await page.keyboard.type(text, { delay: 30 });
  await frames(page, 3);
}

// `lrlab schedule` for one run's schedule: the LR for steps 0..steps-1 as numbers.
export function cliSchedule(schedule, lr, steps) {
  const cli = process.env.LRLAB_CLI;
  if (!cli) return null;
  const [cmd, ...args] = cli.split(' ');
  const csv = execFileSync(cmd, [...args, 'schedule', JSON.stringify(schedule), '--lr', String(lr),
    '--steps', String(steps)], { encoding: 'utf8' });
  const [header, ...lines] = csv.trim().split('\n');
  if (header !== 'step,lr') throw new Error('lrlab schedule printed ' + header);
  return lines.map((line) => Number(line.split(',')[1]));
}

// What every chart drew in the latest frame (src/app/chart_trace.hpp): the first call turns
// tracing on, so this waits for frames drawn with it on. Rectangles are in canvas pixels.
export async function charts(page) {
  const call = () => page.evaluate(() => {
    // No argument: lrlab_api(verb, arg_bytes) takes -1 (web/lrlab_api.js).
    const reply = JSON.parse(window.Module.ccall('lrlab_api', 'string', ['string', 'number'],
      ['charts', -1]));
    if ('error' in reply) throw new Error(reply.error);
    return reply.result;
  });
  await call();
  await frames(page, 2);
  return call();
}
