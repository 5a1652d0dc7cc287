import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../scripts/synthetic';
import { allMessageCards, messageTotal, PUEBLA_JSON, openApp, useApp, sessionName } from './app';

const puebla = PUEBLA_JSON;

const app = useApp();

async function open(dataset?: unknown, viewport = { width: 1366, height: 768 }) {
  const opened = await openApp(app, { viewport, dataset });
  const themes = opened.page.getByRole('region', { name: 'Themes' });
  await themes.getByRole('grid').waitFor();
  return { ...opened, themes };
}

const total = messageTotal;

describe('themes, messages and search in Chromium', () => {
  it('choosing the theme "Regional cooperation" leaves only its messages, and the map and timeline follow', async () => {
    const { page, themes, errors, close } = await open();
    const map = page.getByRole('region', { name: 'Map' });
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const mapCount = () => map.locator('.region-header .count').textContent();
    const breakout2 = () =>
      timeline.getByRole('button', { name: sessionName('Thematic breakout session 2', '11 June 2020') }).textContent();
    const mapBefore = await mapCount();
    const timelineBefore = await breakout2();

    await themes.getByRole('columnheader', { name: /^Theme: Regional cooperation/ }).click();
    const tagged = puebla.messages.filter((m: { themeIds: string[] }) => m.themeIds.includes('regional-cooperation'));
    expect(await total(page)).toBe(tagged.length);
    const articles = await allMessageCards(page);
    expect(await articles.count()).toBe(tagged.length);
    for (let i = 0; i < tagged.length; i++) {
      expect(
        await articles
          .nth(i)
          .getByRole('button', { name: /^(✓ )?Theme Regional cooperation$/ })
          .count(),
      ).toBe(1);
    }
    expect(await mapCount()).not.toBe(mapBefore);
    expect(await breakout2()).not.toBe(timelineBefore);
    expect(
      await themes.getByRole('columnheader', { name: /^Theme: Regional cooperation/ }).getAttribute('aria-selected'),
    ).toBe('true');

    // Escape in the matrix clears its clause.
    await themes.getByRole('columnheader', { name: /^Theme: Regional cooperation/ }).focus();
    await page.keyboard.press('Escape');
    expect(await total(page)).toBe(52);
    expect(errors).toEqual([]);
    await close();
  });

  it('search for "evicted" finds the Montevideo practice and marks the word; Escape clears', async () => {
    const { page, close } = await open();
    const messages = page.getByRole('region', { name: 'Messages' });
    await messages.getByRole('searchbox', { name: 'Search messages' }).fill('evicted');
    expect(await total(page)).toBe(2);
    const practice = messages.getByRole('article', { name: "Montevideo's fund against evictions" });
    expect(await practice.isVisible()).toBe(true);
    expect(await practice.locator('mark').allTextContents()).toEqual(['evicted']);
    await page.keyboard.press('Escape');
    expect(await total(page)).toBe(52);
    expect(await messages.getByRole('searchbox', { name: 'Search messages' }).inputValue()).toBe('');
    await close();
  });

  it('a cell of the matrix combines with a search and a place; Clear all restores everything', async () => {
    const { page, themes, close } = await open(undefined, { width: 1920, height: 1080 });
    await themes
      .getByRole('gridcell', { name: /^Topic 2: Addressing Gaps in Migrant Protection × Housing and basic needs/ })
      .click();
    const cell = puebla.messages.filter(
      (m: { topicId: string; themeIds: string[] }) => m.topicId === 'topic-2' && m.themeIds.includes('housing'),
    ).length;
    expect(await total(page)).toBe(cell);
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('Montevideo');
    expect(await total(page)).toBe(2);
    await page.getByRole('button', { name: 'Clear all filters' }).first().click();
    expect(await total(page)).toBe(52);
    await close();
  });

  it('a cell counts each passage once, and the header says why the list shows more', async () => {
    const { page, themes, close } = await open();
    type Row = { id: string; topicId: string; themeIds: string[]; excerptOf?: string };
    const inCell = (puebla.messages as Row[]).filter(
      (m) => m.topicId === 'topic-2' && m.themeIds.includes('migrant-protection'),
    );
    const ids = new Set(inCell.map((m) => m.id));
    // A practice quoted in a takeaway of the same cell, with the theme in both, is one passage.
    const repeats = inCell.filter(
      (m) =>
        m.excerptOf !== undefined &&
        ids.has(m.excerptOf) &&
        inCell.find((w) => w.id === m.excerptOf)!.themeIds.includes('migrant-protection'),
    ).length;
    expect(repeats).toBeGreaterThan(0);
    const cell = themes.getByRole('gridcell', {
      name: /^Topic 2: Addressing Gaps in Migrant Protection × Migrant protection:/,
    });
    expect(Number(await cell.textContent())).toBe(inCell.length - repeats);
    // The matrix says so itself, beside the cells.
    expect(await themes.getByText(/repeated words count once/).isVisible()).toBe(true);
    await cell.click();
    expect(await total(page)).toBe(inCell.length);
    expect(await (await allMessageCards(page)).count()).toBe(inCell.length);
    expect(
      await page
        .getByText(
          `The map and the timeline count ${inCell.length - repeats} passages: ${repeats} messages repeat others’ words.`,
        )
        .isVisible(),
    ).toBe(true);
    await close();
  });

  it('a message opens on its own, from the list and from the message × theme matrix', async () => {
    const { page, themes, close } = await open();
    await allMessageCards(page);
    const card = page.getByRole('article', { name: "Montevideo's fund against evictions" });
    await card.getByRole('button', { name: 'Open' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toBe("Montevideo's fund against evictions");
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await themes.getByRole('button', { name: 'Messages × themes' }).click();
    const grid = themes.getByRole('grid', { name: 'Themes of each message' });
    await grid.waitFor();
    expect(await grid.getByRole('rowheader', { name: /: open$/ }).count()).toBe(52);
    await grid.getByRole('rowheader', { name: 'The biggest protection challenges: open' }).click();
    await dialog.waitFor();
    expect(await dialog.getByText(/Montevideo has set up a fund/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await close();
  });

  it('shows a message text with <script> literally', async () => {
    const hostile = structuredClone(puebla);
    // A message that neither quotes nor is quoted by another, so its text may change freely.
    const alone = hostile.messages.find(
      (m: { id: string; excerptOf?: string }) =>
        m.excerptOf === undefined && !hostile.messages.some((x: { excerptOf?: string }) => x.excerptOf === m.id),
    );
    alone.text = '<script>alert("x")</script> evicted';
    alone.highlights = [];
    const { page, dialogs, close } = await open(hostile);
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('script');
    expect(await total(page)).toBe(1);
    const article = page.getByRole('region', { name: 'Messages' }).getByRole('article');
    expect(await article.textContent()).toContain('<script>alert("x")</script> evicted');
    expect(await page.locator('main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await close();
  });

  it('a big consultation’s counts fit their cells ("4.2k"), their names keep the whole count, and no header’s parts overlap', async () => {
    const big = syntheticDataset({ messages: 30_000, places: 300, sessions: 10, seed: 5 });
    for (const width of [1366, 1024]) {
      const { page, themes, errors, close } = await open(big, { width, height: 800 });
      const cells = await themes.locator('[role="grid"] td.cell').evaluateAll((tds) =>
        tds.map((td) => ({
          shown: td.textContent!.trim(),
          name: td.getAttribute('aria-label')!,
          fits: td.scrollWidth <= td.clientWidth,
        })),
      );
      // The shown count, worked out here: as it is below 1,000; thousands with one decimal below 10,000.
      const compact = (n: number) =>
        n === 0
          ? ''
          : n < 1000
            ? String(n)
            : n < 9950
              ? `${Number((n / 1000).toFixed(1))}k`
              : `${Math.round(n / 1000)}k`;
      let thousands = 0;
      for (const cell of cells) {
        const said = /: ([\d,]+) messages?\b/.exec(cell.name);
        if (!said) throw new Error(`unread name: ${cell.name}`);
        const n = Number(said![1]!.replace(/,/g, ''));
        expect(cell.shown, cell.name).toBe(compact(n));
        expect(cell.fits, `${cell.name} shown as "${cell.shown}" at ${width} px`).toBe(true);
        if (n >= 1000) thousands++;
      }
      expect(thousands).toBeGreaterThan(0);
      const overlaps = await page.locator('.region-header').evaluateAll((headers) =>
        headers.flatMap((header) => {
          const boxes = [...header.children]
            .filter((child) => (child as HTMLElement).offsetParent)
            .map((child) => child.getBoundingClientRect());
          return boxes.flatMap((a, i) =>
            boxes
              .slice(i + 1)
              .filter(
                (b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1,
              )
              .map(() => header.querySelector('h2')!.textContent),
          );
        }),
      );
      expect(overlaps, `at ${width} px`).toEqual([]);
      // Each session's count badge ("3k") stands clear of its name.
      const covered = await page.locator('.timeline button.session').evaluateAll((buttons) =>
        buttons.flatMap((button) => {
          const badge = button.querySelector('.n')?.getBoundingClientRect();
          const name = button.querySelector('.title')?.getBoundingClientRect();
          if (!badge || !name || !name.width) return [];
          const apart =
            badge.right <= name.left ||
            name.right <= badge.left ||
            badge.bottom <= name.top ||
            name.bottom <= badge.top;
          return apart
            ? []
            : [`${button.querySelector('.n')!.textContent} over ${button.querySelector('.title')!.textContent}`];
        }),
      );
      expect(covered, `at ${width} px`).toEqual([]);
      expect(await page.getByRole('region', { name: 'Messages' }).locator('.count').textContent()).toBe(
        '30,000 of 30,000',
      );
      expect(errors).toEqual([]);
      await close();
    }
  });
});
