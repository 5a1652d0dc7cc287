/**
 * What the page says about itself, beside the consultation's title: a new version of the app
 * ready to load (never loaded without the user's click, so never in the middle of a
 * presentation). (A consultation served from the browser's kept copy says so itself: see
 * data/copies.ts.)
 */
export const appStatus = $state<{
  /** Loads the waiting new version, when there is one. */
  update: (() => void) | null;
}>({ update: null });

/** The hosted app keeps itself for offline use (see src/sw.ts); a packed copy or the dev server does not. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || import.meta.env.MODE === 'pack') return;
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  // A while after the page has loaded, once it is idle: keeping the app for later never slows its
  // first drawing (the page's load event can come before every view is drawn), nor adds to it.
  const idle = () =>
    setTimeout(
      () => (window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200)))(() => void register()),
      2000,
    );
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

async function register(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox('./sw.js');
  workbox.addEventListener('waiting', () => {
    appStatus.update = () => {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    };
  });
  try {
    await workbox.register();
  } catch {
    // A build without its worker (vite build alone) or a browser that refuses: the app works online.
  }
}
