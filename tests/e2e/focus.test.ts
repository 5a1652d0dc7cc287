/**
 * What axe cannot see, checked as a keyboard user meets it: the focus is never hidden under
 * something that sticks or overlaps (WCAG 2.4.11) and never dropped to the page (2.4.3), at a
 * laptop's width, a phone's, 320 px and through every presentation step.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listen, openApp, PUEBLA, useApp } from './app';

const app = useApp();

async function open(query = '', viewport = { width: 1366, height: 768 }) {
  const opened = await openApp(app, { query, viewport });
  // The dashboard drawn, or the stage with its bar.
  await opened.page.locator('.marker-layer .place-marker, nav.presentation-bar').first().waitFor();
  return opened;
}

interface Stop {
  /** Where the focus is: a path through the page and the element's name, unique per element. */
  id: string;
  name: string;
  /** What covers it: at its centre, or at two or more of its corners (a quarter in from each). */
  covered: string | null;
}

/** The focused element, and whether another element lies over it where the eye would look for it. */
function focusStop(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: 'body', name: 'body', covered: 'the page itself has the focus' };
    let path = '';
    for (let n: Element = el; n.parentElement; n = n.parentElement)
      path = `${[...n.parentElement.children].indexOf(n)}/${path}`;
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
    const box = el.getBoundingClientRect();
    const at = (x: number, y: number) => {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return 'off screen';
      const top = document.elementFromPoint(x, y);
      return top && (top === el || el.contains(top))
        ? null
        : `${top?.tagName.toLowerCase()}.${top?.classList[0] ?? ''}`;
    };
    // A control larger than most of the window (the map itself, zoomed in) cannot be seen whole:
    // it is hidden only when none of it is in the window.
    if (box.width > innerWidth * 0.6 || box.height > innerHeight * 0.6) {
      const inView = box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
      return { id: `${path} ${name}`, name, covered: inView ? null : 'off screen' };
    }
    const dx = box.width / 4;
    const dy = box.height / 4;
    const centre = at(box.left + box.width / 2, box.top + box.height / 2);
    const corners = [
      at(box.left + dx, box.top + dy),
      at(box.right - dx, box.top + dy),
      at(box.left + dx, box.bottom - dy),
      at(box.right - dx, box.bottom - dy),
    ].filter(Boolean);
    const covered = centre ?? (corners.length >= 2 ? corners.join(', ') : null);
    return { id: `${path} ${name}`, name, covered };
  });
}

/**
 * Presses `key` until the focus comes back to where it has been (or leaves the page), and
 * returns every stop where the focus was hidden.
 */
async function walk(page: Page, key: 'Tab' | 'Shift+Tab', limit = 300): Promise<{ stops: number; hidden: string[] }> {
  const seen = new Set<string>();
  const hidden: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const stop = await focusStop(page);
    if (stop.id === 'body' && seen.size > 0) break;
    if (seen.has(stop.id)) break;
    seen.add(stop.id);
    if (stop.covered) hidden.push(`${key} → ${stop.name}: ${stop.covered}`);
  }
  return { stops: seen.size, hidden };
}

/** From the top of the page, or from its end for Shift+Tab. */
async function startFrom(page: Page, key: 'Tab' | 'Shift+Tab') {
  await page.evaluate((back) => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, back ? document.documentElement.scrollHeight : 0);
  }, key === 'Shift+Tab');
}

