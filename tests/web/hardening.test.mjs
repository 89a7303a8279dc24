// The page under hostile or unlucky conditions (issue "Hardening", the page): a strict
// content-security policy (as <meta> and as an HTTP header), hostile host pages, a crash that is
// visible and recoverable, and nothing the user set up lost (reload, crash, bad import,
// Back/Forward, a host's message while someone edits).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP, HOST, click, frames, launch, state, typeInto } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });
const T = { timeout: 120000 };

const SMALL = {
  train: { steps: 60, eval_every: 10 },
  runs: [{ name: 'a', optimizer: { type: 'sgd', lr: 0.25 } }, { name: 'b', optimizer: { type: 'adam' } }],
};

// Records every securitypolicyviolation event (from the first script on) and CSP console reports.
async function cspPage(context, suffix = '') {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
    });
  });
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(APP + 'index.html' + suffix);
  await page.evaluate(() => window.lrlab.ready);
  await frames(page, 2);
  return { page, errors };
}

// Everything a class does in a few minutes: play, step, the CSV and config downloads, the share
// link, Import (a good file and a bad one).
async function exercise(page) {
  assert.deepEqual(await page.evaluate((c) => window.lrlab.setConfig(c), SMALL), { ok: true, errors: [] });
  await page.evaluate(() => window.lrlab.play());
  await frames(page, 5);
  await page.evaluate(() => window.lrlab.pause());
  await page.evaluate(() => window.lrlab.step(20));
  for (const name of ['export-csv', 'export-config']) {
    const s = await state(page);
    if (!s.widgets[name]) continue;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), click(page, name)]);
    assert.ok((await download.path()) !== null);
  }
  await click(page, 'share');
  for (const text of [JSON.stringify(SMALL), '{"runs": [}']) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), click(page, 'import')]);
    await chooser.setFiles({ name: 'c.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await frames(page, 4);
  }
  await page.evaluate(() => window.lrlab.lesson('schedules'));
  await frames(page, 3);
}

test('a strict CSP in <meta>: no violation while loading, playing, exporting and importing', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await cspPage(context);
  const csp = await page.evaluate(() =>
    document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
  await exercise(page);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

// The same policy sent by the server (a static host's header), on top of the page's own.
test('the same CSP as an HTTP header: no violation either', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; object-src 'none'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors *";
  let served = 0;
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    served += 1;
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  const { page, errors } = await cspPage(context);
  await exercise(page);
  assert.ok(served >= 4, 'the page, its script, the app and the wasm came through the route');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  // And the policy bites: an inline script is refused (so the check above can fail).
  const blocked = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.appendChild(s);
    setTimeout(() => resolve('no violation'), 2000);
  }));
  assert.match(blocked, /script-src/);
  assert.equal(await page.evaluate(() => window.inlineRan), undefined);
  await context.close();
});

// ---- a crash ---------------------------------------------------------------------------------

test('a trap in the engine shows a message with "reload with the same config", and reload keeps it', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await cspPage(context);
  assert.deepEqual(await page.evaluate((c) => window.lrlab.setConfig(c), SMALL), { ok: true, errors: [] });
  await page.waitForFunction(() => window.location.hash.includes('runs'), null, { timeout: 20000 });
  const before = await page.evaluate(() => window.lrlab.getConfig());
  const r = await page.evaluate(async () => {
    const refused = (f) => { try { f(); return 'answered'; } catch (e) { return e.message; } };
    const crash = refused(() => window.lrlab.crashForTest());
    let asyncRefusal = '';
    await window.lrlab.stepAsync(5).catch((e) => { asyncRefusal = e.message; });
    return {
      crash,
      step: refused(() => window.lrlab.step(1)),
      asyncRefusal,
      ready: document.documentElement.classList.contains('lrlab-ready'),
      text: document.getElementById('lrlab-message').innerText,
      button: !document.getElementById('lrlab-reload').hidden,
    };
  });
  assert.match(r.crash, /lrlab stopped \(.*unreachable.*\); reload the page/);
  assert.match(r.step, /lrlab stopped/);
  assert.match(r.asyncRefusal, /lrlab stopped/);
  assert.equal(r.ready, false);
  assert.match(r.text, /Nothing you set up is lost/);
  assert.equal(r.button, true);
  const shot = await page.screenshot();
  assert.ok(shot.length > 1000);
  // The button is a real button: a person's click reloads the page with the config of the URL.
  await Promise.all([page.waitForEvent('load', { timeout: 30000 }), page.click('#lrlab-reload')]);
  await page.evaluate(() => window.lrlab.ready);
  assert.deepEqual(await page.evaluate(() => window.lrlab.getConfig()), before);
  assert.ok(errors.every((e) => /lrlab stopped|unreachable|RuntimeError/.test(e)), errors.join('\n'));
  await context.close();
});

