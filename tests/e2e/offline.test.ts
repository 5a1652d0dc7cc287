/**
 * The dashboard in one file, as a meeting room with no network meets it: opened from a disk
 * by double-click (file://), every request to anywhere blocked; and "Download for offline use"
 * from the hosted app, handed on and opened the same way.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tinyDataset } from '../fixtures/tiny';
import { messageTotal, openApp, PUEBLA, useApp } from './app';
import { parseCsv } from './csv';

const app = useApp();
const PACKED = resolve('dist/offline.html');

/** A context that may read files from the disk and nothing else: no server, no network. */
async function diskOnly(browser: Browser, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const requests: string[] = [];
  await context.route(
    (url) => !/^(file|data|blob):/.test(url.protocol),
    (route) => {
      requests.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  return { context, requests };
}

async function openFile(context: BrowserContext, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${path}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors };
}

describe('the dashboard in one file', () => {
  it('opened from a disk with no network: the count, the basemap, a filter, a CSV export and a presentation', async () => {
    const { context, requests } = await diskOnly(app.browser);
    const { page, errors } = await openFile(context, PACKED);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(PUEBLA.meta.title);
    expect(await messageTotal(page)).toBe(PUEBLA.messages.length);
    // The basemap's countries, drawn from the file itself.
    await expect.poll(() => page.locator('.leaflet-container path').count()).toBeGreaterThan(100);
    // Quotes only: the count is the report's quotes.
    const quotes = PUEBLA.messages.filter((m) => m.kind === 'quote').length;
    await page.getByRole('button', { name: new RegExp(`^Quotes ${quotes}`) }).click();
    await expect.poll(() => messageTotal(page)).toBe(quotes);
    // The CSV of those messages: a header and a row each.
    await page.getByRole('button', { name: 'Export' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download CSV/ }).click(),
    ]);
    const [, ...rows] = parseCsv(readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(quotes);
    await page.keyboard.press('Escape');
    // Presentation: a headline on stage, PageDown walks on, Escape comes back.
    await page.keyboard.press('p');
    const headline = page.locator('#stage-title');
    await headline.waitFor();
    const first = await headline.textContent();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect.poll(() => headline.textContent()).not.toBe(first);
    await page.keyboard.press('Escape');
    await headline.waitFor({ state: 'detached' });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('its speaker view opens beside it from the disk, and follows the stage', async () => {
    const { context } = await diskOnly(app.browser, { width: 1920, height: 1080 });
    const { page } = await openFile(context, PACKED);
    await page.keyboard.press('p');
    await page.locator('#stage-title').waitFor();
    const [speaker] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: /Speaker view/ }).click(),
    ]);
    const view = speaker.getByRole('main', { name: 'Speaker view' });
    await expect
      .poll(() => view.getByRole('heading', { level: 2 }).first().textContent())
      .toBe(`Now: ${await page.locator('#stage-title').textContent()}`);
    await context.close();
  });

  it('"Download for offline use" gives the consultation on screen in one file, which opens from a disk', async () => {
    const tiny = tinyDataset();
    const { page, close } = await openApp(app, { dataset: tiny });
    await expect.poll(() => messageTotal(page)).toBe(tiny.messages.length);
    await page.getByRole('button', { name: 'Export' }).click();
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download for offline use' }).click(),
    ]);
    expect(saved.suggestedFilename()).toBe(`${tiny.meta.id}-offline.html`);
    await expect.poll(() => page.getByRole('dialog').textContent()).toMatch(/open it by double-click/);
    const path = join(mkdtempSync(join(tmpdir(), 'offline-')), saved.suggestedFilename());
    writeFileSync(path, readFileSync((await saved.path())!));
    await close();

    const { context, requests } = await diskOnly(app.browser);
    const copy = await openFile(context, path);
    expect(await copy.page.getByRole('heading', { level: 1 }).textContent()).toBe(tiny.meta.title);
    expect(await messageTotal(copy.page)).toBe(tiny.messages.length);
    // Passed on again from the copy itself: the same consultation.
    await copy.page.getByRole('button', { name: 'Export' }).click();
    const [again] = await Promise.all([
      copy.page.waitForEvent('download'),
      copy.page.getByRole('button', { name: 'Download for offline use' }).click(),
    ]);
    const second = join(mkdtempSync(join(tmpdir(), 'offline-')), 'again.html');
    writeFileSync(second, readFileSync((await again.path())!));
    const third = await openFile(context, second);
    expect(await third.page.getByRole('heading', { level: 1 }).textContent()).toBe(tiny.meta.title);
    expect(requests).toEqual([]);
    expect([...copy.errors, ...third.errors]).toEqual([]);
    await context.close();
  });
});
