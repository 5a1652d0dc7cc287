/**
 * The layout, measured as a reader meets it: whole cards on the first screen, no name cut short,
 * and no text drawn over other text, from a phone to a 2560 px screen.
 */
import { describe, expect, it } from 'vitest';
import { openApp, PUEBLA, useApp } from './app';
import { overlaps, textBoxes } from './text-boxes';

const app = useApp();
/** A phone, a laptop, a full-HD screen and a 2560 px one. */
const SIZES: [number, number][] = [
  [390, 844],
  [1366, 768],
  [1920, 1080],
  [2560, 1440],
];

async function open(width: number, height: number) {
  const opened = await openApp(app, { viewport: { width, height } });
  await opened.page.locator('[data-decluttered]').first().waitFor({ state: 'attached' });
  await opened.page.evaluate(() => document.fonts.ready.then(() => undefined));
  return opened;
}

describe('the layout gives the words room', () => {
  it.each([
    [1366, 768, 2],
    [1920, 1080, 3],
    [2560, 1440, 3],
  ])('at %i×%i, at least %i message cards are readable whole on the first screen', async (width, height, least) => {
    const { page, close } = await open(width, height);
    const messages = page.getByRole('region', { name: 'Messages' });
    const list = (await messages.locator('.scroll').boundingBox())!;
    const boxes = await messages.getByRole('article').evaluateAll((cards) =>
      cards.map((card) => {
        const r = card.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom };
      }),
    );
    const bottom = Math.min(height, list.y + list.height);
    const whole = boxes.filter((b) => b.top >= list.y - 0.5 && b.bottom <= bottom + 0.5);
    expect(whole.length, JSON.stringify({ list, boxes: boxes.slice(0, 3) })).toBeGreaterThanOrEqual(least);
    // Read from the top of the page: nothing was scrolled to get there.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await close();
  });

  it.each([
    [1366, 768],
    [1920, 1080],
    [3840, 2160],
  ])(
    'at %i×%i, a filter set and cleared shows a full list in the click’s own frame, and the next screen’s cards follow',
    async (width, height) => {
      const { page, close } = await open(width, height);
      const cell = '.themes td[role="gridcell"]:not(.empty)';
      const inFrame = await page.evaluate(async (cell) => {
        const list = document.querySelector('.region.messages .scroll')!;
        const press = async () => {
          document.querySelector<HTMLElement>(cell)!.click();
          // Svelte's update runs in a microtask: what the browser lays out and paints next.
          await Promise.resolve();
          await Promise.resolve();
        };
        await press();
        await new Promise((r) => setTimeout(r, 100));
        await press();
        const cards = [...list.querySelectorAll('article')];
        const bottom = list.getBoundingClientRect().bottom;
        return { cards: cards.length, filled: cards.at(-1)!.getBoundingClientRect().bottom >= bottom };
      }, cell);
      // All 52 pass again: the list is filled to its foot at once, with fewer cards than it holds.
      expect(inFrame.filled, JSON.stringify(inFrame)).toBe(true);
      expect(inFrame.cards).toBeLessThan(PUEBLA.messages.length);
      // The next screen's cards are built just after, ready to scroll into.
      await expect.poll(() => page.locator('.region.messages article').count()).toBeGreaterThan(inFrame.cards);
      await close();
    },
  );

  it.each(SIZES)('at %i×%i no text is drawn over other text', async (width, height) => {
    const { page, close } = await open(width, height);
    const boxes = await textBoxes(page);
    expect(boxes.length).toBeGreaterThan(30);
    expect(overlaps(boxes)).toEqual([]);
    await close();
  });

  it.each(SIZES)('at %i×%i every session and every theme is named whole', async (width, height) => {
    const { page, close } = await open(width, height);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    if (width < 1024) await page.getByRole('tab', { name: /^Timeline/ }).click();
    await timeline.locator('.session').first().waitFor();
    // A session's name beside its mark is never cut short: where it has no room, it is listed under the chart.
    const cut = await timeline
      .locator('.session .title')
      .evaluateAll((titles) =>
        titles
          .filter((t) => t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1)
          .map((t) => t.textContent),
      );
    expect(cut).toEqual([]);
    const shown = [
      ...(await timeline.locator('.session .title').allTextContents()),
      ...(await timeline.locator('.names li').allTextContents()),
    ]
      .join('\n')
      // A no-break space reads as a space (it keeps "session 1" on one line).
      .replace(/\u00A0/g, ' ');
    for (const session of PUEBLA.sessions) expect(shown, session.title).toContain(session.title);
    // Every theme's name heads its column whole.
    if (width < 1024) await page.getByRole('tab', { name: /^Themes/ }).click();
    const themes = page.getByRole('region', { name: 'Themes' });
    const names = await themes.locator('th .vertical').evaluateAll((spans) =>
      spans.map((span) => {
        const r = span.getBoundingClientRect();
        const cell = span.closest('th')!.getBoundingClientRect();
        return {
          text: span.textContent,
          inside: r.top >= cell.top - 0.5 && r.bottom <= cell.bottom + 0.5,
          whole: span.scrollHeight <= span.clientHeight + 1,
        };
      }),
    );
    expect(names.map((n) => n.text)).toEqual(PUEBLA.themes.map((t) => expect.stringContaining(t.label)));
    expect(names.filter((n) => !n.inside || !n.whole)).toEqual([]);
    await close();
  });
});
