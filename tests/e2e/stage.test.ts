/**
 * The presenter's stage, third pass: a clicker that behaves as reveal.js does (on the stage and
 * from the speaker window), and a story built from the dashboard's own views in a few actions.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listen, openApp, presentationBar, PUEBLA, settledValue, useApp } from './app';
import { offlineContext } from './browser';

const app = useApp();

async function open(width: number, height: number, query = '') {
  const opened = await openApp(app, { viewport: { width, height }, query });
  await opened.page.locator('.marker-layer .place-marker').first().waitFor();
  return opened;
}

const bar = presentationBar;
const black = (page: Page) => page.getByRole('button', { name: /blacked out/ });
/** "Scene 4 of 13 · step 2 of 3" → { scene: 4, scenes: 13, step: 2, steps: 3 }. */
async function where(page: Page) {
  const text = (await page.locator('.stage-footer .where').textContent()) ?? '';
  const [, scene, scenes, step = '1', steps = '1'] = /Scene (\d+) of (\d+)(?: · step (\d+) of (\d+))?/.exec(text)!;
  return { scene: Number(scene), scenes: Number(scenes), step: Number(step), steps: Number(steps) };
}
type Where = Awaited<ReturnType<typeof where>>;

/**
 * The clicker's rules, as key sequences and where each leaves the presentation, from where it
 * was ("before"). Scene 1 (the consultation's facts, then its context passages) takes several
 * steps at 1920×1080, which the rules about steps need.
 */
const RULES: { keys: string[]; expect: (before: Where, blackedOut: boolean) => Partial<Where> & { black: boolean } }[] =
  [
    // A blacked-out screen: the first key that moves only brings it back, wherever it points.
    { keys: ['b'], expect: (b) => ({ scene: b.scene, step: b.step, black: true }) },
    { keys: ['PageDown'], expect: (b) => ({ scene: b.scene, step: b.step, black: false }) },
    { keys: ['PageDown'], expect: (b) => ({ scene: 1, step: b.step + 1, black: false }) },
    { keys: ['b', 'PageUp'], expect: (b) => ({ scene: b.scene, step: b.step, black: false }) },
    { keys: ['b', 'End'], expect: (b) => ({ scene: b.scene, step: b.step, black: false }) },
    { keys: ['b', 'Home'], expect: (b) => ({ scene: b.scene, step: b.step, black: false }) },
    // To the second scene's first step, then back: the first scene's last step, not its first.
    { keys: ['Home', 'PageDown'], expect: () => ({ scene: 1, step: 2, black: false }) },
    { keys: ['End', 'Home'], expect: () => ({ scene: 1, step: 1, black: false }) },
  ];

async function checkRules(stage: Page, press: (key: string) => Promise<void>) {
  const firstSteps = (await where(stage)).steps;
  expect(firstSteps, 'scene 1 takes several steps at 1920×1080').toBeGreaterThan(1);
  for (const rule of RULES) {
    const before = await where(stage);
    const wasBlack = (await black(stage).count()) > 0;
    for (const key of rule.keys) await press(key);
    const { black: blackAfter, ...wanted } = rule.expect(before, wasBlack);
    await expect
      .poll(async () => ({ ...(await where(stage)), black: (await black(stage).count()) > 0 }), {
        message: rule.keys.join(' '),
      })
      .toMatchObject({ ...wanted, black: blackAfter });
  }
  // PageDown to the second scene, then PageUp from its first step: the first scene's last step.
  while ((await where(stage)).scene === 1) await press('PageDown');
  expect(await where(stage)).toMatchObject({ scene: 2, step: 1 });
  await press('PageUp');
  await expect.poll(() => where(stage)).toMatchObject({ scene: 1, step: firstSteps });
}

