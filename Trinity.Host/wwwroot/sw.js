// The web client's service worker: keeps the app shell so the page opens without a network, never the live parts.
// A new VERSION makes browsers install this worker again; it takes over at once and drops the older caches.
const VERSION = "1";
const CACHE = `trinity-shell-v${VERSION}`;
const SHELL = ["./", "css/app.css", "js/app.js", "lib/signalr/signalr.min.js", "manifest.webmanifest",
  "icons/icon.svg", "icons/icon-192.png"];
// Below the worker's scope (the node's base path): the API, the hub, the dashboard, health and metrics are live.
const LIVE = /^(api|realtime|admin|metrics|healthz)(\/|$)/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("trinity-shell-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/** The path below the scope, e.g. "api/rooms" for https://host/trinity/api/rooms; null outside it. */
function below(url) {
  const scope = new URL(self.registration.scope);
  return url.origin === scope.origin && url.pathname.startsWith(scope.pathname) ? url.pathname.slice(scope.pathname.length) : null;
}

// Network first, so a deploy shows at once; the cache answers only when the network does not.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const path = below(new URL(request.url));
  if (request.method !== "GET" || path === null || LIVE.test(path)) return;
  event.respondWith(fetch(request).then((response) => {
    if (response.ok && response.type === "basic") {
      const copy = response.clone();
      // Invite links (join/CODE) are the same page as the root: keep one copy of it.
      const key = request.mode === "navigate" ? "./" : request;
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
    }
    return response;
  }).catch(async () => (await caches.match(request)) ?? (request.mode === "navigate" ? caches.match("./") : Response.error())));
});
