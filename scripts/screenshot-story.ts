/**
 * Screenshots of every step of the default story, as the back row sees it: `npx tsx
 * scripts/screenshot-story.ts [sizes] [out-dir]`, e.g. `1920x1080,3840x2160 screenshots/story`.
 * Walks the story with PageDown only. Run `vite build` first.
 */
import { join } from 'node:path';
import { atEachSize } from './shots';

const [sizes = '1920x1080', out = 'screenshots/story'] = process.argv.slice(2);

void atEachSize(sizes, out, async (page, url, size) => {
  await page.goto(url);
  await page.locator('.marker-layer .place-marker').first().waitFor();
  await page.keyboard.press('p');
  await page.getByRole('navigation', { name: 'Presentation' }).waitFor();
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
});
