/// <reference lib="webworker" />
/**
 * The service worker: keeps the app shell so the app opens with no network, answers downloaded books' audio from
 * the cache (byte ranges included, as media elements ask for them), and falls back to cached book data offline.
 */
export {};
declare const self: ServiceWorkerGlobalScope;

const PRECACHE: string[] = "__PRECACHE__" as unknown as string[];
const SHELL = 'cyprus-shell-' + hash(JSON.stringify(PRECACHE));
const BOOKS = 'cyprus-books-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(Array.isArray(PRECACHE) ? PRECACHE : ['/'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('cyprus-shell-') && name !== SHELL) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(async () => (await caches.match('/', { cacheName: SHELL })) ?? Response.error()));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(request, { cacheName: SHELL }).then((hit) => hit ?? fetch(request)));
  } else if (/^\/api\/v1\/files\/[^/]+$/.test(url.pathname)) {
    event.respondWith(audio(request, url));
  } else if (/^\/api\/v1\/books\/[^/]+(\/cover)?$/.test(url.pathname)) {
    event.respondWith(fetch(request).catch(async () => (await caches.match(url.pathname + url.search, { cacheName: BOOKS })) ?? Response.error()));
  }
});

/** A downloaded file from the cache, as the range the media element asked for (RFC 9110 §14); else the network. */
async function audio(request: Request, url: URL): Promise<Response> {
  const hit = await caches.match(url.pathname, { cacheName: BOOKS });
  if (!hit) return fetch(request);
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('Range') ?? '');
  if (!range) return hit;
  const blob = await hit.blob();
  const size = blob.size;
  let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
  let end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
  start = Math.max(0, start);
  if (start >= size || end < start) {
    return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  }
  end = Math.max(end, start);
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: {
      'Content-Type': hit.headers.get('Content-Type') ?? 'application/octet-stream',
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Content-Length': String(end - start + 1),
      'Accept-Ranges': 'bytes',
    },
  });
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
