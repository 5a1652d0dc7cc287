/**
 * Work passed on arrives whole: a secretariat's link to a consultation it hosts on its own site,
 * a presenter's story link (in the hosted app and in the offline file, at its scene and step),
 * the speaker window for a consultation that is not bundled, and Back after a presentation.
 * Each is opened in a fresh browser context, as the person it was sent to would open it.
 */
import { resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/lib/data/xlsx';
import { tinyDataset } from '../fixtures/tiny';
import { DEFAULT_SCENES, messageTotal, openApp, PUEBLA, useApp } from './app';
import { otherSite, type Site } from './site';

const app = useApp();
const tiny = tinyDataset();
let site: Site;
/** A consultation of about 3 MB (a long note), sent in slow pieces: its progress can be seen. */
const BIG = JSON.stringify({
  ...tiny,
  meta: { ...tiny.meta, title: 'A big consultation', note: 'x'.repeat(3_000_000) },
});
let workbook: Buffer;
beforeAll(async () => {
  workbook = Buffer.from(await (await writeWorkbook(tiny)).blob.arrayBuffer());
  site = await otherSite((path) => {
    if (path === '/consultations/tiny.json') return { body: JSON.stringify(tiny) };
    // A workbook at an address with no .xlsx in it: read by what its bytes are.
    if (path === '/consultations/latest') return { body: workbook, type: 'application/octet-stream' };
    if (path === '/consultations/big.json') return { body: BIG, slow: 12 };
    return undefined;
  });
});
afterAll(() => site?.close());

const title = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const headline = (page: Page) => page.locator('#stage-title').textContent();
/** "Scene 2 of 3 · step 2 of 4" → [2, 3, 2, 4]. */
async function where(page: Page): Promise<[number, number, number, number]> {
  const text = (await page.locator('.stage-footer .where').textContent()) ?? '';
  const [, scene, scenes, step = '1', steps = '1'] = /Scene (\d+) of (\d+)(?: · step (\d+) of (\d+))?/.exec(text)!;
  return [Number(scene), Number(scenes), Number(step), Number(steps)];
}

/** A story as "Link to this story" writes it: the file's JSON, deflated, in URL-safe base64. */
function storyLink(scenes: { id: string; title: string; filters: string; view: string; notes: string }[]): string {
  const json = JSON.stringify({ consultation: PUEBLA.meta.id, scenes }, null, 2);
  return deflateRawSync(Buffer.from(json)).toString('base64url');
}

const STORY = [
  { id: 'health', title: 'Takeaways on health', filters: 'kind=takeaway&cell=*|health', view: 'messages', notes: '' },
  {
    id: 'all-takeaways',
    title: 'Every key takeaway',
    filters: 'kind=takeaway',
    view: 'messages',
    notes: 'Read the second step slowly.',
  },
  { id: 'who', title: 'Who took part', filters: '', view: 'map', notes: '' },
];

describe('a consultation hosted on another site', () => {
  it('opens from ?data= with no rebuild; a reload, a copied link and another browser keep it', async () => {
    const address = `${site.url}consultations/tiny.json`;
    const { page, errors, close } = await openApp(app, {
      query: `?data=${encodeURIComponent(address)}&place=montevideo`,
      allow: [site.url],
    });
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    // Computed from the dataset: the messages that name Montevideo or its people.
    const montevideo = tiny.messages.filter(
      (m) =>
        m.placeIds.includes('montevideo') ||
        m.personIds.some((id) => tiny.people.find((p) => p.id === id)?.placeId === 'montevideo'),
    );
    expect(await messageTotal(page)).toBe(montevideo.length);
    // Nothing in the address was left out, or said to be.
    expect(await page.getByText(/not understood|Not used here|Left out/).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('data')).toBe(address);

    await page.reload();
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    expect(await messageTotal(page)).toBe(montevideo.length);

    await page.getByRole('button', { name: 'Export' }).click();
    const link = await page
      .getByRole('dialog', { name: 'Export' })
      .getByRole('textbox', { name: 'Link to this view' })
      .inputValue();
    expect(new URL(link).searchParams.get('data')).toBe(address);
    await close();

    // The link, opened in another browser.
    const other = await openApp(app, { query: new URL(link).search, allow: [site.url] });
    await expect.poll(() => title(other.page)).toBe(tiny.meta.title);
    expect(await messageTotal(other.page)).toBe(montevideo.length);
    expect(errors).toEqual([]);
    await other.close();
  });

  it('a workbook at an address opens, known by its bytes, not its name', async () => {
    const { page, close } = await openApp(app, {
      query: `?data=${encodeURIComponent(`${site.url}consultations/latest`)}`,
      allow: [site.url],
    });
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    expect(await messageTotal(page)).toBe(tiny.messages.length);
    await close();
  });

  it('a consultation over 1 MB shows how much has arrived while it loads', async () => {
    const { page, close } = await openApp(app, { allow: [site.url] });
    await page.getByRole('button', { name: 'Open…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a consultation' });
    await dialog.getByLabel(/Address/).fill(`${site.url}consultations/big.json`);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    const total = (Buffer.byteLength(BIG) / 1048576).toFixed(1);
    await page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^Opening “.*big\\.json”… \\d+\\.\\d of ${total.replace('.', '\\.')} MB$`) })
      .waitFor();
    await expect.poll(() => title(page), { timeout: 20_000 }).toBe('A big consultation');
    expect(await page.getByRole('alert').count()).toBe(0);
    await close();
  });
});

describe('a story link', () => {
  const query = `?present=1&scene=2&step=2&story=${storyLink(STORY)}`;
  const takeaways = PUEBLA.messages.filter((m) => m.kind === 'takeaway').length;

  async function atSceneTwoStepTwo(page: Page) {
    await expect.poll(() => headline(page)).toBe('Every key takeaway');
    await expect.poll(() => where(page).then(([scene, scenes, step]) => [scene, scenes, step])).toEqual([2, 3, 2]);
    expect(await messageTotal(page)).toBe(takeaways);
  }

  it('opens that story in the hosted app, at its scene and step, and a reload keeps them', async () => {
    const { page, errors, close } = await openApp(app, { query, viewport: { width: 1280, height: 720 } });
    await atSceneTwoStepTwo(page);
    // Nothing was left out: the story, the scene and the step stay in the address.
    const params = new URL(page.url()).searchParams;
    expect(params.get('story')).toBe(new URLSearchParams(query).get('story'));
    expect(params.get('step')).toBe('2');
    expect(await page.getByText(/not understood|Not used here/).count()).toBe(0);
    await page.reload();
    await atSceneTwoStepTwo(page);
    // The rest of the story is the link's: three scenes, the last one the map.
    await page.keyboard.press('End');
    await expect.poll(() => headline(page)).toBe('Who took part');
    expect(errors).toEqual([]);
    await close();
  });

  it('opens that story in the offline file from a disk, at its scene and step', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.route(
      (url) => !/^(file|data|blob):/.test(url.protocol),
      (route) => route.abort('internetdisconnected'),
    );
    const page = await context.newPage();
    await page.goto(`file://${resolve('dist/offline.html')}${query}`);
    await atSceneTwoStepTwo(page);
    await context.close();
  });

  it('built in the editor from a consultation opened by address, it names that address', async () => {
    const address = `${site.url}consultations/tiny.json`;
    const { page, close } = await openApp(app, {
      query: `?data=${encodeURIComponent(address)}`,
      viewport: { width: 1920, height: 1080 },
      allow: [site.url],
    });
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    await page.keyboard.press('p');
    await page.locator('#stage-title').waitFor();
    await page.getByRole('navigation', { name: 'Presentation' }).getByRole('button', { name: 'Story' }).click();
    const editor = page.getByRole('dialog', { name: 'Story' });
    await editor.getByRole('button', { name: 'Link to this story' }).click();
    const link = await editor.getByRole('textbox', { name: /a link that opens this story/i }).inputValue();
    expect(new URL(link).searchParams.get('data')).toBe(address);
    await close();
  });
});

describe('the speaker window', () => {
  async function speakerDrives(page: Page, context: BrowserContext) {
    await page.keyboard.press('p');
    await page.locator('#stage-title').waitFor();
    const first = await headline(page);
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    const view = speaker.getByRole('main', { name: 'Speaker view' });
    // Its notes: this scene's headline and what is on stage, from the consultation the presenting window sent.
    await expect.poll(() => view.getByRole('heading', { level: 2 }).first().textContent()).toBe(`Now: ${first}`);
    await expect.poll(() => view.locator('.now li').count()).toBeGreaterThan(0);
    const onStage = await page.locator('.stage-words .columns article h2').allTextContents();
    for (const label of onStage) expect(await view.locator('.now').getByText(label.trim()).count()).toBe(1);
    // A clicker aimed at it drives the stage.
    await speaker.keyboard.press('End');
    await expect.poll(() => headline(page)).not.toBe(first);
    await speaker.close();
  }

  it('works for a consultation opened by address', async () => {
    const address = `${site.url}consultations/tiny.json`;
    const { page, context, close } = await openApp(app, {
      query: `?data=${encodeURIComponent(address)}`,
      viewport: { width: 1920, height: 1080 },
      allow: [site.url],
    });
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    await speakerDrives(page, context);
    await close();
  });

  it('works for a consultation opened from a file', async () => {
    const { page, context, close } = await openApp(app, { viewport: { width: 1920, height: 1080 } });
    await page.getByRole('button', { name: 'Open…' }).click();
    await page
      .getByRole('dialog', { name: 'Open a consultation' })
      .getByLabel('A consultation’s .json file')
      .setInputFiles({ name: 'tiny.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tiny)) });
    await expect.poll(() => title(page)).toBe(tiny.meta.title);
    await speakerDrives(page, context);
    await close();
  });
});

describe('Back after a presentation', () => {
  it('gives the presenter’s own filters, never a scene’s', async () => {
    const { page, close } = await openApp(app, { query: '?kind=quote', viewport: { width: 1920, height: 1080 } });
    const quotes = PUEBLA.messages.filter((m) => m.kind === 'quote').length;
    expect(await messageTotal(page)).toBe(quotes);
    // A filter of the presenter's own: a new history entry.
    await page
      .getByRole('region', { name: 'Themes' })
      .getByRole('columnheader', { name: /^Theme: Health/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('cell')).toBe('*|health');
    const own = await messageTotal(page);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.locator('#stage-title').waitFor();
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
    await page.keyboard.press('Escape');
    await page.locator('#stage-title').waitFor({ state: 'detached' });
    expect(await messageTotal(page)).toBe(own);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ kind: 'quote', cell: '*|health' });
    // Back: the entry before the presenter's own last filter, not a scene of the story.
    await page.goBack();
    await expect.poll(() => messageTotal(page)).toBe(quotes);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ kind: 'quote' });
    await close();
  });

  it('a reload at a scene and step of “Your view” story keeps them, and Escape still gives the presenter’s own filters', async () => {
    const { page, close } = await openApp(app, { query: '?kind=quote', viewport: { width: 1920, height: 1080 } });
    const quotes = PUEBLA.messages.filter((m) => m.kind === 'quote').length;
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(() => headline(page)).toBe('Your view');
    // To scene 2 ("Your view" may take more than one step).
    while ((await where(page))[0] < 2) await page.keyboard.press('PageDown');
    // Step 2 of scene 2, when it has one (the frame's passages), else scene 2 itself.
    if ((await where(page))[3] > 1) await page.keyboard.press('PageDown');
    const before = await where(page);
    const title = await headline(page);
    await page.reload();
    await expect.poll(() => headline(page)).toBe(title);
    await expect.poll(() => where(page)).toEqual(before);
    // "Your view", then the default story.
    expect(before[1]).toBe(DEFAULT_SCENES.length + 1);
    await page.keyboard.press('Escape');
    await page.locator('#stage-title').waitFor({ state: 'detached' });
    await expect.poll(() => messageTotal(page)).toBe(quotes);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ kind: 'quote' });
    await close();
  });

  it('with the dashboard first in its tab, Back from a presentation gives the dashboard, and Forward the scene', async () => {
    const { page, close } = await openApp(app, { query: '?kind=quote', viewport: { width: 1920, height: 1080 } });
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.locator('#stage-title').waitFor();
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
    const at = await where(page);
    await page.goBack();
    await page.locator('#stage-title').waitFor({ state: 'detached' });
    expect(new URL(page.url()).origin).toBe(new URL(app.url).origin);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ kind: 'quote' });
    await page.goForward();
    await page.locator('#stage-title').waitFor();
    await expect.poll(() => where(page)).toEqual(at);
    await close();
  });

  it('a story link opened in another browser: Escape leaves the dashboard with no filters, and Back stays in the app', async () => {
    const { page, close } = await openApp(app, {
      query: `?present=1&scene=2&story=${storyLink(STORY)}`,
      viewport: { width: 1920, height: 1080 },
    });
    await expect.poll(() => headline(page)).toBe('Every key takeaway');
    await page.keyboard.press('Escape');
    await page.locator('#stage-title').waitFor({ state: 'detached' });
    await expect.poll(() => messageTotal(page)).toBe(PUEBLA.messages.length);
    expect(new URL(page.url()).searchParams.get('present')).toBeNull();
    await close();
  });

  it('Back while presenting leaves the presentation for the dashboard as it was; Forward comes back to the scene', async () => {
    const { page, close } = await openApp(app, { query: '?kind=quote', viewport: { width: 1920, height: 1080 } });
    await page
      .getByRole('region', { name: 'Themes' })
      .getByRole('columnheader', { name: /^Theme: Health/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('cell')).toBe('*|health');
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.locator('#stage-title').waitFor();
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    const at = await where(page);
    await page.goBack();
    await page.locator('#stage-title').waitFor({ state: 'detached' });
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ kind: 'quote', cell: '*|health' });
    await page.goForward();
    await page.locator('#stage-title').waitFor();
    await expect.poll(() => where(page)).toEqual(at);
    await close();
  });
});
