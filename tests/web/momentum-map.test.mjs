// The step-size x momentum map panel (issue 12): computed by the engine a few cells per frame,
// drawn as a heatmap with the analytic boundary, hover reads a cell, a click sets the selected run.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { colours, frames, launch, open, screenshot, state, texts } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const T = { timeout: 240000 };
const LR_COUNT = 41;
const MOMENTUM_COUNT = 34;
const lrAt = (c) => 10 ** (-3 + (3 * c) / (LR_COUNT - 1));
const momentumAt = (r) => (0.99 * r) / (MOMENTUM_COUNT - 1);

// The steps `lrlab surface` takes to 1e-6 of the start loss for heavy ball at (lr, momentum):
// what the page's cell must say (each cell is a run of the engine, not a formula).
function cliSteps(lr, momentum) {
  const cli = process.env.LRLAB_CLI;
  if (!cli) return null;
  const [cmd, ...args] = cli.split(' ');
  const config = { function: 'quadratic', start: [-2, 1.5], steps: 1000,
    runs: [{ name: 'cell', optimizer: { type: 'sgd', lr, momentum } }] };
  const csv = execFileSync(cmd, [...args, 'surface', '-'],
    { input: JSON.stringify(config), encoding: 'utf8' });
  const rows = csv.trim().split('\n').slice(1).map((l) => l.split(','));
  const start = Number(rows[0][4]);
  const hit = rows.find((r) => Number(r[4]) <= 1e-6 * start);
  return hit ? Number(hit[1]) : -1;
}

async function computed(page) {
  await page.waitForFunction(() => {
    const s = window.lrlab.state();
    return Object.keys(s.widgets).some((n) => n.startsWith('text:momentum-map-status=computed'));
  }, null, { timeout: 120000 });
  return state(page);
}

// The centre of cell (column c, row r; row 0 = momentum 0 at the bottom) in page pixels.
function cellCentre(s, c, r) {
  const g = s.widgets['momentum-map:cells'];
  return { x: g.x + ((c + 0.5) * g.width) / LR_COUNT,
    y: g.y + g.height - ((r + 0.5) * g.height) / MOMENTUM_COUNT };
}

async function hoverCell(page, c, r) {
  const p = cellCentre(await state(page), c, r);
  await page.mouse.move(p.x, p.y);
  await frames(page, 4);
  return texts(await state(page))['momentum-map-hover'];
}

test('the map renders: computed without freezing the page, colours spread', T, async () => {
  const { page, errors } = await open(browser, '?panels=momentum');
  assert.ok(await page.evaluate(() => !!document.createElement('canvas').getContext('webgl2')));
  const first = texts(await state(page))['momentum-map-status'];
  assert.ok(first, 'a status line');
  const s = await computed(page);
  const status = texts(s)['momentum-map-status'];
  assert.match(status, new RegExp('^computed by the engine: 41 x 34 runs of up to 1000 steps in '
    + '\\d+ ms over \\d+ frames \\(at most [\\d.]+ ms a frame\\)'));
  console.log(status);
  // Spread over frames (about 6 ms of engine time each), not one long call that stops the page.
  assert.ok(Number(status.match(/over (\d+) frames/)[1]) >= 5, status);
  const g = s.widgets['momentum-map:cells'];
  assert.ok(g.width > 200 && g.height > 150, JSON.stringify(g));
  const c = await colours(page, { x: g.x, y: g.y, width: g.width, height: g.height });
  assert.ok(c.distinct > 25, `colours spread: ${c.distinct} distinct`);
  await screenshot(page, 'momentum-map.png');
  assert.deepEqual(errors, []);
  await page.close();
});

test('hover reads a cell: its steps equal lrlab surface; slower, diverged cells say so', T,
  async () => {
  const { page, errors } = await open(browser, '?panels=momentum');
  await computed(page);
  const fast = await hoverCell(page, 20, 20);
  assert.match(fast, /^lr 0\.0316, momentum 0\.6: \d+ steps to 1e-6 of the start loss$/);
  await screenshot(page, 'momentum-map-hover.png');
  const expected = cliSteps(lrAt(20), momentumAt(20));
  if (expected !== null) assert.equal(Number(fast.match(/: (\d+) steps/)[1]), expected);
  // lr 1 at momentum 0 is beyond 2/L = 0.2: diverged.
  assert.equal(await hoverCell(page, 40, 0), 'lr 1, momentum 0: diverged');
  // lr 0.001 at momentum 0 needs far more than 1000 steps (x shrinks by 0.999 a step).
  assert.equal(await hoverCell(page, 0, 0), 'lr 0.001, momentum 0: not within 1000 steps');
  assert.deepEqual(errors, []);
  await page.close();
});

test('clicking a cell sets the selected run to sgd with that lr and momentum', T, async () => {
  const { page, errors } = await open(browser, '?panels=momentum');
  await computed(page);
  const before = await page.evaluate(() => window.lrlab.getConfig());
  const p = cellCentre(await state(page), 20, 30);
  await page.mouse.move(p.x, p.y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
  const after = await page.evaluate(() => window.lrlab.getConfig());
  const o = after.runs[0].optimizer;
  assert.equal(o.type, 'sgd');
  assert.ok(Math.abs(o.lr - lrAt(20)) < 1e-12 * lrAt(20), `lr ${o.lr}`);
  assert.ok(Math.abs(o.momentum - momentumAt(30)) < 1e-12, `momentum ${o.momentum}`);
  assert.equal(o.nesterov, false);
  assert.equal(after.runs.length, before.runs.length);
  const said = texts(await state(page)).toast ?? '';
  assert.match(said, /optimizer set to sgd, lr 0\.0316, momentum 0\.9 \(from the map\)/);
  assert.deepEqual(errors, []);
  await page.close();
});