// ---- nothing lost ------------------------------------------------------------------------------

test('Back and Forward move between earlier configs; a bad import keeps the config', T, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, errors } = await cspPage(context);
  const lr = () => page.evaluate(() => window.lrlab.getConfig().runs[0].optimizer.lr);
  const settle = () => page.waitForTimeout(1300); // past the 1 s that makes one history entry
  for (const value of [0.5, 0.05]) {
    await settle();
    const c = JSON.parse(JSON.stringify(SMALL));
    c.runs[0].optimizer.lr = value;
    await page.evaluate((x) => window.lrlab.setConfig(x), c);
    await frames(page, 3);
  }
  await settle();
  await page.evaluate(() => window.lrlab.lesson('lr-too-high'));
  await frames(page, 3);
  assert.match(page.url(), /preset=lr-too-high/);
  const lesson = await page.evaluate(() => window.lrlab.getConfig());
  await page.goBack();
  await page.waitForFunction(() => window.lrlab && window.lrlab.getConfig, null, { timeout: 30000 });
  await page.evaluate(() => window.lrlab.ready);
  assert.equal(await lr(), 0.05);
  await page.goBack();
  await page.waitForFunction(() => window.lrlab.getConfig().runs[0].optimizer.lr === 0.5, null, { timeout: 20000 });
  await page.goForward();
  await page.waitForFunction(() => window.lrlab.getConfig().runs[0].optimizer.lr === 0.05, null, { timeout: 20000 });
  await page.goForward();
  await page.waitForFunction(() => window.lrlab && window.lrlab.getConfig, null, { timeout: 30000 });
  await page.evaluate(() => window.lrlab.ready);
  assert.deepEqual(await page.evaluate(() => window.lrlab.getConfig()), lesson);
  // A file that is not a config changes nothing.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), click(page, 'import')]);
  await chooser.setFiles({ name: 'c.json', mimeType: 'application/json', buffer: Buffer.from('{"runs": [') });
  await page.waitForFunction(() => window.lrlab.state().status === 'the imported config was not used', null, { timeout: 20000 });
  assert.deepEqual(await page.evaluate(() => window.lrlab.getConfig()), lesson);
  assert.deepEqual(errors, []);
  await context.close();
});

// The lrlab iframe of a host page, once its app is up.
async function appFrame(page) {
  const origin = new URL(APP).origin;
  let frame;
  for (let i = 0; i < 300 && !frame; ++i) {
    frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(origin));
    if (!frame) await page.waitForTimeout(100);
  }
  assert.ok(frame, 'the app iframe loaded');
  await frame.waitForFunction(() => document.documentElement.classList.contains('lrlab-ready'), null, { timeout: 30000 });
  return frame;
}

// ---- hostile host pages ------------------------------------------------------------------------

