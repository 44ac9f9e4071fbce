// whichstatus's service worker, a text/template for go-app
// (Handler.ServiceWorkerTemplate): go-app fills in the version and the list
// of files to cache: the app, the root page (the app shell) and the guide's
// pages (see precachePaths). Other pages are cached when first visited.
//
// go-app's default worker answers offline only for the exact root URL. This
// one serves the whole app offline, under any sub-path: every route, deep
// links, and links with a query string (share links, embeds).
"use strict";

const version = "{{.Version}}";

// The scope is the site's root with its slash: https://host/whichstatus/.
const scope = self.registration.scope;

// One cache per scope and version. CacheStorage is shared by the whole
// origin, so a new version deletes only the caches of this scope: another
// copy of the site under another sub-path keeps its own.
const cachePrefix = "whichstatus " + scope + " ";
const cacheName = cachePrefix + version;

// go-app lists the scope without its slash ("/whichstatus"), which a server
// answers with a redirect, and a redirected response cannot answer a page
// load: cache the scope itself instead. Cache.addAll rejects a list that
// names a URL twice, so the list is made unique.
const resources = [
  ...new Set(
    {{.ResourcesToCache}}
      .map((path) => new URL(path, scope).href)
      .map((url) => (url + "/" === scope ? scope : url))
      .concat(scope)
  ),
];

// Every page of the site but the 404 page (newHandler fills the list in).
// Offline, an address that is none of them gets the 404 page, with the
// status 404, as the server would answer.
const pages = new Set(/* pages */ [].map((path) => new URL(path, scope).pathname));
const notFoundPage = new URL("404", scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      try {
        // "no-cache": the server confirms each file, so that no older file
        // from the HTTP cache is kept under the new version's name; a file
        // the page has just loaded (app.wasm, 8 MB) is confirmed with a 304
        // instead of being sent again.
        await cache.addAll(resources.map((url) => new Request(url, { cache: "no-cache" })));
      } catch (err) {
        // The install fails and the previous version stays in charge; say
        // why, since the browser does not.
        console.error("whichstatus: caching the app for offline use failed", err);
        await caches.delete(cacheName);
        throw err;
      }
      // Take over at once: the open app then offers to reload (the page
      // hears of it through go-app's update hook and controllerchange).
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith(cachePrefix) && key !== cacheName)
            .map((key) => caches.delete(key))
        )
      )
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope)) {
    return; // not ours: the browser fetches it as usual
  }
  event.respondWith(answer(request));
});

async function answer(request) {
  const cache = await caches.open(cacheName);
  // A share or embed link is a page with a query string: the page answers.
  // Every entry is cached under its address without a query (the list
  // above has none, and keep strips it), so the address without the query
  // finds what ignoreSearch would, with one lookup: ignoreSearch has
  // Chromium read every entry of the cache for each request, and a revisit
  // asks for 13 files at once, app.wasm among the last (in a traced
  // revisit the worker answered app.wasm 13 ms after it was asked, against
  // 50–70 ms with ignoreSearch).
  const url = new URL(request.url);
  url.search = "";
  const cached = await cache.match(url.href);
  if (cached) {
    return cached;
  }
  try {
    const response = await fetch(request);
    keep(cache, request, response);
    return response;
  } catch (err) {
    // A diagram's SVG file, which /flow offers to download, is not cached:
    // /flow's page holds the same file inline.
    const svg = await flowSVG(cache, url.pathname);
    if (svg) {
      return svg;
    }
    // Offline and not cached under this address: the app shell boots and
    // the client routes the URL itself.
    if (request.mode === "navigate") {
      const path = new URL(request.url).pathname;
      if (!pages.has(path)) {
        const page = await cache.match(notFoundPage);
        if (page) {
          return new Response(page.body, { status: 404, statusText: "Not Found", headers: page.headers });
        }
      }
      const shell = await cache.match(scope);
      if (shell) {
        return shell;
      }
    }
    throw err;
  }
}

// flowSVG answers web/flow-<profile>.svg with the diagram that /flow's
// cached page holds: the file as written, from its <svg> to its </svg>.
// null when it is not that file, or /flow's page is not cached.
const flowFiles = new URL("web/flow-", scope).pathname;

async function flowSVG(cache, pathname) {
  const profile = pathname.startsWith(flowFiles) && pathname.endsWith(".svg") && pathname.slice(flowFiles.length, -4);
  const page = profile && (await cache.match(new URL("flow", scope).href));
  if (!page) {
    return null;
  }
  const html = await page.text();
  const start = html.indexOf('<svg xmlns="http://www.w3.org/2000/svg" class="flow" data-profile="' + profile + '"');
  const end = start < 0 ? -1 : html.indexOf("</svg>", start);
  if (end < 0) {
    return null;
  }
  return new Response(html.slice(start, end + "</svg>".length) + "\n", {
    headers: { "Content-Type": "image/svg+xml" },
  });
}

// keep caches a page of the site the first time it is loaded, under its
// address without the query (answer looks pages up without it): a page
// visited once opens offline as itself rather than as the app shell.
function keep(cache, request, response) {
  if (request.mode !== "navigate" || !response.ok || response.redirected || response.type !== "basic") {
    return;
  }
  const url = new URL(request.url);
  url.search = "";
  cache.put(url.href, response.clone()).catch(() => {});
}