describe('the focus is never hidden', () => {
  it('Tab and Shift+Tab through the whole dashboard at 1366 px', async () => {
    const { page, close } = await open();
    for (const key of ['Tab', 'Shift+Tab'] as const) {
      await startFrom(page, key);
      const { stops, hidden } = await walk(page, key);
      expect(stops, key).toBeGreaterThan(40);
      expect(hidden, key).toEqual([]);
    }
    await close();
  });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 320, height: 640 },
  ]) {
    it(`Tab and Shift+Tab through each view tab at ${viewport.width} px, the sticky tabs above`, async () => {
      const { page, close } = await open('', viewport);
      for (const tab of ['Map', 'Timeline', 'Themes', /^Messages/] as const) {
        await page.getByRole('tab', { name: tab }).click();
        for (const key of ['Tab', 'Shift+Tab'] as const) {
          await startFrom(page, key);
          const { stops, hidden } = await walk(page, key);
          // The matrices are one stop each (arrow keys move inside them): a view has a few.
          expect(stops, `${String(tab)} ${key}`).toBeGreaterThan(3);
          expect(hidden, `${String(tab)} ${key}`).toEqual([]);
        }
      }
      await close();
    });
  }

  for (const [zoom, viewport] of [
    [200, { width: 683, height: 384 }],
    [400, { width: 341, height: 192 }],
  ] as const) {
    it(`at ${viewport.width}×${viewport.height} (a 1366×768 laptop zoomed to ${zoom} %), Tab and Shift+Tab through the map and the messages`, async () => {
      const { page, close } = await open('', viewport);
      for (const tab of ['Map', /^Messages/] as const) {
        await page.getByRole('tab', { name: tab }).click();
        for (const key of ['Tab', 'Shift+Tab'] as const) {
          await startFrom(page, key);
          const { hidden } = await walk(page, key);
          expect(hidden, `${String(tab)} ${key}`).toEqual([]);
        }
      }
      await close();
    });
  }

  it('through every presentation step at 1366 px: the bar and the stage', async () => {
    const { page, close } = await open('?present=1&scene=1&step=1');
    const bar = page.getByRole('navigation', { name: 'Presentation' });
    await bar.waitFor();
    const where = () => page.locator('.stage-footer .where').textContent();
    for (let i = 0; i < 60; i++) {
      const here = await where();
      await startFrom(page, 'Tab');
      const { hidden } = await walk(page, 'Tab', 40);
      expect(hidden, here ?? '').toEqual([]);
      await bar.getByRole('button', { name: /^Next/ }).click();
      await expect.poll(where).not.toBe(here);
      if ((await where()) === here) break;
      if (
        await bar
          .getByRole('button', { name: /^Next/ })
          .getAttribute('aria-disabled')
          .then((d) => d === 'true')
      )
        break;
    }
    await close();
  });

  it('on a phone, arrow keys through the topic × theme matrix never leave a cell under the sticky topics', async () => {
    const { page, close } = await open('', { width: 390, height: 844 });
    await page.getByRole('tab', { name: 'Themes' }).click();
    const grid = page.getByRole('grid').first();
    await grid.locator('[tabindex="0"]').focus();
    const hidden: string[] = [];
    const columns = PUEBLA.themes.length;
    for (const [key, times] of [
      ['ArrowRight', columns],
      ['ArrowDown', 3],
      ['ArrowLeft', columns],
    ] as const) {
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        const stop = await focusStop(page);
        if (stop.covered) hidden.push(`${key} ${i}: ${stop.name}: ${stop.covered}`);
      }
    }
    expect(hidden).toEqual([]);
    await close();
  });
});

describe('the focus goes somewhere after each action, never to the page', () => {
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().replace(/\s+/g, ' ') ?? '';
      return `${el.tagName.toLowerCase()}: ${name.slice(0, 60)}`;
    });

  it('Escape in a place’s details: its marker', async () => {
    const { page, close } = await open();
    const map = page.getByRole('region', { name: 'Map' });
    await map.getByRole('button', { name: /^Montreal, Canada/ }).click();
    const details = map.getByRole('region', { name: 'Montreal' });
    await details.getByRole('button', { name: /^Close the details/ }).waitFor();
    await details.locator('button').nth(1).focus();
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    expect(await focused(page)).toMatch(/^button: Montreal, Canada/);
    await close();
  });

  it('Export’s downloads: the button keeps the focus while the file is written, and after', async () => {
    const { page, close } = await open();
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    for (const name of [/^Download CSV/, /^Map$/, /^Download for offline use/]) {
      const button = dialog.getByRole('button', { name });
      const saved = page.waitForEvent('download');
      await button.focus();
      await page.keyboard.press('Enter');
      // While the file is written, and once it is saved.
      expect(await focused(page), String(name)).not.toBe('body');
      await saved;
      await expect.poll(() => button.getAttribute('aria-disabled')).toBe(null);
      expect(await button.evaluate((b) => b === document.activeElement), String(name)).toBe(true);
    }
    await close();
  });

  it('Clear all filters in an empty list: the Messages heading', async () => {
    const { page, close } = await open('?q=zzzzqqq');
    const messages = page.getByRole('region', { name: 'Messages' });
    await messages.getByRole('button', { name: 'Clear all filters' }).click();
    await expect.poll(() => focused(page)).toBe('h2: Messages');
    await close();
  });

  it('Clear dates under the timeline: the Timeline heading', async () => {
    const { page, close } = await open('?dates=2020-06-10..2020-06-12');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Clear dates' }).click();
    await expect.poll(() => focused(page)).toBe('h2: Timeline');
    await close();
  });

  it('a message full-stage and back: “Back to the scene”, then the message’s title', async () => {
    const { page, close } = await open('?present=1&scene=4&step=1', { width: 1920, height: 1080 });
    const first = page.locator('.stage-words .columns .stage-card .open').first();
    const title = (await first.textContent())!.trim();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('button: Back to the scene (Esc)');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(`button: ${title}`);
    expect(await page.getByRole('navigation', { name: 'Presentation' }).count(), 'still presenting').toBe(1);
    await close();
  });

  it('on a phone: More gives the focus to its first action, Escape back to More; Escape in Filters to Filters', async () => {
    const { page, close } = await open('?place=montreal', { width: 390, height: 844 });
    await page.getByRole('button', { name: 'More' }).click();
    expect(await focused(page)).toBe('button: Open…');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^button: Contrast/);
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('button: More');
    expect(await page.getByRole('button', { name: 'More' }).getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('button', { name: /^Filters/ }).click();
    // The filters come after Search and More on the page: the focus moves into them.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('#header-filters')!.contains(document.activeElement)))
      .toBe(true);
    await page.getByRole('button', { name: 'Remove filter: Place: Montreal' }).focus();
    await page.keyboard.press('Escape');
    expect(await focused(page)).toMatch(/^button: Filters/);
    expect(await page.getByRole('button', { name: /^Filters/ }).getAttribute('aria-expanded')).toBe('false');
    await close();
  });
});

