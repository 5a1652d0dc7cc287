/**
 * Presentation mode as a presenter and the back row meet it: the default story walked with a
 * clicker's PageDown alone, each step's headline and the size of its words measured, every key
 * takeaway and cross-cutting message read out at some step; clicker keys wherever the focus
 * is, from the speaker window too; a story kept across a reload and shared as a link.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENES, messageTotal, openApp, presentationBar, PUEBLA, settledValue, useApp } from './app';
import { offlineContext } from './browser';

const puebla = PUEBLA;

const SCENES = DEFAULT_SCENES;

const app = useApp();

async function open(width: number, height: number, query = '') {
  const opened = await openApp(app, { viewport: { width, height }, query });
  await opened.page.locator('.marker-layer .place-marker').first().waitFor();
  return opened;
}

const bar = presentationBar;
const headline = (page: Page) => page.locator('#stage-title');
/** "Scene 4 of 13 · step 2 of 3" → [4, 13, 2, 3]. */
async function where(page: Page): Promise<[number, number, number, number]> {
  const text = (await page.locator('.stage-footer .where').textContent()) ?? '';
  const [, scene, scenes, step = '1', steps = '1'] = /Scene (\d+) of (\d+)(?: · step (\d+) of (\d+))?/.exec(text)!;
  return [Number(scene), Number(scenes), Number(step), Number(steps)];
}

async function present(page: Page) {
  await page.keyboard.press('p');
  await bar(page).waitFor();
  await page.locator('#stage-title').waitFor();
}

/** Words on stage do not overlap, stay inside the stage, and nothing on the page is cut or needs a scroll. */
async function checkLayout(page: Page, label: string, width: number, height: number) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const stage = document.querySelector('.stage-words')?.getBoundingClientRect();
    const cards = [...document.querySelectorAll('.stage-words .columns article, .stage-words .full article')].map(
      (el) => ({ id: el.getAttribute('data-id'), r: el.getBoundingClientRect() }),
    );
    for (const a of cards) {
      if (stage && (a.r.bottom > stage.bottom + 1 || a.r.right > stage.right + 1)) out.push(`${a.id} is cut`);
      for (const b of cards) {
        if (a === b) continue;
        const overlap = a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom;
        if (overlap) out.push(`${a.id} overlaps ${b.id}`);
      }
    }
    const title = document.querySelector('#stage-title')!;
    if (title.scrollWidth > title.clientWidth + 1) out.push('the headline is cut');
    const counter = document.querySelector('.presentation-bar .where')!;
    if (counter.getBoundingClientRect().height > parseFloat(getComputedStyle(counter).lineHeight) * 1.5) {
      out.push('the counter wraps');
    }
    return out;
  });
  expect(problems, label).toEqual([]);
  const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
  expect(size[0], `${label}: page width`).toBeLessThanOrEqual(width);
  expect(size[1], `${label}: page height`).toBeLessThanOrEqual(height);
}

/** Waits until the stage's place in the story and its words are the same over two frames. */
async function settled(page: Page, texts: Locator): Promise<void> {
  await settledValue(page, async () => [await where(page), await texts.allTextContents()]);
}

