/**
 * What the page says about itself, beside the consultation's title: a consultation served
 * from the browser's kept copy because the network failed ("Offline copy of 2 December 2026"),
 * and a new version of the app ready to load (never loaded without the user's click, so never
 * in the middle of a presentation).
 */
export const appStatus = $state<{
  /** The date of the kept copy on screen, as the server or the build gave it. */
  offlineCopy: string | null;
  /** Loads the waiting new version, when there is one. */
  update: (() => void) | null;
}>({ offlineCopy: null, update: null });

/** The hosted app keeps itself for offline use (see src/sw.ts); a packed copy or the dev server does not. */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || import.meta.env.MODE === 'pack') return;
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
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
