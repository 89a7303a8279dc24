// A pool of plain Web Workers for the page's background jobs (sweeps, CV folds, range tests):
// one small module shared by every panel and by window.lrlab. No SharedArrayBuffer, no
// COOP/COEP: the page keeps working inside any iframe (DESIGN.md, "Background work in the page").
//
//   const pool = LrlabWorkerPool.create({ size, script, inline });
//   pool.run(jobs, { onResult(index, reply, info), onProgress({done, total, elapsed_ms,
//            left_ms}), signal }) -> Promise of [{reply} | {error}] in job order
//   pool.size, pool.mode ('workers' | 'inline'), pool.terminate()
//
// size defaults to navigator.hardwareConcurrency (at least 1). Each worker runs lrlab_worker.js,
// which loads the page's own wasm. A job that fails (its reply holds `error`, or its worker
// died) is reported as such and the others go on; a dead worker is replaced. Each run takes
// its own workers (warm ones first, kept between runs), so runs may overlap. Aborting the
// signal terminates that run's workers at once (a job in a worker cannot be interrupted
// otherwise) and rejects with an AbortError; the next run starts fresh ones. Without Workers (or when one
// cannot start), `inline(job)` runs each job in the page, one per task, so frames keep coming
// between jobs.
(function (global) {
  'use strict';

  function defaultSize() {
    const n = global.navigator && Number(global.navigator.hardwareConcurrency);
    return Number.isInteger(n) && n >= 1 ? n : 1;
  }

  function abortError() {
    const e = new Error('cancelled');
    e.name = 'AbortError';
    return e;
  }

  function create(options) {
    const opts = options || {};
    const size = Math.max(1, Math.floor(opts.size || defaultSize()));
    const script = opts.script || 'lrlab_worker.js';
    const canUseWorkers = typeof global.Worker === 'function' && !opts.forceInline;
    let idle = []; // warm workers between runs (their wasm compiled and instantiated)
    let nextId = 1;

    function spawn() {
      try {
        return new global.Worker(script);
      } catch (e) {
        return null; // a CSP or a sandbox without workers: the inline fallback takes over
      }
    }
    function terminate() {
      for (const w of idle) w.terminate();
      idle = [];
    }

    // Jobs `indices` (default all) one per task, into `results`.
    function runInline(jobs, handlers, finish, indices, results) {
      const todo = indices || jobs.map((_, i) => i);
      const out = results || new Array(jobs.length);
      let k = 0;
      const step = () => {
        if (handlers.cancelled()) return;
        if (k >= todo.length) { finish(out); return; }
        const i = todo[k++];
        try {
          out[i] = handlers.settle(i, opts.inline(jobs[i]), 0);
        } catch (e) {
          out[i] = handlers.fail(i, String((e && e.message) || e), 0);
        }
        setTimeout(step, 0);
      };
      setTimeout(step, 0);
    }

    // Each run has its own workers (warm ones first), so that runs may overlap and cancelling
    // one never touches another's.
    function runWorkers(jobs, handlers, finish) {
      const results = new Array(jobs.length);
      const mine = [];
      while (mine.length < Math.min(size, jobs.length)) {
        const w = idle.pop() || spawn();
        if (!w) break;
        mine.push(w);
      }
      if (mine.length === 0) return null;
      let next = 0;
      let settled = 0;
      let failedOver = false;
      const release = () => { idle.push(...mine.filter(Boolean)); mine.length = 0; };
      // A worker that fails before its first answer could not start here (a policy without
      // worker-src, a file:// page): every job left runs in the page instead, and so do later runs.
      const failOver = () => {
        failedOver = true;
        for (const w of mine) if (w) w.terminate();
        mine.length = 0;
        for (const w of idle) w.terminate();
        idle = [];
        handlers.inPage();
        const rest = [];
        for (let k = 0; k < jobs.length; ++k) if (results[k] === undefined) rest.push(k);
        runInline(jobs, handlers, finish, rest, results);
      };
      const feed = (slot) => {
        if (handlers.cancelled() || failedOver) return;
        if (next >= jobs.length) {
          if (settled === jobs.length) { release(); finish(results); }
          return;
        }
        const i = next++;
        const id = nextId++;
        const w = mine[slot];
        const done = (entry) => {
          results[i] = entry;
          ++settled;
          feed(slot);
        };
        if (!w) { done(handlers.fail(i, 'no worker could be started', slot)); return; }
        const replace = () => { w.terminate(); mine[slot] = spawn(); };
        w.onmessage = (event) => {
          const m = event.data || {};
          if (m.id !== id) return;
          w.lrlabAnswered = true;
          if (m.fatal) replace();
          done(m.error ? handlers.fail(i, m.error, slot) : handlers.settle(i, m.reply, slot));
        };
        w.onerror = (event) => {
          if (event && event.preventDefault) event.preventDefault();
          if (!w.lrlabAnswered && typeof opts.inline === 'function') { failOver(); return; }
          replace();
          done(handlers.fail(i, (event && event.message) || 'the worker failed', slot));
        };
        w.postMessage({ id, job: jobs[i] });
      };
      for (let slot = 0; slot < mine.length; ++slot) feed(slot);
      return () => { for (const w of mine) if (w) w.terminate(); mine.length = 0; };
    }

    const pool = {
      size,
      mode: canUseWorkers ? 'workers' : 'inline',
      terminate,
      run(jobs, handlers) {
        const h = handlers || {};
        const signal = h.signal;
        const total = jobs.length;
        const t0 = performance.now();
        let done = 0;
        return new Promise((resolve, reject) => {
          let over = false;
          let stopWorkers = null;
          const progress = () => {
            const elapsed = performance.now() - t0;
            if (h.onProgress) {
              h.onProgress({ done, total, elapsed_ms: elapsed,
                left_ms: done ? elapsed / done * (total - done) : null });
            }
          };
          const report = (i, entry, slot) => {
            ++done;
            if (h.onResult) h.onResult(i, entry.reply, { error: entry.error, worker: slot });
            progress();
            return entry;
          };
          const inner = {
            cancelled: () => over,
            inPage: () => { pool.mode = 'inline'; },
            settle: (i, reply, slot) => report(i, reply && 'error' in reply
              ? { error: reply.error, reply } : { reply }, slot),
            fail: (i, error, slot) => report(i, { error }, slot),
          };
          const finish = (results) => { if (!over) { over = true; resolve(results); } };
          if (signal) {
            if (signal.aborted) { reject(abortError()); return; }
            signal.addEventListener('abort', () => {
              if (over) return;
              over = true;
              if (stopWorkers) stopWorkers();
              reject(abortError());
            }, { once: true });
          }
          if (total === 0) { finish([]); return; }
          progress();
          if (pool.mode === 'workers') stopWorkers = runWorkers(jobs, inner, finish);
          if (stopWorkers) return;
          if (typeof opts.inline !== 'function') {
            over = true;
            reject(new Error('no Web Workers here, and no in-page runner'));
            return;
          }
          pool.mode = 'inline';
          runInline(jobs, inner, finish);
        });
      },
    };
    return pool;
  }

  global.LrlabWorkerPool = { create, defaultSize };
})(typeof self !== 'undefined' ? self : this);
