// The LR finder and cross-validation panels on the page's worker pool (issue 9 with issue 10's
// pool): with Web Workers a panel's Run goes to the workers (fold by fold for the CV), with
// ?workers=0 it steps in frames as before; either way the panel's result is what the CLI
// prints, progress is shown, frames keep coming, and Cancel stops the workers' job.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { click, frames, launch, open, state, texts } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 300000 };

const CONFIG = {
  data: { dataset: 'circle', samples: 200, noise: 0.1 },
  model: { hidden: [8] },
  train: { steps: 120, batch_size: 20, eval_every: 30 },
  runs: [
    { name: 'sgd', optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } },
    { name: 'adam', optimizer: { type: 'adam', lr: 0.01 }, clip: { type: 'global_norm', max_norm: 1 } },
  ],
};

// The CLI verb on a config: its JSON (--suggest-json / --summary-json) with `rows`, the CSV's
// rows (numbers parsed), beside its keys, as the panel's result is spelt; null without a CLI.
function cli(config, verb, jsonFlag, ...args) {
  const command = process.env.LRLAB_CLI;
  if (!command) return null;
  const dir = mkdtempSync(join(tmpdir(), 'lrlab-pool-'));
  writeFileSync(join(dir, 'c.json'), JSON.stringify(config));
  const [cmd, ...pre] = command.split(' ');
  const csv = execFileSync(cmd, [...pre, verb, join(dir, 'c.json'), ...args, jsonFlag,
    join(dir, 'out.json')], { encoding: 'utf8' });
  const [header, ...lines] = csv.trim().split('\n');
  const cols = header.split(',');
  const cell = (c, v) => (c === 'diverged' ? v === '1'
    : v === '' || v === 'nan' || v === 'inf' || v === '-inf' ? null : Number(v));
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], cell(cols[i], v)])));
  return { ...JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')), rows };
}

async function setup(query, config = CONFIG) {
  const { page, errors } = await open(browser, '?panels=controls,runs,finder,cv' + query);
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), config)).ok, true);
  await frames(page, 2);
  return { page, errors };
}

// Runs a panel's job by a click: where it ran, the progress seen, frames drawn, the end state.
// `where` is what the panel says when it ends: a small job may finish before the first poll.
async function runPanel(page, panel) {
  const f0 = (await state(page)).frames;
  await click(page, panel + '-run');
  const where = new Set();
  const progress = [];
  let s;
  for (let i = 0; i < 3000; ++i) {
    s = await state(page);
    if (s.tuning.owner === panel) {
      where.add(s.tuning.where);
      progress.push(s.tuning.done_units);
    }
    if (s.tuning.owner === null && s.tuning[panel].status !== 'running') break;
    await page.waitForTimeout(20);
  }
  assert.ok([...where].every((w) => w === s.tuning[panel].ran_in), `seen ${[...where]}`);
  return { where: [s.tuning[panel].ran_in], progress, frames: s.frames - f0, s };
}

test('the CV panel runs fold by fold in the workers, with the CLI\'s numbers; ?workers=0 in frames, the same', T, async () => {
  const want = cli(CONFIG, 'cv', '--summary-json', '--values', 'log:0.01:1:7', '--folds', '5',
    '--param', 'runs[0].optimizer.lr');
  const results = {};
  for (const query of ['', '&workers=0']) {
    const { page, errors } = await setup(query);
    await click(page, 'cv-header');
    const job = await runPanel(page, 'cv');
    assert.deepEqual(job.where, [query ? 'frames' : 'workers'], query);
    assert.match(job.s.tuning.cv.status, /^done in /);
    assert.ok(job.frames >= 10, `${job.frames} frames while it ran`);
    if (!query) {
      assert.ok(job.progress.some((d) => d > 0 && d < 35), `fold progress seen: ${job.progress}`);
      assert.equal(job.s.tuning.total_units, 0, 'the job slot is free again');
    }
    results[query] = job.s.tuning.cvResult;
    assert.equal(results[query].rows.length, 35);
    if (want) assert.deepEqual(results[query], want);
    await frames(page, 2);
    assert.match(texts(await state(page))['cv-best'], /^best runs\[0\]\.optimizer\.lr = /);
    assert.deepEqual(errors, []);
    await page.close();
  }
  assert.deepEqual(results[''], results['&workers=0']);
});

test('the LR finder panel runs in a worker with the CLI\'s numbers', T, async () => {
  const { page, errors } = await setup('');
  await click(page, 'finder-header');
  const job = await runPanel(page, 'finder');
  assert.deepEqual(job.where, ['workers']);
  assert.match(job.s.tuning.finder.status, /^done in /);
  const got = job.s.tuning.finderResult;
  const want = cli(CONFIG, 'lr-find', '--suggest-json', '--run', 'sgd');
  if (want) assert.deepEqual(got, want);
  assert.ok(got.rows.length > 10);
  await frames(page, 3);
  assert.ok((await state(page)).widgets['chart:finder'], 'the chart is drawn');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Cancel stops the workers\' CV; cancelTuning() too; the page runs a job again after', T, async () => {
  const long = { ...CONFIG, train: { ...CONFIG.train, steps: 3000 } };
  const { page, errors } = await setup('', long);
  await click(page, 'cv-header');
  await click(page, 'cv-run');
  let s = await state(page);
  assert.equal(s.tuning.owner, 'cv');
  assert.equal(s.tuning.where, 'workers');
  // A script may not replace it meanwhile.
  const refused = await page.evaluate(() => window.lrlab.lrFind({}).then(() => 'resolved', (e) => e.message));
  assert.match(refused, /refused: the page's cross-validation panel is running/);
  await click(page, 'cv-cancel');
  s = await state(page);
  assert.equal(s.tuning.owner, null);
  assert.equal(s.tuning.cv.status, 'cancelled');
  await page.waitForTimeout(1500); // the cancelled workers' late answers change nothing
  s = await state(page);
  assert.equal(s.tuning.cv.status, 'cancelled');
  assert.equal(s.tuning.cv.result, false);
  // cancelTuning() takes the slot back from the workers' job too.
  await click(page, 'cv-run');
  assert.equal((await state(page)).tuning.where, 'workers');
  await page.evaluate(() => window.lrlab.cancelTuning());
  await frames(page, 2);
  s = await state(page);
  assert.match(s.tuning.cv.status, /cancelled by a script/);
  assert.equal(s.tuning.owner, null);
  // A short job afterwards completes, with the CLI's numbers.
  assert.equal((await page.evaluate((c) => window.lrlab.setConfig(c), CONFIG)).ok, true);
  await frames(page, 2);
  const job = await runPanel(page, 'cv');
  assert.match(job.s.tuning.cv.status, /^done in /);
  const want = cli(CONFIG, 'cv', '--summary-json', '--values', 'log:0.01:1:7', '--folds', '5',
    '--param', 'runs[0].optimizer.lr');
  if (want) assert.deepEqual(job.s.tuning.cvResult, want);
  assert.deepEqual(errors, []);
  await page.close();
});
