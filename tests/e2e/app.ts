/** What every end-to-end test file shares: the built app served, Chromium, the bundled dataset. */
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { launchBrowser, serveBuild } from './browser';

export const PUEBLA = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;

/** The same dataset, untyped: tests that break it on purpose (a missing field, markup in a name) start from this. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- these tests write what the type forbids
export const PUEBLA_JSON: any = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8'));

/** Serves the build and launches Chromium before a file's tests; closes both after them. */
export function useApp(): { readonly url: string; readonly browser: Browser } {
  const app = {} as { url: string; browser: Browser; server: PreviewServer };
  beforeAll(async () => {
    const served = await serveBuild();
    app.server = served.server;
    app.url = served.url;
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** The header's live count: "N of M messages" → N. */
export function messageTotal(page: Page): Promise<number> {
  return page
    .getByRole('status')
    .first()
    .textContent()
    .then((t) => Number(/(\d+)\s+of/.exec(t ?? '')?.[1]));
}