// Messages a careless or hostile host could send, none of which the page may obey: not objects,
// wrong types, unknown verbs, ids of the wrong type, invalid, oversized and deeply nested
// configs, prototype keys, bad counts.
function hostileMessages(n) {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const deep = (d) => { let v = 1; for (let i = 0; i < d; ++i) v = [v]; return v; };
  const verbs = ['getConfig', 'setConfig', 'play', 'pause', 'reset', 'step', 'stepAsync', 'metrics',
    'history', 'crashForTest', 'debugTrap', 'state', 'loadHash', 'importConfig', 'lesson', 'charts',
    '__proto__', 'constructor', 'toString', '', 'x'.repeat(5000)];
  const commands = new Set(['getConfig', 'setConfig', 'play', 'pause', 'reset', 'step', 'stepAsync',
    'metrics', 'history']);
  const junk = [null, true, 0, -1, 1e308, NaN, 'text', '', [], [1, 2], { a: 1 }, 'x'.repeat(1 << 16),
    deep(200), JSON.parse('{"__proto__": {"lrlab": "play"}}'), new Date(0), new Uint8Array(8)];
  const badConfigs = [{ runs: [] }, { runs: [{ optimizer: { type: 'sgd', lr: -1 } }] }, { train: { steps: 1e12 } },
    { runs: 'x' }, deep(100), { runs: [{ name: 'x'.repeat(100000) }] }, { data: { samples: 1e9 } },
    { seed: -1 }, { model: { hidden: new Array(500).fill(256) } }, 'x'.repeat(5 << 20)];
  const out = [];
  for (let i = 0; i < n; ++i) {
    const kind = i % 6;
    if (kind === 0) out.push(pick(junk)); // not a command at all
    else if (kind === 1) out.push({ lrlab: pick(junk), id: i });
    else if (kind === 2) { // a real command with an id of the wrong type, or no command
      const verb = pick(verbs);
      out.push({ lrlab: verb, id: commands.has(verb) ? pick([null, {}, [], true, undefined]) : pick([i, 'm' + i]) });
    }
    else if (kind === 3) out.push({ lrlab: 'setConfig', id: i, config: pick(badConfigs.concat(junk)) });
    else if (kind === 4) out.push({ lrlab: pick(['step', 'stepAsync']), id: i, n: pick([-1, 1.5, NaN, 1e300, '5', null, {}, [3]]) });
    else out.push({ lrlab: pick(['lesson', 'loadHash', 'importConfig', 'speed']), id: i, config: pick(junk), n: pick(junk) });
  }
  return out;
}

async function hostileRound(appQuery, expectAnswers) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(HOST + 'host.html?app=' + encodeURIComponent(APP + 'index.html' + appQuery));
  const frame = await appFrame(page);
  await frame.evaluate((c) => window.lrlab.setConfig(c), SMALL);
  await frame.evaluate(() => window.lrlab.step(10));
  const before = await frame.evaluate(() => ({ config: window.lrlab.getConfig(), step: window.lrlab.state().step }));
  frame.on('console', () => {});
  const frameErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') frameErrors.push(m.text()); });
  const result = await page.evaluate(async (src) => {
    // eslint-disable-next-line no-new-func
    const messages = new Function('return (' + src + ')(1000)')();
    const lab = document.getElementById('lab').contentWindow;
    const appOrigin = new URL(document.getElementById('lab').src).origin;
    const answers = [];
    const onMessage = (e) => { if (e.origin === appOrigin && e.data && e.data.lrlab !== 'evaluated') answers.push(e.data); };
    window.addEventListener('message', onMessage);
    let sent = 0;
    for (const m of messages) {
      try { lab.postMessage(m, appOrigin); sent += 1; } catch (e) { /* not cloneable: never sent */ }
      if (sent % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => setTimeout(r, 3000));
    window.removeEventListener('message', onMessage);
    return { sent, answers };
  }, hostileMessages.toString());
  const afterState = await frame.evaluate(() => ({ config: window.lrlab.getConfig(), step: window.lrlab.state().step }));
  const alive = await frame.evaluate(() => window.lrlab.step(1));
  await page.close();
  return { ...result, before, after: afterState, alive, errors, frameErrors, expectAnswers };
}

