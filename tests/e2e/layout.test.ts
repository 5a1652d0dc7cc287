/**
 * The layout, measured as a reader meets it: whole cards on the first screen, no name cut short,
 * and no text drawn over other text, from a phone to a 2560 px screen.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, PUEBLA, useApp } from './app';

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

/**
 * Every line of visible text on the page, as the boxes the browser drew it in: a text node's
 * client rects, clipped by each scrolling or clipping ancestor; text that is clipped away, hidden
 * or visually hidden (1 px) is not seen, so it cannot overlap.
 */
function textBoxes(page: Page) {
  return page.evaluate(() => {
    const out: { node: number; text: string; left: number; right: number; top: number; bottom: number }[] = [];
    let index = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      index++;
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('svg defs, script, style, template')) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      // The visible part of the node: its rects clipped by every ancestor that clips.
      let clip = { left: -Infinity, right: Infinity, top: -Infinity, bottom: Infinity };
      let hidden = false;
      for (let at: Element | null = parent; at && at !== document.documentElement; at = at.parentElement) {
        const s = getComputedStyle(at);
        if (s.display === 'none' || Number(s.opacity) === 0) hidden = true;
        if (s.overflowX !== 'visible' || s.overflowY !== 'visible' || s.clip !== 'auto') {
          const r = at.getBoundingClientRect();
          clip = {
            left: Math.max(clip.left, r.left),
            right: Math.min(clip.right, r.right),
            top: Math.max(clip.top, r.top),
            bottom: Math.min(clip.bottom, r.bottom),
          };
        }
      }
      if (hidden) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        const box = {
          node: index,
          text,
          left: Math.max(r.left, clip.left),
          right: Math.min(r.right, clip.right),
          top: Math.max(r.top, clip.top),
          bottom: Math.min(r.bottom, clip.bottom),
        };
        // Under 2 px either way: clipped away, or a visually hidden text; or off the page (a skip link until it has the focus).
        const onPage = box.right > -scrollX && box.bottom > -scrollY;
        if (onPage && box.right - box.left >= 2 && box.bottom - box.top >= 2) out.push(box);
      }
    }
    return out;
  });
}

/** Pairs of text boxes that overlap by more than `slack` px each way (lines may touch). */
function overlaps(boxes: Awaited<ReturnType<typeof textBoxes>>, slack = 2): string[] {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.node === b.node) continue; // one text's own lines
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > slack && y > slack) found.push(`“${a.text.slice(0, 40)}” overlaps “${b.text.slice(0, 40)}”`);
    }
  }
  return found;
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
