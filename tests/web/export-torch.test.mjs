// "Copy as PyTorch" in the run editor and window.lrlab.exportTorch(runName): the clipboard and
// the API give exactly the bytes of `lrlab export-torch CONFIG --run NAME`, a toast says what
// was copied, and a run PyTorch cannot express is refused naming its key (nothing copied).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { click, frames, launch, openInContext, state } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 240000 };

const CONFIG = {
  seed: 3,
  data: { dataset: 'spiral', samples: 200, features: ['x1', 'x2', 'sin_x1'] },
  model: { hidden: [8, 8], activation: 'relu' },
  train: { steps: 300, l2: 0.001 },
  runs: [
    { name: 'adam "warm" cosine', optimizer: { type: 'adam', lr: 0.01, betas: [0.9, 0.99] },
      schedule: { type: 'sequential', schedules: [{ type: 'linear' }, { type: 'cosine' }] },
      clip: { type: 'agc', clipping: 0.05 } },
    { name: 'sgd one-cycle', optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 },
      schedule: { type: 'one_cycle', cycle_momentum: true }, clip: { type: 'global_norm' } },
  ],
};

// `lrlab export-torch` of the config for the run named `run`.
function cliExport(config, run) {
  const cli = process.env.LRLAB_CLI;
  assert.ok(cli, 'LRLAB_CLI must name the lrlab the page is compared with');
  const file = join(mkdtempSync(join(tmpdir(), 'lrlab-')), 'config.json');
  writeFileSync(file, JSON.stringify(config));
  const [cmd, ...args] = cli.split(' ');
  return execFileSync(cmd, [...args, 'export-torch', file, '--run', run], { encoding: 'utf8' });
}

// Clicks a widget that copies text; returns the toast it showed (read at once: it goes after a
// few seconds) and the text the system clipboard then holds (null: nothing was copied).
async function copiedBy(page, widget, wait = 15000) {
  const sentinel = 'nothing copied yet ' + Math.random();
  await page.evaluate((s) => navigator.clipboard.writeText(s), sentinel);
  await click(page, widget);
  let toast;
  for (const end = Date.now() + 10000; !toast && Date.now() < end;) {
    await frames(page, 1);
    toast = toastOf(await state(page));
  }
  for (const end = Date.now() + wait; Date.now() < end; await page.waitForTimeout(100)) {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    if (text !== sentinel) return { toast, text };
  }
  return { toast, text: null };
}

const toastOf = (s) => Object.keys(s.widgets).find((k) => k.startsWith('text:toast='));

async function openWith(config) {
  const { context, page, errors } = await openInContext(browser, {
    viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'],
  });
  const set = await page.evaluate((c) => window.lrlab.setConfig(c), config);
  assert.ok(set.ok, JSON.stringify(set.errors));
  await frames(page, 2);
  return { context, page, errors };
}

test('Copy as PyTorch copies the bytes of lrlab export-torch, with a toast', T, async () => {
  const { context, page, errors } = await openWith(CONFIG);
  const want = cliExport(CONFIG, CONFIG.runs[0].name);
  assert.ok(want.includes('lr_scheduler.SequentialLR('), want.slice(0, 300));
  assert.equal(toastOf(await state(page)), undefined);
  const { toast, text } = await copiedBy(page, 'copy-torch');
  assert.equal(text, want);
  assert.ok(toast && toast.includes('Copied "adam "warm" cosine" as a PyTorch script'),
    String(toast));
  // The API, for either run by name; the selected run by default.
  for (const run of CONFIG.runs) {
    const text = await page.evaluate((n) => window.lrlab.exportTorch(n), run.name);
    assert.equal(text, cliExport(CONFIG, run.name), run.name);
  }
  assert.equal(await page.evaluate(() => window.lrlab.exportTorch()), want);
  const unknown = await page.evaluate(() => {
    try { window.lrlab.exportTorch('no such run'); return null; } catch (e) { return e.message; }
  });
  assert.match(String(unknown), /no run named "no such run"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a run PyTorch cannot express is refused, naming the key, and nothing is copied', T,
  async () => {
    const refused = structuredClone(CONFIG);
    refused.runs[0].schedule = { type: 'cyclic', cycle_momentum: true };  // adam's beta1
    const { context, page, errors } = await openWith(refused);
    const message = await page.evaluate(() => {
      try { window.lrlab.exportTorch(); return null; } catch (e) { return e.message; }
    });
    assert.match(String(message), /runs\[0\]\.schedule\.cycle_momentum: PyTorch 1\.13's CyclicLR/);
    const { toast, text } = await copiedBy(page, 'copy-torch', 1500);
    assert.equal(text, null);
    assert.ok(toast && toast.includes('Cannot copy') &&
              toast.includes('runs[0].schedule.cycle_momentum'), String(toast));
    assert.deepEqual(errors, []);
    await context.close();
  });