for (const [label, query] of [['without ?parentOrigin=', '?embed=1'], ['with ?parentOrigin= of another site', '?embed=1&parentOrigin=https%3A%2F%2Fcourse.example']]) {
  test(`1,000 hostile messages ${label}: none accepted, no exception, the state unchanged`, T, async (t) => {
    if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
    const r = await hostileRound(query);
    assert.ok(r.sent >= 950, `sent ${r.sent}`);
    const accepted = r.answers.filter((a) => 'result' in a && !(a.result && a.result.ok === false));
    assert.deepEqual(accepted, [], JSON.stringify(accepted.slice(0, 5)).slice(0, 2000));
    assert.deepEqual(r.after.config, r.before.config);
    assert.equal(r.after.step, r.before.step, 'no hostile step moved the runs');
    assert.equal(r.alive, r.before.step + 1, 'the page still trains');
    assert.deepEqual(r.errors, []);
    if (query.includes('parentOrigin')) assert.deepEqual(r.answers, [], 'a foreign origin gets no answer at all');
    else assert.ok(r.answers.length > 300, `answers ${r.answers.length}`);
  });
}

// A sender without an origin (a sandboxed frame) gets a refusal holding nothing but its own id:
// an answer to '*' may reach anyone, so it never carries data.
test('a sender without an origin is refused, and the refusal carries no data', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const page = await browser.newPage();
  await page.goto(HOST + 'host.html?app=' + encodeURIComponent(APP + 'index.html?embed=1'));
  const frame = await appFrame(page);
  const stepBefore = await frame.evaluate(() => window.lrlab.state().step);
  const got = await page.evaluate(() => new Promise((resolve) => {
    const sandboxed = document.createElement('iframe');
    sandboxed.sandbox = 'allow-scripts';
    sandboxed.srcdoc = '<script>addEventListener("message", (e) => { if (e.source === parent.frames[0]) parent.postMessage({ relay: e.data }, "*"); });' +
      'parent.frames[0].postMessage({ lrlab: "getConfig", id: 7 }, "*");' +
      'parent.frames[0].postMessage({ lrlab: "step", id: 8, n: 5 }, "*");<\/script>';
    const answers = [];
    addEventListener('message', (e) => { if (e.data && e.data.relay) answers.push(e.data.relay); });
    document.body.appendChild(sandboxed);
    setTimeout(() => resolve(answers), 4000);
  }));
  assert.equal(got.length, 2, JSON.stringify(got));
  for (const a of got) {
    assert.deepEqual(Object.keys(a).sort(), ['error', 'id', 'lrlab']);
    assert.match(a.error, /obeys only host pages with an origin/);
  }
  assert.equal(await frame.evaluate(() => window.lrlab.state().step), stepBefore);
  await page.close();
});

// Someone is typing into the page when the host sends a new config: the edit is theirs.
test('a host\'s setConfig never overwrites an edit in progress', T, async (t) => {
  if (!HOST) { t.skip('no second origin (run through tests/web/run.sh)'); return; }
  const page = await browser.newPage({ viewport: { width: 1300, height: 1600 } });
  await page.goto(HOST + 'host.html?app=' + encodeURIComponent(APP + 'index.html'));
  const frame = await appFrame(page);
  // Tall enough for the run editor, as in the run-editor tests.
  await page.evaluate(() => { const f = document.getElementById('lab'); f.width = 1280; f.height = 1550; });
  // Drive the iframe's page like a person: its widgets are in its own coordinates.
  const box = await (await page.$('#lab')).boundingBox();
  const inFrame = {
    evaluate: (f, a) => frame.evaluate(f, a),
    mouse: { move: (x, y) => page.mouse.move(box.x + x, box.y + y), down: () => page.mouse.down(), up: () => page.mouse.up() },
    keyboard: page.keyboard,
    waitForFunction: (f, a, o) => frame.waitForFunction(f, a, o),
  };
  await frames(inFrame, 3);
  const field = 'runs[0].optimizer.lr';
  const s = await frame.evaluate(() => window.lrlab.state());
  assert.ok(s.widgets[field], 'the LR field is on screen: ' + Object.keys(s.widgets).join(', '));
  await typeInto(inFrame, field, 'typed by a student');
  assert.equal(await frame.evaluate(() => window.lrlab.state().editing), true);
  const before = await frame.evaluate(() => window.lrlab.getConfig());
  const answer = await page.evaluate((c) => window.send({ lrlab: 'setConfig', config: c }), SMALL);
  assert.match(answer.error, /someone is editing/);
  assert.deepEqual(await frame.evaluate(() => window.lrlab.getConfig()), before);
  await page.keyboard.press('Escape');
  await page.close();
});
