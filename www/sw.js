// Keeps the page working offline: every file is cached when the page is installed and
// served from the network when it can be reached, from the cache when it cannot.
const CACHE = 'article-analyser-v3';
const FILES = [
  './',
  'index.html',
  'style.css',
  'app.js',
  'analyser.js',
  'start-analyser.js',
  'html-to-text.js',
  'timex.js',
  'samples.js',
  'worker.js',
  'pkg/article_analyser.js',
  'pkg/article_analyser_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});
