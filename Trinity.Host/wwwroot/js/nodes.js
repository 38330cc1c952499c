// The node URLs the client may connect to, in order of preference. By default the node that served
// the page, at its base path (the page's <base href>, e.g. https://host/trinity); a deployment can
// list several nodes with ?nodes=url1,url2 or window.TRINITY_NODES (an array or a comma-separated
// string, set by a script before app.js runs).

/** The base URL of the web client without its trailing slash, e.g. https://host/trinity. */
export function appBase(baseURI = document.baseURI) {
  return new URL('.', baseURI).href.replace(/\/+$/, '');
}

export function nodeUrls(location = window.location, configured = window.TRINITY_NODES) {
  const fromQuery = new URLSearchParams(location.search).get('nodes');
  const raw = fromQuery ?? configured ?? '';
  const list = (Array.isArray(raw) ? raw : String(raw).split(','))
    .map((url) => url.trim().replace(/\/+$/, ''))
    .filter((url) => /^https?:\/\//i.test(url));
  return list.length > 0 ? [...new Set(list)] : [appBase()];
}
