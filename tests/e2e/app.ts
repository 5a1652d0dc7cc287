/** What every end-to-end test file shares: the built app served, Chromium, the bundled dataset. */
import type { Browser, Locator, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
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

/**
 * The Messages list's cards, every one: scrolls the list to its end, as a reader would, until
 * the cards built as they come near the view include every passing message.
 */
export async function allMessageCards(page: Page): Promise<Locator> {
  const region = page.getByRole('region', { name: 'Messages' });
  const cards = region.getByRole('article');
  const more = region.getByRole('button', { name: /more of \d+ remaining/ });
  await region.waitFor();
  while ((await more.count()) > 0) {
    const before = await cards.count();
    await more.scrollIntoViewIfNeeded();
    await expect.poll(() => cards.count()).toBeGreaterThan(before);
  }
  return cards;
}