describe('a presentation at 320 × 256 px', () => {
  it('every step’s whole text can be reached, and every action of the bar', async () => {
    const { page, close } = await open('?present=1&scene=1&step=1', { width: 320, height: 256 });
    const bar = page.getByRole('navigation', { name: 'Presentation' });
    await bar.waitFor();
    const words = page.locator('section.stage-words');
    const where = () => page.locator('.stage-footer .where').textContent();
    let steps = 0;
    for (let i = 0; i < 80; i++) {
      const here = await where();
      // What overflows the stage scrolls, from the keyboard: the last card's end comes into view.
      // (A scene of a view alone, the map or the timeline, has no words.)
      const overflows = (await words.count()) > 0 && (await words.evaluate((w) => w.scrollHeight > w.clientHeight + 1));
      if (overflows) {
        expect(await words.getAttribute('tabindex'), here ?? '').toBe('0');
        await words.focus();
        const top = () => words.evaluate((w) => w.scrollTop);
        const atEnd = () => words.evaluate((w) => w.scrollTop + w.clientHeight >= w.scrollHeight - 2);
        for (let k = 0; k < 60 && !(await atEnd()); k++) {
          const before = await top();
          await page.keyboard.press('ArrowDown');
          // It scrolls on, or it was at its end (a fraction of a pixel from it): then the check below.
          const moved = await expect
            .poll(top, { timeout: 2000 })
            .toBeGreaterThan(before)
            .then(
              () => true,
              () => false,
            );
          if (!moved) break;
        }
        const end = () =>
          words.evaluate((w) => {
            const cards = w.querySelectorAll('.columns .stage-card, .columns .facts, .full .stage-card');
            const last = cards[cards.length - 1]!.getBoundingClientRect();
            return Math.round(last.bottom - w.getBoundingClientRect().bottom);
          });
        // Once the scrolling settles, the last words' end is in view (within 2 px).
        await expect.poll(end).toBeLessThanOrEqual(2);
      }
      steps++;
      const last = await bar.getByRole('button', { name: /→/ }).getAttribute('aria-disabled');
      if (last === 'true') break;
      await bar.getByRole('button', { name: /→/ }).click();
      await expect.poll(where).not.toBe(here);
    }
    expect(steps).toBeGreaterThan(20);
    // Every action of the bar, one tap behind More.
    await bar.getByRole('button', { name: 'More' }).click();
    for (const name of [/^Contrast/, 'Story', /^Speaker view/, /^Keys/, /^Exit/]) {
      const button = bar.getByRole('button', { name });
      expect(await button.isVisible(), String(name)).toBe(true);
      const box = (await button.boundingBox())!;
      expect(box.x >= 0 && box.x + box.width <= 320 && box.y >= 0 && box.y + box.height <= 256, String(name)).toBe(
        true,
      );
    }
    await bar.getByRole('button', { name: 'Story' }).click();
    await page.getByRole('dialog', { name: 'Story' }).waitFor();
    await close();
  });
});

