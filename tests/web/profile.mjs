// Where the page's own time goes, by function (not a test): the measure.mjs workload (8 runs of a
// 2->[8,8]->1 net on the spiral at 10 steps per frame) under Chrome's sampling profiler, then the
// functions with the most self time. Wasm functions have names only in a build linked with
// --profiling-funcs, e.g.
//   emcmake cmake -S . -B build-prof -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs
//   cmake --build build-prof --target lrlab_app
//   (serve build-prof/web) LRLAB_URL=http://127.0.0.1:PORT/ node tests/web/profile.mjs [TOP]
import { launch, open, playSpeedWorkload } from './helpers.mjs';

const top = Number(process.argv[2] || 25);
const browser = await launch();
const { page } = await open(browser);
await playSpeedWorkload(page);
await page.waitForTimeout(3000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.waitForTimeout(8000);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();

// Self time per function name, from the samples' time deltas.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] || 0;
  const f = byId.get(id).callFrame;
  const name = f.functionName || `(${f.url.split('/').pop() || 'program'})`;
  self.set(name, (self.get(name) || 0) + dt);
  total += dt;
});
const idle = ['(idle)', '(program)', '(garbage collector)'];
const busy = [...self.entries()].filter(([n]) => !idle.includes(n)).reduce((s, [, t]) => s + t, 0);
console.log(`busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms sampled`);
for (const [name, t] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(100 * t / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${name}`);
}
