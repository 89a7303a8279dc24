// The run editor's widgets come from the keys' descriptions (issue 7): docs as tooltips, log
// sliders for LRs, checkboxes and combos, a typed value the validator refuses shown in red with
// its message and never applied. What an edit does is said before it is applied, a finished
// run's edit sets it from step 0, mid-run changes are listed and removable (issue 8 item 5);
// new runs' names and the clip-rate column (issue 8, cosmetic).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { click, frames, hover, launch, open, press, state, texts, typeInto } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 240000 };

const BASE = {
  seed: 3,
  data: { dataset: 'circle', samples: 100 },
  model: { hidden: [4] },
  train: { steps: 30, eval_every: 5 },
  runs: [
    { name: 'a', optimizer: { type: 'sgd', lr: 0.03 },
      clip: { type: 'global_norm', max_norm: 1e-4 } },
    { name: 'b', optimizer: { type: 'rmsprop', lr: 0.01 },
      schedule: { type: 'cosine_warm_restarts' } },
  ],
};

// A tall page: the whole editor is on screen without scrolling the settings column.
async function editor(config = BASE, run = 0) {
  const { page, errors } = await open(browser, '', { width: 1280, height: 1600 });
  const r = await page.evaluate((c) => window.lrlab.setConfig(c), config);
  assert.deepEqual(r.errors, []);
  await frames(page, 2);
  if (run !== 0) await click(page, `run:${run}`);
  return { page, errors };
}

const config = (page) => page.evaluate(() => window.lrlab.getConfig());

