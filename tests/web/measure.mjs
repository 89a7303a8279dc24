// Where a frame's time goes (not a test: prints ms/frame): 8 runs of a 2->[8,8]->1 net on the
// spiral at 10 steps per frame, in headless Chromium. SwiftShader's own rendering is not ours:
// frame_ms includes it, train/heatmap/ui do not.
//   LRLAB_URL=http://127.0.0.1:PORT/ node tests/web/measure.mjs
import { launch, open, state } from './helpers.mjs';

const browser = await launch();
const { page } = await open(browser);
const runs = Array.from({ length: 8 }, (_, i) => ({
  name: 'run ' + (i + 1),
  optimizer: i % 2 ? { type: 'adam', lr: 0.001 * (i + 1) } : { type: 'sgd', lr: 0.01 * (i + 1) },
}));
await page.evaluate((r) => {
  const ok = window.lrlab.setConfig({ data: { dataset: 'spiral' }, model: { hidden: [8, 8] },
    train: { steps: 1000000 }, runs: r });
  if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
  window.lrlab.speed(10);
  window.lrlab.play();
}, runs);
await page.waitForTimeout(4000);
const a = await state(page);
const t0 = Date.now();
await page.waitForTimeout(8000);
const b = await state(page);
const seconds = (Date.now() - t0) / 1000;
const fps = (b.frames - a.frames) / seconds;
const t = b.times;
console.log(`frames/s ${fps.toFixed(1)}, steps/frame ${((b.step - a.step) / (b.frames - a.frames)).toFixed(1)}`);
console.log(`ms/frame: train ${t.train_ms.toFixed(2)}, heatmaps ${t.heatmap_ms.toFixed(2)}, ui ${t.ui_ms.toFixed(2)}, ` +
  `ours ${(t.train_ms + t.heatmap_ms + t.ui_ms).toFixed(2)}, whole frame (with SwiftShader) ${t.frame_ms.toFixed(1)}`);
await browser.close();