describe('presentation mode: the audience reads what was said', () => {
  it.each([
    [1920, 1080, 28],
    [3840, 2160, 56],
  ])(
    'at %i×%i, PageDown alone walks the story: a headline a step, words of at least %ipx, every takeaway read',
    async (width, height, minPx) => {
      const { page, errors, close } = await open(width, height);
      await present(page);
      const seen = new Set<string>();
      const titles: string[] = [];
      let timelineSeen = false;
      for (let guard = 0; guard < 80; guard++) {
        const [scene, scenes, step, steps] = await where(page);
        expect(scenes).toBe(SCENES.length);
        const [title, passing] = SCENES[scene - 1]!;
        await expect.poll(() => headline(page).textContent()).toBe(title);
        // The stage measures its pages after it lays out (at 3840 px the type is large): read a
        // step once its place and its words stay the same over two frames, as a presenter sees it.
        const texts = page.locator('.stage-words .columns .text, .stage-words .columns blockquote p');
        await settled(page, texts);
        if (step === 1) {
          titles.push(title);
          expect(await messageTotal(page), title).toBe(passing);
        }
        // The headline is at least 1.5 times the body text.
        const sizes = await page.evaluate(() => ({
          headline: parseFloat(getComputedStyle(document.querySelector('#stage-title')!).fontSize),
          body: parseFloat(getComputedStyle(document.documentElement).fontSize),
        }));
        expect(sizes.headline, title).toBeGreaterThanOrEqual(sizes.body * 1.5);
        for (const text of await texts.all()) {
          expect(await text.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)), title).toBeGreaterThanOrEqual(
            minPx,
          );
          seen.add(((await text.textContent()) ?? '').replace(/\s+/g, ' ').trim());
        }
        // The timeline on stage names every session beside its mark, in body-sized type.
        const names = page.locator('[data-stage="timeline"] .region.timeline .session .title');
        if (await names.count()) {
          // Named once the names are measured in the stage's type.
          await expect.poll(() => names.count(), { message: title }).toBe(puebla.sessions.length);
          for (const name of await names.all())
            expect(await name.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)), title).toBeGreaterThanOrEqual(
              minPx,
            );
          timelineSeen = true;
        }
        await checkLayout(page, `${title}, step ${step} of ${steps}`, width, height);
        if (scene === scenes && step === steps) break;
        await page.keyboard.press('PageDown');
        await expect.poll(() => where(page)).not.toEqual([scene, scenes, step, steps]);
      }
      expect(titles).toEqual(SCENES.map(([title]) => title));
      expect(timelineSeen).toBe(true);
      const mustRead = puebla.messages.filter((m) => m.kind === 'takeaway' || m.kind === 'cross-cutting');
      for (const message of mustRead) expect(seen, message.id).toContain(message.text.replace(/\s+/g, ' ').trim());
      expect(errors).toEqual([]);
      await close();
    },
  );

  it('a message opens full-stage from a click or Enter and closes with Escape; b blacks the screen out and back', async () => {
    const { page, close } = await open(1920, 1080);
    await present(page);
    while (!(await headline(page).textContent())?.startsWith('Topic 1:')) await page.keyboard.press('PageDown');
    const card = page.locator('.stage-words .columns article').first();
    const label = (await card.locator('h2').textContent())!.trim();
    await card.click({ position: { x: 40, y: 120 } });
    const full = page.locator('.stage-words .full article');
    await full.waitFor();
    expect((await full.locator('h2').textContent())!.trim()).toBe(label);
    await page.keyboard.press('Escape');
    await full.waitFor({ state: 'detached' });
    expect(await bar(page).isVisible()).toBe(true);
    await page.locator('.stage-words .columns article .open').first().focus();
    await page.keyboard.press('Enter');
    await full.waitFor();
    await page.keyboard.press('Escape');
    await full.waitFor({ state: 'detached' });

    await page.keyboard.press('b');
    const black = page.getByRole('button', { name: /blacked out/ });
    await black.waitFor();
    expect(await black.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(0, 0, 0)');
    await page.keyboard.press('b');
    await black.waitFor({ state: 'detached' });
    await close();
  });
});