describe('the clicker behaves as reveal.js does', () => {
  it('on the stage: blacked out, a key only brings the room back; PageUp goes to the previous scene’s last step; a reload keeps the step', async () => {
    const { page, close } = await open(1920, 1080);
    await page.keyboard.press('p');
    await bar(page).waitFor();
    await expect.poll(() => where(page).then((w) => w.steps)).toBeGreaterThan(1);
    await checkRules(page, (key) => page.keyboard.press(key));
    // At scene 1's last step: a reload resumes there.
    const before = await where(page);
    await page.reload();
    await bar(page).waitFor();
    await expect.poll(() => where(page)).toEqual(before);
    await close();
  });

  it('from the speaker window, by the same rules', async () => {
    const context = await offlineContext(app.browser, app.url, { width: 1920, height: 1080 });
    const main = await context.newPage();
    await main.goto(app.url);
    await main.locator('.marker-layer .place-marker').first().waitFor();
    await main.keyboard.press('p');
    await bar(main).waitFor();
    await expect.poll(() => where(main).then((w) => w.steps)).toBeGreaterThan(1);
    const [speaker] = await Promise.all([main.waitForEvent('popup'), main.keyboard.press('s')]);
    await speaker.getByRole('main', { name: 'Speaker view' }).waitFor();
    await checkRules(main, (key) => speaker.keyboard.press(key));
    await context.close();
  });
});