test('every key shows its doc, range and default as a tooltip', T, async () => {
  const { page, errors } = await editor(BASE, 1);
  for (const key of ['schedule.T_mult', 'optimizer.alpha', 'optimizer.centered']) {
    await hover(page, `runs[1].${key}`);
    const tip = texts(await state(page)).tooltip;
    const name = key.split('.')[1];
    assert.ok(tip?.startsWith(`${name}: `), `tooltip of ${key}: ${tip}`);
    assert.ok(tip.length > name.length + 12, `a doc for ${key}: ${tip}`);
    assert.match(tip, /default: /);
  }
  await hover(page, 'runs[1].schedule.T_mult');
  assert.match(texts(await state(page)).tooltip, /range: /);
  await click(page, 'run:0');
  await hover(page, 'runs[0].optimizer.dampening');
  assert.match(texts(await state(page)).tooltip, /^dampening: .*\nrange: /s);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the LR has a log slider that moves it across decades', T, async () => {
  const { page, errors } = await editor();
  const lrAt = async (f) => {
    // Read again each time: the status line of the last edit may have moved the editor.
    const r = (await state(page)).widgets['runs[0].optimizer.lr:log'];
    assert.ok(r, 'a log slider beside the LR');
    await page.mouse.move(r.x + r.width * f, r.y + r.height / 2);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    await page.mouse.up();
    await frames(page, 3);
    return (await config(page)).runs[0].optimizer.lr;
  };
  const low = await lrAt(0.2);
  const high = await lrAt(0.8);
  // 1e-8 .. 10 over the slider: 60% of its width is more than five decades.
  assert.ok(high / low > 1e4, `lr ${low} -> ${high}`);
  assert.ok(low > 0 && high <= 10, `within the slider's range: ${low}, ${high}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an out-of-range value is shown in red with the validator\'s message, not applied', T,
  async () => {
    const { page, errors } = await editor();
    const bad = structuredClone(BASE);
    bad.runs[0].optimizer.lr = -1;
    const refused = await page.evaluate((c) => window.lrlab.setConfig(c), bad);
    const message = refused.errors.find((e) => e.path === 'runs[0].optimizer.lr').message;
    const before = await config(page);
    await typeInto(page, 'runs[0].optimizer.lr', '-1');
    let shown = texts(await state(page))['error:runs[0].optimizer.lr'];
    assert.ok(shown?.includes(message), `while typing: ${shown} (validator: ${message})`);
    assert.deepEqual(await config(page), before);
    await press(page, 'Enter');
    await frames(page, 2);
    shown = texts(await state(page))['error:runs[0].optimizer.lr'];
    assert.ok(shown?.includes(message), `after Enter: ${shown}`);
    assert.deepEqual(await config(page), before);
    // An integer out of its range, the same way.
    await click(page, 'run:1');
    await typeInto(page, 'runs[1].schedule.T_mult', '0');
    assert.ok(texts(await state(page))['error:runs[1].schedule.T_mult'], 'T_mult 0 refused');
    await press(page, 'Enter');
    await frames(page, 2);
    assert.deepEqual(await config(page), before);
    assert.deepEqual(errors, []);
    await page.close();
  });

test('booleans are checkboxes, choices and types are combos', T, async () => {
  const cyclic = structuredClone(BASE);
  cyclic.runs[1].schedule = { type: 'cyclic' };
  const { page, errors } = await editor(cyclic, 1);
  await click(page, 'runs[1].optimizer.centered');
  assert.equal((await config(page)).runs[1].optimizer.centered, true);
  await click(page, 'runs[1].schedule.mode');
  await click(page, 'runs[1].schedule.mode=triangular2');
  assert.equal((await config(page)).runs[1].schedule.mode, 'triangular2');
  // The clip combo's items are the descriptions' labels, each with its doc.
  await click(page, 'runs[1].clip.type');
  await hover(page, 'runs[1].clip.type=agc');
  assert.match(texts(await state(page)).tooltip, /^agc: ./);
  await click(page, 'runs[1].clip.type=agc');
  assert.equal((await config(page)).runs[1].clip.type, 'agc');
  assert.deepEqual(errors, []);
  await page.close();
});

test('editing a finished run says so first, then sets it from step 0 for Replay', T, async () => {
  const { page, errors } = await editor();
  await page.evaluate(() => window.lrlab.step(30));
  await frames(page, 2);
  assert.equal((await state(page)).finished, true);
  await typeInto(page, 'runs[0].optimizer.lr', '0.1');
  const effect = texts(await state(page))['effect:runs[0].optimizer.lr'];
  assert.match(effect ?? '', /finished.*from step 0/);
  assert.equal((await config(page)).runs[0].optimizer.lr, 0.03, 'not applied before Enter');
  await press(page, 'Enter');
  await frames(page, 2);
  const c = await config(page);
  assert.equal(c.runs[0].optimizer.lr, 0.1);
  assert.deepEqual(c.runs[0].changes ?? [], []);
  const s = await state(page);
  assert.equal(s.step, 0);
  assert.match(s.status, /from step 0/);
  await click(page, 'play');
  await page.waitForFunction(() => window.lrlab.state().finished, null, { timeout: 30000 });
  const m = await page.evaluate(() => window.lrlab.metrics());
  assert.equal(m[0].lr, 0.1, 'Replay trained with the new LR');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a change made mid-run is listed, survives Reset visibly and can be removed', T, async () => {
  const { page, errors } = await editor();
  await page.evaluate(() => window.lrlab.step(10));
  await frames(page, 2);
  await typeInto(page, 'runs[0].optimizer.lr', '0.2');
  assert.match(texts(await state(page))['effect:runs[0].optimizer.lr'] ?? '',
    /applies from step 10/);
  await press(page, 'Enter');
  await frames(page, 2);
  assert.deepEqual((await config(page)).runs[0].changes,
    [{ at: 10, path: 'optimizer.lr', value: 0.2 }]);
  assert.equal(texts(await state(page))['change:0'], 'step 10: optimizer.lr = 0.2');
  await click(page, 'reset');
  assert.equal(texts(await state(page))['change:0'], 'step 10: optimizer.lr = 0.2');
  await click(page, 'remove-change:0');
  const c = await config(page);
  assert.deepEqual(c.runs[0].changes ?? [], []);
  assert.equal(c.runs[0].optimizer.lr, 0.03);
  const s = await state(page);
  assert.equal(texts(s)['change:0'], undefined);
  assert.match(s.status, /removed the change of optimizer.lr at step 10/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a new run gets the first unused "run N"', T, async () => {
  const four = structuredClone(BASE);
  four.runs.push({ name: 'c', optimizer: { type: 'adam' } },
    { name: 'd', optimizer: { type: 'sgd' } });
  const { page, errors } = await editor(four);
  await click(page, 'add-run');
  assert.deepEqual((await config(page)).runs.map((r) => r.name), ['a', 'b', 'c', 'd', 'run 1']);
  await click(page, 'add-run');
  assert.equal((await config(page)).runs[5].name, 'run 2');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the runs table shows the clip rate', T, async () => {
  const { page, errors } = await editor();
  await page.evaluate(() => window.lrlab.step(30));
  await frames(page, 2);
  const rows = (await page.evaluate(() => window.lrlab.history())).a
    .filter((r) => r.grad_norm !== null);
  const clipped = rows.filter((r) => r.clipped_grad_norm !== r.grad_norm).length;
  const s = await state(page);
  assert.equal(texts(s)['clip:0'], `${Math.round((100 * clipped) / rows.length)}%`);
  assert.equal(texts(s)['clip:1'], '-');
  assert.deepEqual(errors, []);
  await page.close();
});
