import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allMessageCards, PUEBLA_JSON, openApp, useApp, countLine } from './app';

const puebla = PUEBLA_JSON;

const app = useApp();

function open(viewport?: { width: number; height: number }, dataset?: unknown) {
  return openApp(app, { viewport, dataset });
}

const status = (page: Page) => countLine(page);

describe('the dashboard in Chromium, offline', () => {
  it('shows the consultation, its regions and the message count, with no console error', async () => {
    const { page, errors, close } = await open();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('GFMD Puebla Process Consultation');
    expect(await status(page).textContent()).toMatch(/52\s+of 52 messages/);
    const messages = page.getByRole('region', { name: 'Messages' });
    expect(await messages.isVisible()).toBe(true);
    // The cards that fill the list are built at once, the rest as the list scrolls to them.
    const first = await messages.getByRole('article').count();
    expect(first).toBeGreaterThanOrEqual(3);
    expect(first).toBeLessThan(10);
    const lastBox = (await messages.getByRole('article').last().boundingBox())!;
    const listBox = (await messages.locator('.scroll').boundingBox())!;
    expect(lastBox.y + lastBox.height).toBeGreaterThan(listBox.y + listBox.height);
    expect(await (await allMessageCards(page)).count()).toBe(52);
    // Every view is a labelled region, side by side within the screen's width; the messages
    // are on the first screen, whole.
    const names = await page.locator('main section[aria-labelledby] .region-header h2').allTextContents();
    expect(names).toEqual(['Map', 'Timeline', 'Themes', 'Messages']);
    for (const name of names) {
      const box = (await page.getByRole('region', { name, exact: true }).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, name).toBeLessThanOrEqual(1366);
      expect(box.height, name).toBeGreaterThan(200);
    }
    const list = (await messages.boundingBox())!;
    expect(list.y + list.height).toBeLessThanOrEqual(768);
    expect(errors).toEqual([]);
    await close();
  });

  it('a click on a theme narrows the messages, a second click restores them', async () => {
    const { page, close } = await open();
    await allMessageCards(page);
    const card = page.getByRole('article', { name: "Montevideo's fund against evictions" });
    await card.getByRole('button', { name: 'Housing and basic needs' }).click();
    const n = puebla.messages.filter((m: { themeIds: string[] }) => m.themeIds.includes('housing')).length;
    expect(await status(page).textContent()).toMatch(new RegExp(`${n}\\s+of 52 messages`));
    expect(await (await allMessageCards(page)).count()).toBe(n);
    await card.getByRole('button', { name: 'Housing and basic needs', pressed: true }).click();
    expect(await status(page).textContent()).toMatch(/52\s+of 52 messages/);
    await close();
  });

  it('the list builds more cards as the wheel scrolls it, and a new filter result starts at its top', async () => {
    const { page, close } = await open();
    const messages = page.getByRole('region', { name: 'Messages' });
    const cards = messages.getByRole('article');
    await cards.first().waitFor();
    const first = await cards.count();
    await messages.locator('.scroll').hover();
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 600);
    await expect.poll(() => cards.count()).toBeGreaterThan(first);
    const scrollTop = () => messages.locator('.scroll').evaluate((e) => e.scrollTop);
    await expect.poll(scrollTop).toBeGreaterThan(1000);
    const chip = cards.nth(6).getByRole('list', { name: 'Places, people and themes' }).getByRole('button').last();
    await chip.click();
    expect(await status(page).textContent()).not.toMatch(/52\s+of 52/);
    await expect.poll(scrollTop).toBe(0);
    expect(await cards.count()).toBeLessThanOrEqual(first);
    await close();
  });

  it('at 1366×768 the messages stay on screen as the page scrolls, their list scrolling inside itself', async () => {
    const { page, close } = await open({ width: 1366, height: 768 });
    const messages = page.getByRole('region', { name: 'Messages' });
    await messages.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    // The map, the timeline and the matrix take the height they need: the page scrolls to them.
    const themes = page.getByRole('region', { name: 'Themes' });
    await themes.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const themesBox = (await themes.boundingBox())!;
    // Within half a pixel: boxes stand at fractions of a pixel, and the browser scrolls in whole ones.
    expect(themesBox.y + themesBox.height).toBeLessThanOrEqual(768.5);
    // The messages are still there, whole, beside it.
    const box = (await messages.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    const list = messages.locator('.scroll');
    expect(await list.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
    await close();
  });

  it('a 3840×2160 screen at 100 % scale reads like 1920×1080 twice over: type, buttons and markers', async () => {
    const measure = async (width: number, height: number) => {
      const { page, close } = await open({ width, height });
      await page.locator('.marker-layer .place-marker').first().waitFor();
      const sizes = await page.evaluate(() => {
        const px = (selector: string, property: 'fontSize' | 'height' | 'width') =>
          parseFloat(getComputedStyle(document.querySelector(selector)!)[property]);
        return {
          title: px('h1', 'fontSize'),
          text: px('.region.messages article p', 'fontSize'),
          button: px('#export-button', 'height'),
          marker: Math.max(
            ...[...document.querySelectorAll('.place-marker')].map((m) => m.getBoundingClientRect().width),
          ),
          zoom: px('.leaflet-control-zoom-in', 'width'),
        };
      });
      await close();
      return sizes;
    };
    const full = await measure(1920, 1080);
    const big = await measure(3840, 2160);
    for (const key of Object.keys(full) as (keyof typeof full)[])
      expect(big[key] / full[key], key).toBeGreaterThan(1.9);
    // And nothing shrinks on a smaller screen: 1366 px wide keeps the browser's own size.
    const laptop = await measure(1366, 768);
    expect(laptop.button).toBeCloseTo(full.button, 0);
  });

  it('on a phone, nothing is wider than the screen, and the header’s text is all on screen', async () => {
    const { page, close } = await open({ width: 390, height: 844 });
    await page.getByRole('region', { name: 'Map' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Nothing pushed off the left edge either (a row that cannot wrap overflows that way).
    const offscreen = await page
      .locator('header.page-header p, header.page-header button, header.page-header h1')
      .evaluateAll((els) =>
        els
          .filter((e) => {
            const box = e.getBoundingClientRect();
            return box.width > 0 && (box.left < 0 || box.right > window.innerWidth);
          })
          .map((e) => e.textContent),
      );
    expect(offscreen).toEqual([]);
    await close();
  });

  it('a malformed dataset gets a clear message naming the field, and no crash', async () => {
    const broken = structuredClone(puebla);
    broken.messages[12].themeIds[0] = 'helth';
    delete broken.places[2].lat;
    const { page, close } = await open(undefined, broken);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('places[2].lat: missing required field "lat"');
    expect(await alert.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
    await close();
  });

  it('a dataset that is not JSON says so', async () => {
    const { page, close } = await open(undefined, '{"schemaVersion": 1, "meta": ');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/not valid JSON/);
    await close();
  });

  it('shows markup in dataset text literally and never runs it', async () => {
    const hostile = structuredClone(puebla);
    hostile.meta.title = '<img src=x onerror=alert(1)>';
    hostile.messages[0].text = '<script>alert(2)</script> Migration';
    hostile.messages[0].highlights = [];
    const { page, dialogs, close } = await open(undefined, hostile);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.getByText('<script>alert(2)</script> Migration').count()).toBe(1);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await close();
  });
});
