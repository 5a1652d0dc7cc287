import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../scripts/synthetic';
import { allMessageCards, messageTotal, PUEBLA_JSON, openApp, useApp } from './app';

const puebla = PUEBLA_JSON;

const app = useApp();

async function open(viewport = { width: 1366, height: 768 }, dataset?: unknown) {
  const opened = await openApp(app, { viewport, dataset });
  const map = opened.page.getByRole('region', { name: 'Map' });
  await map.waitFor();
  await opened.page.locator('.leaflet-overlay-pane path.country').first().waitFor({ state: 'attached' });
  return { ...opened, map };
}

const total = messageTotal;
const markers = (page: Page) => page.locator('.marker-layer .place-marker');

describe('the map, with the network blocked', () => {
  it('draws the offline basemap and a marker for every place', async () => {
    const { page, errors, close } = await open();
    expect(await page.locator('.leaflet-overlay-pane path.country').count()).toBeGreaterThan(150);
    const names = await markers(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(names).toHaveLength(puebla.places.length);
    for (const place of puebla.places) {
      expect(
        names.some((n) => n?.startsWith(place.name)),
        place.name,
      ).toBe(true);
    }
    // Its practice is quoted inside a takeaway that names Montevideo too: one passage.
    expect(names).toContain('Montevideo, Uruguay (practice cited): 1 message');
    // Every name says why the place is on the map.
    for (const name of names)
      expect(name).toMatch(
        /^[^(]+ \((representative|practice cited|event|mentioned)(, [a-z ]+)*\): \d+ messages?(; .+)?$/,
      );
    expect(errors).toEqual([]);
    await close();
  });

  it('a presentation frames the map for its scenes; after it, the map is back where the user left it', async () => {
    const { page, map, close } = await open();
    const montreal = map.getByRole('button', { name: /^Montreal, Canada/ });
    const where = async () => {
      const box = (await montreal.boundingBox())!;
      const host = (await map.locator('.leaflet-container').boundingBox())!;
      return `${Math.round(box.x - host.x)},${Math.round(box.y - host.y)},${Math.round(box.width)}`;
    };
    const framed = await where();
    // The user zooms in twice: the map is their own.
    await map.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(where).not.toBe(framed);
    await map.getByRole('button', { name: 'Zoom in' }).click();
    let left = '';
    await expect
      .poll(async () => {
        const now = await where();
        const settled = now === left;
        left = now;
        return settled;
      })
      .toBe(true);
    // Presenting: a scene that puts the map on stage frames its places.
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.locator('.page.presenting').waitFor();
    const stage = () => page.locator('.page').getAttribute('data-stage');
    // On to the first scene with the map on stage, a step at a time.
    await expect
      .poll(async () => {
        if ((await stage()) === 'map') return true;
        await page.keyboard.press('PageDown');
        return false;
      })
      .toBe(true);
    await expect.poll(where).not.toBe(left);
    await page.keyboard.press('Escape');
    await page.locator('.page:not(.presenting)').waitFor();
    await expect.poll(where).toBe(left);
    await close();
  });

  it('a click on a marker selects the place and filters; a second click restores', async () => {
    const { page, map, close } = await open();
    const marker = map.getByRole('button', { name: /^São Paulo, Brazil \(.*\): \d+ messages?$/ });
    await marker.click();
    expect(await total(page)).toBe(2);
    expect(await marker.getAttribute('aria-pressed')).toBe('true');
    const details = map.getByRole('region', { name: 'São Paulo' });
    await details.waitFor();
    expect(await details.getByText('Marina Luna', { exact: true }).isVisible()).toBe(true);
    expect(await details.getByText("São Paulo's Municipal Council of Immigrants").first().isVisible()).toBe(true);
    await marker.click();
    expect(await total(page)).toBe(52);
    expect(await details.count()).toBe(0);
    await close();
  });

  it('Shift-click adds a place; other places dim without their messages', async () => {
    const { page, map, close } = await open();
    await map.getByRole('button', { name: /^Montevideo, Uruguay/ }).click();
    await map.getByRole('button', { name: /^São Paulo, Brazil/ }).click({ modifiers: ['Shift'] });
    expect(await total(page)).toBe(4);
    // The map is not filtered by its own clause: no marker dims from a place pick.
    expect(await page.locator('.place-marker.dimmed').count()).toBe(0);
    // A filter from another view dims places it leaves without messages.
    await page.getByRole('button', { name: 'Clear all filters' }).first().click();
    await allMessageCards(page);
    const practice = page.getByRole('article', { name: "Montevideo's fund against evictions" });
    await practice.getByRole('button', { name: 'Housing and basic needs' }).click();
    expect(await map.getByRole('button', { name: /^Montevideo, Uruguay \(.*\): 1 message$/ }).count()).toBe(1);
    expect(
      await map.getByRole('button', { name: /^São Paulo, Brazil \(.*\): 0 messages/ }).getAttribute('class'),
    ).toContain('dimmed');
    // So does a place with no message of its own: solid, it would look like a match.
    expect(await map.getByRole('button', { name: /^Montreal/ }).getAttribute('class')).toContain('dimmed');
    await close();
  });

  it('works from the keyboard: Enter and Space select, Escape clears', async () => {
    const { page, map, close } = await open();
    const marker = map.getByRole('button', { name: /^Mexico City, Mexico/ });
    await marker.focus();
    await page.keyboard.press('Enter');
    expect(await marker.getAttribute('aria-pressed')).toBe('true');
    const n = await total(page);
    expect(n).toBeLessThan(52);
    await page.keyboard.press('Space');
    expect(await total(page)).toBe(52);
    await page.keyboard.press('Enter');
    expect(await total(page)).toBe(n);
    await page.keyboard.press('Escape');
    expect(await total(page)).toBe(52);
    await close();
  });

  it('the table twin lists, sorts and selects every place', async () => {
    const { page, map, close } = await open();
    await map.getByRole('button', { name: 'Table', exact: true }).click();
    const table = map.getByRole('table');
    await table.waitFor();
    // A row a place, grouped under its world region.
    const placeRows = table.locator('tbody tr:not(.group)');
    expect(await placeRows.count()).toBe(puebla.places.length);
    expect(await table.locator('tr.group').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Latin America/), expect.stringMatching(/^Europe/)]),
    );
    await table.getByRole('button', { name: 'Place' }).click();
    // Sorted by name within each region: Latin America's first is Brazil.
    const groups = await table
      .locator('tbody')
      .evaluateAll((bodies) =>
        bodies.map((b) => [...b.querySelectorAll('tr:not(.group) th')].map((th) => th.textContent?.trim() ?? '')),
      );
    for (const names of groups) expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const latin = table.locator('tbody', { has: page.locator('tr.group', { hasText: 'Latin America' }) });
    expect((await latin.locator('tr:not(.group) th').first().textContent())?.trim()).toBe('Brazil');
    expect(await table.getByRole('columnheader', { name: 'Place' }).getAttribute('aria-sort')).toBe('ascending');
    await table.getByRole('button', { name: /^La Pintana, Chile/ }).click();
    // The place's details stay over the map, never over the table's columns.
    expect(await map.locator('.details-panel').count()).toBe(0);
    expect(await total(page)).toBe(2);
    await map.getByRole('button', { name: 'Map', exact: true }).click();
    expect(await map.getByRole('button', { name: /^La Pintana, Chile/ }).getAttribute('aria-pressed')).toBe('true');
    await close();
  });

  it('lists the participants with no place, and they filter too', async () => {
    const { page, map, close } = await open();
    await map.getByText('4 participants with no place on the map').click();
    const person = map.getByRole('button', { name: 'David Lubell, Welcoming International' });
    await person.click();
    expect(await total(page)).toBe(2);
    await close();
  });

  it('Fit and zoom keep every marker usable; the online layer failing breaks nothing', async () => {
    const { page, map, pageErrors, close } = await open();
    const settled = () => page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim'));
    await map.locator('.leaflet-control-zoom-in').click();
    await settled();
    await map.getByRole('button', { name: 'Fit' }).click();
    await settled();
    expect(await markers(page).count()).toBe(puebla.places.length);
    // The tiles are asked for, and fail (the network is blocked).
    const failed = page.waitForEvent('requestfailed', (request) => request.url().includes('tile.openstreetmap.org'));
    const online = map.getByRole('button', { name: 'Online map' });
    expect(await online.getAttribute('aria-pressed')).toBe('false');
    await online.click();
    expect(await online.getAttribute('aria-pressed')).toBe('true');
    await failed;
    expect(await page.locator('.leaflet-overlay-pane path.country').count()).toBeGreaterThan(150);
    // The tiles failed, so the offline countries stay filled.
    expect(await page.locator('.leaflet-container.tiles-on').count()).toBe(0);
    const fill = await page
      .locator('path.country')
      .nth(20)
      .evaluate((p) => getComputedStyle(p).fillOpacity);
    expect(fill).toBe('1');
    // And the map says so, in words, under the map (covering none of it), and turns the layer off.
    const said = map.getByRole('status').filter({ hasText: 'OpenStreetMap could not load (no network?)' });
    await said.waitFor();
    expect(await said.textContent()).toContain('the map built into the app is shown');
    await expect.poll(() => online.getAttribute('aria-pressed')).toBe('false');
    expect(await map.locator('.leaflet-control-attribution').textContent()).not.toContain('OpenStreetMap');
    const canvas = (await map.locator('.leaflet-container').boundingBox())!;
    const notice = (await said.boundingBox())!;
    expect(notice.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    await said.getByRole('button', { name: 'Dismiss' }).click();
    await said.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('shows a hostile place name as text', async () => {
    const hostile = structuredClone(puebla);
    hostile.places.find((p: { id: string }) => p.id === 'montevideo').name = '<img src=x onerror=alert(1)>';
    const { page, map, dialogs, close } = await open(undefined, hostile);
    const marker = map.getByRole('button', { name: /^<img src=x onerror=alert\(1\)>, Uruguay/ });
    await marker.click();
    await map.getByRole('heading', { name: '<img src=x onerror=alert(1)>' }).waitFor();
    expect(await page.locator('main img:not(.leaflet-tile)').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await close();
  });

  it('at 1,000 places clusters nearby markers, a cluster zooms in, and the table reaches every place', async () => {
    const big = syntheticDataset({ messages: 2000, places: 1000, sessions: 20, seed: 3 });
    const { page, map, errors, close } = await open(undefined, big);
    const clusters = map.locator('.marker-layer button.cluster');
    await clusters.first().waitFor();
    const before = await map.locator('.marker-layer button').count();
    expect(before).toBeLessThan(400);
    const name = (await clusters.first().getAttribute('aria-label')) ?? '';
    expect(name).toMatch(/^\d+ places \(Place \d+.*\): \d+ messages\. Zoom in$/);
    const zoom = () => page.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style') ?? '');
    const start = await zoom();
    await clusters.first().click();
    await expect.poll(zoom).not.toBe(start);
    await map.getByRole('button', { name: 'Table', exact: true }).click();
    await map.getByRole('table').waitFor();
    expect(await map.getByRole('table').locator('tbody tr:not(.group)').count()).toBe(1000);
    expect(errors).toEqual([]);
    await close();
  });
});
