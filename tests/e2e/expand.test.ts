/** A closer look: any view fills the dashboard and comes back, from its button or the key `e`. */
import { describe, expect, it } from 'vitest';
import { openApp, PUEBLA, useApp } from './app';

const app = useApp();
const VIEWS = ['Map', 'Timeline', 'Themes', 'Messages'];

async function open() {
  const opened = await openApp(app, { viewport: { width: 1366, height: 768 } });
  await opened.page.locator('.marker-layer .place-marker').first().waitFor();
  return opened;
}

describe('expanding a view', () => {
  it('the map fills the dashboard, framed on every place, and All views gives the four back', async () => {
    const { page, errors, close } = await open();
    const map = page.getByRole('region', { name: 'Map' });
    const before = (await map.locator('.leaflet-container').boundingBox())!;
    await map.getByRole('button', { name: 'Expand the map' }).click();
    for (const name of VIEWS.filter((v) => v !== 'Map'))
      expect(await page.getByRole('region', { name, exact: true }).isVisible(), name).toBe(false);
    const box = (await map.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(box.width).toBeGreaterThan(1300);
    await expect
      .poll(async () => (await map.locator('.leaflet-container').boundingBox())!.height)
      .toBeGreaterThan(before.height * 1.5);
    // Framed anew: every place is inside the map's box.
    await expect
      .poll(() =>
        map.locator('.place-marker').evaluateAll((markers) => {
          const host = markers[0]!.closest('.leaflet-container')!.getBoundingClientRect();
          return markers.filter((m) => {
            const r = m.getBoundingClientRect();
            return r.left < host.left || r.right > host.right || r.top < host.top || r.bottom > host.bottom;
          }).length;
        }),
      )
      .toBe(0);
    expect(await map.locator('.place-marker').count()).toBe(PUEBLA.places.length);
    await map.getByRole('button', { name: 'All views' }).click();
    for (const name of VIEWS)
      expect(await page.getByRole('region', { name, exact: true }).isVisible(), name).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('e expands the view that has the focus, and e again gives every view back; the key help lists it', async () => {
    const { page, close } = await open();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Table', exact: true }).focus();
    await page.keyboard.press('e');
    expect(await page.getByRole('region', { name: 'Map' }).isVisible()).toBe(false);
    expect(await timeline.isVisible()).toBe(true);
    expect(await timeline.getByRole('button', { name: 'All views' }).count()).toBe(1);
    // The focus stays where it was.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Table');
    await page.keyboard.press('e');
    for (const name of VIEWS)
      expect(await page.getByRole('region', { name, exact: true }).isVisible(), name).toBe(true);
    // Not while typing: an "e" in the search box is a letter.
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('');
    await page.getByRole('searchbox', { name: 'Search messages' }).press('e');
    expect(await page.getByRole('region', { name: 'Map' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Keys' }).click();
    const help = page.getByRole('dialog');
    await help.waitFor();
    expect(await help.textContent()).toContain('Expand the view that has the focus');
    await close();
  });
});