describe('a story in minutes', () => {
  it('three filtered views become a 3-scene story by keyboard alone in at most 10 actions, in the order added; a reload and the link keep it', async () => {
    const { page, close } = await open(1366, 768);
    const said = await listen(page);
    // An action is a key that does something (Enter, Escape); moving the focus to a control
    // (Tab, or the grid's arrows) is not counted, and is done here by focusing it.
    let actions = 0;
    const press = async (key: string) => {
      actions++;
      await page.keyboard.press(key);
    };
    const themes = page.getByRole('region', { name: 'Themes' });
    const health = themes.getByRole('columnheader', { name: /^Theme: Health/ });
    const editor = page.getByRole('dialog', { name: 'Story' });
    const addToStory = page.getByRole('button', { name: 'Add to story' });

    await health.focus();
    await press('Enter');
    await page.getByRole('button', { name: 'Story', exact: true }).focus();
    await press('Enter');
    await editor.getByRole('button', { name: 'New story from this view' }).focus();
    await press('Enter');
    await press('Escape');
    await editor.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Messages' })
      .getByRole('button', { name: /^Key takeaways/ })
      .focus();
    await press('Enter');
    await addToStory.focus();
    await press('Enter');
    const montreal = page.getByRole('region', { name: 'Map' }).locator('.place-marker[data-place="montreal"]');
    await page.getByRole('button', { name: 'Clear all filters' }).focus();
    await press('Enter');
    await montreal.focus();
    await press('Enter');
    await addToStory.focus();
    await press('Enter');
    expect(actions).toBeLessThanOrEqual(10);
    // Said as each was added, and shown beside the button.
    await expect.poll(said).toContain('Added “Montreal” as scene 3 of 3.');
    expect(await page.getByText('Added “Montreal” as scene 3 of 3.').isVisible()).toBe(true);

    // Titled from their filters, in the order added.
    const titles = ['Health', 'Health · Key takeaways', 'Montreal'];
    const sceneTitles = async () => {
      await page.getByRole('button', { name: 'Story', exact: true }).click();
      const inputs = editor.getByRole('textbox', { name: /^Title of scene/ });
      await inputs.first().waitFor();
      const out = await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      await page.keyboard.press('Escape');
      await editor.waitFor({ state: 'detached' });
      return out;
    };
    expect(await sceneTitles()).toEqual(titles);
    // A reload keeps it.
    await page.reload();
    await page.locator('.marker-layer .place-marker').first().waitFor();
    expect(await sceneTitles()).toEqual(titles);
    // Presented, the scenes come in that order, each with its own filters.
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await page.keyboard.press('p');
    await bar(page).waitFor();
    await expect.poll(() => page.locator('#stage-title').textContent()).toBe('Health');
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('#stage-title').textContent()).toBe('Montreal');
    expect((await where(page)).scenes).toBe(3);
    expect(new URL(page.url()).searchParams.get('place')).toBe('montreal');
    // Its link, opened in a fresh browser, plays the same three scenes.
    await bar(page).getByRole('button', { name: 'Story' }).click();
    await editor.getByRole('button', { name: /^Link to this story/ }).click();
    const link = await editor.getByRole('textbox', { name: /a link that opens this story/i }).inputValue();
    const other = await openApp(app, { viewport: { width: 1366, height: 768 }, query: link.slice(link.indexOf('?')) });
    await other.page.locator('#stage-title').waitFor();
    expect((await other.page.locator('#stage-title').textContent())!.trim()).toBe('Health');
    expect((await where(other.page)).scenes).toBe(3);
    await other.close();
    await close();
  });

  it('scenes move by Alt+Up and Alt+Down (said aloud) and by dragging, are duplicated, and come back after a delete with Undo', async () => {
    const { page, close } = await open(1366, 768);
    const said = await listen(page);
    await page.getByRole('button', { name: 'Story', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'Story' });
    const titles = () =>
      editor
        .getByRole('textbox', { name: /^Title of scene/ })
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await editor.getByRole('textbox', { name: 'Title of scene 1', exact: true }).waitFor();
    const start = await titles();
    expect(start.length).toBeGreaterThan(4);
    // Alt+Down from the second scene's title: it becomes the third, the focus stays with it.
    await editor.getByRole('textbox', { name: 'Title of scene 2' }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(titles).toEqual([start[0], start[2], start[1], ...start.slice(3)]);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(start[1]);
    await expect.poll(said).toContain(`“${start[1]}” moved to scene 3 of ${start.length}.`);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(titles).toEqual(start);
    // Dragged by its handle: the first scene dropped on the third.
    await editor
      .getByTestId('drag-scene-1')
      .dragTo(editor.getByRole('listitem').nth(2), { targetPosition: { x: 40, y: 10 } });
    await expect.poll(titles).toEqual([start[1], start[2], start[0], ...start.slice(3)]);
    await editor.getByRole('textbox', { name: 'Title of scene 3' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(titles).toEqual(start);
    // Duplicate: a copy after it.
    await editor.getByRole('button', { name: 'Duplicate scene 2' }).click();
    await expect.poll(titles).toEqual([start[0], start[1], `${start[1]} (copy)`, ...start.slice(2)]);
    // Delete, then Undo: back in its place.
    await editor.getByRole('button', { name: 'Delete scene 3' }).click();
    await expect.poll(titles).toEqual(start);
    await editor.getByRole('button', { name: 'Undo' }).click();
    const withCopy = [start[0], start[1], `${start[1]} (copy)`, ...start.slice(2)];
    await expect.poll(titles).toEqual(withCopy);
    // The focus on the restored scene's title, never dropped to the page.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(`${start[1]} (copy)`);
    // A new story replaces this one; Undo gives it back, whole.
    await editor.getByRole('button', { name: 'New story from this view' }).click();
    await expect.poll(titles).toEqual(['All messages']);
    await editor.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(titles).toEqual(withCopy);
    await close();
  });
});

describe('editing while presenting', () => {
  it('keeps the scene on stage, and the address in step with it, as scenes are copied, deleted and moved', async () => {
    const { page, close } = await open(1920, 1080);
    await page.keyboard.press('p');
    await bar(page).waitFor();
    await page.keyboard.press('End');
    const last = await where(page);
    expect(last.scene).toBe(last.scenes);
    const title = (await page.locator('#stage-title').textContent())!.trim();
    await bar(page).getByRole('button', { name: 'Story' }).click();
    const editor = page.getByRole('dialog', { name: 'Story' });
    await editor.getByRole('button', { name: 'Duplicate scene 1', exact: true }).click();
    await editor.getByRole('button', { name: 'Delete scene 2', exact: true }).click();
    await editor.getByRole('textbox', { name: 'Title of scene 1', exact: true }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await editor.getByRole('button', { name: 'Close' }).click();
    // The same scene, now one further on: the footer, the headline and the address agree.
    await expect.poll(() => where(page)).toMatchObject({ scene: last.scenes, scenes: last.scenes });
    expect((await page.locator('#stage-title').textContent())!.trim()).toBe(title);
    expect(new URL(page.url()).searchParams.get('scene')).toBe(String(last.scenes));
    await page.reload();
    await bar(page).waitFor();
    await expect.poll(() => page.locator('#stage-title').textContent()).toBe(title);
    await close();
  });
});

describe('facts on stage are computed', () => {
  it('the title slide says who took part as the dataset counts it', async () => {
    const { page, close } = await openApp(app, {
      viewport: { width: 1920, height: 1080 },
      query: '?present=1&scene=1&step=1',
    });
    const placed = PUEBLA.people.filter((p) => p.placeId);
    const places = new Set(placed.map((p) => p.placeId)).size;
    const none = PUEBLA.people.length - placed.length;
    await expect
      .poll(() => page.locator('.stage-words .columns .facts').textContent())
      .toContain(
        `${PUEBLA.people.length} speakers: ${placed.length} from ${places} places, and ${none} for organisations with no place; ${PUEBLA.messages.length} messages`,
      );
    await close();
  });
});

/**
 * What the room sees of a chart scene, measured in the page: every piece of visible text in the
 * view on stage with its font size; the dashboard's controls visible there (marks excepted:
 * the places, sessions and cells the chart is made of); and, on a map, each drawn place's
 * marker box, its label, and the map's box.
 */
async function chartOnStage(page: Page) {
  return page.evaluate(() => {
    const region = [...document.querySelectorAll<HTMLElement>('.dashboard > .region')].find(
      (r) => getComputedStyle(r).display !== 'none',
    );
    if (!region) return null;
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) return false;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.opacity === '0') return false;
      // Visually hidden text (for screen readers) is clipped to nothing.
      for (let at: Element | null = el; at; at = at.parentElement)
        if (at.classList.contains('visually-hidden') || getComputedStyle(at).clip.startsWith('rect')) return false;
      return true;
    };
    const texts: { text: string; px: number }[] = [];
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || !visible(parent)) continue;
      texts.push({ text, px: parseFloat(getComputedStyle(parent).fontSize) });
    }
    const controls = [...region.querySelectorAll('button, summary, select, input, textarea, [role="tab"]')]
      .filter((el) => !el.closest('.place-marker, .session, .cluster') && visible(el))
      .map((el) => (el.textContent || el.getAttribute('aria-label') || el.tagName).trim());
    const map = region.querySelector('.leaflet-container')?.getBoundingClientRect();
    const labels = new Set([...region.querySelectorAll('.place-label')].map((el) => el.textContent?.trim()));
    const places = [...region.querySelectorAll<HTMLElement>('.place-marker')].filter(visible).map((el) => {
      const box = el.getBoundingClientRect();
      const id = el.dataset.place!;
      return { id, box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom } };
    });
    return {
      view: region.className,
      texts,
      controls,
      map: map && { left: map.left, top: map.top, right: map.right, bottom: map.bottom },
      labels: [...labels],
      places,
    };
  });
}

