// Runs the analyser off the main thread so a long article never freezes the page.
// Messages in: {id, text, options}. Out: {ready, maxInputBytes} once, then
// {id, report, ms} or {id, error, trap}. After a trap the page replaces this worker,
// since a module that has trapped may be left in a broken state.
import init, { analyse, maxInputBytes } from './pkg/article_analyser.js';

const ready = init().then(
  () => self.postMessage({ ready: true, maxInputBytes: maxInputBytes() }),
  (err) => self.postMessage({ ready: false, error: String(err && err.message ? err.message : err) }),
);

self.onmessage = async ({ data }) => {
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