describe('presentation mode: the presenter’s keys are never lost', () => {
  it('clicker keys move on after a matrix cell or a marker took the focus', async () => {
    const { page, close } = await open(1920, 1080);
    await present(page);
    await page.keyboard.press('End');
    await expect.poll(() => where(page).then((w) => w[0])).toBe(SCENES.length);
    await page.getByRole('grid').locator('[tabindex="0"]').first().focus();
    await page.keyboard.press('PageUp');
    await expect.poll(() => headline(page).textContent()).toBe(SCENES.at(-2)![0]);
    // Home is the cell's own key while a cell holds the focus (the grid's first column): it is
    // pressed until the story answers, which it does once the scene's new views took the stage.
    await expect
      .poll(async () => {
        if ((await where(page))[0] !== 1) await page.keyboard.press('Home');
        return where(page);
      })
      .toEqual([1, SCENES.length, 1, expect.any(Number)]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => where(page)).not.toEqual([1, SCENES.length, 1, expect.any(Number)]);
    // On to the second scene a step at a time, each step shown before the next key (never past it).
    for (let i = 0; i < 40 && (await headline(page).textContent()) !== SCENES[1]![0]; i++) {
      const before = await where(page);
      await page.keyboard.press('PageDown');
      await expect.poll(() => where(page)).not.toEqual(before);
    }
    await page
      .getByRole('region', { name: 'Map' })
      .getByRole('button', { name: /^Montevideo/ })
      .focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => headline(page).textContent()).toBe(SCENES[2]![0]);
    await close();
  });

  it('the speaker view shows this step and the next, a timer and the keys, and a clicker pressed there moves the presentation', async () => {
    const context = await offlineContext(app.browser, app.url, { width: 1920, height: 1080 });
    const main = await context.newPage();
    await main.goto(app.url);
    await main.locator('.marker-layer .place-marker').first().waitFor();
    await present(main);
    const [speaker] = await Promise.all([main.waitForEvent('popup'), main.keyboard.press('s')]);
    const view = speaker.getByRole('main', { name: 'Speaker view' });
    await expect
      .poll(() => view.getByRole('heading', { level: 2 }).first().textContent())
      .toBe(`Now: ${SCENES[0]![0]}`);
    expect(await view.locator('.timer').textContent()).toMatch(/^Time since the presentation began: \d+:\d\d$/);
    // What is on stage, by title, with the report's section.
    const onStage = await main.locator('.stage-words .columns article h2').allTextContents();
    expect(onStage.length).toBeGreaterThan(0);
    for (const label of onStage) expect(await view.locator('.now').getByText(label.trim()).count()).toBe(1);
    expect(await view.getByText('Keys (they work in this window too)').count()).toBe(1);

    await speaker.keyboard.press('PageDown');
    await expect.poll(() => where(main)).toEqual([1, SCENES.length, 2, expect.any(Number)]);
    await expect.poll(() => view.locator('.progress').textContent()).toMatch(/Scene 1 of \d+, step 2 of/);
    await view.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => where(main).then((w) => w[2])).toBe(3);
    await context.close();
  });

  it('the speaker view opened with s closes when the presentation ends', async () => {
    const { page, close } = await open(1920, 1080);
    await present(page);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.getByRole('main', { name: 'Speaker view' }).waitFor();
    // Named by the presenting window's own channel: two presenting windows never cross.
    expect(new URL(popup.url()).searchParams.get('speaker')).toMatch(/^[0-9a-f]{12}$/);
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await bar(page).waitFor({ state: 'detached' });
    await expect.poll(() => popup.isClosed()).toBe(true);
    await close();
  });

  it('Present from a filtered view starts on “Your view”; Escape gives those filters back', async () => {
    const { page, close } = await open(1920, 1080, '?place=montevideo&q=fund');
    const before = await messageTotal(page);
    await present(page);
    expect(await headline(page).textContent()).toBe('Your view');
    expect(await messageTotal(page)).toBe(before);
    await page.keyboard.press('PageDown');
    await expect.poll(() => headline(page).textContent()).toBe(SCENES[0]![0]);
    await page.keyboard.press('Escape');
    await bar(page).waitFor({ state: 'detached' });
    expect(await messageTotal(page)).toBe(before);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ place: 'montevideo', q: 'fund' });
    await close();
  });

  it('each scene frames its own places on the map', async () => {
    const { page, close } = await open(1920, 1080);
    await present(page);
    const marker = page.getByRole('region', { name: 'Map' }).getByRole('button', { name: /^Montevideo/ });
    // A scene's map is framed once its layout has settled: measured when the marker stops moving.
    const still = async () => {
      let last = await marker.boundingBox();
      await expect
        .poll(async () => {
          const now = await marker.boundingBox();
          const moved = !last || !now || Math.hypot(last.x - now.x, last.y - now.y) > 0.5;
          last = now;
          return moved;
        })
        .toBe(false);
      return last!;
    };
    // On to the second scene a step at a time, each step shown before the next key (never past it).
    for (let i = 0; i < 40 && (await headline(page).textContent()) !== SCENES[1]![0]; i++) {
      const before = await where(page);
      await page.keyboard.press('PageDown');
      await expect.poll(() => where(page)).not.toEqual(before);
    }
    const first = await still();
    while ((await headline(page).textContent()) !== 'What the cities do: their practices') {
      await page.keyboard.press('PageDown');
    }
    await expect
      .poll(async () => {
        const now = (await marker.boundingBox())!;
        return Math.hypot(now.x - first.x, now.y - first.y);
      })
      .toBeGreaterThan(20);
    await still();
    // This step's places are named on the map.
    expect(await page.locator('.place-label.named').count()).toBeGreaterThan(0);
    await close();
  });

  it('on a phone the bar fits and Exit is on screen', async () => {
    const { page, close } = await open(390, 844);
    // On a phone Present is one of the header's other actions, under More.
    await page.getByRole('button', { name: 'More', exact: true }).click();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await bar(page).waitFor();
    const exit = bar(page).getByRole('button', { name: 'Exit (Esc)' });
    const box = (await exit.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await exit.click();
    await bar(page).waitFor({ state: 'detached' });
    // The focus goes back to Present, still shown under More.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('present-button');
    await close();
  });

  it('the bar fades while the pointer rests and comes back as it moves, keeping its room', async () => {
    const { page, close } = await open(1920, 1080);
    await present(page);
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const stageBottom = await page.locator('.stage-footer').boundingBox();
    await expect.poll(() => bar(page).evaluate((e) => getComputedStyle(e).opacity), { timeout: 6000 }).toBe('0');
    expect(await page.locator('.stage-footer').boundingBox()).toEqual(stageBottom);
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 320);
    await expect.poll(() => bar(page).evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
    await close();
  });
});

