/**
 * The dashboard in one file, as a meeting room with no network meets it: opened from a disk
 * by double-click (file://), every request to anywhere blocked; and "Download for offline use"
 * from the hosted app, handed on and opened the same way.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tinyDataset } from '../fixtures/tiny';
import { messageTotal, openApp, PUEBLA, useApp } from './app';
import { serveBuild } from './browser';
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

  it('from the disk with no network, the briefing as Word and the story as slides are made', async () => {
    const { context, requests } = await diskOnly(app.browser, { width: 1920, height: 1080 });
    const { page, errors } = await openFile(context, PACKED);
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const word = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: /^Download as Word/ }).click(),
    ]).then(([d]) => d.path());
    // A .docx is a zip of Word's XML.
    expect(readFileSync(word!).includes('word/document.xml')).toBe(true);
    const slides = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: /^Download as slides/ }).click(),
    ]).then(([d]) => d.path());
    expect(readFileSync(slides!).includes('ppt/slides/slide1.xml')).toBe(true);
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

  it('"Download for offline use" gives the consultation on screen in one file, at this view, which opens from a disk', async () => {
    const tiny = tinyDataset();
    const quotes = tiny.messages.filter((m) => m.kind === 'quote').length;
    expect(quotes).toBeGreaterThan(0);
    expect(quotes).toBeLessThan(tiny.messages.length);
    const { page, close } = await openApp(app, { dataset: tiny, query: '?kind=quote' });
    await expect.poll(() => messageTotal(page)).toBe(quotes);
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
    // At the view it was saved at: the quotes only.
    await expect.poll(() => messageTotal(copy.page)).toBe(quotes);
    // Passed on again from the copy itself: the same consultation. A file has no address to share.
    await copy.page.getByRole('button', { name: 'Export' }).click();
    const exporting = copy.page.getByRole('dialog', { name: 'Export' });
    await exporting.waitFor();
    expect(await exporting.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
    expect(await exporting.getByText(/This copy is opened from a disk: it has no address to share/).count()).toBe(1);
    const [again] = await Promise.all([
      copy.page.waitForEvent('download'),
      copy.page.getByRole('button', { name: 'Download for offline use' }).click(),
    ]);
    const second = join(mkdtempSync(join(tmpdir(), 'offline-')), 'again.html');
    writeFileSync(second, readFileSync((await again.path())!));
    const third = await openFile(context, second);
    expect(await third.page.getByRole('heading', { level: 1 }).textContent()).toBe(tiny.meta.title);
    await expect.poll(() => messageTotal(third.page)).toBe(quotes);
    expect(requests).toEqual([]);
    expect([...copy.errors, ...third.errors]).toEqual([]);
    await context.close();
  });
});

describe('the hosted app, installed', () => {
  it('has an identity: a manifest with its name, colours and icons, and a theme colour', async () => {
    const { page, close } = await openApp(app);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      return (await fetch(link.href)).json();
    });
    expect(manifest).toMatchObject({ name: 'Consultation Atlas', display: 'standalone', theme_color: '#005a9c' });
    const sizes = await Promise.all(
      (manifest.icons as { src: string; sizes: string }[]).map(async (icon) => {
        const ok = await page.evaluate(async (src) => (await fetch(src)).ok, icon.src);
        return ok ? icon.sizes : `${icon.src} missing`;
      }),
    );
    expect(sizes).toEqual(['any', '192x192', '512x512', '512x512']);
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#005a9c');
    await close();
  });

  it('visited once, it opens again with the network off: the app, the consultation, the basemap, and it says the consultation is an offline copy', async () => {
    // A server of its own, to switch off: the network gone, as a meeting room's Wi-Fi goes.
    const hosted = await serveBuild();
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${hosted.url}?kind=quote`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The worker has kept the app once it controls the page.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
      .toBe(true);
    expect(await page.getByText(/^Offline copy of/).count()).toBe(0);
    await hosted.server.close();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(PUEBLA.meta.title);
    // The filters in the address still apply: the page is the same page.
    expect(await messageTotal(page)).toBe(PUEBLA.messages.filter((m) => m.kind === 'quote').length);
    await expect.poll(() => page.locator('.leaflet-container path').count()).toBeGreaterThan(100);
    // Never a kept dataset without saying so.
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /^Offline copy of \d{1,2} \w+ \d{4}/ })
          .count(),
      )
      .toBe(1);
    // The one-file copy is kept too.
    await page.getByRole('button', { name: 'Export' }).click();
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download for offline use' }).click(),
    ]);
    expect(saved.suggestedFilename()).toBe(`${PUEBLA.meta.id}-offline.html`);
    await context.close();
  });

  it('when the network answers nothing, the kept copy is shown after a few seconds, saying so; the notice belongs to that consultation', async () => {
    const hosted = await serveBuild();
    // The site behind a relay that can stop answering, as a meeting room's failing Wi-Fi does.
    let silent = false;
    const stalled = new Set<ServerResponse>();
    const relay = createServer((request, response) => {
      if (silent && request.url?.includes('/data/')) {
        stalled.add(response);
        return;
      }
      const upstream = httpRequest(
        new URL(request.url ?? '/', hosted.url),
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((done) => relay.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/`;
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
        .toBe(true);
      silent = true;
      await page.reload();
      // Not "Loading…" for ever: the kept copy, after the worker's few seconds, said to be one.
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
        .toBe(PUEBLA.meta.title);
      const copy = page.getByRole('status').filter({ hasText: /^Offline copy of \d{1,2} \w+ \d{4}/ });
      await expect.poll(() => copy.count()).toBe(1);
      expect(await messageTotal(page)).toBe(PUEBLA.messages.length);
      // Another consultation opened: the notice was the other one's, and goes with it.
      await page.getByRole('button', { name: 'Open…' }).click();
      await page
        .getByRole('dialog', { name: 'Open a consultation' })
        .getByLabel('A consultation’s .json file')
        .setInputFiles({
          name: 'tiny.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(tinyDataset())),
        });
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(tinyDataset().meta.title);
      expect(await page.getByText(/^Offline copy of/).count()).toBe(0);
    } finally {
      await context.close();
      for (const response of stalled) response.destroy();
      relay.closeAllConnections();
      await new Promise((done) => relay.close(done));
      await hosted.server.close();
    }
  });

  it('a new version waits for the user: “Update available” appears, never over a presentation, and loads it on a click', async () => {
    const hosted = await serveBuild();
    const worker = resolve('dist/sw.js');
    const before = readFileSync(worker, 'utf8');
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await context.newPage();
      await page.goto(hosted.url);
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
        .toBe(true);
      // The presenter is on stage when the new version is deployed.
      await page.keyboard.press('p');
      await page.locator('#stage-title').waitFor();
      writeFileSync(worker, `${before}\n// the next version\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      const update = page.getByRole('button', { name: 'Update available: reload' });
      await expect
        .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).waiting)))
        .toBe(true);
      // Ready, but not shown on stage.
      const inHeader = page.locator('.page-header button', { hasText: 'Update available' });
      await expect.poll(() => inHeader.count()).toBe(1);
      expect(await inHeader.isVisible()).toBe(false);
      await page.keyboard.press('Escape');
      await update.waitFor();
      // Loaded on the click: the page reloads under the new worker.
      await Promise.all([page.waitForEvent('load'), update.click()]);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await update.count()).toBe(0);
    } finally {
      writeFileSync(worker, before);
      await context.close();
      await hosted.server.close();
    }
  });
});