describe('chart scenes sized for the room', () => {
  it.each([
    [1920, 1080, 28],
    [3840, 2160, 56],
    [1280, 720, 18.6],
  ])(
    'at %i×%i every word of the map, timeline and matrix scenes is at least %fpx; each place a map scene draws is named and whole inside the map; no dashboard control is on stage',
    async (width, height, minPx) => {
      const { page, close } = await open(width, height);
      await page.keyboard.press('p');
      await bar(page).waitFor();
      const names = new Map(PUEBLA.places.map((p) => [p.id, p.name]));
      const seen = new Set<string>();
      for (let guard = 0; guard < 60; guard++) {
        const now = await where(page);
        const title = (await page.locator('#stage-title').textContent())!.trim();
        // Once the view has settled in the stage's type (labels are laid out after a frame).
        const chart = await settledValue(
          page,
          () => chartOnStage(page),
          // A map scene is drawn once its markers are, and their names beside them (laid out after).
          (drawn) =>
            !drawn?.map ||
            (drawn.places.length > 0 &&
              drawn.places.every((place) => drawn.labels.includes(names.get(place.id) ?? place.id))),
        );
        if (chart) {
          const label = `${title} (scene ${now.scene}, step ${now.step})`;
          seen.add(chart.view.split(' ').find((c) => ['map', 'timeline', 'themes'].includes(c)) ?? chart.view);
          expect(chart.texts.length, label).toBeGreaterThan(3);
          const small = chart.texts.filter((t) => t.px < minPx - 0.01);
          expect(small, label).toEqual([]);
          expect(chart.controls, label).toEqual([]);
          if (chart.map) {
            expect(chart.places.length, label).toBeGreaterThan(0);
            for (const place of chart.places) {
              expect(chart.labels, `${label}: ${place.id}`).toContain(names.get(place.id));
              expect(place.box.left, `${label}: ${place.id}`).toBeGreaterThanOrEqual(chart.map.left - 0.5);
              expect(place.box.top, `${label}: ${place.id}`).toBeGreaterThanOrEqual(chart.map.top - 0.5);
              expect(place.box.right, `${label}: ${place.id}`).toBeLessThanOrEqual(chart.map.right + 0.5);
              expect(place.box.bottom, `${label}: ${place.id}`).toBeLessThanOrEqual(chart.map.bottom + 0.5);
            }
          }
        }
        if (now.scene === now.scenes && now.step === now.steps) break;
        await page.keyboard.press('PageDown');
        await expect.poll(() => where(page)).not.toEqual(now);
      }
      expect([...seen].sort()).toEqual(['map', 'themes', 'timeline']);
      await close();
    },
  );
});

