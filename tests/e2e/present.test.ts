import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { messageTotal, PUEBLA, openApp, useApp } from './app';
import { offlineContext } from './browser';

const puebla = PUEBLA;
const count = (test: (m: Dataset['messages'][number]) => boolean) => puebla.messages.filter(test).length;

/** The default story's scenes and what each should leave, computed here from the data. */
const SCENES: [string, number][] = [
  ['GFMD Puebla Process Consultation', 52],
  ['Opening Plenary: the frame', count((m) => m.kind === 'context')],
  ['Topic 1: Skilling Migrants for Employment', count((m) => m.topicId === 'topic-1')],
  ['Topic 2: Addressing Gaps in Migrant Protection', count((m) => m.topicId === 'topic-2')],
  ['Topic 3: Addressing Irregular Migration', count((m) => m.topicId === 'topic-3')],
  ['Topic 4: Balancing Narratives on Migration', count((m) => m.topicId === 'topic-4')],
  ['Recurring and cross-cutting messages', count((m) => m.kind === 'cross-cutting')],
  ['Where the cities’ practices are', count((m) => m.kind === 'practice')],
  ['Closing plenary, 30 June 2020', 52],
];

const app = useApp();

async function open(width: number, height: number, query = '') {
  const opened = await openApp(app, { viewport: { width, height }, query });
  await opened.page.locator('main .region').first().waitFor();
  return opened;
}

const total = messageTotal;
const bar = (page: Page) => page.getByRole('navigation', { name: 'Presentation' });

async function noOverflow(page: Page, width: number, height: number) {
  const sizes = await page.evaluate(() => ({
    w: document.documentElement.scrollWidth,
    h: document.documentElement.scrollHeight,
  }));
  expect(sizes.w).toBeLessThanOrEqual(width);
  expect(sizes.h).toBeLessThanOrEqual(height);
}

