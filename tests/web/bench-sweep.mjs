// The sweep benchmark of the page (not a test: prints times): 21 LRs x 3 optimizers x 2,000
// steps on the spiral net of examples/lr-compare.json (eval_every 10), in the page's Worker
// pool with 1 and with 2 workers, REPEAT times each (default 3), alternating, medians.
//   LRLAB_URL=http://127.0.0.1:PORT/ node tests/web/bench-sweep.mjs
// Compare with `lrlab sweep` natively and under node on the same config (README, "Sweeps").
import { readdirSync, readFileSync } from 'node:fs';
import { launch, open } from './helpers.mjs';

const config = JSON.parse(readFileSync(new URL('../../examples/lr-compare.json', import.meta.url)));
config.train.eval_every = 10;
config.runs = [config.runs[0]];
const opts = { config, lrRange: '1e-4:10:21', optimizers: 'sgd,adam,rmsprop' };
const repeat = Number(process.env.REPEAT || 3);

// CPU seconds of Chromium's dedicated-worker threads (Linux /proc; the pool keeps its workers
// between sweeps, so a sweep's CPU is the difference): wall times mean little on a loaded machine.
function workerCpuSeconds() {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let tasks = [];
    try { tasks = readdirSync(`/proc/${pid}/task`); } catch (e) { continue; }
    for (const tid of tasks) {
      try {
        if (!readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('DedicatedWorker')) continue;
        const f = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks += Number(f[11]) + Number(f[12]); // utime + stime
      } catch (e) { /* a thread that ended meanwhile */ }
    }
  }
  return ticks / 100; // USER_HZ
}

const browser = await launch();
const { page } = await open(browser);
const times = { 1: [], 2: [] };
const cpu = { 1: [], 2: [] };
for (let k = 0; k < repeat; ++k) {
  for (const workers of [1, 2]) {
    await page.evaluate((o) => window.lrlab.sweep({ ...o, lrRange: '0.01:0.1:2' }), { ...opts, workers });
    const c0 = workerCpuSeconds(); // the pool's workers are up and warm: count from here
    const ms = await page.evaluate(async (o) => {
      await window.lrlab.sweep(o);
      return window.lrlab.sweepStats().ms;
    }, { ...opts, workers });
    const c = workerCpuSeconds() - c0;
    times[workers].push(ms);
    cpu[workers].push(c);
    console.log(`workers ${workers}: ${(ms / 1000).toFixed(2)} s wall, ${c.toFixed(2)} s CPU in workers`);
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const m1 = median(times[1]), m2 = median(times[2]);
console.log(`medians: 1 worker ${(m1 / 1000).toFixed(2)} s, 2 workers ${(m2 / 1000).toFixed(2)} s, ` +
  `speed-up ${(m1 / m2).toFixed(2)}x (hardwareConcurrency ` +
  `${await page.evaluate(() => navigator.hardwareConcurrency)}); CPU in workers: 1 worker ` +
  `${median(cpu[1]).toFixed(2)} s, 2 workers ${median(cpu[2]).toFixed(2)} s`);
await browser.close();
