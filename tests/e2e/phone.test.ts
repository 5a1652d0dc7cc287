/** On a phone: the four views as tabs, the messages one tap away, a short header. */
import { describe, expect, it } from 'vitest';
import { messageTotal, openApp, PUEBLA, useApp } from './app';

const app = useApp();
const VIEWS = ['Map', 'Timeline', 'Themes', 'Messages'];

const visibleViews = (page: import('playwright-core').Page) =>
  Promise.all(VIEWS.map((name) => page.getByRole('region', { name, exact: true }).isVisible())).then((shown) =>
    VIEWS.filter((_, i) => shown[i]),
  );

describe.each([
  [390, 844],
  [360, 740],
])('on a %i×%i phone', (width, height) => {
  it('the views are tabs: the map first, the messages one tap away with their count', async () => {
    const { page, errors, close } = await openApp(app, { viewport: { width, height } });
    const tabs = page.getByRole('tablist', { name: 'Views' });
    await tabs.waitFor();
    expect(await tabs.getByRole('tab').allTextContents()).toEqual([
      'Map',
      'Timeline',
      'Themes',
      `Messages ${PUEBLA.messages.length}`,
    ]);
    expect(await tabs.getByRole('tab', { selected: true }).textContent()).toBe('Map');
    expect(await visibleViews(page)).toEqual(['Map']);
    // The tabs are on the first screen, whole, and the page is no wider than the phone.
    const box = (await tabs.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(height / 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    // A place picked on the map: its messages, one tap away, counted on their tab.
    await page
      .getByRole('region', { name: 'Map' })
      .getByRole('button', { name: /^São Paulo, Brazil/ })
      .click();
    const theirs = await messageTotal(page);
    expect(theirs).toBeLessThan(PUEBLA.messages.length);
    // And, listed apart, what was said in the session where São Paulo's representative spoke
    // (worked out from the dataset: that session's topic's messages not already counted).
    const person = PUEBLA.people.find((p) => p.placeId === 'sao-paulo')!;
    const topics = new Set(person.topicIds);
    const spoken = PUEBLA.messages.filter(
      (m) =>
        m.topicId !== null &&
        topics.has(m.topicId) &&
        !m.placeIds.includes('sao-paulo') &&
        !m.personIds.includes(person.id),
    ).length;
    const messagesTab = tabs.getByRole('tab', { name: /^Messages/ });
    expect(await messagesTab.textContent()).toBe(`Messages ${theirs} +${spoken} and ${spoken} said where they spoke`);
    await messagesTab.click();
    expect(await visibleViews(page)).toEqual(['Messages']);
    const cards = page.getByRole('region', { name: 'Messages' }).getByRole('article');
    await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(Math.min(theirs + spoken, 4));
    // The tab controls its panel: the view's body, named by the tab (the ARIA tabs pattern).
    const panel = page.getByRole('tabpanel', { name: /^Messages/ });
    expect(await messagesTab.getAttribute('aria-controls')).toBe(await panel.getAttribute('id'));
    expect(await page.getByRole('region', { name: 'Messages' }).getByRole('tabpanel').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('the header is the count and three buttons: Filters shows the chips, Search the search box, More the other actions', async () => {
    const { page, close } = await openApp(app, { viewport: { width, height } });
    const header = page.getByRole('banner');
    const filters = header.getByRole('button', { name: /^Filters/ });
    const more = header.getByRole('button', { name: 'More', exact: true });
    await filters.waitFor();
    expect(await header.getByRole('button', { name: 'Export' }).isVisible()).toBe(false);
    expect(await header.getByRole('button', { name: 'Clear all filters' }).isVisible()).toBe(false);
    // The header leaves the screen to the views: the tabs start in its top fifth.
    const tabs = (await page.getByRole('tablist', { name: 'Views' }).boundingBox())!;
    expect(tabs.y).toBeLessThanOrEqual(height / 5);

    // A place picked: the Filters button counts it, and opens on its chip.
    await page
      .getByRole('region', { name: 'Map' })
      .getByRole('button', { name: /^São Paulo, Brazil/ })
      .click();
    expect(await filters.textContent()).toMatch(/^Filters\s*1$/);
    await filters.click();
    expect(await filters.getAttribute('aria-expanded')).toBe('true');
    const chips = header.getByRole('region', { name: 'Active filters' });
    expect(await chips.getByRole('button', { name: /São Paulo/ }).isVisible()).toBe(true);
    await header.getByRole('button', { name: 'Clear all filters' }).click();
    expect(await messageTotal(page)).toBe(PUEBLA.messages.length);

    // Search: the messages, with the focus in their search box.
    await header.getByRole('button', { name: 'Search', exact: true }).click();
    expect(await visibleViews(page)).toEqual(['Messages']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message-search');

    // More: the other actions.
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Export', 'Keys', 'Present']) {
      expect(await header.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    }
    await close();
  });

  it('arrow keys, Home and End move between the tabs and show each view; the skip link shows the messages', async () => {
    const { page, close } = await openApp(app, { viewport: { width, height } });
    const tabs = page.getByRole('tablist', { name: 'Views' });
    await tabs.getByRole('tab', { name: 'Map' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await visibleViews(page)).toEqual(['Timeline']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Timeline');
    // The timeline names each session: beside its mark, or under the chart when it does not fit.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const drawn = await timeline.locator('button.session .title').allTextContents();
    const listed = await timeline.locator('.names li').allTextContents();
    for (const session of PUEBLA.sessions)
      expect(
        drawn.some((t) => t.startsWith(session.title)) ||
          // Listed with its mark's count first, so that marks of one shape and day are told apart.
          listed.some((t) => /^\d+/.test(t) && t.replace(/^\d+/, '').startsWith(`${session.title},`)),
        session.title,
      ).toBe(true);
    await page.keyboard.press('End');
    expect(await visibleViews(page)).toEqual(['Messages']);
    await page.keyboard.press('ArrowRight');
    expect(await visibleViews(page)).toEqual(['Map']);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect(await visibleViews(page)).toEqual(['Map']);
    // One Tab stop for the tab list: the next Tab goes into the view.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="tablist"]'))).toBeNull();
    // The first Tab of the page: Skip to messages shows them.
    await page.reload();
    await tabs.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await visibleViews(page)).toEqual(['Messages']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Messages');
    await close();
  });
});

it('from 1366 px wide there are no tabs: the four views stand side by side', async () => {
  const { page, close } = await openApp(app, { viewport: { width: 1366, height: 768 } });
  await page.getByRole('region', { name: 'Messages' }).waitFor();
  expect(await page.getByRole('tablist').count()).toBe(0);
  expect(await visibleViews(page)).toEqual(VIEWS);
  await close();
});
