// The page under malformed input (issue 14, "Parsers, fuzzed"): the seeded malformed configs of
// tests/hardening/malformed.py through window.lrlab.setConfig, and its malformed URL hashes
// through the URL codec (the address bar: hashchange -> loadHash). 0 exceptions, every refusal
// says what is wrong, and the page still answers and trains afterwards.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { frames, launch, open, state } from './helpers.mjs';

const CONFIGS = Number(process.env.LRLAB_MALFORMED_CONFIGS || 3000);
const URLS = Number(process.env.LRLAB_MALFORMED_URLS || 1000);
const HERE = dirname(fileURLToPath(import.meta.url));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The generator's records: [{kind, bytes}].
function pack(file) {
  const b = readFileSync(file);
  const out = [];
  for (let at = 0; at < b.length;) {
    const nl = b.indexOf(10, at);
    const [kind, len] = b.subarray(at, nl).toString().split(' ');
    out.push({ kind, bytes: b.subarray(nl + 1, nl + 1 + Number(len)) });
    at = nl + 2 + Number(len);
  }
  return out;
}

function generate() {
  const dir = mkdtempSync(join(tmpdir(), 'lrlab-malformed-'));
  execFileSync('python3', [join(HERE, '../hardening/malformed.py'), '--seed', '7',
    '--configs', String(CONFIGS), '--urls', String(URLS), '--out', dir]);
  return { configs: pack(join(dir, 'configs.pack')), urls: pack(join(dir, 'urls.pack')) };
}

test('thousands of malformed configs and URLs: no exception, every refusal explained, page alive', async () => {
  const { configs, urls } = generate();
  const { page, errors } = await open(browser);
  // A config text JSON.parse takes goes in as the object a host would pass; one it refuses goes
  // in as the text itself (a string is a config like any other: refused, not thrown). Parsed in
  // the page: Playwright cannot carry objects nested 10,000 deep across.
  const inputs = configs.map(({ bytes }) => bytes.toString('utf8'));
  const result = await page.evaluate((list) => {
    const r = { refused: 0, accepted: 0, thrown: [], unexplained: [] };
    for (const text of list) {
      let c;
      try { c = JSON.parse(text); } catch { c = text; }
      let reply;
      try { reply = window.lrlab.setConfig(c); } catch (e) { r.thrown.push(String(e)); continue; }
      if (reply.ok) { ++r.accepted; continue; }
      ++r.refused;
      const explained = reply.errors.length > 0 && reply.errors.every((e) =>
        typeof e.message === 'string' && e.message.length > 0 && typeof e.path === 'string');
      if (!explained) r.unexplained.push(JSON.stringify(reply).slice(0, 200));
    }
    return r;
  }, inputs);
  assert.deepEqual(result.thrown, []);
  assert.deepEqual(result.unexplained, []);
  assert.equal(result.refused + result.accepted, CONFIGS);
  // JSON.parse itself mends some (a duplicate key keeps the last; 1e400 becomes null), so
  // fewer are refused than by the CLI, which reads the text: still most of them.
  assert.ok(result.refused > CONFIGS / 2, `refused ${result.refused} of ${CONFIGS}`);

  // URL hashes, as a pasted link would bring them: through the page's hashchange handler.
  const hashes = urls.map(({ bytes }) => bytes.toString('latin1'));
  const urlResult = await page.evaluate(async (list) => {
    let read = 0;
    for (const h of list) {
      await new Promise((resolve) => {
        window.addEventListener('hashchange', () => resolve(), { once: true });
        const before = window.location.hash;
        window.location.hash = h.startsWith('#') ? h.slice(1) : h;
        if (window.location.hash === before) resolve();  // no change, no event
      });
      ++read;
    }
    return { read, urlErrors: window.lrlab.state().urlErrors.length };
  }, hashes);
  assert.equal(urlResult.read, URLS);
  assert.deepEqual(errors, []);

  // Still alive: frames advance, a valid config is taken and trains, getConfig answers.
  await frames(page, 3);
  const ok = await page.evaluate(() => window.lrlab.setConfig({
    train: { steps: 20, eval_every: 10 }, runs: [{ name: 'after', optimizer: { type: 'adam' } }] }));
  assert.deepEqual(ok, { ok: true, errors: [] });
  assert.equal(await page.evaluate(() => window.lrlab.step(20)), 20);
  const m = await page.evaluate(() => window.lrlab.metrics());
  assert.equal(m[0].run, 'after');
  assert.ok(Number.isFinite(m[0].train_loss));
  assert.equal((await state(page)).step, 20);
  assert.deepEqual(errors, []);
});

// Found by the URL fuzz target (tests/fuzz/fuzz_url.cpp): a config of one all-default run wrote
// a hash without runs, which reloads as the page's four default runs.
test('a config of one default run survives a reload through its URL', async () => {
  const { page, errors } = await open(browser);
  for (const config of [{ runs: [{ optimizer: { type: 'sgd' } }] },
    { seed: 3, runs: [{ optimizer: { type: 'sgd' } }] }]) {
    assert.deepEqual(await page.evaluate((c) => window.lrlab.setConfig(c), config),
      { ok: true, errors: [] });
    await frames(page, 2);  // the URL follows the config on the next frame
    const before = await page.evaluate(() => window.lrlab.getConfig());
    await page.reload();
    await page.evaluate(() => window.lrlab.ready);
    const afterReload = await page.evaluate(() => window.lrlab.getConfig());
    assert.deepEqual(afterReload, before, 'hash ' + await page.evaluate(() => location.hash));
  }
  assert.deepEqual(errors, []);
});
