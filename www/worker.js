// Runs the analyser off the main thread so a long article never freezes the page.
// Messages in: {module} first (the compiled WebAssembly), then {id, text, options}.
// Out: {ready, maxInputBytes} once, then {id, report, ms} or {id, error, trap}. After a
// trap the page replaces this worker, since a module that has trapped may be left in a
// broken state.
import init, { analyse, maxInputBytes } from './pkg/article_analyser.js';

// The first analysis in a fresh instance pays for one-time set-up (the decoded name
// tagger, the parsed word lists, code compiled and run for the first time). A short article touching every stage
// pays it here, while the page is still loading, instead of on the reader's first text.
const WARM_UP =
  'Bùi Thanh Sơn meets Alexander Novak\n\n' +
  'MOSCOW — Deputy Prime Minister Bùi Thanh Sơn met Alexander Novak of the Russian Government ' +
  'in Moscow on Wednesday, May 9, 2025. Trade reached 4.58 billion USD in 2024, up 27 per cent. ' +
  '"We will work closely together," Novak said.';

let ready = null;

function start(module) {
  return init({ module_or_path: module })
    .then(() => analyse(WARM_UP, {}))
    .then(
      () => self.postMessage({ ready: true, maxInputBytes: maxInputBytes() }),
      (err) => self.postMessage({ ready: false, error: String(err && err.message ? err.message : err) }),
    );
}

self.onmessage = async ({ data }) => {
  if (data.module) {
    ready = start(data.module);
    return;
  }
  await ready;
  const { id, text, options } = data;
  const started = performance.now();
  try {
    const report = analyse(text, options);
    self.postMessage({ id, report, ms: performance.now() - started });
  } catch (err) {
    const trap = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: String(err && err.message ? err.message : err), trap });
  }
};
