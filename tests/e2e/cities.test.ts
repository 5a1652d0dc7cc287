/**
 * Exploring cities, as a city official would: which cities took part, who represented each,
 * in which session, what each city said; place names on the map; everyone in one table; world
 * regions; two cities side by side. Answers are worked out here from the dataset.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/i18n/format';
import { messageTotal, openApp, PUEBLA, useApp } from './app';

const puebla = PUEBLA;
const app = useApp();

async function open(viewport = { width: 1366, height: 768 }, query = '') {
  const opened = await openApp(app, { viewport, query });
  await opened.page.locator('.marker-layer .place-marker').first().waitFor();
  const map = opened.page.getByRole('region', { name: 'Map' });
  return { ...opened, map };
}

/** The session a person spoke in: their topic's session, from the data. */
function sessionOf(personId: string) {
  const person = puebla.people.find((p) => p.id === personId)!;
  const topic = puebla.topics.find((t) => t.id === person.topicIds[0])!;
  return puebla.sessions.find((s) => s.id === topic.sessionId)!;
}

const overlapping = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => {
    const boxes = els.map((e) => ({ text: e.textContent, r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          out.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
      }
    return out;
  });

/** Where each marker stands on screen, by place. */
const markerPositions = (page: Page) =>
  page.locator('.marker-layer .place-marker').evaluateAll((els) =>
    Object.fromEntries(
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return [e.getAttribute('data-place'), [Math.round(r.x), Math.round(r.y)]];
      }),
    ),
  );

