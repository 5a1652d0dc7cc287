/**
 * The service worker of the hosted dashboard (built by scripts/service-worker.ts, with the
 * list of the build's files): after one visit, the app, its consultations, the basemap and the
 * typeface are kept in the browser, and the dashboard opens and works with the network off.
 *
 * - The app's files come from the cache (Workbox precaching: a new build replaces them whole).
 * - A consultation is asked of the network first, so a changed dataset is seen at once; when
 *   the network fails, the kept copy is served with an `X-Offline-Copy` header giving its date,
 *   and the page says "offline copy of …": never a stale dataset without saying so.
 * - A new version waits until the page asks for it (its "Update available" button): never in
 *   the middle of a presentation.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

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

const DATASET = /\/data\/[^/]+\.json$/;
registerRoute(
  ({ url }) => url.origin === worker.location.origin && DATASET.test(url.pathname),
  new NetworkFirst({
    cacheName: 'consultations',
    networkTimeoutSeconds: 5,
    plugins: [
      {
        // From the cache only when the network failed: said so, with the copy's date.
        cachedResponseWillBeUsed: async ({ cachedResponse }) =>
          cachedResponse ? marked(cachedResponse, cachedResponse.headers.get('date') ?? __BUILT__) : cachedResponse,
        // Never fetched through the worker yet (the first visit loads before it runs): the build's copy.
        handlerDidError: async ({ request }) => {
          const kept = await matchPrecache(request.url);
          return kept ? marked(kept, __BUILT__) : undefined;
        },
      },
    ],
  }),
);

// The rest of the app: a page address with filters in its query is the same page.
precacheAndRoute(__PRECACHE__, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
clientsClaim();

worker.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') void worker.skipWaiting();
});
