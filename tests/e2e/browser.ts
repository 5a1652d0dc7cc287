/**
 * The end-to-end harness: the built app served by `vite preview` on 127.0.0.1, and a Chromium
 * driven by playwright-core: the system's, or the one an npm package ships. No browser is ever
 * downloaded.
 */
import { existsSync } from 'node:fs';
import { findChromium } from './chromium';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/** Chromium, headless (see `chromium.ts` for which one); `extraArgs` are added to its command line. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const found = await findChromium();
  return chromium.launch({
    executablePath: found.executablePath,
    headless: true,
    env: found.env ? { ...process.env, ...found.env } : undefined,
    args: [
      ...extraArgs,
      ...found.args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serves the built app (`dist/`, from `vite build`) on a free loopback port. */
export async function serveBuild(): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync('dist/index.html')) throw new Error('No build found: run `vite build` before the end-to-end tests.');
  const server = await preview({
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return { server, url };
}

/**
 * A context whose requests may reach only the app's own server (and the test's own servers it
 * names in `allow`): the app must work with no network.
 */
export async function offlineContext(
  browser: Browser,
  appUrl: string,
  viewport = { width: 1366, height: 768 },
  allow: readonly string[] = [],
): Promise<BrowserContext> {
  // No service worker: it would answer the page's requests before the test's routes could
  // (the offline tests that are about it make their own contexts).
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const origins = new Set([new URL(appUrl).origin, ...allow.map((a) => new URL(a).origin)]);
  await context.route(
    (url) => !origins.has(url.origin),
    (route) => route.abort('internetdisconnected'),
  );
  return context;
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
