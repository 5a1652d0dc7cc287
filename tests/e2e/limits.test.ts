/**
 * Untrusted input has limits, and each ends in a clear message with the consultation on screen
 * still there: a 150 MB file, an address that never answers, a web page instead of a
 * consultation, a story link built to unpack to 100 MB, a 10,000-character parameter, and an
 * address with nothing there at the start.
 */
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageTotal, openApp, PUEBLA, useApp } from './app';
import { otherSite, type Site } from './site';

const app = useApp();
let site: Site;
beforeAll(async () => {
  site = await otherSite((path) => {
    if (path === '/never.json') return 'never';
    if (path === '/page.json') return { body: '<!doctype html><title>Home</title><p>Welcome', type: 'text/html' };
    return undefined;
  });
});
afterAll(() => site?.close());

const title = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const failure = (page: Page) => page.getByRole('alert').filter({ hasText: 'could not be opened' });

async function openAddress(page: Page, address: string) {
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a consultation' });
  await dialog.getByLabel(/Address/).fill(address);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
}

describe('limits on what is opened', () => {
  it('a 150 MB file is refused before it is read, and the consultation on screen stays', async () => {
    const { page, close } = await openApp(app);
    await page.getByRole('region', { name: 'Map' }).waitFor();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(150 * 1024 * 1024)], 'huge.json', { type: 'application/json' }));
      const target = document.querySelector('#view-map')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await failure(page).waitFor();
    expect(await failure(page).textContent()).toMatch(
      /huge\.json is 150\.0 MB: a consultation may be at most 50\.0 MB/,
    );
    expect(await title(page)).toBe(PUEBLA.meta.title);
    expect(await messageTotal(page)).toBe(PUEBLA.messages.length);
    await close();
  });

  it('an address that never answers ends after 60 seconds with what to do; the consultation on screen stays', async () => {
    const { page, close } = await openApp(app, { allow: [site.url] });
    await page.clock.install();
    await openAddress(page, `${site.url}never.json`);
    await page
      .getByRole('status')
      .filter({ hasText: /^Opening/ })
      .waitFor();
    // A minute passes (again, if the page set its time limit only after the last minute went by:
    // on a busy machine the code that sets it can arrive late).
    await expect
      .poll(async () => {
        await page.clock.fastForward('01:01');
        return failure(page).count();
      })
      .toBeGreaterThan(0);
    expect(await failure(page).textContent()).toMatch(
      /it did not arrive within 60 seconds\. Check the address and the network, then try again\./,
    );
    expect(await title(page)).toBe(PUEBLA.meta.title);
    // The ways on: Retry, Open another…, Back to what is on screen.
    for (const name of ['Retry', 'Open another…', `Back to “${PUEBLA.meta.title}”`])
      expect(await failure(page).getByRole('button', { name }).count()).toBe(1);
    await close();
  });

  it('a slow address can be cancelled: at the start (the page names it, and offers the ways on) and from Open…', async () => {
    const address = `${site.url}never.json`;
    const { page, close } = await openApp(app, { query: `?data=${encodeURIComponent(address)}`, allow: [site.url] });
    const loading = page.getByRole('status').filter({ hasText: `Loading “${address}”…` });
    await loading.waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Loading was cancelled: nothing was opened.');
    await alert.getByRole('button', { name: `Show “${PUEBLA.meta.title}”` }).click();
    await expect.poll(() => title(page)).toBe(PUEBLA.meta.title);
    // From Open…: the consultation on screen stays, with nothing to say.
    await openAddress(page, address);
    const opening = page.getByRole('status').filter({ hasText: /^Opening/ });
    await opening.waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await opening.waitFor({ state: 'detached' });
    expect(await failure(page).count()).toBe(0);
    expect(await title(page)).toBe(PUEBLA.meta.title);
    await close();
  });

  it('a web page instead of a consultation is named as such', async () => {
    const { page, close } = await openApp(app, { allow: [site.url] });
    await openAddress(page, `${site.url}page.json`);
    await failure(page).waitFor();
    expect(await failure(page).textContent()).toMatch(/gave a web page, not a consultation's \.json file/);
    expect(await title(page)).toBe(PUEBLA.meta.title);
    await close();
  });

  /** A story link built to fill the memory: spaces, deflated. */
  const bomb = (megabytes: number) =>
    deflateRawSync(Buffer.alloc(megabytes * 1024 * 1024, 0x20), { level: 9 }).toString('base64url');

  async function refusedOnStage(page: Page) {
    await page.locator('#stage-title').waitFor();
    const notice = page.locator('.stage-headline').getByRole('status');
    await expect
      .poll(() => notice.textContent())
      .toContain('The story in this link is too large (over 1 MB once unpacked) and was not opened');
    // The default story, played instead, from its first scene.
    expect(await page.locator('.stage-footer .where').textContent()).toMatch(/^Scene 1 of \d+/);
    expect(await page.locator('#stage-title').textContent()).toBe(PUEBLA.meta.title);
    // Dismissed, it goes; the presentation goes on.
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  }

  it('a story link that would unpack to 10 MB is refused on stage in the hosted app; the default story is shown', async () => {
    // 10 MB: a link short enough for a web server to pass on (a 100 MB one is refused by the server itself).
    const link = bomb(10);
    expect(link.length).toBeLessThan(14_000);
    const { page, errors, close } = await openApp(app, {
      query: `?present=1&story=${link}`,
      viewport: { width: 1920, height: 1080 },
    });
    await refusedOnStage(page);
    expect(errors).toEqual([]);
    await close();
  });

  it('a 130 KB story link that would unpack to 100 MB is refused in the offline file', async () => {
    const link = bomb(100);
    expect(link.length).toBeLessThan(200_000);
    const context = await app.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.route(
      (url) => !/^(file|data|blob):/.test(url.protocol),
      (route) => route.abort('internetdisconnected'),
    );
    const page = await context.newPage();
    await page.goto(`file://${resolve('dist/offline.html')}?present=1&story=${link}`);
    await refusedOnStage(page);
    await context.close();
  });

  it('a 10,000-character parameter never widens the page, and its notice can be dismissed', async () => {
    for (const width of [390, 1366]) {
      const { page, close } = await openApp(app, {
        query: `?utm_campaign=${'x'.repeat(10_000)}`,
        viewport: { width, height: 800 },
      });
      const notice = page.getByRole('status').filter({ hasText: 'Not used here, kept in the address' });
      await notice.waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const dismiss = notice.getByRole('button', { name: 'Dismiss' });
      const box = (await dismiss.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      // Kept in the address, as it came.
      expect(new URL(page.url()).searchParams.get('utm_campaign')).toHaveLength(10_000);
      await dismiss.click();
      await notice.waitFor({ state: 'detached' });
      await close();
    }
  });

  it('presenting, what a link held that is not used is said on stage, where the presenter looks', async () => {
    const { page, close } = await openApp(app, {
      query: '?present=1&scene=2&place=atlantis&utm_source=mail',
      viewport: { width: 1920, height: 1080 },
    });
    await page.locator('#stage-title').waitFor();
    const notice = page.locator('.stage-headline').getByRole('status');
    await expect
      .poll(() => notice.textContent())
      .toContain('Left out of the link: place "atlantis" (not in this consultation).');
    expect(await notice.textContent()).toContain('Not used here, kept in the address: utm_source=mail.');
    expect(new URL(page.url()).searchParams.get('utm_source')).toBe('mail');
    await close();
  });

  it('an address with nothing there at the start: what happened, Retry, Open another… and the bundled consultation', async () => {
    const { page, close } = await openApp(app, {
      query: `?data=${encodeURIComponent(`${site.url}missing.json`)}`,
      allow: [site.url],
    });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/nothing is there \(HTTP 404\): check the address/);
    expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await alert.getByRole('button', { name: 'Open another…' }).click();
    await page.getByRole('dialog', { name: 'Open a consultation' }).waitFor();
    await page.keyboard.press('Escape');
    await alert.getByRole('button', { name: `Show “${PUEBLA.meta.title}”` }).click();
    await expect.poll(() => title(page)).toBe(PUEBLA.meta.title);
    expect(new URL(page.url()).searchParams.get('consultation')).toBe(PUEBLA.meta.id);
    await close();
  });
});
