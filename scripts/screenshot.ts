/**
 * Screenshots of the built app for a reviewer to look at: `npx tsx scripts/screenshot.ts
 * [sizes] [query] [out-dir] [dataset.json]`, e.g. `1366x768,1920x1080 '' screenshots/tmp`.
 * With a dataset file, the app is shown that dataset instead of the bundled one.
 * Run `vite build` first. Prints any console error the page logged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atEachSize } from './shots';

const [sizes = '1366x768,1920x1080', query = '', out = 'screenshots/tmp', dataset] = process.argv.slice(2);

void atEachSize(sizes, out, async (page, url, size) => {
  if (dataset) {
    const body = readFileSync(dataset, 'utf8');
    await page.route('**/data/puebla-2020.json', (route) => route.fulfill({ contentType: 'application/json', body }));
  }
  await page.goto(url + query);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const file = join(out, `${size}.png`);
  await page.screenshot({ path: file });
  console.log(file);
});
