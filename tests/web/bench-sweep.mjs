// The sweep benchmark of the page (not a test: prints times): 21 LRs x 3 optimizers x 2,000
// steps on the spiral net of examples/lr-compare.json (eval_every 10), in the page's Worker
// pool with 1 and with 2 workers, REPEAT times each (default 3), alternating, medians.
//   LRLAB_URL=http://127.0.0.1:PORT/ node tests/web/bench-sweep.mjs
// Compare with `lrlab sweep` natively and under node on the same config (README, "Sweeps").
import { readFileSync } from 'node:fs';
import { launch, open } from './helpers.mjs';

const config = JSON.parse(readFileSync(new URL('../../examples/lr-compare.json', import.meta.url)));
config.train.eval_every = 10;
config.runs = [config.runs[0]];
const opts = { config, lrRange: '1e-4:10:21', optimizers: 'sgd,adam,rmsprop' };
const repeat = Number(process.env.REPEAT || 3);

const browser = await launch();
const { page } = await open(browser);
const times = { 1: [], 2: [] };
for (let k = 0; k < repeat; ++k) {
  for (const workers of [1, 2]) {
    const ms = await page.evaluate(async (o) => {
      await window.lrlab.sweep(o);
      return window.lrlab.sweepStats().ms;
    }, { ...opts, workers });
    times[workers].push(ms);
    console.log(`workers ${workers}: ${(ms / 1000).toFixed(2)} s`);
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const m1 = median(times[1]), m2 = median(times[2]);
console.log(`medians: 1 worker ${(m1 / 1000).toFixed(2)} s, 2 workers ${(m2 / 1000).toFixed(2)} s, ` +
  `speed-up ${(m1 / m2).toFixed(2)}x (hardwareConcurrency ` +
  `${await page.evaluate(() => navigator.hardwareConcurrency)})`);
await browser.close();
