/* Service worker of the Occupational Development Fund site (served by Django at /sw.js).
 * Once a reader opens the toolkit, its pages, their files and the toolkit PDF are kept for offline use;
 * any other page that cannot be fetched shows the bilingual offline page. Never stores the admin,
 * previews or responses marked no-store (everything a signed-in user gets is "private, no-store"; counted
 * downloads are "private" only: kept by this reader, never by a shared cache). The cache name carries a version
 * that changes when the toolkit is republished. */
"use strict";
const CONFIG = {{ config_json }};
const PREFIX = "odf-";
const CACHE = PREFIX + CONFIG.version;
const FLAG = "/__odf/toolkit-languages";
const MAX_ITEMS = 300;

function sameOrigin(url) {
  return url.origin === self.location.origin;
}

function neverCache(url) {
  if (!sameOrigin(url)) return true;
  if (CONFIG.neverCache.some((p) => url.pathname.startsWith(p))) return true;
  if (url.pathname.includes("/preview") || url.searchParams.has("preview")) return true;
  return false;
}

function storable(response) {
  if (!response || !response.ok || response.type !== "basic" || response.redirected) return false;
  const control = (response.headers.get("Cache-Control") || "").toLowerCase();
  return !control.includes("no-store");
}

function toolkitLanguage(url) {
  for (const [lang, prefixes] of Object.entries(CONFIG.kitPrefixes)) {
    if (prefixes.some((p) => url.pathname.startsWith(p))) return lang;
  }
  return null;
}

async function put(cache, request, response) {
  if (storable(response) && !neverCache(new URL(response.url || request.url || request))) {
    await cache.put(request, response);
    return true;
  }
  return false;
}

// Same-origin files a toolkit page links to or shows: documents, downloads, images, styles.
function resourcesIn(html, lang) {
  const found = new Set();
  const attr = /(?:href|src)\s*=\s*"([^"]+)"|srcset\s*=\s*"([^"]+)"/g;
  let match;
  while ((match = attr.exec(html))) {
    const values = match[1] ? [match[1]] : match[2].split(",").map((s) => s.trim().split(/\s+/)[0]);
    for (const value of values) {
      let url;
      try {
        url = new URL(value.replace(/&amp;/g, "&"), self.location.origin);
      } catch (e) {
        continue;
      }
      if (neverCache(url)) continue;
      const p = url.pathname;
      const inToolkit = (CONFIG.kitPrefixes[lang] || []).some((prefix) => p.startsWith(prefix));
      if (p.startsWith("/documents/") || p.startsWith("/media/") || p.startsWith("/static/") || inToolkit) {
        url.hash = "";
        found.add(url.href);
      }
    }
  }
  return found;
}

async function cacheToolkit(lang) {
  const pages = CONFIG.kit[lang] || [];
  if (!pages.length) return;
  const cache = await caches.open(CACHE);
  const done = new Set();
  const extra = new Set();
  for (const path of pages) {
    const url = new URL(path, self.location.origin).href;
    done.add(url);
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      const type = response.headers.get("Content-Type") || "";
      if (type.includes("text/html") && response.ok) {
        const html = await response.clone().text();
        resourcesIn(html, lang).forEach((u) => extra.add(u));
      }
      await put(cache, url, response);
    } catch (e) {
      /* offline or failed: keep what we have */
    }
  }
  for (const url of extra) {
    if (done.has(url) || done.size > MAX_ITEMS) continue;
    done.add(url);
    if (await cache.match(url)) continue;
    try {
      await put(cache, url, await fetch(url, { credentials: "same-origin" }));
    } catch (e) {
      /* skip */
    }
  }
  const langs = await toolkitLanguages(cache);
  langs.add(lang);
  await cache.put(FLAG, new Response(JSON.stringify([...langs]), { headers: { "Content-Type": "application/json" } }));
}

async function toolkitLanguages(cache) {
  const flag = await cache.match(FLAG);
  return new Set(flag ? await flag.json() : []);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([CONFIG.offlineUrl, ...CONFIG.core]);
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
      // A reader who kept the toolkit keeps it: fetch the republished version, then drop the old one.
      const langs = new Set();
      for (const name of names) {
        (await toolkitLanguages(await caches.open(name))).forEach((l) => langs.add(l));
      }
      await self.clients.claim();
      for (const lang of langs) await cacheToolkit(lang);
      await Promise.all(names.map((n) => caches.delete(n)));
    })()
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "toolkit-opened" && typeof data.path === "string") {
    const lang = toolkitLanguage(new URL(data.path, self.location.origin));
    if (lang) {
      event.waitUntil(
        (async () => {
          // Already kept: navigations refresh the pages; a new version re-fetches everything on activation.
          if (!(await toolkitLanguages(await caches.open(CACHE))).has(lang)) await cacheToolkit(lang);
          // Tell the page the toolkit is kept, so it can say so (and tests can wait on the event).
          if (event.source) event.source.postMessage({ type: "toolkit-kept", lang });
        })()
      );
    }
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (neverCache(url)) return;

  if (request.mode === "navigate") {
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          const response = await fetch(request);
          const lang = toolkitLanguage(url);
          // Keep cached toolkit pages fresh while online; other pages are not stored.
          if (lang && (await cache.match(url.href, { ignoreSearch: false }))) {
            await put(cache, url.href, response.clone());
          }
          return response;
        } catch (e) {
          return (
            (await cache.match(request, { ignoreVary: true })) ||
            (await cache.match(url.origin + url.pathname, { ignoreVary: true })) ||
            (await cache.match(CONFIG.offlineUrl)) ||
            Response.error()
          );
        }
      })()
    );
    return;
  }

  event.respondWith(
    (async () => {
      const cached = await caches.match(request, { ignoreVary: true });
      if (cached) return cached;
      return fetch(request);
    })()
  );
});
