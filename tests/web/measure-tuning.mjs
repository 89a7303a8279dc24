// How long the tuning figures take in the page (not a test: prints milliseconds): a
// 100-iteration range test and a 5-fold x 7-value cross-validation of 1000 steps on the
// default net (2->[4,2]->1) on the spiral, each through window.lrlab (chunks between frames)
// and through its panel (slices of each frame, started by a click), wall time under
// performance.now(), the median of 3 (and the frames drawn meanwhile).
// The panels run on the page's workers when it has them; LRLAB_QUERY='&workers=0' measures
// their per-frame fallback (what they did before they used the pool).
//   LRLAB_URL=http://127.0.0.1:PORT/ [LRLAB_QUERY=&workers=0] node tests/web/measure-tuning.mjs
import { click, frames, launch, open, state } from './helpers.mjs';

const CONFIG = { data: { dataset: 'spiral' }, train: { steps: 1000 } };
const CV = { values: 'log:0.003:0.3:7', folds: 5 };
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const browser = await launch();
const { page } = await open(browser, '?panels=controls,finder,cv' + (process.env.LRLAB_QUERY || ''));
const set = await page.evaluate((c) => window.lrlab.setConfig(c), CONFIG);
if (!set.ok) throw new Error(JSON.stringify(set.errors));

async function api(kind, opts) {
  return page.evaluate(async ([k, o]) => {
    const f0 = window.lrlab.state().frames;
    const t0 = performance.now();
    await window.lrlab[k](o);
    return { ms: performance.now() - t0, frames: window.lrlab.state().frames - f0 };
  }, [kind, opts]);
}

// The panel's own wall time (tuning_panels.cpp: from Run to the result, performance.now()).
async function panel(name) {
  const f0 = (await state(page)).frames;
  await click(page, name + '-run');
  let s;
  do {
    await page.waitForTimeout(50);
    s = await state(page);
  } while (s.tuning.owner !== null);
  return { ms: s.tuning[name].elapsed_ms, frames: s.frames - f0 };
}

await click(page, 'finder-header');
await click(page, 'cv-header');
await frames(page, 2);
const rows = [];
for (const [what, run] of [
  ['lrFind 100 iterations (API)', () => api('lrFind', { numIter: 100 })],
  ['cross-validation 5 x 7 x 1000 steps (API)', () => api('crossValidate', CV)],
  ['LR finder panel, 100 iterations', () => panel('finder')],
  ['cross-validation panel, its defaults for sgd 0.03 (the same 5 x 7 x 1000)', () => panel('cv')],
]) {
  const got = [];
  for (let k = 0; k < 3; ++k) got.push(await run());
  rows.push(`${what}: median ${median(got.map((g) => g.ms)).toFixed(0)} ms ` +
    `(${got.map((g) => g.ms.toFixed(0)).join(', ')}), frames meanwhile ${got.map((g) => g.frames).join(', ')}`);
}
console.log(rows.join('\n'));
await browser.close();
