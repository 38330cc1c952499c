// Makes the web client installable: registers the service worker (sw.js, next to index.html under the node's
// base path, so its scope is the whole client and nothing above it).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("sw.js").catch((e) => console.warn("service worker not registered:", e.message));
}
