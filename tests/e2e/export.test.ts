/**
 * Taking results away, as a policy analyst does: the key takeaways on a theme, filtered in two
 * clicks, saved as a CSV file, printed as a briefing, a link to one message, a picture of the map.
 * Every expected answer is computed from the dataset file, not from the app.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { countLine, messageTotal, openApp, PUEBLA, PUEBLA_JSON, useApp } from './app';
import { parseCsv } from './csv';
import { readText, toLatin1 } from '../../src/lib/export/png-text';

const app = useApp();
type Message = (typeof PUEBLA.messages)[number];

/** The naive answer: the key takeaways tagged COVID-19, read straight from the dataset. */
const covidTakeaways = PUEBLA.messages.filter((m) => m.kind === 'takeaway' && m.themeIds.includes('covid-19'));

async function keyTakeawaysOn(page: Page, theme: string) {
  const messages = page.getByRole('region', { name: 'Messages' });
  await messages
    .getByRole('group', { name: 'Kinds of message' })
    .getByRole('button', { name: /^Key takeaways/ })
    .click();
  await page
    .getByRole('region', { name: 'Themes' })
    .getByRole('columnheader', { name: new RegExp(`^Theme: ${theme}`) })
    .click();
}

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor();
  return dialog;
}

async function saved(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** A PDF's text, every page, with white space folded (a line break in print is a space). */
async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? ' ' : '');
    parts.push(' ');
  }
  return { text: parts.join('').replace(/\s+/g, ' '), pages: pdf.numPages };
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('taking results away', () => {
  it('key takeaways about COVID-19: two clicks, the count a naive filter gives, and a CSV of exactly those, verbatim', async () => {
    const { page, errors, close } = await openApp(app, { viewport: { width: 1366, height: 768 } });
    await keyTakeawaysOn(page, 'COVID-19');
    expect(covidTakeaways.length).toBeGreaterThan(1);
    expect(await messageTotal(page)).toBe(covidTakeaways.length);
    // The header says what it counts.
    expect(await countLine(page).textContent()).toContain(`${covidTakeaways.length} key takeaways`);
    // The chips say it in words.
    const chips = await page.getByRole('region', { name: 'Active filters' }).textContent();
    expect(chips).toContain('Kind: Key takeaway');
    expect(chips).toContain('COVID-19');

    const dialog = await openExport(page);
    expect(await dialog.textContent()).toContain(`${covidTakeaways.length} of ${PUEBLA.messages.length} messages`);
    const { download, bytes } = await saved(page, () => dialog.getByRole('button', { name: /^Download CSV/ }).click());
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    // UTF-8 with a byte-order mark, so a spreadsheet reads "São Paulo" right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header).toEqual([
      'id',
      'kind',
      'topic',
      'session',
      'session_date',
      'label',
      'text',
      'speakers',
      'themes',
      'places',
      'people',
      'section',
      'citation',
    ]);
    expect(rows).toHaveLength(await messageTotal(page));
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[column('id')]).sort()).toEqual(covidTakeaways.map((m) => m.id).sort());
    for (const row of rows) {
      const message = PUEBLA.messages.find((m) => m.id === row[column('id')]) as Message;
      expect(row[column('text')]).toBe(message.text);
      expect(row[column('kind')]).toBe('Key takeaway');
      expect(row[column('themes')]).toContain('COVID-19');
      expect(row[column('citation')]).toContain(`“${message.text}”`);
      expect(row[column('citation')]).toContain(message.source.section);
    }
    expect(await dialog.getByText(`Saved a CSV file of ${rows.length} messages.`).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('the CSV of the five quotes names who said each, and its session; a cell that starts like a formula arrives as text', async () => {
    const quotes = PUEBLA.messages.filter((m) => m.kind === 'quote');
    // One quote's words made to start like a formula, over two lines, as a spreadsheet would run them.
    const dataset = structuredClone(PUEBLA_JSON);
    // (Nancy Pérez's: no practice repeats its words, so it may change.)
    const trickedId = 'quote-nancy-perez';
    const tricked = dataset.messages.find((m: Message) => m.id === trickedId);
    tricked.text = '=1+1\nx';
    tricked.highlights = [];
    const { page, close } = await openApp(app, { dataset, query: '?kind=quote' });
    expect(await messageTotal(page)).toBe(quotes.length);
    const dialog = await openExport(page);
    const { bytes } = await saved(page, () => dialog.getByRole('button', { name: /^Download CSV/ }).click());
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    const column = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const quote = quotes.find((q) => q.id === row[column('id')])!;
      // Who said it, from the dataset alone: its people, else the declaration it comes from.
      const who = quote.personIds.length
        ? quote.personIds.map((id) => PUEBLA.people.find((p) => p.id === id)!.name)
        : [PUEBLA.references.find((r) => r.id === quote.referenceIds[0])!.title];
      for (const name of who) {
        expect(row[column('speakers')], quote.id).toContain(name);
        expect(row[column('citation')], quote.id).toContain(`” — ${name}`);
      }
      const topic = PUEBLA.topics.find((t) => t.id === quote.topicId);
      const session = topic && PUEBLA.sessions.find((s) => s.id === topic.sessionId);
      expect(row[column('session')]).toBe(session?.title ?? '');
    }
    const trickedRow = rows.find((r) => r[column('id')] === trickedId)!;
    expect(trickedRow[column('text')]).toBe("'=1+1\nx");
    await close();
  });

  it('a link to one message: ?message= opens it, Open writes it, Back closes it, a bad id is reported', async () => {
    const target = PUEBLA.messages.find((m) => m.kind === 'practice' && m.placeIds.length > 0)!;
    const { page, errors, close } = await openApp(app, { query: `?message=${target.id}` });
    const dialog = page.getByRole('dialog', { name: target.label });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(target.text);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => new URL(page.url()).searchParams.get('message')).toBeNull();

    // From the list: Open puts the message in the address, and Back closes it again.
    const other = PUEBLA.messages.find((m) => m.kind === 'takeaway')!;
    await page
      .getByRole('region', { name: 'Messages' })
      .getByRole('searchbox', { name: 'Search messages' })
      .fill(other.text.split(' ').slice(0, 6).join(' '));
    await page.getByRole('article', { name: other.label }).getByRole('button', { name: /^Open/ }).click();
    await page.getByRole('dialog', { name: other.label }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('message')).toBe(other.id);
    expect(new URL(page.url()).searchParams.get('q')).not.toBeNull();
    await page.goBack();
    await page.getByRole('dialog', { name: other.label }).waitFor({ state: 'hidden' });
    expect(new URL(page.url()).searchParams.get('message')).toBeNull();

    const bad = await openApp(app, { query: '?message=no-such-message' });
    expect(await bad.page.getByRole('dialog').count()).toBe(0);
    expect(
      await bad.page
        .getByText(/Left out of the link: message "no-such-message" \(not in this consultation\)/)
        .isVisible(),
    ).toBe(true);
    await bad.close();
    expect(errors).toEqual([]);
    await close();
  });

  it('Copy link copies the address of the view as it is', async () => {
    const { page, context, close } = await openApp(app);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await keyTakeawaysOn(page, 'COVID-19');
    const dialog = await openExport(page);
    await dialog.getByRole('button', { name: 'Copy link' }).click();
    await dialog.getByText('Link copied.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The address as it is, naming its consultation: a link opens it even where another is the first.
    const params = new URL(copied).searchParams;
    expect(params.get('consultation')).toBe(PUEBLA.meta.id);
    for (const [key, value] of new URL(page.url()).searchParams) expect(params.get(key)).toBe(value);
    expect(params.get('kind')).toBe('takeaway');
    expect(params.get('cell')).toBe('*|covid-19');

    // The link, opened afresh, shows the same messages.
    const again = await openApp(app, { query: new URL(copied).search });
    expect(await messageTotal(again.page)).toBe(covidTakeaways.length);
    await again.close();
    await close();
  });

  it('a printed briefing holds every filtered message, its citation, the filters in words and page numbers', async () => {
    const { page, errors, close } = await openApp(app, { viewport: { width: 1366, height: 768 } });
    await page
      .getByRole('region', { name: 'Themes' })
      .getByRole('columnheader', { name: /^Theme: Housing/ })
      .click();
    const housing = PUEBLA.messages.filter((m) => m.themeIds.includes('housing'));
    expect(await messageTotal(page)).toBe(housing.length);
    const dialog = await openExport(page);
    await dialog.getByRole('button', { name: /^Briefing/ }).click();
    const briefing = page.getByRole('dialog', { name: PUEBLA.meta.title });
    await briefing.waitFor();
    // The focus is on its title; the map's picture is drawn before it can print.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('briefing-title');
    await briefing.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    expect(await briefing.getByRole('img', { name: /^Map of the places/ }).isVisible()).toBe(true);
    // The matrix marks the picked column's cells, and only those.
    const housingRow = briefing.getByRole('row', { name: /^Housing and basic needs/ });
    const cells = await housingRow.getByRole('cell').allTextContents();
    expect(cells.length).toBeGreaterThan(1);
    for (const cell of cells) expect(cell).toContain('●');
    expect(await briefing.getByRole('cell').filter({ hasText: '●' }).count()).toBe(cells.length);
    // No windowing: every message is on the page at once.
    expect(await briefing.getByRole('article').count()).toBe(housing.length);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const { text, pages } = await pdfText(new Uint8Array(pdf));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(fold(PUEBLA.meta.title));
    expect(text).toContain('Theme: Housing');
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    const squeeze = (t: string) => t.replace(/\s+/g, '');
    for (const message of housing) {
      expect(squeeze(text), message.id).toContain(squeeze(message.label));
      expect(squeeze(text), message.id).toContain(squeeze(message.text));
    }
    // No controls in print.
    expect(text).not.toContain('Print or save as PDF');
    expect(text).not.toContain('Clear all filters');

    // Escape goes back to the dashboard, with the focus on Export.
    await page.keyboard.press('Escape');
    await briefing.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('export-button');
    expect(errors).toEqual([]);
    await close();
  });

  it('a briefing of a few messages prints them on its first page: the matrix keeps only the themes they carry', async () => {
    const { page, close } = await openApp(app, { query: '?place=sao-paulo', viewport: { width: 1366, height: 768 } });
    const count = await messageTotal(page);
    expect(count).toBeLessThan(5);
    await (await openExport(page)).getByRole('button', { name: /^Briefing/ }).click();
    const briefing = page.getByRole('dialog', { name: PUEBLA.meta.title });
    await briefing.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    // The themes of the messages that name São Paulo or its people, from the dataset file.
    const people = PUEBLA.people.filter((p) => p.placeId === 'sao-paulo').map((p) => p.id);
    const named = PUEBLA.messages.filter(
      (m) => m.placeIds.includes('sao-paulo') || m.personIds.some((id) => people.includes(id)),
    );
    const themes = new Set(named.flatMap((m) => m.themeIds));
    const matrix = briefing.getByRole('table');
    await expect.poll(() => matrix.locator('tbody tr:not(.group)').count()).toBe(themes.size);
    expect(await briefing.textContent()).toContain(
      `${PUEBLA.themes.length - themes.size} themes that none of these messages carries are left out.`,
    );
    // Printed, the first message is on the first page.
    const pdf = await getDocument({ data: new Uint8Array(await page.pdf({ format: 'A4', printBackground: true })) })
      .promise;
    const first = await (await pdf.getPage(1)).getTextContent();
    const pageOne = first.items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ')
      .replace(/\s+/g, '');
    const firstLabel = (await briefing.getByRole('article').first().getByRole('heading').textContent())!;
    expect(pageOne).toContain(firstLabel.replace(/\s+/g, ''));
    await close();
  });

  it('the browser’s Back closes the briefing and stays on the dashboard, with its filters', async () => {
    const { page, close } = await openApp(app, { query: '?place=montevideo' });
    const filtered = await messageTotal(page);
    const address = page.url();
    await (await openExport(page)).getByRole('button', { name: /^Briefing/ }).click();
    const briefing = page.getByRole('dialog', { name: PUEBLA.meta.title });
    await briefing.waitFor();
    await page.goBack();
    await briefing.waitFor({ state: 'hidden' });
    expect(page.url()).toBe(address);
    expect(await messageTotal(page)).toBe(filtered);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('export-button');
    // Its own button leaves no entry behind: Back then goes where it went before the briefing.
    await (await openExport(page)).getByRole('button', { name: /^Briefing/ }).click();
    await briefing.waitFor();
    await briefing.getByRole('button', { name: 'Back to the dashboard' }).click();
    await briefing.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => history.state?.briefing ?? false)).toBe(false);
    expect(page.url()).toBe(address);
    await close();
  });

  it('a picture of the map: the map twice over, the basemap and markers drawn, and a caption band saying what it shows, also in its metadata', async () => {
    const { page, errors, close } = await openApp(app, {
      viewport: { width: 1366, height: 768 },
      query: '?place=sao-paulo',
    });
    const map = page.getByRole('region', { name: 'Map' });
    await map.locator('.leaflet-container').waitFor();
    const box = (await map.boundingBox())!;
    const count = await messageTotal(page);
    const dialog = await openExport(page);
    const { download, bytes } = await saved(page, () =>
      dialog.getByRole('button', { name: 'Map', exact: true }).click(),
    );
    expect(download.suggestedFilename()).toMatch(/map.*\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(Math.abs(width - box.width * 2)).toBeLessThanOrEqual(2);
    // Taller than the view by its caption band: three lines at least.
    const band = height - box.height * 2;
    expect(band).toBeGreaterThan(3 * 14 * 2);
    // The caption's words are in the file's metadata, as any image viewer reads them.
    const text = readText(new Uint8Array(bytes));
    const sourceLine = `Source: ${PUEBLA.meta.source.title}, ${PUEBLA.meta.source.publisher}`;
    // (tEXt is Latin-1: a typographic dash or quote is written as its plain form.)
    expect(text.Title).toContain(toLatin1(PUEBLA.meta.title));
    expect(text.Description).toContain(toLatin1(PUEBLA.meta.title));
    expect(text.Description).toContain(
      `Map · ${count} of ${PUEBLA.messages.length} messages. Filters: Place: São Paulo.`,
    );
    expect(text.Description).toContain(toLatin1(sourceLine));
    // Drawn, not blank: the picture has the land, the water and the markers' colours, and the band has words.
    const seen = await page.evaluate(
      async ({ base64, top }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const colours = (y0: number, y1: number) => {
          const data = context.getImageData(0, y0, image.width, y1 - y0).data;
          const seen = new Set<number>();
          for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
          return seen.size;
        };
        return { view: colours(0, top), band: colours(top, image.height) };
      },
      { base64: bytes.toString('base64'), top: Math.round(box.height * 2) },
    );
    expect(seen.view).toBeGreaterThan(20);
    // Text anti-aliased on the band: more than its background and ink.
    expect(seen.band).toBeGreaterThan(3);
    expect(await dialog.getByText('Saved a picture of the map.').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });
});
