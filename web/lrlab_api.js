// lrlab page glue: loads the WebAssembly app, defines window.lrlab (DESIGN.md "Browser") and
// the postMessage bridge for host pages, and the browser services the app calls (downloads,
// clipboard, URL, file upload). Everything goes through one exported C function, lrlab_api.
(function () {
  'use strict';

  // ?parentOrigin= as an origin: "http://host:port/" and "HTTP://Host:port" mean the origin
  // http://host:port (event.origin never has a path or upper case). A value that is no http(s)
  // origin (a path, a query, credentials, another scheme) is refused with a notice, and the page
  // then obeys no host and posts to none: never to '*' when the author meant to restrict.
  function readOrigin(text) {
    if (text === null || text === '') return { value: '', problem: '' };
    let url = null;
    try { url = new URL(text); } catch (e) { url = null; }
    const ok = url && ['http:', 'https:'].includes(url.protocol) && !url.username &&
      !url.password && url.pathname === '/' && !url.search && !url.hash && !text.endsWith('#') &&
      !text.endsWith('?');
    if (ok) return { value: url.origin, problem: '' };
    return { value: 'null-refused', problem: JSON.stringify(text) + ' is not an origin ' +
      '(e.g. https://course.example or http://localhost:8080): the page obeys no host page' };
  }
  const params = new URLSearchParams(window.location.search);
  const origin = readOrigin(params.get('parentOrigin'));
  const parentOrigin = origin.value;
  const embedded = window.parent !== window;
  if (['1', 'true'].includes(params.get('embed') || '')) {
    document.documentElement.classList.add('lrlab-embed');
  }
  const MAX_IMPORT_BYTES = 64 << 20; // json_limits::max_bytes (src/core/config/json_limits.hpp)

  let isReady = false;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {}); // a failure is shown on the page; no unhandled rejection

  // One argument at a time goes to the module: lrlab_api fetches it (takeArg) once it has
  // checked its size, so that no argument is ever copied onto the wasm stack.
  let pendingArg = null;
  let stopped = '';
  const encoder = new TextEncoder();

  // The engine trapped (a RuntimeError) or aborted: its memory can no longer be trusted, so the
  // page says so and refuses every later call rather than look alive and answer nonsense. The
  // config is in the address (url_sync keeps it there), so "reload" loses nothing.
  const messageText = document.getElementById('lrlab-message-text');
  const reloadButton = document.getElementById('lrlab-reload');
  reloadButton.addEventListener('click', () => window.location.reload());
  function stop(why) {
    if (stopped) return;
    stopped = String(why);
    messageText.textContent = 'lrlab stopped: its engine hit an internal error (' + stopped +
      '). Nothing you set up is lost: the config is in the address. Reload the page to start again.';
    reloadButton.hidden = false;
    document.documentElement.classList.remove('lrlab-ready');
    document.documentElement.classList.add('lrlab-stopped');
    console.error('lrlab stopped: ' + stopped);
    toHost({ lrlab: 'stopped', reason: stopped });
  }

  // call(verb[, arg[, argText]]): argText is JSON.stringify(arg) when the caller has it already.
  function call(verb, arg, argText) {
    if (stopped) throw new Error('lrlab stopped (' + stopped + '); reload the page');
    if (!isReady) throw new Error('lrlab is not ready yet: await lrlab.ready');
    const argJson = argText !== undefined ? argText : arg === undefined ? undefined : JSON.stringify(arg);
    pendingArg = argJson === undefined ? null : encoder.encode(argJson);
    let text;
    try {
      text = window.Module.ccall('lrlab_api', 'string', ['string', 'number'],
        [verb, pendingArg ? pendingArg.length : -1]);
    } catch (e) {
      stop((e && e.message) || e);
      throw new Error('lrlab stopped (' + stopped + '); reload the page');
    } finally {
      pendingArg = null;
    }
    const reply = JSON.parse(text);
    if ('error' in reply) throw new Error(reply.error);
    return reply.result;
  }

  // setConfig(obj): a value JSON cannot hold (a cycle, a BigInt, nesting deeper than JS's own
  // stack) is an invalid config like any other, not an exception.
  function setConfig(config) {
    let text;
    try {
      text = JSON.stringify(config);
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: 'not JSON: ' + ((e && e.message) || e) }] };
    }
    return call('setConfig', config, text);
  }

  // step(n) and stepAsync(n) take a count: undefined is 1, anything else must be a
  // non-negative safe integer (NaN, Infinity and null would become JSON null).
  function stepCount(n, verb) {
    if (n === undefined) return 1;
    if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
    const shown = typeof n === 'number' ? String(n) : n === null ? 'null'
      : typeof n === 'string' ? JSON.stringify(n) : typeof n;
    throw new Error(verb + '(n): n must be a non-negative integer, got ' + shown);
  }

  // stepAsync(n[, onProgress]): the same steps as step(n), in chunks, one per task, so that the
  // page keeps drawing and answering between them; resolves with the new step. A chunk takes
  // about as long as the pause before it (what a frame costs), within 8..100 ms: training gets
  // half the time or more while a frame is never held up by more than 100 ms. Each chunk
  // reports {step, target, done} to onProgress (and, by postMessage, as "progress"). A config
  // replaced meanwhile (setConfig, reset, a lesson, Import, the URL) rejects it.
  let generation = 0;
  function stepAsync(n, onProgress) {
    const count = stepCount(n, 'stepAsync'); // a bad count throws at once, like step(n)
    try {
      return stepInChunks(count, onProgress);
    } catch (e) {
      return Promise.reject(e); // not ready, or stopped: a Promise that says so
    }
  }
  function stepInChunks(count, onProgress) {
    let left = count;
    const mine = generation;
    let current = call('step', 0);
    const target = Math.min(current + left, call('state').steps);
    let perStep = 1; // ms per step, learnt from each chunk
    let ended = performance.now();
    return new Promise((resolve, reject) => {
      const chunk = () => {
        try {
          if (mine !== generation) throw new Error('stepAsync(n) stopped: the config was replaced');
          if (left <= 0) { resolve(current); return; }
          const t0 = performance.now();
          const budget = Math.min(100, Math.max(8, t0 - ended));
          const k = Math.min(left, Math.max(1, Math.floor(budget / perStep)));
          const after = call('step', k);
          ended = performance.now();
          perStep = Math.max(1e-3, (ended - t0) / k);
          if (after < current) throw new Error('stepAsync(n) stopped: the runs were restarted');
          left -= k;
          const done = left <= 0 || after === current || after >= target;
          current = after;
          if (onProgress) onProgress({ step: after, target, done });
          if (done) resolve(after); else setTimeout(chunk, 0);
        } catch (e) {
          reject(e);
        }
      };
      setTimeout(chunk, 0);
    });
  }

  // lrFind(opts[, onProgress]) and crossValidate(opts[, onProgress]): `lrlab lr-find` and
  // `lrlab cv` on the page's config (or opts.config), in chunks, one per task, each about as
  // long as the pause before it (8..50 ms), so that frames keep coming; onProgress gets
  // {done, done_units, total_units} after each. Each resolves with what the CLI prints: `rows`
  // (the CSV's rows, keyed by its columns) beside the keys of its JSON (--suggest-json,
  // --summary-json). Options are the flags in camelCase: lrFind {run, startLr, endLr, numIter,
  // mode, smooth, divergeTh, on}, crossValidate {run, param, values ("log:1e-3:1:7" or an
  // array), folds}. Invalid options reject with an Error whose `errors` are [{path, message}].
  // One job at a time: a new one, or cancelTuning(), rejects the one running. The page's LR
  // finder and cross-validation panels share it: a start while a panel's job runs is refused
  // (naming the panel), cancelTuning() cancels a panel's job too (src/app/web_tuning.hpp).
  let tuningGeneration = 0;
  function tune(kind, opts, onProgress) {
    const mine = ++tuningGeneration;
    let started;
    try {
      started = call('tuningStart', Object.assign({}, opts || {}, { kind }));
    } catch (e) {
      return Promise.reject(e);
    }
    if (!started.ok) {
      const e = new Error(kind + ': ' + started.errors.map((x) =>
        (x.path ? x.path + ': ' : '') + x.message).join('; '));
      e.errors = started.errors;
      return Promise.reject(e);
    }
    // ms per iteration or training step, learnt from each chunk; the first chunk is one unit
    // (a range-test iteration costs far more than a training step of the CV: a guess made the
    // whole 100-iteration test one call, and the page drew no frame meanwhile).
    let perUnit = Infinity;
    let ended = performance.now();
    return new Promise((resolve, reject) => {
      const chunk = () => {
        try {
          if (mine !== tuningGeneration) throw new Error(kind + ' stopped: cancelled or replaced');
          const t0 = performance.now();
          const budget = Math.min(50, Math.max(8, t0 - ended));
          const k = Math.max(1, Math.floor(budget / perUnit));
          const p = call('tuningStep', k);
          ended = performance.now();
          perUnit = Math.max(1e-4, (ended - t0) / k);
          if (onProgress) onProgress(p);
          if (!p.done) { setTimeout(chunk, 0); return; }
          const result = call('tuningResult');
          call('tuningCancel');
          resolve(result);
        } catch (e) {
          reject(e);
        }
      };
      setTimeout(chunk, 0);
    });
  }

  // ---- Sweeps (issue 10): cells in a pool of plain Web Workers (worker_pool.js) -------------
  // Each worker loads this page's own lrlab_app.wasm (lrlab_worker.js) and trains whole cells
  // (src/app/worker_jobs.hpp); the page plans the sweep (sweepPlan validates every cell, as
  // `lrlab sweep` does) and keeps the rows for the panel (sweepRow). Without Workers the same
  // jobs run in this page's module, one per task. ?workers=N sets the pool's size (0: in-page).
  let pendingJob = null;
  window.lrlabJob = { take: () => pendingJob }; // lrlab_job fetches its job's bytes here
  function runJobHere(job) {
    if (stopped) throw new Error('lrlab stopped (' + stopped + ')');
    pendingJob = encoder.encode(JSON.stringify(job));
    try {
      return JSON.parse(window.Module.ccall('lrlab_job', 'string', ['number'], [pendingJob.length]));
    } finally {
      pendingJob = null;
    }
  }
  const workersParam = params.get('workers');
  const pools = new Map(); // size -> pool, so that warm workers are reused
  function workerPool(size) {
    const inPage = workersParam === '0';
    const fromUrl = Number(workersParam);
    const n = size || (Number.isInteger(fromUrl) && fromUrl >= 1 ? Math.min(fromUrl, 64) : 0) ||
      LrlabWorkerPool.defaultSize();
    const key = inPage ? 0 : n;
    if (!pools.has(key)) {
      pools.set(key, LrlabWorkerPool.create({ size: n, inline: runJobHere, forceInline: inPage }));
    }
    return pools.get(key);
  }
  function optionsError(verb, errors) {
    const e = new Error(verb + ': ' + errors.map((x) =>
      (x.path ? x.path + ': ' : '') + x.message).join('; '));
    e.errors = errors;
    return e;
  }
  let sweepControl = null; // the running sweep's AbortController
  let sweepStats = null;
  // sweep(opts[, onProgress]) -> Promise of {rows (the CSV's rows of `lrlab sweep`, keyed by
  // its columns), criterion and best with fair: true (--best-json)}. Options are the flags in
  // camelCase (sweep_request.hpp): {config, run, lrRange, optimizers, param, values, params,
  // targetLoss, fair}, and `workers` (the pool's size). A new sweep or cancelSweep() rejects
  // the one running; the page stays as it was (its own runs are never touched).
  function sweep(opts, onProgress) {
    const o = opts === undefined ? {} : opts;
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      return Promise.reject(optionsError('sweep', [{ path: '', message: 'the options must be an object' }]));
    }
    const { workers, ...rest } = o;
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) {
      return Promise.reject(optionsError('sweep', [{ path: 'workers', message: 'must be an integer 1..64' }]));
    }
    let plan;
    try {
      plan = call('sweepPlan', rest);
    } catch (e) {
      return Promise.reject(e);
    }
    if (!plan.ok) return Promise.reject(optionsError('sweep', plan.errors));
    if (sweepControl) { sweepControl.replaced = true; sweepControl.abort(); }
    const control = new AbortController();
    sweepControl = control;
    const pool = workerPool(workers);
    const jobs = [];
    for (let i = 0; i < plan.cells; ++i) jobs.push({ kind: 'sweep_cell', sweep: plan.options, cell: i });
    const used = new Set();
    const t0 = performance.now();
    const perWorker = {};
    return pool.run(jobs, {
      signal: control.signal,
      onResult: (i, reply, info) => {
        used.add(info.worker);
        perWorker[info.worker] = (perWorker[info.worker] || 0) + 1;
        if (!stopped) call('sweepRow', info.error ? { cell: i, error: String(info.error) } : { cell: i, row: reply.row });
      },
      onProgress: (p) => { if (onProgress) onProgress(p); },
    }).then(() => {
      if (sweepControl === control) sweepControl = null;
      sweepStats = { cells: jobs.length, mode: pool.mode, size: pool.size, workersUsed: used.size,
        perWorker, ms: performance.now() - t0 };
      call('sweepEnd', { cancelled: false });
      return call('sweepResult');
    }, (e) => {
      if (sweepControl === control) sweepControl = null;
      if (!control.replaced && !stopped) call('sweepEnd', { cancelled: true });
      throw new Error('sweep stopped: ' + (e && e.name === 'AbortError' ? 'cancelled or replaced'
        : (e && e.message) || e));
    });
  }
  function cancelSweep() {
    if (sweepControl) sweepControl.abort();
  }

  // The LR-finder and cross-validation panels' jobs on the same pool (src/app/tuning_pool.hpp):
  // the app hands over {epoch, kind, jobs} and gets each answer back by tuningPoolRow, a range
  // test's rows in parts (a verb's argument is at most 64 KiB). One panel job at a time; with
  // ?workers=0, no Workers, or workers that could not start, the panels step in frames instead.
  let tuningPoolControl = null;
  const POOL_ROWS_PER_PART = 400;
  function tuningPoolStart(plan) {
    if (tuningPoolControl) tuningPoolControl.abort();
    const control = new AbortController();
    tuningPoolControl = control;
    const send = (body) => {
      if (stopped || tuningPoolControl !== control) return;
      try {
        call('tuningPoolRow', Object.assign({ epoch: plan.epoch }, body));
      } catch (e) {
        console.warn('lrlab: a tuning job\'s answer was refused: ' + ((e && e.message) || e));
      }
    };
    const answer = (i, reply, info) => {
      if (info.error) { send({ index: i, error: String(info.error) }); return; }
      if (plan.kind !== 'finder') { send({ index: i, row: reply.row }); return; }
      const { rows, ...rest } = reply;
      for (let k = 0; k < rows.length; k += POOL_ROWS_PER_PART) {
        send({ index: i, rows: rows.slice(k, k + POOL_ROWS_PER_PART) });
      }
      send({ index: i, result: rest });
    };
    workerPool().run(plan.jobs, { signal: control.signal, onResult: answer })
      .catch(() => {}) // a cancel: the app has stopped waiting already
      .then(() => { if (tuningPoolControl === control) tuningPoolControl = null; });
  }
  function tuningPoolCancel() {
    if (tuningPoolControl) { tuningPoolControl.abort(); tuningPoolControl = null; }
  }
  function tuningPoolUsable() {
    return typeof Worker === 'function' && workersParam !== '0' && workerPool().mode === 'workers';
  }

  // Widget rectangles come in canvas pixels: hand them out in CSS pixels of the viewport.
  function state() {
    const s = call('state');
    const canvas = document.getElementById('canvas');
    const r = canvas.getBoundingClientRect();
    const k = r.width / (canvas.width || 1);
    for (const name of Object.keys(s.widgets)) {
      const [x, y, w, h] = s.widgets[name];
      s.widgets[name] = { x: r.left + x * k, y: r.top + y * k, width: w * k, height: h * k };
    }
    return s;
  }

  const api = {
    ready,
    getConfig: () => call('getConfig'),
    setConfig: (config) => { ++generation; return setConfig(config); },
    play: () => { call('play'); },
    pause: () => { call('pause'); },
    reset: () => { ++generation; call('reset'); },
    step: (n) => call('step', stepCount(n, 'step')),
    stepAsync,
    metrics: () => call('metrics'),
    history: () => call('history'),
    // The run (by name; default the selected run) as a PyTorch script: the bytes of
    // `lrlab export-torch CONFIG --run NAME`. Throws, naming the keys, what PyTorch cannot take.
    exportTorch: (runName) => call('exportTorch', runName === undefined ? null : runName),
    // Beyond the contract, for tests and tools:
    state,
    lessons: () => call('lessons'),
    lesson: (name, seed) => {
      ++generation;
      return call('lesson', seed === undefined ? name : { name, seed });
    },
    claims: () => call('claims'),
    speed: (stepsPerFrame) => { call('speed', stepsPerFrame); },
    // Test hook: makes the engine execute a trap instruction, as a bug would (never reachable
    // by postMessage: it is no verb of the bridge).
    crashForTest: () => call('debugTrap'),
    // The LR range test and K-fold cross-validation (issue 9):
    lrFind: (opts, onProgress) => tune('lrFind', opts, onProgress),
    crossValidate: (opts, onProgress) => tune('crossValidate', opts, onProgress),
    cancelTuning: () => { ++tuningGeneration; call('tuningCancel'); },
    // Sweeps (issue 10): `lrlab sweep` in the page's Web Workers; the pool for other jobs.
    sweep,
    cancelSweep,
    sweepState: () => call('sweepState'),
    sweepResult: () => call('sweepResult'), // the shown sweep's rows so far (the panel's)
    sweepStats: () => sweepStats, // the last sweep's {cells, mode, size, workersUsed, perWorker, ms}
    workerPool,
    // Your own data (issue 13): a CSV's text as Load CSV and a drop give it, and the drawing.
    importPoints: (text, name) => { ++generation; return call('importPoints', { text, name: name || 'points.csv' }); },
    myData: () => call('myData'),
    // The landscape view (issue 12): {runName: [{step, x, y, loss, lr, grad_norm}]}, the numbers
    // of `lrlab surface`; which view shows; the shader's values read back at n x n pixels.
    trajectories: () => call('trajectories'),
    setView: (view) => { call('setView', String(view)); },
    landscapeProbe: (n) => call('landscapeProbe', n === undefined ? 16 : n),
  };
  window.lrlab = api;

  // ---- postMessage: {lrlab: VERB, id, ...args} -> {lrlab: VERB, id, result | error} --------
  const VERBS = new Set(['getConfig', 'setConfig', 'play', 'pause', 'reset', 'step', 'stepAsync',
    'metrics', 'history', 'lrFind', 'crossValidate', 'cancelTuning', 'trajectories', 'sweep',
    'cancelSweep', 'sweepState', 'sweepResult']);
  // Verbs whose answer comes when their job is done, after "progress" messages.
  const TUNING = new Set(['lrFind', 'crossValidate', 'sweep']);
  const REPLACES = new Set(['setConfig', 'reset']);
  const ignored = new Set(); // origins whose refused commands were logged (once each)
  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object' || typeof msg.lrlab !== 'string') return; // not for us
    if (event.source === window) return;
    if (parentOrigin && event.origin !== parentOrigin) { // ?parentOrigin= restricts
      if (!ignored.has(event.origin)) {
        ignored.add(event.origin);
        console.warn('lrlab: ignored ' + JSON.stringify(msg.lrlab) + ' from ' + event.origin + ' and ' +
          'any later command from it: ' + (origin.problem || 'the page obeys only ' + parentOrigin +
          ' (?parentOrigin=)'));
      }
      return;
    }
    // Answers go to the sender's origin only. A sender without one (a file:// page, a sandboxed
    // frame) could be anyone once the answer is addressed to '*': it gets a refusal that holds
    // nothing but its own id, and the page does not obey it.
    const opaque = !event.origin || event.origin === 'null';
    const target = opaque ? '*' : event.origin;
    const id = ['string', 'number'].includes(typeof msg.id) ? msg.id : undefined;
    const post = (body) => {
      if (!event.source || typeof event.source.postMessage !== 'function') return;
      try {
        event.source.postMessage(body, target);
      } catch (e) { /* a closed or cross-origin-navigated sender: nobody to answer */ }
    };
    const reply = (body) => post(Object.assign({ lrlab: String(msg.lrlab).slice(0, 64), id }, body));
    if (opaque) {
      reply({ error: 'lrlab obeys only host pages with an origin (served over http or https), ' +
        'not file:// pages or sandboxed frames' });
      return;
    }
    if (!VERBS.has(msg.lrlab)) { reply({ error: 'unknown verb ' + JSON.stringify(msg.lrlab.slice(0, 64)) }); return; }
    if ('id' in msg && id === undefined) {
      reply({ error: 'id must be a string or a number' });
      return;
    }
    // A tuning verb's refused options also come as `errors` ([{path, message}], each naming
    // the option or the config path), beside the `error` text.
    const fail = (e) => reply(Object.assign({ error: String((e && e.message) || e) },
      e && Array.isArray(e.errors) ? { errors: e.errors } : {}));
    const run = () => {
      try {
        const step = msg.lrlab === 'step' || msg.lrlab === 'stepAsync';
        const arg = msg.lrlab === 'setConfig' ? msg.config : step ? msg.n : undefined;
        if (msg.lrlab === 'setConfig' && !('config' in msg)) throw new Error('setConfig needs config');
        if (step && 'n' in msg && msg.n === undefined) throw new Error(msg.lrlab + '(n): n must be a non-negative integer, got undefined');
        if (TUNING.has(msg.lrlab)) {
          // {lrlab: "lrFind" | "crossValidate" | "sweep", id, ...options}: every other key of
          // the message is an option of window.lrlab's call (checked there: an unknown one is
          // named). The answer comes when the job is done, after {lrlab: "progress", request:
          // id, done, done_units, total_units} per chunk (a sweep's: {done, total, elapsed_ms,
          // left_ms} per cell), as for stepAsync. cancelTuning / cancelSweep answer the running
          // job with an error saying it was cancelled.
          const opts = {};
          for (const k of Object.keys(msg)) if (k !== 'lrlab' && k !== 'id') opts[k] = msg[k];
          const progress = (p) => { post(Object.assign({ lrlab: 'progress', request: id }, p)); };
          api[msg.lrlab](opts, progress).then((result) => reply({ result }), fail);
          return;
        }
        if (msg.lrlab === 'stepAsync') {
          // {lrlab: "progress", request: id, step, target, done} after each chunk, then the
          // answer: `request`, not `id`, so that a host waiting for the answer to id gets it.
          const progress = (p) => {
            post(Object.assign({ lrlab: 'progress', request: id }, p));
          };
          api.stepAsync(arg, progress).then((result) => reply({ result }), fail);
          return;
        }
        // What the person at the page is typing or dragging is theirs: a host's new config or
        // reset waits until they let go (the host is told, and may ask again).
        if (REPLACES.has(msg.lrlab) && call('state').editing) {
          throw new Error(msg.lrlab + ' refused: someone is editing the page; try again when the ' +
            'edit ends');
        }
        const result = api[msg.lrlab](arg);
        reply({ result: result === undefined ? null : result });
      } catch (e) {
        fail(e);
      }
    };
    if (isReady) run(); else ready.then(run, () => reply({ error: 'lrlab failed to start' }));
  });

  // Events go to ?parentOrigin= only (to nobody when that is no origin), else to any host.
  function toHost(msg) {
    if (embedded && !origin.problem) window.parent.postMessage(msg, parentOrigin || '*');
  }

  function download(name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  // ---- Services the app calls (EM_JS in src/app) ------------------------------------------
  window.lrlabHost = {
    hasHost: () => embedded && !origin.problem,
    originProblem: () => origin.problem,
    takeArg: () => pendingArg,
    // The sweep panel's Run and Cancel (src/app/web_sweep.cpp): the same path as lrlab.sweep.
    // Bad options are shown in the panel, a cancel is the panel's own doing: nothing to log.
    sweepStart: (opts) => { ready.then(() => sweep(opts)).catch(() => {}); },
    sweepCancel: cancelSweep,
    // The tuning panels' Run and Cancel when Workers are there (src/app/tuning_pool.cpp).
    tuningPoolUsable,
    tuningPoolStart,
    tuningPoolCancel,
    event: toHost,
    ready() {
      isReady = true;
      lastUrlWrite = performance.now();
      document.documentElement.classList.add('lrlab-ready');
      resolveReady();
      toHost({ lrlab: 'ready' });
    },
    fail(why) {
      messageText.textContent = 'lrlab cannot run here: ' + why + '.';
      rejectReady(new Error(why));
    },
    download: (name, mime, text) => download(name, new Blob([text], { type: mime })),
    copy(text) {
      const fallback = () => {
        const t = document.createElement('textarea');
        t.value = text;
        document.body.appendChild(t);
        t.select();
        try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
        t.remove();
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).catch(fallback);
      } else {
        fallback();
      }
    },
    savePng(name) {
      window.Module.canvas.toBlob((blob) => { if (blob) download(name, blob); }, 'image/png');
    },
    pickConfigFile() {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.onchange = () => {
        const file = input.files && input.files[0];
        if (!file) return;
        // Bounded before it is read (lrlab_api then bounds the text again, and its nesting).
        if (file.size > MAX_IMPORT_BYTES) call('importTooLarge', file.size);
        else file.text().then((text) => { ++generation; call('importConfig', text); });
      };
      input.click();
    },
    // Your own data: a CSV through the file chooser (Load CSV...) or dropped on the page.
    pickPointsFile() {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.csv,.txt,text/csv,text/plain';
      input.onchange = () => { if (input.files && input.files[0]) readPointsFile(input.files[0]); };
      input.click();
    },
    storePoints(key, text) {
      try { window.localStorage.setItem(key, text); return true; } catch (e) { return false; }
    },
    loadPoints(key) {
      try { return window.localStorage.getItem(key) || ''; } catch (e) { return ''; }
    },
    // The app writes the address whenever the config changes. A new config after a quiet spell
    // (a lesson, an import, the first edit of a burst) becomes a history entry, so Back returns
    // to the config before it; writes in a burst (a slider dragged) or right after Back/Forward
    // (the page restating what it loaded) replace the current entry.
    replaceUrl(preset, hash, seed) {
      const url = new URL(window.location.href);
      if (preset) url.searchParams.set('preset', preset); else url.searchParams.delete('preset');
      if (seed) url.searchParams.set('seed', seed); else url.searchParams.delete('seed');
      url.hash = hash;
      if (!hash) url.hash = '';
      const href = hash ? url.href : url.href.replace(/#$/, '');
      const now = performance.now();
      const push = isReady && now - lastUrlWrite > HISTORY_QUIET_MS &&
        now - lastTraversal > HISTORY_QUIET_MS;
      lastUrlWrite = now;
      // Never throws into the module (that would stop it): a URL the browser will not take
      // (over its length limit) leaves the address as it was.
      try {
        if (href === window.location.href) return;
        if (push) window.history.pushState(null, '', href);
        else window.history.replaceState(window.history.state, '', href);
        lastSearch = window.location.search;
      } catch (e) {
        console.warn('lrlab: the URL was not updated: ' + ((e && e.message) || e));
      }
    },
  };
  const HISTORY_QUIET_MS = 1000;
  let lastUrlWrite = performance.now(); // reset by ready(): its first writes restate the URL
  let lastTraversal = -Infinity;
  // Back and Forward: a hash is loaded in place; an entry that also differs in its query
  // (?preset=, ?seed=, ...) is opened afresh, exactly as a link to it would be.
  let lastSearch = window.location.search;
  window.addEventListener('popstate', () => {
    lastTraversal = performance.now();
    if (window.location.search !== lastSearch) { window.location.reload(); return; }
    lastSearch = window.location.search;
    if (isReady && !stopped) { ++generation; call('loadHash', window.location.hash); }
  });
  // A hash typed into the address bar (no history traversal: popstate has handled those).
  const MAX_POINTS_BYTES = 64 << 20; // points_csv_limits::max_bytes (src/core/data/points_csv.hpp)
  function readPointsFile(file) {
    if (file.size > MAX_POINTS_BYTES) {
      call('importPoints', { name: file.name, text: '', bytes: file.size }); // refused unread
      return;
    }
    file.text().then((text) => { ++generation; call('importPoints', { name: file.name, text }); });
  }
  // A dropped .csv becomes the data (a .json is imported as a config, as Import does).
  window.addEventListener('dragover', (e) => { e.preventDefault(); });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (!file || !isReady) return;
    if (/\.json$/i.test(file.name)) {
      if (file.size > MAX_IMPORT_BYTES) call('importTooLarge', file.size);
      else file.text().then((text) => { ++generation; call('importConfig', text); });
    } else {
      readPointsFile(file);
    }
  });

  window.addEventListener('hashchange', () => {
    if (performance.now() - lastTraversal < 50) return;
    if (isReady && !stopped) { ++generation; call('loadHash', window.location.hash); }
  });

  // ---- Start: WebGL2 first, then the app ---------------------------------------------------
  // Only whether WebGL2 exists: a probe context would cost as much as the app's own (about
  // 150 ms with a software renderer), and the app reports when it cannot create one.
  if (typeof WebGL2RenderingContext === 'undefined') {
    window.lrlabHost.fail('this browser has no WebGL2');
    return;
  }
  // A trap in a frame (not in a call) stops the engine just as one in a call does.
  window.addEventListener('error', (e) => {
    if (e.error instanceof WebAssembly.RuntimeError) stop(e.error.message);
  });
  const canvas = document.getElementById('canvas');
  canvas.addEventListener('contextmenu', (e) => e.preventDefault()); // right-click is the app's
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    messageText.textContent = 'The graphics context was lost; reload the page.';
    reloadButton.hidden = false;
    document.documentElement.classList.remove('lrlab-ready');
  });
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.error(text),
    onAbort: (what) => { stop('aborted: ' + what); window.lrlabHost.fail('it stopped (' + what + ')'); },
  };
  const script = document.createElement('script');
  script.src = 'lrlab_app.js';
  script.async = true;
  script.onerror = () => window.lrlabHost.fail('lrlab_app.js did not load');
  document.body.appendChild(script);
})();
