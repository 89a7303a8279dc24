// lrlab page glue: loads the WebAssembly app, defines window.lrlab (DESIGN.md "Browser") and
// the postMessage bridge for host pages, and the browser services the app calls (downloads,
// clipboard, URL, file upload). Everything goes through one exported C function, lrlab_api.
(function () {
  'use strict';
  const params = new URLSearchParams(window.location.search);
  const parentOrigin = params.get('parentOrigin') || '';
  const embedded = window.parent !== window;
  if (['1', 'true'].includes(params.get('embed') || '')) {
    document.documentElement.classList.add('lrlab-embed');
  }
  const message = document.getElementById('lrlab-message');

  let isReady = false;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {}); // a failure is shown on the page; no unhandled rejection

  function call(verb, arg) {
    if (!isReady) throw new Error('lrlab is not ready yet: await lrlab.ready');
    const text = window.Module.ccall('lrlab_api', 'string', ['string', 'string'],
      [verb, arg === undefined ? '' : JSON.stringify(arg)]);
    const reply = JSON.parse(text);
    if ('error' in reply) throw new Error(reply.error);
    return reply.result;
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
    setConfig: (config) => call('setConfig', config),
    play: () => { call('play'); },
    pause: () => { call('pause'); },
    reset: () => { call('reset'); },
    step: (n) => call('step', n === undefined ? 1 : n),
    metrics: () => call('metrics'),
    history: () => call('history'),
    // Beyond the contract, for tests and tools:
    state,
    lessons: () => call('lessons'),
    lesson: (name) => call('lesson', name),
    speed: (stepsPerFrame) => { call('speed', stepsPerFrame); },
  };
  window.lrlab = api;

  // ---- postMessage: {lrlab: VERB, id, ...args} -> {lrlab: VERB, id, result | error} --------
  const VERBS = new Set(['getConfig', 'setConfig', 'play', 'pause', 'reset', 'step', 'metrics',
    'history']);
  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object' || typeof msg.lrlab !== 'string') return; // not for us
    if (event.source === window) return;
    if (parentOrigin && event.origin !== parentOrigin) return; // ?parentOrigin= restricts
    const target = event.origin && event.origin !== 'null' ? event.origin : '*';
    const reply = (body) => {
      if (event.source) event.source.postMessage(Object.assign({ lrlab: msg.lrlab, id: msg.id }, body), target);
    };
    if (!VERBS.has(msg.lrlab)) { reply({ error: 'unknown verb ' + JSON.stringify(msg.lrlab) }); return; }
    if ('id' in msg && !['string', 'number'].includes(typeof msg.id)) {
      reply({ error: 'id must be a string or a number' });
      return;
    }
    const run = () => {
      try {
        const arg = msg.lrlab === 'setConfig' ? msg.config : msg.lrlab === 'step' ? msg.n : undefined;
        if (msg.lrlab === 'setConfig' && !('config' in msg)) throw new Error('setConfig needs config');
        const result = api[msg.lrlab](arg);
        reply({ result: result === undefined ? null : result });
      } catch (e) {
        reply({ error: String((e && e.message) || e) });
      }
    };
    if (isReady) run(); else ready.then(run, () => reply({ error: 'lrlab failed to start' }));
  });

  function toHost(msg) {
    if (embedded) window.parent.postMessage(msg, parentOrigin || '*');
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
    hasHost: () => embedded,
    event: toHost,
    ready() {
      isReady = true;
      document.documentElement.classList.add('lrlab-ready');
      resolveReady();
      toHost({ lrlab: 'ready' });
    },
    fail(why) {
      message.textContent = 'lrlab cannot run here: ' + why + '.';
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
        if (file) file.text().then((text) => call('importConfig', text));
      };
      input.click();
    },
    replaceUrl(preset, hash) {
      const url = new URL(window.location.href);
      if (preset) url.searchParams.set('preset', preset); else url.searchParams.delete('preset');
      url.hash = hash;
      if (!hash) url.hash = '';
      const href = hash ? url.href : url.href.replace(/#$/, '');
      if (href !== window.location.href) window.history.replaceState(window.history.state, '', href);
    },
  };
  window.addEventListener('hashchange', () => {
    if (isReady) call('loadHash', window.location.hash);
  });

  // ---- Start: WebGL2 first, then the app ---------------------------------------------------
  // Only whether WebGL2 exists: a probe context would cost as much as the app's own (about
  // 150 ms with a software renderer), and the app reports when it cannot create one.
  if (typeof WebGL2RenderingContext === 'undefined') {
    window.lrlabHost.fail('this browser has no WebGL2');
    return;
  }
  const canvas = document.getElementById('canvas');
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    message.textContent = 'The graphics context was lost; reload the page.';
    document.documentElement.classList.remove('lrlab-ready');
  });
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.error(text),
    onAbort: (what) => window.lrlabHost.fail('it stopped (' + what + ')'),
  };
  const script = document.createElement('script');
  script.src = 'lrlab_app.js';
  script.async = true;
  script.onerror = () => window.lrlabHost.fail('lrlab_app.js did not load');
  document.body.appendChild(script);
})();
