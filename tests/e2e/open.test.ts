/**
 * Bring your own consultation, as a secretariat would: open their own file, an address, or one
 * they opened before; a broken one is named with its place and never replaces what is shown.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import { readFile } from 'node:fs/promises';
import { writeWorkbook } from '../../src/lib/data/xlsx';
import { tinyDataset } from '../fixtures/tiny';
import { countLine, messageTotal, openApp, PUEBLA, useApp } from './app';

const app = useApp();
const tiny = tinyDataset();
const TINY_JSON = JSON.stringify(tiny);
/** The tiny consultation with one theme misspelt, in its first message. */
const broken = () => {
  const doc = tinyDataset();
  doc.messages[0]!.themeIds = ['helthh'];
  return JSON.stringify(doc);
};

const title = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a consultation' });
  await dialog.waitFor();
  return dialog;
}

describe('opening a consultation of one’s own', () => {
  it('a .json file through Open…: its title and count replace the report’s, and it is kept among the recent ones', async () => {
    const { page, errors, close } = await openApp(app, { query: '?place=montevideo' });
    expect(await title(page)).toBe(PUEBLA.meta.title);
    const dialog = await openDialog(page);
    await dialog
      .getByLabel('A consultation’s .json file')
      .setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(TINY_JSON) });
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    // None of the last consultation's filters: every message of the new one.
    expect(await messageTotal(page)).toBe(tiny.messages.length);
    // The address names the file among the ones opened lately here, with no filters.
    expect([...new URL(page.url()).searchParams.keys()]).toEqual(['file']);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // A reload opens it again, from this browser's own copy.
    await page.reload();
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    // A link cannot carry a file to another browser: Export says so, and points to the offline file.
    await page.getByRole('button', { name: 'Export' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export' });
    await exporting.waitFor();
    expect(await exporting.getByText(/opened from a file: a link cannot carry it to another browser/).count()).toBe(1);
    expect(await exporting.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
    expect(await exporting.getByRole('button', { name: 'Download for offline use' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    // Opened again from the list, after the bundled one.
    const again = await openDialog(page);
    const choices = again.getByRole('list', { name: 'Consultations' }).getByRole('button');
    expect(await choices.allTextContents()).toEqual([
      expect.stringContaining(PUEBLA.meta.title),
      expect.stringMatching(new RegExp(`${tiny.meta.title}.*from a file · on screen`)),
    ]);
    await choices.first().click();
    await expect.poll(() => title(page)).toBe(PUEBLA.meta.title);
    expect(await messageTotal(page)).toBe(PUEBLA.messages.length);
    expect(errors).toEqual([]);
    await close();
  });

  it('Back and Forward go between the consultations opened, each with its own filters', async () => {
    const { page, errors, close } = await openApp(app, { query: '?kind=quote' });
    const quotes = PUEBLA.messages.filter((m) => m.kind === 'quote').length;
    await expect.poll(() => messageTotal(page)).toBe(quotes);
    const dialog = await openDialog(page);
    await dialog
      .getByLabel('A consultation’s .json file')
      .setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(TINY_JSON) });
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    await page.goBack();
    // The report again, as it was left: its quotes, the address and the screen agreeing.
    await expect.poll(() => title(page)).toBe(PUEBLA.meta.title);
    await expect.poll(() => messageTotal(page)).toBe(quotes);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('quote');
    await page.goForward();
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    expect(await messageTotal(page)).toBe(tiny.messages.length);
    expect(errors).toEqual([]);
    await close();
  });

  it('an address naming a consultation this app does not have says so, and shows the first', async () => {
    const { page, close } = await openApp(app, { query: '?consultation=nosuch' });
    await expect.poll(() => title(page)).toBe(PUEBLA.meta.title);
    const notice = page.getByRole('region', { name: 'Active filters' });
    await expect
      .poll(() => notice.textContent())
      .toContain('consultation "nosuch" (not among this app’s consultations: the first one is shown)');
    await close();
  });

  it('a big file (over 1 MB) is checked off the page’s thread: the page says how many messages it checks, then opens it whole; a problem is named by its path', async () => {
    const { page, errors, close } = await openApp(app);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    // Every word the opening's status says, however briefly.
    await page.evaluate(() => {
      const said: string[] = ((window as unknown as { said: string[] }).said = []);
      new MutationObserver(() => {
        for (const status of document.querySelectorAll('.opening [role="status"]')) said.push(status.textContent!);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // The report's messages a hundred times over (its places are real: a file's are checked against their countries).
    const big = structuredClone(PUEBLA);
    big.meta.title = 'The report, a hundred times over';
    big.messages = Array.from({ length: 100 }, (_, k) =>
      PUEBLA.messages.map((message) => ({
        ...message,
        id: `${message.id}-${k}`,
        ...(message.excerptOf === undefined ? {} : { excerptOf: `${message.excerptOf}-${k}` }),
      })),
    ).flat();
    delete big.translations;
    const total = big.messages.length;
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(1_000_000);
    await (
      await openDialog(page)
    )
      .getByLabel('A consultation’s .json file')
      .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => title(page)).toBe(big.meta.title);
    const wholeCount = `${total.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} messages`;
    expect(await countLine(page).textContent()).toContain(wholeCount);
    expect(workers.some((url) => /check\.worker/.test(url))).toBe(true);
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said).toContain(`Opening “big.json”… checking ${total.toLocaleString('en-GB')} messages`);
    // The last message's text, as the file has it, in the list once searched for.
    const last = big.messages.at(-1)!;
    await page.getByRole('searchbox', { name: 'Search messages' }).fill(`"${last.label}"`);
    await expect
      .poll(() => page.getByRole('region', { name: 'Messages' }).getByRole('article').first().textContent())
      .toContain(last.text.slice(0, 40));

    const broken = structuredClone(big);
    broken.messages[4321]!.themeIds = ['helthh'];
    await (await openDialog(page)).getByLabel('A consultation’s .json file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('messages[4321].themeIds[0]: unknown theme "helthh"');
    expect(await title(page)).toBe(big.meta.title);
    expect(errors).toEqual([]);
    await close();
  });

  it('a broken file: the problem named with its path, and the consultation on screen stays', async () => {
    const { page, close } = await openApp(app);
    const dialog = await openDialog(page);
    await dialog
      .getByLabel('A consultation’s .json file')
      .setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(broken()) });
    const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('messages[0].themeIds[0]: unknown theme "helthh"');
    expect(await alert.textContent()).toContain('“mine.json” could not be opened');
    expect(await title(page)).toBe(PUEBLA.meta.title);
    expect(await messageTotal(page)).toBe(PUEBLA.messages.length);
    // The ways on: Open another…, and Back to what is on screen.
    expect(await alert.getByRole('button', { name: 'Open another…' }).count()).toBe(1);
    await alert.getByRole('button', { name: `Back to “${PUEBLA.meta.title}”` }).click();
    await alert.waitFor({ state: 'detached' });
    // Not JSON at all: said so, and nothing changes either.
    await (
      await openDialog(page)
    )
      .getByLabel('A consultation’s .json file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ "meta": ') });
    await page.getByRole('alert').filter({ hasText: 'could not be opened' }).waitFor();
    expect(await title(page)).toBe(PUEBLA.meta.title);
    await close();
  });

  it('?data= opens a consultation at an address on the same site; an address that cannot be read says why', async () => {
    const { page, close, context } = await openApp(app);
    // The file's own address: not the page's, whose query holds the same words.
    await context.route(
      (url) => url.pathname === '/shared/tiny.json',
      (route) => route.fulfill({ contentType: 'application/json', body: TINY_JSON }),
    );
    await page.goto(`${app.url}?data=/shared/tiny.json`);
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    expect(await messageTotal(page)).toBe(tiny.messages.length);
    // From Open…, an address on this site with no dataset there: the reason, and the consultation stays.
    const opened = async (address: string) => {
      const dialog = await openDialog(page);
      await dialog.getByLabel(/Address/).fill(address);
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
      await alert.waitFor();
      const text = await alert.textContent();
      await alert.getByRole('button', { name: /^Back to/ }).click();
      return text;
    };
    expect(await opened(`${app.url}shared/nothing.json`)).toMatch(
      /Could not load the address .*gave a web page, not a consultation's \.json file/,
    );
    // A plain http site (not this machine): said so, before any request is made.
    expect(await opened('http://data.example.org/consultation.json')).toMatch(
      /from its own site and from https addresses; http:\/\/data\.example\.org is neither/,
    );
    // An https site that cannot be reached (no network here): what happened, and what the site must send.
    expect(await opened('https://data.example.org/consultation.json')).toMatch(
      /the network failed, or the site there does not let other sites read it: it must send the header Access-Control-Allow-Origin/,
    );
    expect(await title(page)).toBe(tiny.meta.title);
    await close();
  });

  it('a file dropped anywhere on the page is opened', async () => {
    const { page, close } = await openApp(app);
    await page.getByRole('region', { name: 'Map' }).waitFor();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      const target = document.querySelector('#view-map')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, TINY_JSON);
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    expect(await messageTotal(page)).toBe(tiny.messages.length);
    await close();
  });

  it('a workbook (.xlsx) through Open…: its title and count replace the report’s', async () => {
    const { page, errors, close } = await openApp(app);
    const { blob } = await writeWorkbook(tiny);
    await (await openDialog(page)).getByLabel('a workbook (.xlsx)').setInputFiles({
      name: 'tiny.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await blob.arrayBuffer()),
    });
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    expect(await messageTotal(page)).toBe(tiny.messages.length);
    expect(errors).toEqual([]);
    await close();
  });

  it('a broken workbook: the problem named by its sheet and cell, and the consultation on screen stays', async () => {
    const { page, close } = await openApp(app);
    const doc = tinyDataset();
    doc.messages[0]!.themeIds = ['helthh'];
    const { blob } = await writeWorkbook(doc);
    await (
      await openDialog(page)
    )
      .getByLabel('a workbook (.xlsx)')
      .setInputFiles({ name: 'mine.xlsx', mimeType: '', buffer: Buffer.from(await blob.arrayBuffer()) });
    const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await alert.waitFor();
    // The first message is on row 2; themeIds is the 8th column, H.
    expect(await alert.textContent()).toContain('Messages!H2: unknown theme "helthh"');
    expect(await title(page)).toBe(PUEBLA.meta.title);
    expect(await messageTotal(page)).toBe(PUEBLA.messages.length);
    await close();
  });

  it('a place with its latitude and longitude swapped is refused, in a workbook by its cell and in a .json file by its path', async () => {
    const { page, close } = await openApp(app);
    const doc = tinyDataset();
    const i = doc.places.findIndex((p) => p.id === 'quito');
    [doc.places[i]!.lat, doc.places[i]!.lon] = [doc.places[i]!.lon, doc.places[i]!.lat];
    const { blob } = await writeWorkbook(doc);
    await (
      await openDialog(page)
    )
      .getByLabel('a workbook (.xlsx)')
      .setInputFiles({ name: 'swapped.xlsx', mimeType: '', buffer: Buffer.from(await blob.arrayBuffer()) });
    const alert = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await alert.waitFor();
    // Places: id, name, kind, countryCode, lat (E), lon; the place's row is its index + 2.
    expect(await alert.textContent()).toContain(
      `Places!E${i + 2}: Quito (EC) lies outside Ecuador: are latitude and longitude swapped?`,
    );
    await alert.getByRole('button', { name: /^Back to/ }).click();
    await (
      await openDialog(page)
    )
      .getByLabel('A consultation’s .json file')
      .setInputFiles({ name: 'swapped.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      `places[${i}].lat: Quito (EC) lies outside Ecuador: are latitude and longitude swapped?`,
    );
    expect(await title(page)).toBe(PUEBLA.meta.title);
    await close();
  });

  it('the template and the consultation on screen download as workbooks; the one on screen opens again as it was', async () => {
    const { page, errors, close } = await openApp(app);
    const dialog = await openDialog(page);
    const saved = async (name: string) => {
      const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name }).click()]);
      return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
    };
    const template = await saved('Download the template (.xlsx)');
    expect(template.name).toBe('consultation-template.xlsx');
    const sheets = strFromU8(unzipSync(template.bytes)['xl/workbook.xml']!);
    expect([...sheets.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])).toContain('Messages');
    const report = await saved('This consultation as a workbook (.xlsx)');
    expect(report.name).toBe(`${PUEBLA.meta.id}.xlsx`);
    // Opened again from the workbook: the same consultation, every message.
    await dialog
      .getByLabel('a workbook (.xlsx)')
      .setInputFiles({ name: report.name, mimeType: '', buffer: report.bytes });
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('consultation-atlas:recent') ?? ''))
      .toContain(report.name);
    const again = await openDialog(page);
    expect(await again.getByRole('list', { name: 'Consultations' }).textContent()).toContain('from a file · on screen');
    await page.keyboard.press('Escape');
    expect(await title(page)).toBe(PUEBLA.meta.title);
    expect(await messageTotal(page)).toBe(PUEBLA.messages.length);
    expect(errors).toEqual([]);
    await close();
  });
});
