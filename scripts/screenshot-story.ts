/**
 * Screenshots of every step of the default story, as the back row sees it: `npx tsx
 * scripts/screenshot-story.ts [sizes] [out-dir]`, e.g. `1920x1080,3840x2160 screenshots/story`.
 * Walks the story with PageDown only. Run `vite build` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, offlineContext, serveBuild, watchErrors } from '../tests/e2e/browser';

async function main() {
  const [sizes = '1920x1080', out = 'screenshots/story'] = process.argv.slice(2);
  mkdirSync(out, { recursive: true });
  const { server, url } = await serveBuild();
  const browser = await launchBrowser();
  try {
    for (const size of sizes.split(',')) {
      const [width, height] = size.split('x').map(Number) as [number, number];
      const context = await offlineContext(browser, url, { width, height });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(url);
      await page.locator('.marker-layer .place-marker').first().waitFor();
      await page.keyboard.press('p');
      const bar = page.getByRole('navigation', { name: 'Presentation' });
      await bar.waitFor();
      let previous = '';
      for (let n = 1; n <= 80; n++) {
        await page.waitForTimeout(400);
        const where = (await page.locator('.stage-footer .where').textContent())?.trim() ?? '';
        if (where === previous) break;
        previous = where;
        const file = join(out, `${size}-${String(n).padStart(2, '0')}.png`);
        await page.screenshot({ path: file });
        console.log(`${file}: ${where}`);
        await page.keyboard.press('PageDown');
      }
      if (errors.length) console.log(`errors: ${errors.join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

void main();