describe('the report’s words are read in the report’s language', () => {
  /** Every text of the dataset that the page shows as a whole text node, and the `lang` it is read in. */
  const wrongLang = (page: Page) =>
    page.evaluate(
      ({ texts, titles, lang }) => {
        const wanted = new Set(texts);
        const wrong: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent!.trim().replace(/^“|”$/g, '');
          const said = n.parentElement!.closest('[lang]')?.getAttribute('lang');
          if (said === lang) continue;
          // A whole text of the report, or a title of it inside the interface's words that is
          // seen ("Tema 1: Skilling Migrants for Employment", a filter's chip, a heading).
          const seen = !n.parentElement!.closest('.visually-hidden, [aria-hidden="true"]');
          if (wanted.has(text) || (seen && titles.some((title) => text.includes(title))))
            wrong.push(`${text.slice(0, 50)} (${said})`);
        }
        return wrong;
      },
      {
        // Countries are named by the interface (its own words for them), places by the report.
        texts: [
          PUEBLA.meta.title,
          ...PUEBLA.themes.map((t) => t.label),
          ...PUEBLA.topics.map((t) => t.title),
          ...PUEBLA.sessions.map((s) => s.title),
          ...PUEBLA.places.filter((p) => p.kind !== 'country').map((p) => p.name),
          ...PUEBLA.people.flatMap((p) => [p.name, p.role]),
          ...PUEBLA.messages.flatMap((m) => [m.label, m.text]),
        ].filter((t) => t.length > 3),
        titles: [PUEBLA.meta.title, ...PUEBLA.topics.map((t) => t.title), ...PUEBLA.sessions.map((s) => s.title)],
        lang: PUEBLA.meta.language,
      },
    );

  for (const lang of ['es', 'fr', 'pt']) {
    it(`in ${lang}: the dashboard, a place’s details, the tables, the stage and the speaker view`, async () => {
      const { page, close } = await open(`?lang=${lang}&place=montreal`);
      const map = page.locator('#view-map');
      await map.locator('.details-panel section').waitFor();
      expect(await wrongLang(page), 'dashboard').toEqual([]);
      const table = { es: 'Tabla', fr: 'Tableau', pt: 'Tabela' }[lang]!;
      const people = { es: 'Personas', fr: 'Personnes', pt: 'Pessoas' }[lang]!;
      for (const view of ['#view-map', '#view-timeline'])
        await page.locator(view).locator('.region-header').getByRole('button', { name: table, exact: true }).click();
      await page.locator('table.places-table').waitFor();
      expect(await wrongLang(page), 'tables').toEqual([]);
      await map.locator('.region-header').getByRole('button', { name: people, exact: true }).click();
      await page.locator('table.participants-table').waitFor();
      expect(await wrongLang(page), 'people').toEqual([]);

      await page.goto(`${app.url}?lang=${lang}&present=1&scene=1&step=1`);
      const bar = page.locator('nav.presentation-bar');
      await bar.waitFor();
      const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
      await speaker.locator('#now-title').waitFor();
      const where = () => page.locator('.stage-footer .where').textContent();
      for (let i = 0; i < 60; i++) {
        const here = await where();
        expect(await wrongLang(page), `stage: ${here}`).toEqual([]);
        await page.keyboard.press('PageDown');
        await expect.poll(where).not.toBe(here);
        if (await bar.locator('button[aria-disabled="true"]').filter({ hasText: '→' }).count()) break;
      }
      expect(await wrongLang(speaker), 'speaker view').toEqual([]);
      await close();
    });
  }
});