describe('exploring cities', () => {
  it('a represented city shows its person, the session they spoke in with its date, and filters that session in one click', async () => {
    const { page, map, close } = await open({ width: 1920, height: 1080 });
    const person = puebla.people.find((p) => p.placeId === 'mechelen')!;
    const session = sessionOf(person.id);
    const marker = map.getByRole('button', { name: /^Mechelen, Belgium/ });
    // "0 messages" never stands unexplained.
    expect(await marker.getAttribute('aria-label')).toMatch(
      new RegExp(`: 0 messages; its people spoke in ${session.title}, ${formatDate(session.date)}`),
    );
    await marker.click();
    const details = map.getByRole('region', { name: 'Mechelen' });
    await details.waitFor();
    expect(await details.getByText(person.name, { exact: true }).isVisible()).toBe(true);
    expect(await details.getByText(/No message of its own: its people spoke in/).isVisible()).toBe(true);
    const topicMessages = puebla.messages.filter((m) => m.topicId === session.topicId).length;
    // The messages column says what was said where Mechelen's representative spoke, apart.
    const said = page.getByRole('region', { name: 'Messages' }).getByRole('region', {
      name: 'Said in the session where the representative of Mechelen spoke',
      exact: true,
    });
    await said.waitFor();
    expect(await said.getByRole('article').count()).toBeGreaterThan(0);
    // One click on the session: that session's messages, instead of the place's.
    const button = details.getByRole('button', { name: `Spoke in ${session.title}, ${formatDate(session.date)}` });
    await button.click();
    await expect.poll(() => messageTotal(page)).toBe(topicMessages);
    expect(await page.getByRole('button', { name: /^Remove filter: Place/ }).count()).toBe(0);
    expect(await details.count()).toBe(0);
    await close();
  });

  it('picking a place marks, on the timeline, the sessions its people spoke in, and never strikes them out', async () => {
    const { page, map, close } = await open();
    await map.getByRole('button', { name: /^São Paulo, Brazil/ }).click();
    const spoke = sessionOf(puebla.people.find((p) => p.placeId === 'sao-paulo')!.id);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const button = timeline.locator('button.session', { hasText: spoke.title });
    await expect.poll(() => button.getAttribute('class')).toContain('spoken');
    expect(await button.getAttribute('class')).not.toContain('dimmed');
    expect(await button.getAttribute('aria-label')).toMatch(
      new RegExp(`^${spoke.title} · spoke here: \\d+ messages?, `),
    );
    expect(await button.locator('.title').evaluate((e) => getComputedStyle(e).textDecorationLine)).not.toContain(
      'line-through',
    );
    await close();
  });

  it('comparing two places is offered in words, and their details stay within a third of the map at 1366', async () => {
    const { map, close } = await open({ width: 1366, height: 768 });
    await map.getByRole('button', { name: /^Montevideo, Uruguay/ }).click();
    await map.getByText('Shift-click (or Ctrl-click) another place to compare them.').waitFor();
    await map.getByRole('button', { name: /^São Paulo, Brazil/ }).click({ modifiers: ['Shift'] });
    const details = map.getByRole('region', { name: 'Montevideo, São Paulo' });
    await details.waitFor();
    const columns = details.getByRole('region');
    expect(await columns.count()).toBe(2);
    const panel = (await map.locator('.details-panel').boundingBox())!;
    const canvas = (await map.locator('.leaflet-container').boundingBox())!;
    expect(panel.width).toBeLessThanOrEqual(Math.max(canvas.width / 3, 15 * 16) + 1);
    await columns.nth(1).getByText('Marina Luna', { exact: true }).scrollIntoViewIfNeeded();
    expect(await columns.nth(1).getByText('Marina Luna', { exact: true }).isVisible()).toBe(true);
    await close();
  });

  // Every place is named where there is room: at least 15 of the 19 at 1366×768, every one at 1920.
  it.each([
    [1366, 768, 15],
    [1920, 1080, 19],
  ])('at %i×%i the map names its places beside their markers, none overlapping', async (width, height, least) => {
    const { page, close } = await open({ width, height });
    const labels = page.locator('.place-label');
    await expect.poll(() => labels.count()).toBeGreaterThanOrEqual(least);
    // No name over another, nor over a marker's drawn shape (a name may sit in a marker's clear
    // corner: it lets clicks through to the marker).
    expect(await overlapping(page, '.place-label')).toEqual([]);
    expect(
      await page.evaluate(() => {
        const labels = [...document.querySelectorAll('.place-label')].map((e) => ({
          text: e.textContent,
          r: e.getBoundingClientRect(),
        }));
        const shapes = [...document.querySelectorAll('.place-marker .shape')].map((e) => ({
          place: e.closest('.place-marker')!.getAttribute('data-place'),
          r: e.getBoundingClientRect(),
        }));
        const out: string[] = [];
        for (const l of labels)
          for (const s of shapes)
            if (l.r.left < s.r.right && s.r.left < l.r.right && l.r.top < s.r.bottom && s.r.top < l.r.bottom)
              out.push(`${l.text} × ${s.place}`);
        return out;
      }),
    ).toEqual([]);
    const names = await labels.allTextContents();
    for (const name of names) expect(puebla.places.map((p) => p.name)).toContain(name);
    await close();
  });

  it('the People table lists everyone, with role, organisation, place and session; a row selects the person', async () => {
    const { page, map, close } = await open();
    await map.getByRole('button', { name: 'People', exact: true }).click();
    const table = map.getByRole('table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(puebla.people.length);
    const quoted = puebla.messages.find((m) => m.kind === 'quote' && m.personIds.length)!;
    const person = puebla.people.find((p) => p.id === quoted.personIds[0])!;
    const row = table.locator('tr', { has: page.getByRole('button', { name: `${person.name}, ${person.role}` }) });
    const session = sessionOf(person.id);
    expect(await row.textContent()).toContain(`${session.title} (${formatDate(session.date)})`);
    await row.getByRole('button').click();
    const theirs = puebla.messages.filter((m) => m.personIds.includes(person.id)).length;
    expect(await messageTotal(page)).toBe(theirs);
    // Their session is marked on the timeline.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Chart', exact: true }).waitFor();
    expect(await timeline.locator('button.session.spoken').count()).toBeGreaterThan(0);
    await close();
  });

  it('a world region narrows the messages and the map, with a chip and a link', async () => {
    const { page, map, close } = await open();
    await map.getByRole('button', { name: /^Regions/ }).click();
    const picker = map.getByRole('group', { name: 'World regions' });
    await picker.waitFor();
    await picker.getByRole('button', { name: /^Latin America/ }).click();
    // Latin America's places (the Caribbean, Central and South America; UN M49 419) and the
    // messages tied to them or to people based there, worked out here.
    const latin = new Set(['MX', 'CL', 'UY', 'BR', 'EC', 'BO', 'AR', 'CO', 'PE', 'GT', 'CR', 'PA', 'HN', 'SV', 'NI']);
    const places = new Set(puebla.places.filter((p) => latin.has(p.countryCode)).map((p) => p.id));
    const homes = new Map(puebla.people.map((p) => [p.id, p.placeId]));
    const expected = puebla.messages.filter(
      (m) => m.placeIds.some((id) => places.has(id)) || m.personIds.some((id) => places.has(homes.get(id) ?? '')),
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(puebla.messages.length);
    await expect.poll(() => messageTotal(page)).toBe(expected);
    await page.getByRole('button', { name: 'Remove filter: Region: Latin America' }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('419');
    // The region picks its places: each drawn picked, none "filtered out" by its own region.
    for (const id of places) {
      const marker = map.locator(`.place-marker[data-place="${id}"]`);
      if (!(await marker.count())) continue;
      expect(await marker.getAttribute('aria-pressed'), id).toBe('true');
      expect(await marker.getAttribute('class'), id).not.toContain('dimmed');
    }
    // A link with the region opens the same view.
    await page.reload();
    await page.locator('.marker-layer .place-marker').first().waitFor();
    await expect.poll(() => messageTotal(page)).toBe(expected);
    await close();
  });

  // The details open over the map's right side (its lower half on a phone): the place picked is
  // never left under them. Dubai and São Paulo stand at the map's right when every place is framed.
  it.each([
    [{ width: 1366, height: 768 }, 'Dubai'],
    [{ width: 1366, height: 768 }, 'São Paulo'],
    [{ width: 390, height: 844 }, 'Dubai'],
    [{ width: 390, height: 844 }, 'São Paulo'],
  ])('at %o, %s picked on the map stays in sight beside its details', async (viewport, name) => {
    const { page, map, close } = await open(viewport);
    if (viewport.width < 640) await page.getByRole('tab', { name: 'Map' }).click();
    const marker = map.getByRole('button', { name: new RegExp(`^${name}, `) });
    await marker.click();
    await map.getByRole('region', { name }).waitFor();
    const clear = () =>
      page.evaluate(
        ([place]) => {
          const target = document.querySelector(`.marker-layer [data-place="${place}"]`)!.getBoundingClientRect();
          const panel = document.querySelector('.details-panel')!.getBoundingClientRect();
          const host = document.querySelector('.leaflet-container')!.getBoundingClientRect();
          const under =
            target.left < panel.right &&
            panel.left < target.right &&
            target.top < panel.bottom &&
            panel.top < target.bottom;
          const inside =
            target.left >= host.left &&
            target.right <= host.right &&
            target.top >= host.top &&
            target.bottom <= host.bottom;
          return inside && !under ? 'clear' : `under the details: ${under}, inside the map: ${inside}`;
        },
        [puebla.places.find((p) => p.name === name)!.id],
      );
    await expect.poll(clear, { timeout: 3000 }).toBe('clear');
    await close();
  });

  it('a presentation that framed the map scene by scene gives the dashboard’s map back as it was', async () => {
    const { page, close } = await open({ width: 1920, height: 1080 });
    const positions = () => markerPositions(page);
    const before = await positions();
    await page.keyboard.press('p');
    await page.locator('#stage-title').waitFor();
    // On to a scene that frames the map on a few places.
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    await page.keyboard.press('Escape');
    await page.locator('.presentation-bar').waitFor({ state: 'detached' });
    await expect.poll(positions).toEqual(before);
    await close();
  });
});
