// Where a frame's time goes (not a test: prints ms/frame): RUNS (default 8; issue 15's figure
// is 32) runs of a 2->[8,8]->1 net on the spiral at 10 steps per frame, in headless Chromium.
// SwiftShader's own rendering is not ours: frame_ms includes it, train/heatmap/ui do not.
//   LRLAB_URL=http://127.0.0.1:PORT/ node tests/web/measure.mjs [RUNS]
import { launch, open, playSpeedWorkload, state } from './helpers.mjs';

const browser = await launch();
const { page } = await open(browser);
await playSpeedWorkload(page, Number(process.argv[2] || 8));
await page.waitForTimeout(4000);
// The app keeps moving averages (about 10 frames) of each part: sample them for 8 s, take medians.
const a = await state(page);
const t0 = Date.now();
const samples = [];
while (Date.now() - t0 < 8000) {
  await page.waitForTimeout(250);
  samples.push((await state(page)).times);
}
const b = await state(page);
const seconds = (Date.now() - t0) / 1000;
const fps = (b.frames - a.frames) / seconds;
const median = (key) => {
  const v = samples.map((t) => key(t)).sort((x, y) => x - y);
  return v[Math.floor(v.length / 2)];
};
const ms = (key) => median(key).toFixed(2);
console.log(`frames/s ${fps.toFixed(1)}, steps/frame ${((b.step - a.step) / (b.frames - a.frames)).toFixed(1)}`);
console.log(`ms/frame (medians of ${samples.length} samples): train ${ms((t) => t.train_ms)}, ` +
  `heatmaps ${ms((t) => t.heatmap_ms)}, ui ${ms((t) => t.ui_ms)}, ` +
  `ours ${ms((t) => t.train_ms + t.heatmap_ms + t.ui_ms)}, ` +
  `whole frame (with SwiftShader) ${median((t) => t.frame_ms).toFixed(1)}`);
await browser.close();