describe('presentation mode: stories are kept and shared', () => {
  it('an edited story survives a reload, at the right scene', async () => {
    const { page, close } = await open(1920, 1080);
    await present(page);
    await bar(page).getByRole('button', { name: 'Story' }).click();
    const editor = page.getByRole('dialog', { name: 'Story' });
    await editor.getByRole('textbox', { name: 'Title of scene 2' }).fill('Cities on the map');
    await editor.getByRole('textbox', { name: 'Title of scene 2' }).press('Tab');
    await editor.getByRole('button', { name: 'Show scene 2' }).click();
    await editor.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => headline(page).textContent()).toBe('Cities on the map');
    expect(new URL(page.url()).searchParams.get('scene')).toBe('2');
    await page.reload();
    await page.locator('#stage-title').waitFor();
    await expect.poll(() => headline(page).textContent()).toBe('Cities on the map');
    expect((await where(page))[0]).toBe(2);
    expect(await bar(page).locator('.where').textContent()).toMatch(new RegExp(`^2 / ${SCENES.length}`));
    await close();
  });

  it('the story can be edited, exported, imported and shared as a link; a bad story file gives a clear error', async () => {
    const { page, context, close } = await open(1920, 1080);
    await present(page);
    await page.keyboard.press('PageDown');
    await bar(page).getByRole('button', { name: 'Story' }).click();
    const editor = page.getByRole('dialog', { name: 'Story' });
    await editor.getByRole('textbox', { name: 'Title of scene 2' }).fill('Cities on the map');
    await editor.getByRole('textbox', { name: 'Title of scene 2' }).press('Tab');
    await editor.getByRole('button', { name: 'Move scene 2 down' }).click();
    expect(await editor.getByRole('textbox', { name: 'Title of scene 3' }).inputValue()).toBe('Cities on the map');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      editor.getByRole('button', { name: 'Export story' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.consultation).toBe('puebla-2020');
    expect(exported.scenes).toHaveLength(SCENES.length);
    expect(exported.scenes[2]).toMatchObject({ title: 'Cities on the map', view: 'map' });

    await editor.getByRole('button', { name: 'Link to this story' }).click();
    const link = await editor.getByRole('textbox', { name: /a link that opens this story/i }).inputValue();
    expect(link).toMatch(/[?&]story=[\w-]+/);
    const other = await context.newPage();
    await other.goto(link);
    await other.locator('#stage-title').waitFor();
    await other.keyboard.press('End');
    await other.keyboard.press('Home');
    for (let i = 0; i < 12 && (await other.locator('#stage-title').textContent()) !== 'Cities on the map'; i++) {
      await other.keyboard.press('PageDown');
    }
    expect(await other.locator('#stage-title').textContent()).toBe('Cities on the map');
    await other.close();

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
    expect(await editor.getByRole('alert').textContent()).toContain('scenes[0].view: expected one of "messages"');
    const good = { ...exported, scenes: exported.scenes.slice(0, 3) };
    await file.setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await editor.getByText('Imported 3 scenes from good.json.').waitFor();
    expect(await editor.locator('ol.scenes > li').count()).toBe(3);
    await editor.getByRole('button', { name: 'Close' }).click();
    expect(await bar(page).locator('.where').textContent()).toMatch(/\/ 3/);
    await close();
  });

  it('the projector themes switch to high contrast, on stage and outside it', async () => {
    const { page, close } = await openApp(app, {
      viewport: { width: 1920, height: 1080 },
      query: '?present=1&scene=1',
    });
    await page.locator('#stage-title').waitFor();
    await bar(page)
      .getByRole('button', { name: /^Contrast/ })
      .click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector-dark');
    expect(await headline(page).evaluate((e) => getComputedStyle(e).color)).toBe('rgb(255, 255, 255)');
    await bar(page)
      .getByRole('button', { name: /^Contrast/ })
      .click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('projector-light');
    await page.keyboard.press('Escape');
    await bar(page).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Contrast: Light' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await close();
  });
});
