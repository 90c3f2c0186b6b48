// Runs the analyser off the main thread so a long article never freezes the page.
// It fetches and compiles the WebAssembly itself, so that the page's main thread, busy
// with its first layout, does not hold it up.
// Messages in: {id, text, options}. Out: {ready, maxInputBytes} or {ready: false, error}
// once, then {id, report, ms} or {id, error, trap}. After a trap the page replaces this
// worker, since a module that has trapped may be left in a broken state.

// The first analysis in a fresh instance pays for one-time set-up (the decoded name
// tagger, the parsed word lists, code compiled and run for the first time). A short
// article touching every stage pays it here, while the page is still loading, instead of
// on the reader's first text.
const WARM_UP =
  'Bùi Thanh Sơn meets Alexander Novak\n\n' +
  'MOSCOW — Deputy Prime Minister Bùi Thanh Sơn met Alexander Novak of the Russian Government ' +
  'in Moscow on Wednesday, May 9, 2025. Trade reached 4.58 billion USD in 2024, up 27 per cent. ' +
  '"We will work closely together," Novak said.';

// The module uses 128-bit SIMD; a browser that cannot validate this one-instruction module
// (i8x16.splat) cannot compile the analyser either.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 15, 11]);

function compile() {
  const url = new URL('./pkg/article_analyser_bg.wasm', import.meta.url);
  // Streaming compilation needs the file served as application/wasm; otherwise compile the bytes.
  return WebAssembly.compileStreaming(fetch(url))
    .catch(async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname} could not be loaded (${response.status})`);
      return WebAssembly.compile(await response.arrayBuffer());
    })
    .catch((err) => {
      if (err instanceof WebAssembly.CompileError && !WebAssembly.validate(SIMD_PROBE)) {
        throw new Error('this browser is too old to run it (it needs Chrome or Edge 91, Firefox 89 or Safari 16.4, or later)');
      }
      throw err;
    });
}

function messageOf(err) {
  return String(err && err.message ? err.message : err);
}

// The bindings are imported alongside the download rather than before it.
let analyser = null; // the bindings, once set up
const ready = Promise.all([import('./pkg/article_analyser.js'), compile()])
  .then(async ([bindings, module]) => {
    await bindings.default({ module_or_path: module });
    bindings.analyse(WARM_UP, {});
    analyser = bindings;
    self.postMessage({ ready: true, maxInputBytes: bindings.maxInputBytes() });
  })
  .catch((err) => self.postMessage({ ready: false, error: messageOf(err) }));

self.onmessage = async ({ data }) => {
  await ready;
  const { id, text, options } = data;
  const started = performance.now();
  try {
    const report = analyser.analyse(text, options);
    self.postMessage({ id, report, ms: performance.now() - started });
  } catch (err) {
    const trap = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: messageOf(err), trap });
  }
};
