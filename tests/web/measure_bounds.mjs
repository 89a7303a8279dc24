// The largest own data the page accepts (limits.test.mjs checks that it loads and trains; this
// prints what it costs, not a test): load time (setConfig until the first frame drawn after it),
// wasm memory and JS heap, and frame time over 100 frames while playing, each the median of 3
// fresh pages, beside the default config for comparison.
//   LRLAB_URL=http://127.0.0.1:PORT/ node tests/web/measure_bounds.mjs
// It also exports the data the test uses, so that both speak of the same config.
import { pathToFileURL } from 'node:url';

export const twoRuns = [{ name: 'sgd', optimizer: { type: 'sgd', lr: 0.1 } },
  { name: 'adam', optimizer: { type: 'adam', lr: 0.01 } }];

// n rows of `inputs` numbers (two decimals, on [-5, 5)) and a target: class i % classes, or
// (classes 0) a real value that depends on the inputs.
export function rows(n, inputs, classes) {
  const out = [];
  for (let i = 0; i < n; ++i) {
    const r = [];
    for (let k = 0; k < inputs; ++k) r.push((((i * 37 + k * 11) % 1000) - 500) / 100);
    r.push(classes ? i % classes : Math.round((r[0] - 0.5 * r[inputs - 1]) * 100) / 100);
    out.push(r);
  }
  return out;
}

// The rows as a CSV file's text: a header x1..xN,y, then one line a row.
export function csvOf(points) {
  const inputs = points[0].length - 1;
  const header = [...Array.from({ length: inputs }, (_, k) => 'x' + (k + 1)), 'y'].join(',');
  return header + '\n' + points.map((r) => r.join(',')).join('\n') + '\n';
}

// The largest own data the page takes: 20,000 rows of 64 inputs (the points bounds), 8
// classes, with the widest hidden layer for two runs that keeps one step of both and an
// evaluation within the page's step budget (src/core/config/budget.cpp: 2 runs × 2,376
// parameters × (3 × 10 + 20,000) ≈ 9.5e7 of 1e8 multiply-adds); hidden 40 is over it.
export function largest(hidden = 32) {
  return { data: { dataset: 'points', points: rows(20000, 64, 8) }, model: { hidden: [hidden] },
    train: { steps: 20000, eval_every: 100 }, runs: twoRuns };
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

// One fresh page: the figures for `config` (null: the default config).
async function measure(browser, open, text) {
  const { page, errors } = await open(browser);
  const load = await page.evaluate(async (t) => {
    const config = t === null ? null : JSON.parse(t);  // parsed before the clock starts
    const frames = window.lrlab.state().frames;
    const t0 = performance.now();
    const r = config === null ? { ok: true } : window.lrlab.setConfig(config);
    const t1 = performance.now();
    if (!r.ok) throw new Error(JSON.stringify(r.errors).slice(0, 500));
    while (window.lrlab.state().frames <= frames) await new Promise((k) => requestAnimationFrame(k));
    return { setConfig: t1 - t0, firstFrame: performance.now() - t0 };
  }, text);
  await page.evaluate(() => window.lrlab.play());
  const play = await page.evaluate(async () => {
    const s0 = window.lrlab.state();
    const t0 = performance.now();
    const times = [];
    while (window.lrlab.state().frames < s0.frames + 100) {
      await new Promise((k) => requestAnimationFrame(k));
      times.push(window.lrlab.state().times);
    }
    const s1 = window.lrlab.state();
    return { ms: (performance.now() - t0) / (s1.frames - s0.frames), steps: s1.step - s0.step, times };
  });
  await page.evaluate(() => window.lrlab.pause());
  const mem = await page.evaluate(() => ({ wasm: window.Module.HEAP8.buffer.byteLength,
    js: performance.memory ? performance.memory.usedJSHeapSize : NaN }));
  await page.close();
  if (errors.length) throw new Error('console errors: ' + errors.join('; '));
  const inner = (key) => median(play.times.map((t) => t[key]));
  return { setConfig: load.setConfig, firstFrame: load.firstFrame, frame: play.ms,
    stepsPerFrame: play.steps / 100, train: inner('train_ms'), heatmap: inner('heatmap_ms'),
    ui: inner('ui_ms'), wasm: mem.wasm, js: mem.js };
}

async function main() {
  const { launch, open } = await import('./helpers.mjs');
  const browser = await launch();
  const mib = (b) => (b / (1 << 20)).toFixed(1) + ' MiB';
  const text = JSON.stringify(largest());
  console.log(`largest own data: 20,000 rows x 64 inputs, 8 classes, 2 runs of 64->[32]->8; ` +
    `config JSON ${mib(text.length)}`);
  for (const [name, t] of [['default config', null], ['largest own data', text]]) {
    const all = [];
    for (let k = 0; k < 3; ++k) all.push(await measure(browser, open, t));
    const m = (key) => median(all.map((r) => r[key]));
    console.log(`${name} (median of 3): setConfig ${m('setConfig').toFixed(0)} ms, ` +
      `to first frame ${m('firstFrame').toFixed(0)} ms; wasm memory ${mib(m('wasm'))}, ` +
      `JS heap ${mib(m('js'))}; frame ${m('frame').toFixed(1)} ms over 100 frames ` +
      `(${m('stepsPerFrame').toFixed(2)} steps/frame; ours: train ${m('train').toFixed(1)}, ` +
      `heatmaps ${m('heatmap').toFixed(1)}, ui ${m('ui').toFixed(1)} ms)`);
  }
  await browser.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
