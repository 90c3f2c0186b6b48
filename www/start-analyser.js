// Starts the analyser's worker as the page's first act. This is a classic script in the
// head: it runs as soon as the parser reaches it, before the page's first layout, where a
// module script would run only after that layout. The worker, which fetches and compiles
// the WebAssembly, is what the page waits on longest, so it starts first.
// analyser.js takes it over, with the events that reached the page before it did.
self.earlyAnalyser = (() => {
  const worker = new Worker('worker.js', { type: 'module' });
  const events = [];
  worker.onmessage = worker.onerror = (event) => {
    if (event.type === 'error') event.preventDefault();
    events.push(event);
  };
  return { worker, events };
})();
