/**
 * The service worker of the hosted dashboard (built by scripts/service-worker.ts, with the
 * list of the build's files): after one visit, the app, its consultations, the basemap and the
 * typeface are kept in the browser, and the dashboard opens and works with the network off.
 *
 * - The app's files come from the cache (Workbox precaching: a new build replaces them whole).
 * - A consultation is asked of the network first, so a changed dataset is seen at once; when
 *   the network fails, or answers nothing within a few seconds, the kept copy is served with an
 *   `X-Offline-Copy` header giving its date, and the page says "offline copy of …": never a stale
 *   dataset without saying so, and never "Loading…" for ever. This holds for the bundled
 *   consultations and for those opened from another site's address (`?data=`), once opened.
 * - A new version waits until the page asks for it (its "Update available" button): never in
 *   the middle of a presentation.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';

declare const __PRECACHE__: { url: string; revision: string }[];
declare const __BUILT__: string;

/** The worker's own scope, typed as much as it is used here (the page's DOM types are in scope). */
const worker = self as unknown as {
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent<{ type?: string }>) => void): void;
};

/** A kept response, marked with the date it is a copy of. */
function marked(response: Response, date: string): Response {
  const headers = new Headers(response.headers);
  headers.set('X-Offline-Copy', date);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** How long the network has to answer before the kept copy is served. */
const NETWORK_SECONDS = 5;
const CONSULTATIONS = 'consultations';
/** When a copy was kept: another site's answer hides its own Date header from the worker (CORS). */
const KEPT = 'X-Kept';

async function keep(request: Request, response: Response): Promise<void> {
  const headers = new Headers(response.headers);
  headers.set(KEPT, new Date().toUTCString());
  const body = await response.clone().arrayBuffer();
  const cache = await caches.open(CONSULTATIONS);
  await cache.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers }));
}

/** The copy kept of a consultation: fetched before through this worker, else the build's own. */
async function keptCopy(request: Request): Promise<Response | undefined> {
  const kept = await (await caches.open(CONSULTATIONS)).match(request);
  if (kept) return marked(kept, kept.headers.get(KEPT) ?? kept.headers.get('date') ?? __BUILT__);
  const built = await matchPrecache(request.url);
  return built ? marked(built, __BUILT__) : undefined;
}

/**
 * Network first, within a few seconds; then the kept copy, said to be one. With no copy, the
 * network's own answer (or failure) is awaited: the page's time limit then says what happened.
 */
async function consultation({ request }: { request: Request }): Promise<Response> {
  const network = fetch(request).then(async (response) => {
    if (response.ok) await keep(request, response).catch(() => {});
    return response;
  });
  network.catch(() => {});
  const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), NETWORK_SECONDS * 1000));
  const first = await Promise.race([
    network.then(
      (response) => response,
      () => 'failed' as const,
    ),
    late,
  ]);
  if (first !== 'late' && first !== 'failed') return first;
  return (await keptCopy(request)) ?? network;
}

const DATASET = /\/data\/[^/]+\.json$/;
registerRoute(({ url }) => url.origin === worker.location.origin && DATASET.test(url.pathname), consultation);
// A consultation at another site's address: the page's only cross-site reads (pictures, like the
// optional map tiles, are not these).
registerRoute(
  ({ url, request }) =>
    url.origin !== worker.location.origin &&
    request.method === 'GET' &&
    request.destination === '' &&
    request.mode === 'cors',
  consultation,
);

// The rest of the app: a page address with filters in its query is the same page.
precacheAndRoute(__PRECACHE__, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
clientsClaim();

worker.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void worker.skipWaiting();
});
