// One worker of the page's pool (worker_pool.js): loads the page's own lrlab_app.js and
// lrlab_app.wasm (DESIGN.md, "Background work in the page": the same .wasm, hence the same
// bits) without running main (no window, no canvas, no GL), and answers each message
// {id, job} with {id, reply} where reply is lrlab_job's JSON (src/app/worker_jobs.hpp), or
// {id, error} when the engine itself failed. Plain worker: no SharedArrayBuffer, no special
// headers, so the page works in any iframe.
'use strict';

const encoder = new TextEncoder();
let pending = null; // the job's bytes, fetched by lrlab_job through lrlabJob.take()
self.lrlabJob = { take: () => pending };

let broken = '';
const started = new Promise((resolve) => {
  self.Module = {
    noInitialRun: true,
    print: (text) => console.log(text),
    printErr: (text) => console.error(text),
    onRuntimeInitialized: resolve,
    onAbort: (what) => { broken = 'aborted: ' + what; },
  };
});
importScripts('lrlab_app.js');

function runJob(job) {
  pending = encoder.encode(JSON.stringify(job));
  try {
    return JSON.parse(self.Module.ccall('lrlab_job', 'string', ['number'], [pending.length]));
  } finally {
    pending = null;
  }
}

self.onmessage = async (event) => {
  const { id, job } = event.data || {};
  await started;
  if (broken) { self.postMessage({ id, error: broken }); return; }
  try {
    self.postMessage({ id, reply: runJob(job) });
  } catch (e) {
    // A trap leaves this module's memory untrustworthy: say so; the pool replaces the worker.
    broken = String((e && e.message) || e);
    self.postMessage({ id, error: broken, fatal: true });
  }
};
