/**
 * Search in the built app: British and American spellings find the same messages, as many as
 * worked out here from the report's JSON; the words found are marked in either spelling; a
 * theme's name finds its messages; the count is said once typing pauses; a link's search gets
 * the same results.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messagesHolding, messagesStartingWith, searchedText } from '../fixtures/search-oracle';
import { allMessageCards, listen, messageTotal, openApp, PUEBLA, useApp } from './app';

const app = useApp();

async function open(query = '') {
  const opened = await openApp(app, { viewport: { width: 1920, height: 1080 }, query });
  await opened.page.getByRole('region', { name: 'Messages' }).getByRole('article').first().waitFor();
  return opened;
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search messages' });

/** The titles of every card in the list, sorted. */
async function cardTitles(page: Page): Promise<string[]> {
  const cards = await allMessageCards(page);
  const titles = await cards.evaluateAll((articles) =>
    articles.map((a) => a.querySelector('h2, h3, h4, h5')?.textContent?.trim() ?? ''),
  );
  return titles.sort();
}

/** The messages "regularisation" should find: a word regularisation(s), in either spelling, in any field. */
const REGULARISATION = messagesHolding(PUEBLA, (w) => /^regulari[sz]ations?$/.test(w));
const titlesOf = (ids: readonly string[]) => PUEBLA.messages.filter((m) => ids.includes(m.id)).map((m) => m.label);

describe('search', () => {
  it('the expected answer is worth testing: several messages, some by their theme alone', () => {
    expect(REGULARISATION.length).toBeGreaterThan(1);
    const byText = PUEBLA.messages.filter((m) => /regulari[sz]ation/i.test(`${m.label} ${m.text}`));
    expect(REGULARISATION.length).toBeGreaterThan(byText.length);
    // Only the text, the title and the theme's name hold the word: no person, place or organisation.
    const byThemeOrText = PUEBLA.messages.filter((m) =>
      searchedText(PUEBLA, m)
        .slice(0, 2)
        .concat(PUEBLA.themes.filter((t) => m.themeIds.includes(t.id)).map((t) => t.label))
        .some((text) => /regulari[sz]ation/i.test(text)),
    );
    expect(byThemeOrText.map((m) => m.id)).toEqual(REGULARISATION);
  });

  it('“regularisation” and “regularization” find the same messages, marked in either spelling, said once typing pauses', async () => {
    const { page, errors, close } = await open();
    const said = await listen(page);
    const n = REGULARISATION.length;

    await searchBox(page).pressSequentially('regularisation', { delay: 30 });
    await expect.poll(() => messageTotal(page)).toBe(n);
    expect(await cardTitles(page)).toEqual(titlesOf(REGULARISATION).sort());
    // Said once, after the typing: the search's own words, not every key's count.
    await expect.poll(said).toEqual([`${n} messages found for “regularisation”`]);

    // The text holds the American spelling: it is marked, as whole words.
    const region = page.getByRole('region', { name: 'Messages' });
    const marks = (await region.locator('mark').allTextContents()).map((t) => t.toLowerCase());
    expect(marks).toContain('regularization');
    for (const mark of marks) expect(mark).toMatch(/^regulari[sz]ations?$/);
    // A message found by its theme alone says so.
    expect(await region.getByText('Found by its theme: Regularisation').count()).toBeGreaterThan(0);

    await searchBox(page).fill('');
    await searchBox(page).pressSequentially('regularization', { delay: 30 });
    await expect.poll(() => messageTotal(page)).toBe(n);
    expect(await cardTitles(page)).toEqual(titlesOf(REGULARISATION).sort());
    await expect.poll(async () => (await said()).at(-1)).toBe(`${n} messages found for “regularization”`);
    expect(errors).toEqual([]);
    await close();
  });

  it('a theme’s name finds every message tagged with it; none found is said too', async () => {
    const { page, close } = await open();
    const said = await listen(page);
    const theme = PUEBLA.themes.find((t) => t.id === 'social-cohesion')!;
    const tagged = PUEBLA.messages.filter((m) => m.themeIds.includes(theme.id)).map((m) => m.id);
    const expected = messagesStartingWith(PUEBLA, theme.label);
    expect(tagged.length).toBeGreaterThan(0);
    expect(expected).toEqual(expect.arrayContaining(tagged));

    await searchBox(page).pressSequentially(theme.label, { delay: 30 });
    await expect.poll(() => messageTotal(page)).toBe(expected.length);
    expect(await cardTitles(page)).toEqual(titlesOf(expected).sort());
    await expect.poll(async () => (await said()).at(-1)).toBe(`${expected.length} messages found for “${theme.label}”`);

    await searchBox(page).fill('');
    await searchBox(page).pressSequentially('wealth', { delay: 30 });
    await expect.poll(async () => (await said()).at(-1)).toBe('No message found for “wealth”');
    expect(await messageTotal(page)).toBe(0);
    await close();
  });

  it('a link with a search gets the same results', async () => {
    const { page, close } = await open('?q=regularization');
    await expect.poll(() => messageTotal(page)).toBe(REGULARISATION.length);
    expect(await cardTitles(page)).toEqual(titlesOf(REGULARISATION).sort());
    await close();
  });
});