describe('a place on stage', () => {
  it('a map scene of Montreal gives its facts as the stage’s words, read from the back row, with no details panel', async () => {
    const { page, close } = await open(1920, 1080);
    const map = page.getByRole('region', { name: 'Map' });
    await map.locator('.place-marker[data-place="montreal"]').click();
    await page.getByRole('button', { name: 'Story', exact: true }).click();
    const editor = page.getByRole('dialog', { name: 'Story' });
    await editor.getByRole('button', { name: 'New story from this view' }).click();
    await editor.getByRole('combobox', { name: 'View on stage in scene 1' }).selectOption('map');
    await editor.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await page.keyboard.press('p');
    await bar(page).waitFor();
    await expect.poll(() => page.locator('#stage-title').textContent()).toBe('Montreal');
    // Worked out here from the data: who came from Montreal, and the session of their topic.
    const person = PUEBLA.people.find((p) => p.placeId === 'montreal')!;
    const session = PUEBLA.sessions.find(
      (s) => s.id === PUEBLA.topics.find((t) => t.id === person.topicIds[0])!.sessionId,
    )!;
    const named = PUEBLA.messages.filter((m) => m.placeIds.includes('montreal')).length;
    const facts = page.locator('.stage-words.place-facts');
    await expect.poll(() => facts.textContent()).toContain(person.name);
    const text = (await facts.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain(`spoke in ${session.title}`);
    expect(text).toContain(named ? `${named} message` : 'No message of the report names it');
    for (const p of await facts.locator('p, h2').all())
      expect(await p.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(28);
    expect(await map.locator('.details-panel').count()).toBe(0);
    const chart = (await chartOnStage(page))!;
    expect(chart.controls).toEqual([]);
    expect(chart.labels).toContain('Montreal');
    await close();
  });
});
