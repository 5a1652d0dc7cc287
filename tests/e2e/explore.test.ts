/**
 * Every click leads somewhere, as an explorer asks "which cities took part, who spoke, what did
 * each city say?": a city whose people spoke leads to what was said where they spoke; a world
 * region picks its places; every place is identifiable on a phone; search finds a topic by its
 * title; the dataset's inferences are one click away; the matrix counts the cities' messages.
 * Every expected answer is worked out here from the dataset file.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/i18n/format';
import { messageTotal, openApp, PUEBLA, useApp } from './app';

const app = useApp();
const SIZES = [
  [1366, 768],
  [390, 844],
] as const;

async function open(width: number, height: number, query = '') {
  const opened = await openApp(app, { viewport: { width, height }, query });
  await opened.page.locator('.marker-layer .place-marker').first().waitFor();
  return { ...opened, map: opened.page.getByRole('region', { name: 'Map' }) };
}

/** On a phone the views are tabs: the one a step needs is shown first. */
async function show(page: Page, view: 'Map' | 'Messages' | 'Timeline' | 'Themes') {
  const tab = page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: new RegExp(`^${view}`) });
  if (await tab.isVisible()) await tab.click();
}

/** What was said where a place's people spoke, from the dataset: their sessions' messages that do not name the place. */
function saidWhereTheySpoke(placeId: string) {
  const people = PUEBLA.people.filter((p) => p.placeId === placeId);
  const topics = new Set(people.flatMap((p) => p.topicIds));
  const ids = new Set(people.map((p) => p.id));
  return PUEBLA.messages.filter(
    (m) =>
      m.topicId !== null &&
      topics.has(m.topicId) &&
      !m.placeIds.includes(placeId) &&
      !m.personIds.some((id) => ids.has(id)),
  );
}

