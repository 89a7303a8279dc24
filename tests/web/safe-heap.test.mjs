// The page's objects linked with -sSAFE_HEAP=1 (cmake/app.cmake: build-web/web-safe-heap), where
// a load or store through a null pointer or outside the heap aborts at once instead of reading
// the bytes at address 0 and going on, which wasm allows: a page opened on a landscape URL once
// read its missing network experiment so for many frames before a write corrupted the heap and
// a click trapped. Here every lesson opens from its own URL, trains, draws and switches views;
// the landscape and network views open from their URLs with every panel; the page must never
// stop. Served by tests/web/run.sh as LRLAB_SAFE_HEAP_URL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { frames, launch, openAt } from './helpers.mjs';

const BASE = process.env.LRLAB_SAFE_HEAP_URL || '';
const T = { timeout: 600000 };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Steps, draws and switches to the other view and back, reading what the API reads.
async function exercise(page) {
  await page.evaluate(() => { window.lrlab.step(60); window.lrlab.play(); });
  await frames(page, 4);
  await page.evaluate(() => {
    const l = window.lrlab;
    l.pause();
    l.claims();
    l.metrics();
    l.trajectories();
    l.myData();
    const view = l.state().view;
    l.setView(view === 'landscape' ? 'network' : 'landscape');
    l.getConfig();
    l.step(5);
  });
  await frames(page, 3);
  await page.evaluate(() => {
    const l = window.lrlab;
    l.setView(l.state().view === 'landscape' ? 'network' : 'landscape');
    l.getConfig();
    l.history();
  });
  await frames(page, 3);
}

async function alive(page, errors, what) {
  const stopped = await page.evaluate(() => document.documentElement.classList.contains('lrlab-stopped'));
  assert.equal(stopped, false, `${what}: the page stopped: ${errors.join(' | ')}`);
  assert.deepEqual(errors, [], what);
}

test('every lesson, opened from its URL, trains, draws and switches views with no bad access', T, async (t) => {
  if (!BASE) { t.skip('no SAFE_HEAP build (run through tests/web/run.sh)'); return; }
  const first = await openAt(browser, BASE, '');
  const names = (await first.page.evaluate(() => window.lrlab.lessons())).map((l) => l.name);
  await first.page.close();
  assert.ok(names.length >= 18, `${names.length} lessons`);
  for (const name of names) {
    const { page, errors } = await openAt(browser, BASE, `?preset=${name}`);
    await exercise(page);
    await alive(page, errors, name);
    await page.close();
  }
});

test('each view from its URL with every panel, then the other view, with no bad access', T, async (t) => {
  if (!BASE) { t.skip('no SAFE_HEAP build (run through tests/web/run.sh)'); return; }
  const panels = '?panels=controls,lesson,lessons,runs,editor,experiment,boundaries,loss,charts,' +
    'schedule,finder,cv,sweep,momentum,landscape';
  for (const suffix of ['#function=quadratic', panels + '#function=rastrigin', panels,
    panels + '#data.dataset=points&data.points=[[0,0,0],[1,1,1],[0,1,0],[1,0,1],[2,2,1]]']) {
    const { page, errors } = await openAt(browser, BASE, suffix);
    await exercise(page);
    await alive(page, errors, suffix);
    await page.close();
  }
});
