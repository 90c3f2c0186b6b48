// The page's side of the analyser worker: it takes over the worker that start-analyser.js
// started from the page's head (or starts one, without that script). Only the latest
// request waits; a worker whose module trapped is replaced.

let worker = null;
let ready = null; // resolves with {maxInputBytes} once the current worker can analyse
let inFlight = null; // {id, resolve, reject}
let queued = null; // {text, options, resolve, reject}
let nextId = 1;

function start() {
  const early = self.earlyAnalyser; // the first start only
  self.earlyAnalyser = undefined;
  const started = early ? early.worker : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker = started;
  ready = new Promise((resolve, reject) => {
    started.onmessage = ({ data }) => {
      if ('ready' in data) {
        if (data.ready) {
          performance.mark('analyser-ready');
          resolve({ maxInputBytes: data.maxInputBytes });
        } else reject(new Error(data.error));
        return;
      }
      const job = inFlight;
      inFlight = null;
      if (data.trap) restart();
      if (job && job.id === data.id) {
        if (data.error !== undefined) {
          const err = new Error(data.error);
          err.trap = data.trap;
          job.reject(err);
        } else job.resolve(data);
      }
      pump();
    };
    started.onerror = (event) => {
      event.preventDefault();
      const err = new Error(event.message || 'the analyser could not be loaded');
      reject(err);
      // A worker that dies mid-analysis is replaced, like one whose module trapped.
      const job = inFlight;
      inFlight = null;
      if (job) {
        err.trap = true;
        restart();
        job.reject(err);
        pump();
      }
    };
  });
  // A failure reaches whoever waits on `ready`; a replacement may have no one waiting yet.
  ready.catch(() => {});
  for (const event of early ? early.events : []) {
    if (event.type === 'error') started.onerror(event);
    else started.onmessage(event);
  }
}

function restart() {
  worker.onmessage = worker.onerror = null;
  worker.terminate();
  inFlight = null;
  start();
}

function pump() {
  if (inFlight || !queued) return;
  const job = queued;
  queued = null;
  ready.then(() => {
    inFlight = { id: nextId++, resolve: job.resolve, reject: job.reject };
    worker.postMessage({ id: inFlight.id, text: job.text, options: job.options });
  }, job.reject);
}

/** Resolves with {maxInputBytes} when the analyser can take a request. */
export function analyserReady() {
  return ready;
}

/** Resolves with {report, ms}; a request overtaken by a newer one resolves with null. */
export function requestAnalysis(text, options) {
  if (queued) queued.resolve(null);
  return new Promise((resolve, reject) => {
    queued = { text, options, resolve, reject };
    pump();
  });
}

start();