describe('presentation mode', () => {
  it.each([
    [1920, 1080, 28],
    [3840, 2160, 56],
  ])(
    'at %i×%i: enters with p, text is at least %ipx, clicker keys walk the story, each scene filters, Escape leaves',
    async (width, height, minPx) => {
      const { page, errors, close } = await open(width, height);
      await page.keyboard.press('p');
      await bar(page).waitFor();
      expect(await bar(page).getByText('1 / 9').isVisible()).toBe(true);

      const keys = ['ArrowRight', 'PageDown', ' ', 'ArrowRight', 'PageDown', 'ArrowRight', 'PageDown', 'ArrowRight'];
      for (let i = 0; i < SCENES.length; i++) {
        const [title, expected] = SCENES[i]!;
        await expect.poll(() => bar(page).locator('.title').textContent()).toBe(title);
        expect(await total(page), title).toBe(expected);
        await noOverflow(page, width, height);
        const stage = page.locator('main .region:visible');
        expect(await stage.count(), title).toBe(1);
        if (await stage.locator('h4.label').count()) {
          const px = await stage
            .locator('h4.label')
            .first()
            .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
          expect(px, `${title}: label size`).toBeGreaterThanOrEqual(minPx);
        }
        // Nothing on stage needs a scroll.
        const scroll = await stage
          .locator('.scroll')
          .evaluateAll((els) => els.map((e) => e.scrollHeight - e.clientHeight));
        for (const extra of scroll) expect(extra, `${title}: needs a scroll`).toBeLessThanOrEqual(1);
        if (i < keys.length) await page.keyboard.press(keys[i]!);
      }
      await page.keyboard.press('PageUp');
      await expect.poll(() => bar(page).locator('.title').textContent()).toBe(SCENES[7]![0]);
      await page.keyboard.press('Home');
      await expect.poll(() => bar(page).locator('.title').textContent()).toBe(SCENES[0]![0]);
      await page.keyboard.press('End');
      await expect.poll(() => bar(page).locator('.title').textContent()).toBe(SCENES[8]![0]);

      await page.keyboard.press('Escape');
      await bar(page).waitFor({ state: 'detached' });
      expect(await page.locator('main .region:visible').count()).toBe(4);
      expect(errors).toEqual([]);
      await close();
    },
  );

  it('enters with the Present button; ? shows every key; the scene is in the address, and a reload resumes it', async () => {
    const { page, close } = await open(1920, 1080);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await bar(page).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard' });
    await help.waitFor();
    expect(await help.getByText('Next scene').isVisible()).toBe(true);
    expect(await help.getByText('Leave presentation mode').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect(await bar(page).isVisible()).toBe(true);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('scene')).toBe('3');
    // The address holds the scene and that scene's filters together, at once.
    expect(new URL(page.url()).searchParams.get('kind')).toBeNull();
    await page.reload();
    await bar(page).waitFor();
    expect(await bar(page).locator('.title').textContent()).toBe(SCENES[2]![0]);
    expect(await total(page)).toBe(SCENES[2]![1]);
    // The presenter can still click to filter during a scene; the next scene restores its own.
    await bar(page).getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => total(page)).toBe(SCENES[3]![1]);
    await close();
  });

  it('the projector themes switch to high contrast', async () => {
    const { page, close } = await open(1920, 1080, '?present=1&scene=1');
    await bar(page).waitFor();
    await bar(page)
      .getByRole('button', { name: /^Contrast/ })
      .click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector-dark');
    const colours = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('h1')!);
      return [s.color, getComputedStyle(document.querySelector('.page-header')!).backgroundColor];
    });
    expect(colours[0]).toBe('rgb(255, 255, 255)');
    await bar(page)
      .getByRole('button', { name: /^Contrast/ })
      .click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector-light');
    await close();
  });

  it('the speaker view shows the current and next scene and a timer, and stays in step both ways', async () => {
    const context = await offlineContext(app.browser, app.url, { width: 1920, height: 1080 });
    const main = await context.newPage();
    await main.goto(app.url);
    await main.locator('main .region').first().waitFor();
    await main.keyboard.press('p');
    await bar(main).waitFor();
    const speaker = await context.newPage();
    await speaker.goto(`${app.url}?speaker=1`);
    const view = speaker.getByRole('main', { name: 'Speaker view' });
    await expect
      .poll(() => view.getByRole('heading', { level: 2 }).allTextContents())
      .toEqual([`Now: ${SCENES[0]![0]}`, `Next: ${SCENES[1]![0]}`]);
    expect(
      await view.getByText(/from 4 June 2020 to 30 June 2020, 16 speakers from 19 places, 52 messages/).count(),
    ).toBe(1);
    expect(await view.locator('.timer').textContent()).toMatch(/^Time since the presentation began: \d+:\d\d$/);

    await main.keyboard.press('ArrowRight');
    await expect
      .poll(() => view.getByRole('heading', { level: 2 }).first().textContent())
      .toBe(`Now: ${SCENES[1]![0]}`);
    await view.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => bar(main).locator('.title').textContent()).toBe(SCENES[2]![0]);
    await expect.poll(() => total(main)).toBe(SCENES[2]![1]);
    await context.close();
  });

  it('the story can be edited, exported and imported; a bad story file gives a clear error', async () => {
    const { page, close } = await open(1920, 1080);
    await page.keyboard.press('p');
    await bar(page).waitFor();
    await page
      .getByRole('region', { name: 'Map' })
      .getByRole('button', { name: /^Montevideo, Uruguay/ })
      .click();
    await bar(page).getByRole('button', { name: 'Story' }).click();
    const editor = page.getByRole('dialog', { name: 'Story' });
    await editor.getByRole('button', { name: 'Add the current view as a scene' }).click();
    expect(await editor.locator('ol.scenes > li').count()).toBe(10);
    expect(await editor.getByText('Filters: place=montevideo').count()).toBe(1);
    await editor.getByRole('textbox', { name: 'Title of scene 2' }).fill('Montevideo up close');
    await editor.getByRole('textbox', { name: 'Title of scene 2' }).press('Tab');
    await editor.getByRole('button', { name: 'Move scene 2 down' }).click();
    expect(await editor.getByRole('textbox', { name: 'Title of scene 3' }).inputValue()).toBe('Montevideo up close');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      editor.getByRole('button', { name: 'Export story' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.consultation).toBe('puebla-2020');
    expect(exported.scenes).toHaveLength(10);
    expect(exported.scenes[2]).toMatchObject({
      title: 'Montevideo up close',
      filters: 'place=montevideo',
      view: 'map',
    });

    const file = editor.locator('input[type="file"]');
    const bad = {
      ...exported,
      scenes: [
        { ...exported.scenes[0], view: 'slides' },
        { id: 'x', title: 'X', filters: 'place=atlantis', view: 'map', notes: '' },
      ],
    };
    await file.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const alert = editor.getByRole('alert');
    expect(await alert.textContent()).toContain(
      'scenes[0].view: expected one of "map", "timeline", "themes", "messages"',
    );
    expect(await editor.locator('ol.scenes > li').count()).toBe(10);

    const good = { ...exported, scenes: exported.scenes.slice(0, 3) };
    await file.setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    expect(await editor.getByRole('status').textContent()).toBe('Imported 3 scenes from good.json.');
    expect(await editor.locator('ol.scenes > li').count()).toBe(3);
    await editor.getByRole('button', { name: 'Close' }).click();
    expect(await bar(page).getByText(/\/ 3$/).count()).toBe(1);
    await close();
  });

  it('the projector themes are available outside presentation mode too', async () => {
    const { page, close } = await open(1366, 768);
    await page.getByRole('button', { name: 'Contrast: Standard' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector-dark');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).color)).toBe('rgb(255, 255, 255)');
    await page.getByRole('button', { name: 'Contrast: Dark' }).click();
    await page.getByRole('button', { name: 'Contrast: Light' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await close();
  });
});