describe('forced colours (Windows High Contrast)', () => {
  it('the picked session and the kinds’ glyphs are still drawn', async () => {
    const { page, close } = await open('', { width: 1366, height: 768 });
    await page.emulateMedia({ forcedColors: 'active' });
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const session = timeline.locator('button.session').filter({ hasText: 'narratives' });
    await session.scrollIntoViewIfNeeded();
    const before = await session.screenshot();
    await session.click();
    await expect.poll(() => session.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(0, 0);
    const after = await session.screenshot();
    expect(Buffer.compare(before, after), 'the picked session looks picked').not.toBe(0);
    // Each kind's glyph beside the kinds' buttons: drawn, not dropped with the backgrounds. The
    // same spot with the glyph hidden looks different.
    const glyphs = page.getByRole('region', { name: 'Messages' }).locator('.kinds .glyph');
    const count = await glyphs.count();
    expect(count).toBe(5);
    for (let i = 0; i < count; i++) {
      const glyph = glyphs.nth(i);
      const clip = (await glyph.boundingBox())!;
      const shown = await page.screenshot({ clip });
      await glyph.evaluate((g) => ((g as HTMLElement).style.visibility = 'hidden'));
      const gone = await page.screenshot({ clip });
      await glyph.evaluate((g) => ((g as HTMLElement).style.visibility = ''));
      expect(Buffer.compare(shown, gone), `glyph ${i + 1} is drawn`).not.toBe(0);
    }
    await close();
  });
});

describe('where the user is, in words and by keyboard', () => {
  const placeCount = (id: string) => PUEBLA.messages.filter((m) => m.placeIds.includes(id)).length;
  const said = (n: number) => `${n} of ${PUEBLA.messages.length} message${n === 1 ? '' : 's'}`;

  it('the page’s title and its live region say what is picked, then what is left; presenting, the scene', async () => {
    const { page, close } = await open();
    expect(await page.title()).toBe(`${PUEBLA.meta.title} — Consultation Atlas`);
    const heard = await listen(page);
    const map = page.getByRole('region', { name: 'Map' });
    await map.getByRole('button', { name: /^Mexico City, Mexico/ }).click();
    const n = placeCount('mexico-city');
    await expect
      .poll(() => page.title())
      .toBe(`Place: Mexico City: ${said(n)} — ${PUEBLA.meta.title} — Consultation Atlas`);
    // (Mexico City's people spoke too: what was said there follows, as the header says it.)
    await expect
      .poll(async () => (await heard()).some((words) => words.startsWith(`Place: Mexico City. ${said(n)}`)))
      .toBe(true);
    // Shift+Enter, the keyboard's Shift-click: a second place to compare. Montreal's people
    // spoke, and what was said there is listed apart: said too, as the header says it.
    await map.getByRole('button', { name: /^Montreal, Canada/ }).focus();
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('mexico-city,montreal');
    await expect.poll(() => page.title()).toMatch(/^Place: Mexico City; Place: Montreal: /);
    const apart = (await page.locator('.page-header .breakdown.spoken').textContent())!.trim();
    expect(apart).toMatch(/^And \d+ messages? said where they spoke, listed apart\.$/);
    const both = PUEBLA.messages.filter((m) =>
      m.placeIds.some((id) => id === 'mexico-city' || id === 'montreal'),
    ).length;
    await expect.poll(heard).toContain(`Place: Mexico City; Place: Montreal. ${said(both)}. ${apart}`);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByRole('navigation', { name: 'Presentation' }).waitFor();
    await expect
      .poll(() => page.title())
      .toMatch(
        new RegExp(`^Presenting: .+ \\(1 of \\d+\\) — ${PUEBLA.meta.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
    await close();
  });

  it('in Spanish, the title is the interface’s words around the report’s', async () => {
    const { page, close } = await open('?lang=es&place=montreal');
    await expect
      .poll(() => page.title())
      .toBe(
        `Lugar: Montreal: ${placeCount('montreal')} de ${PUEBLA.messages.length} mensajes — ${PUEBLA.meta.title} — Consultation Atlas`,
      );
    await close();
  });

  it('Keys lists Shift + Enter beside Shift-click', async () => {
    const { page, close } = await open();
    await page.getByRole('button', { name: 'Keys', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard' });
    await dialog.waitFor();
    const text = (await dialog.textContent())!;
    expect(text).toContain('Shift / Ctrl + click');
    expect(text).toContain('Shift + Enter');
    await close();
  });

  it('a click on the timeline’s strip brings the detail window there: no dragging needed', async () => {
    const { page, close } = await open();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const slider = timeline.getByRole('slider', { name: 'Detail window' });
    // A narrower window first (Shift+← narrows it from its end), so there is room beside it.
    const whole = await slider.getAttribute('aria-valuetext');
    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).not.toBe(whole);
    const before = await slider.getAttribute('aria-valuetext');
    const strip = (await timeline.locator('.overview svg').boundingBox())!;
    const window = (await slider.boundingBox())!;
    // Beside the window, at the far side of the strip.
    const x = window.x + window.width / 2 < strip.x + strip.width / 2 ? strip.x + strip.width - 12 : strip.x + 12;
    await page.mouse.click(x, window.y + window.height / 2);
    await expect.poll(() => slider.getAttribute('aria-valuetext')).not.toBe(before);
    const after = (await slider.boundingBox())!;
    expect(Math.abs(after.x + after.width / 2 - x)).toBeLessThan(Math.max(after.width / 2, 12) + 1);
    await close();
  });
});
