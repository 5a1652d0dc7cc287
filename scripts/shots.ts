/** What the screenshot scripts share: the built app served, Chromium, an offline page per size. */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser, offlineContext, serveBuild, watchErrors } from '../tests/e2e/browser';

/** Opens the app at each `WIDTHxHEIGHT` size in turn and hands the page over; prints any console error. */
export async function atEachSize(
  sizes: string,
  out: string,
  shoot: (page: Page, url: string, size: string) => Promise<void>,
): Promise<void> {
  mkdirSync(out, { recursive: true });
  const { server, url } = await serveBuild();
  const browser = await launchBrowser();
  try {
    for (const size of sizes.split(',')) {
      const [width, height] = size.split('x').map(Number) as [number, number];
      const context = await offlineContext(browser, url, { width, height });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await shoot(page, url, size);
      if (errors.length) console.log(`${size}: ${errors.join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