describe.each(SIZES)('at %i×%i', (width, height) => {
  it('Montreal leads to what was said in the session where its representative spoke, and its session chip to that session', async () => {
    const { page, map, close } = await open(width, height);
    const person = PUEBLA.people.find((p) => p.placeId === 'montreal')!;
    const topic = PUEBLA.topics.find((t) => t.id === person.topicIds[0])!;
    const session = PUEBLA.sessions.find((s) => s.id === topic.sessionId)!;
    const expected = saidWhereTheySpoke('montreal');
    expect(expected.length).toBeGreaterThan(0);
    await map.getByRole('button', { name: /^Montreal, Canada/ }).click();
    await show(page, 'Messages');
    const said = page.getByRole('region', {
      name: 'Said in the session where the representative of Montreal spoke',
      exact: true,
    });
    await said.waitFor();
    expect(await said.textContent()).toContain(`${session.title}, ${formatDate(session.date)}`);
    expect(await said.textContent()).toContain(
      'The report attributes these to the session, not to the representative of Montreal',
    );
    // Counted apart: in words under the header's count, or on the phone's Messages tab.
    if (width >= 1024)
      expect(
        await page.getByText(`And ${expected.length} messages said where they spoke, listed apart.`).isVisible(),
      ).toBe(true);
    else expect(await page.getByRole('tab', { name: /^Messages/ }).textContent()).toContain(`+${expected.length}`);
    expect(await said.getByRole('article').count()).toBeGreaterThan(0);
    // The session chip in the place's details: that session instead of the place.
    await show(page, 'Map');
    await map
      .getByRole('region', { name: 'Montreal' })
      .getByRole('button', { name: `Spoke in ${session.title}, ${formatDate(session.date)}` })
      .click();
    await expect.poll(() => messageTotal(page)).toBe(PUEBLA.messages.filter((m) => m.topicId === topic.id).length);
    // The link follows: that session, no place.
    await expect.poll(() => new URL(page.url()).searchParams.get('session')).toBe(session.id);
    expect(new URL(page.url()).searchParams.get('place')).toBeNull();
    await close();
  });

  it('Regions ▸ Europe picks Mechelen and Lampedusa: drawn picked, framed, and the Table lists only them', async () => {
    const { page, map, close } = await open(width, height);
    await map.getByRole('button', { name: /^Regions/ }).click();
    await map
      .getByRole('group', { name: 'World regions' })
      .getByRole('button', { name: /^Europe/ })
      .click();
    // A region picked closes the list, the focus back on its button.
    await map.getByRole('group', { name: 'World regions' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Regions (1)');
    const europe = PUEBLA.places.filter((p) => ['BE', 'IT', 'FR', 'ES', 'DE', 'NL'].includes(p.countryCode));
    expect(europe.map((p) => p.id).sort()).toEqual(['lampedusa', 'mechelen']);
    const canvas = (await map.locator('.leaflet-container').boundingBox())!;
    for (const place of europe) {
      const marker = map.locator(`.place-marker[data-place="${place.id}"]`);
      await expect.poll(() => marker.getAttribute('aria-pressed')).toBe('true');
      expect(await marker.getAttribute('class')).not.toContain('dimmed');
      // Framed: inside the map.
      await expect
        .poll(async () => {
          const box = (await marker.boundingBox())!;
          return (
            box.x >= canvas.x &&
            box.y >= canvas.y &&
            box.x + box.width <= canvas.x + canvas.width &&
            box.y + box.height <= canvas.y + canvas.height
          );
        })
        .toBe(true);
    }
    // The map says what it counts: the region's places, and the messages that name them or were said where their people spoke.
    const spoken = new Set([...saidWhereTheySpoke('mechelen'), ...saidWhereTheySpoke('lampedusa')].map((m) => m.id));
    const named = PUEBLA.messages.filter((m) => m.placeIds.some((id) => id === 'mechelen' || id === 'lampedusa'));
    for (const m of named) spoken.delete(m.id);
    expect(await map.textContent()).toContain(
      `Europe: 2 places, ${named.length + spoken.size} messages that name them or were said where their people spoke`,
    );
    await map.getByRole('button', { name: 'Table', exact: true }).click();
    const rows = map.getByRole('table').locator('tbody th[scope="row"]');
    await expect.poll(() => rows.allTextContents()).toEqual(expect.arrayContaining(['Lampedusa', 'Mechelen']));
    expect((await rows.allTextContents()).map((t) => t.trim()).sort()).toEqual(['Lampedusa', 'Mechelen']);
    await close();
  });

  it('every place is identifiable: named beside its marker, on hover and focus, and on a phone listed by name; no marker far from its place', async () => {
    const { page, map, close } = await open(width, height);
    const labelled = new Set((await page.locator('.place-label').allTextContents()).map((t) => t.trim()));
    const phone = width < 640;
    const list = map.getByRole('list', { name: 'Every place, by name' });
    const listed = new Set(phone ? (await list.getByRole('button').allTextContents()).map((t) => t.trim()) : []);
    if (phone)
      for (const place of PUEBLA.places)
        expect(labelled.has(place.name) || listed.has(place.name), place.name).toBe(true);
    else expect(labelled.size).toBeGreaterThanOrEqual(15);
    // Every marker is named on hover (its title) and on focus (its accessible name).
    for (const place of PUEBLA.places) {
      const marker = map.locator(`.place-marker[data-place="${place.id}"]`);
      if (!(await marker.count())) continue; // in a cluster: the cluster names its places
      expect(await marker.getAttribute('title'), place.id).toMatch(new RegExp(`^${place.name}[,( ]`));
      expect(await marker.getAttribute('aria-label'), place.id).toMatch(new RegExp(`^${place.name}[,( ]`));
    }
    // Each leader line, from a moved marker to its place, under 15 % of the map's width.
    const lines = await page
      .locator('svg.leaders line')
      .evaluateAll((els) =>
        els.map((l) =>
          Math.hypot(+l.getAttribute('x2')! - +l.getAttribute('x1')!, +l.getAttribute('y2')! - +l.getAttribute('y1')!),
        ),
      );
    const mapWidth = (await map.locator('.leaflet-container').boundingBox())!.width;
    for (const length of lines) expect(length).toBeLessThanOrEqual(0.15 * mapWidth + 0.5);
    // On a phone a place's name is one tap from its messages.
    if (phone) {
      await list.getByRole('button', { name: 'Quito' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('quito');
    } else expect(await list.count()).toBe(0);
    await close();
  });
});

describe('the world regions list', () => {
  it('by keyboard: opened, it takes the focus; Shift+Enter adds a region and keeps it open; Escape closes it; a click on the map beside it too', async () => {
    const { page, map, close } = await open(1366, 768);
    const button = map.getByRole('button', { name: /^Regions/ });
    await button.focus();
    await page.keyboard.press('Enter');
    const picker = map.getByRole('group', { name: 'World regions' });
    await picker.waitFor();
    // The focus is in the list, on its first region.
    const first = picker.getByRole('button').first();
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => first.getAttribute('aria-pressed')).toBe('true');
    expect(await picker.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
    // The region stays picked; the list opens again on it, and a click beside it closes it.
    expect(await button.textContent()).toBe('Regions (1)');
    await button.click();
    await picker.waitFor();
    const canvas = (await map.locator('.leaflet-container').boundingBox())!;
    await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + 10);
    await picker.waitFor({ state: 'detached' });
    expect(await button.textContent()).toBe('Regions (1)');
    await close();
  });
});

describe('search, inferences and the matrix', () => {
  it('search “employment” finds topic 1’s messages by its title, and says so', async () => {
    const { page, close } = await open(1366, 768);
    const topic = PUEBLA.topics.find((t) => /employment/i.test(t.title))!;
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('employment');
    const ofTopic = PUEBLA.messages.filter((m) => m.topicId === topic.id);
    // The topic's messages, and any other whose words hold "employment".
    const expected = new Set([
      ...ofTopic.map((m) => m.id),
      ...PUEBLA.messages.filter((m) => /\bemployment/i.test(`${m.label} ${m.text}`)).map((m) => m.id),
    ]);
    await expect.poll(() => messageTotal(page)).toBe(expected.size);
    const quiet = ofTopic.find((m) => !/employment/i.test(`${m.label} ${m.text}`))!;
    const card = page.getByRole('article', { name: quiet.label });
    await card.waitFor();
    expect(await card.textContent()).toContain(`Found by its topic: ${topic.title}`);
    await close();
  });

  it('what the dataset inferred is one click away: which breakout held which topic, and “Caceido” read as Gutierrez', async () => {
    const { page, close } = await open(1366, 768);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Table', exact: true }).click();
    const breakout = PUEBLA.sessions.find((s) => s.id === 'breakout-1')!;
    const note = timeline.getByRole('button', { name: `Note on ${breakout.title}` });
    await note.click();
    expect(await note.getAttribute('aria-expanded')).toBe('true');
    await timeline.getByText(breakout.note!).waitFor();
    expect(breakout.note).toMatch(/inferred/);
    const quote = PUEBLA.messages.find((m) => m.id === 'quote-la-pintana')!;
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('Caceido');
    const card = page.getByRole('article', { name: quote.label });
    await card.getByRole('button', { name: `Note on ${quote.label}` }).click();
    expect(await card.textContent()).toContain(quote.note!);
    expect(quote.note).toContain('Caceido');
    await close();
  });

  it('the matrix counts the cities’ messages, and the report’s framing on request', async () => {
    const { page, close } = await open(1366, 768);
    const themes = page.getByRole('region', { name: 'Themes' });
    const framing = PUEBLA.messages.filter(
      (m) => m.kind === 'context' || (m.kind === 'quote' && m.personIds.length === 0),
    );
    const cities = PUEBLA.messages.length - framing.length;
    expect(await themes.textContent()).toContain(`${cities} of ${PUEBLA.messages.length} messages in the matrix`);
    expect(await themes.textContent()).toContain(`the report’s framing (${framing.length} passages`);
    const partnership = (n: number) =>
      `Across topics \\(cross-cutting and context\\) × Partnerships and participation: ${n} message`;
    const acrossBefore = PUEBLA.messages.filter(
      (m) => m.topicId === null && m.themeIds.includes('partnerships-participation') && !framing.includes(m),
    );
    const before = framing.filter((m) => m.topicId === null && m.themeIds.includes('partnerships-participation'));
    expect(before.length).toBeGreaterThan(0);
    expect(
      await themes.getByRole('gridcell', { name: new RegExp(`^${partnership(acrossBefore.length)}`) }).count(),
    ).toBe(1);
    await themes.getByRole('button', { name: 'Include the report’s framing' }).click();
    await expect
      .poll(() => themes.textContent())
      .toContain(`${PUEBLA.messages.length} of ${PUEBLA.messages.length} messages in the matrix`);
    const across = PUEBLA.messages.filter(
      (m) => m.topicId === null && m.themeIds.includes('partnerships-participation'),
    );
    expect(await themes.getByRole('gridcell', { name: new RegExp(`^${partnership(across.length)}`) }).count()).toBe(1);
    await close();
  });
});
