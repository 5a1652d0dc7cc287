/**
 * Keyboard and screen reader, in every mode: where the focus goes, what a key does where,
 * what the page says aloud, and what the eye needs (contrast, target sizes), as a user meets them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countLine, listen, messageTotal, openApp, presentationBar, PUEBLA, useApp } from './app';

const app = useApp();

async function open(query = '', viewport = { width: 1366, height: 768 }, reducedMotion?: 'reduce') {
  const opened = await openApp(app, { query, viewport, reducedMotion });
  await opened.page.locator('.marker-layer .place-marker').first().waitFor();
  return opened;
}

/** What has the focus, in words: its tag and accessible name (or "body" when focus fell off). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}: ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60)}`;
  });

const presentBar = presentationBar;

describe('the focus is never lost', () => {
  it('after Clear all, after removing a chip, on Present and on Exit', async () => {
    const { page, close } = await open('?place=montevideo,sao-paulo&q=fund');
    const remove = page.getByRole('button', { name: 'Remove filter: Place: Montevideo' });
    await remove.click();
    // The next chip's remove button takes the focus.
    expect(await focused(page)).toMatch(/^button: Remove filter: /);
    const clear = page.getByRole('button', { name: 'Clear all filters' }).first();
    await clear.click();
    expect(await messageTotal(page)).toBe(PUEBLA.messages.length);
    expect(await focused(page)).toBe('button: Clear all filters');

    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await presentBar(page).waitFor();
    expect(await focused(page)).toBe('button: Next →');
    // Pressing Next to the last scene keeps the focus there (the button is not disabled away).
    for (let i = 0; i < 12; i++) await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('button: Next →');
    await presentBar(page).getByRole('button', { name: 'Exit (Esc)' }).click();
    await presentBar(page).waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('button: Present');
    await close();
  });

  it('on the map’s online layer button: Enter turns it on and off, the focus stays', async () => {
    const { page, close } = await open();
    const online = page.getByRole('region', { name: 'Map' }).getByRole('button', { name: 'Online map' });
    await online.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => online.getAttribute('aria-pressed')).toBe('true');
    expect(await focused(page)).toBe('button: Online map');
    await page.keyboard.press('Enter');
    await expect.poll(() => online.getAttribute('aria-pressed')).toBe('false');
    expect(await focused(page)).toBe('button: Online map');
    await close();
  });

  it('closing the place’s details returns the focus to its marker', async () => {
    const { page, close } = await open();
    const map = page.getByRole('region', { name: 'Map' });
    await map.getByRole('button', { name: /^Montevideo, Uruguay/ }).click();
    await map.getByRole('button', { name: 'Close the details of Montevideo' }).click();
    expect(await focused(page)).toMatch(/^button: Montevideo, Uruguay/);
    await close();
  });
});

describe('overlays are modal', () => {
  it('the key help and the story editor take the focus, keep it, close on Escape alone, and give it back', async () => {
    const { page, close } = await open('', { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await presentBar(page).waitFor();
    for (const [opener, dialogName] of [
      ['Keys (?)', 'Keyboard'],
      ['Story', 'Story'],
    ] as const) {
      await presentBar(page).getByRole('button', { name: opener }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: dialogName });
      await dialog.waitFor();
      const inside = () => dialog.evaluate((d) => d.contains(document.activeElement));
      expect(await inside(), `${dialogName}: focus moves in`).toBe(true);
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        expect(await inside(), `${dialogName}: Tab ${i + 1} stays inside`).toBe(true);
      }
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await presentBar(page).isVisible(), `${dialogName}: Escape closed only the overlay`).toBe(true);
      expect(await focused(page)).toBe(`button: ${opener}`);
    }
    await close();
  });

  it('the message dialog gives the focus back to its Open button', async () => {
    const { page, close } = await open();
    const open1 = page.getByRole('region', { name: 'Messages' }).getByRole('button', { name: 'Open' }).first();
    await open1.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    // A single-character shortcut inside a dialog does nothing to the page behind it.
    await page.keyboard.press('p');
    expect(await presentBar(page).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await focused(page)).toMatch(/^button: Open “/);
    await close();
  });
});

describe('shortcuts never surprise', () => {
  it('a stray p on a marker, in the matrix or in the search box does nothing; on the page it presents, and leaving gives the filters back', async () => {
    const { page, close } = await open();
    const map = page.getByRole('region', { name: 'Map' });
    const marker = map.getByRole('button', { name: /^Montevideo, Uruguay/ });
    await marker.focus();
    await page.keyboard.press('Enter');
    const filtered = await messageTotal(page);
    expect(filtered).toBeLessThan(PUEBLA.messages.length);
    await page.keyboard.press('p');
    await page.getByRole('grid').locator('[tabindex="0"]').first().focus();
    await page.keyboard.press('p');
    await page.getByRole('searchbox', { name: 'Search messages' }).focus();
    await page.keyboard.press('p');
    await page.keyboard.press('Backspace');
    expect(await presentBar(page).count()).toBe(0);
    expect(await messageTotal(page)).toBe(filtered);

    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await presentBar(page).waitFor();
    // From a filtered dashboard the story starts on "Your view"; the next scene has its own filters.
    await expect.poll(() => page.locator('#stage-title').textContent()).toBe('Your view');
    expect(await messageTotal(page)).toBe(filtered);
    await page.keyboard.press('PageDown');
    await expect.poll(() => messageTotal(page)).not.toBe(filtered);
    await page.keyboard.press('Escape');
    await presentBar(page).waitFor({ state: 'detached' });
    expect(await messageTotal(page)).toBe(filtered);
    expect(await page.getByRole('button', { name: 'Remove filter: Place: Montevideo' }).count()).toBe(1);
    await close();
  });

  it('single-character shortcuts can be switched off, and the choice lasts', async () => {
    const { page, close } = await open();
    await page.getByRole('button', { name: 'Keys', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard' });
    // The switch names every single-character key the dashboard and the presentation answer to.
    const toggle = dialog.getByRole('checkbox', { name: /Single-character shortcuts/ });
    const named = /\((.*)\)/.exec(
      (await toggle.getAttribute('aria-label')) ?? (await dialog.locator('.switch').textContent()) ?? '',
    )![1]!;
    expect(named.split(', ').sort()).toEqual(['.', '/', '?', 'Space', 'b', 'e', 'p', 's', 'x']);
    await toggle.uncheck();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Off, none of them acts: not p, not x, not /.
    for (const key of ['p', 'x', '/']) await page.keyboard.press(key);
    expect(await presentBar(page).count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).not.toBe('message-search');
    await page.reload();
    await page.locator('.marker-layer .place-marker').first().waitFor();
    await page.keyboard.press('p');
    expect(await presentBar(page).count()).toBe(0);
    // The Present button still works.
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await presentBar(page).waitFor();
    await close();
  });
});

describe('the page says what changed', () => {
  it('announces each scene, and a search’s count once typing pauses', async () => {
    const { page, close } = await open();
    const said = await listen(page);
    await page.getByRole('searchbox', { name: 'Search messages' }).pressSequentially('fund', { delay: 60 });
    const fund = PUEBLA.messages.filter((m) => /fund/i.test(`${m.text} ${m.label}`)).length;
    await expect.poll(said).toEqual([`${fund} messages found for “fund”`]);
    await page.getByRole('button', { name: 'Copy citation' }).first().click();
    await expect
      .poll(async () => (await said()).at(-1))
      .toMatch(/^(Citation copied\.|The citation could not be copied)/);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await presentBar(page).waitFor();
    await page.keyboard.press('ArrowRight');
    // The search made "Your view" the first scene; the next is the story's first.
    const context = PUEBLA.messages.filter((m) => m.kind === 'context').length;
    await expect
      .poll(async () => (await said()).at(-1))
      .toMatch(
        new RegExp(`^Scene 2 of \\d+: ${PUEBLA.meta.title}\\. ${context} of ${PUEBLA.messages.length} messages\\.$`),
      );
    expect(await countLine(page).getAttribute('aria-live')).toBeNull();
    await close();
  });
});

describe('skip links and the keyboard date range', () => {
  it('the first Tab stops skip to the messages and to the search box', async () => {
    const { page, close } = await open();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a: Skip to messages');
    expect(await page.getByRole('link', { name: 'Skip to messages' }).isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a: Skip to search');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message-search');
    await page.keyboard.type('fund');
    expect(await messageTotal(page)).toBeLessThan(PUEBLA.messages.length);
    await page.reload();
    await page.locator('.marker-layer .place-marker').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('h2: Messages');
    // The next Tab goes on into the list.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.region')?.getAttribute('aria-labelledby'))).toBe(
      'messages-title',
    );
    await close();
  });

  it('key takeaways on a word, by keyboard alone: / to search, Enter on a kind, x to export', async () => {
    const { page, close } = await open();
    // The naive answer: key takeaways whose words say "COVID-19", read from the dataset.
    const takeaways = PUEBLA.messages.filter(
      (m) => m.kind === 'takeaway' && `${m.label} ${m.text}`.toLowerCase().includes('covid-19'),
    );
    expect(takeaways.length).toBeGreaterThan(1);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message-search');
    await page.keyboard.type('COVID-19');
    const messages = page.getByRole('region', { name: 'Messages' });
    // The word is marked whole, not as "COVID", "-" and "19".
    await expect.poll(() => messages.locator('mark').first().textContent()).toBe('COVID-19');
    const kind = messages
      .getByRole('group', { name: 'Kinds of message' })
      .getByRole('button', { name: /^Key takeaways/ });
    await kind.focus();
    await page.keyboard.press('Enter');
    expect(await kind.getAttribute('aria-pressed')).toBe('true');
    const cards = messages.getByRole('article');
    const found = await cards.evaluateAll((articles) => articles.map((a) => a.textContent ?? ''));
    expect(found.every((text) => /COVID-19/i.test(text))).toBe(true);
    expect(await messageTotal(page)).toBeGreaterThanOrEqual(takeaways.length);
    // From the kind's button, x opens Export with the focus inside.
    await page.keyboard.press('x');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // In the search box, / and x are typed, not shortcuts.
    await page.locator('#message-search').focus();
    await page.keyboard.type(' x/');
    expect(await page.locator('#message-search').inputValue()).toBe('COVID-19 x/');
    expect(await dialog.isVisible()).toBe(false);
    await close();
  });

  it('a date range is made from the keyboard', async () => {
    const { page, close } = await open();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Dates…' }).focus();
    await page.keyboard.press('Enter');
    const form = timeline.getByRole('form', { name: 'Filter by dates' });
    await form.getByLabel('From').fill('2020-06-10');
    await form.getByLabel('To').fill('2020-06-12');
    await form.getByLabel('To').press('Enter');
    const inRange = new Set(
      PUEBLA.sessions.filter((s) => s.date >= '2020-06-10' && s.date <= '2020-06-12').map((s) => s.topicId),
    );
    const expected = PUEBLA.messages.filter((m) => m.topicId && inRange.has(m.topicId)).length;
    expect(await messageTotal(page)).toBe(expected);
    await expect.poll(() => page.getByRole('button', { name: 'Remove filter: 10–12 June 2020' }).count()).toBe(1);
    expect(await focused(page)).toBe('button: Dates…');
    await close();
  });
});

describe('what the eye needs', () => {
  /** WCAG contrast of two CSS colours as the browser writes them ("rgb(…)"). */
  const ratio = (a: string, b: string) => {
    const lum = (css: string) => {
      const [r, g, b] = css
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map((v) => {
          const s = Number(v) / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [x, y] = [lum(a), lum(b)];
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  /** The contrast of an element's colour (or stroke) against another's background, in the page. */
  const contrast = async (page: Page, selector: string, property: 'color' | 'stroke', against: string) => {
    const [fg, bg] = await page.evaluate(
      ([selector, property, against]) => [
        getComputedStyle(document.querySelector(selector)!)[property],
        getComputedStyle(document.querySelector(against)!).backgroundColor,
      ],
      [selector, property, against] as const,
    );
    return ratio(fg, bg);
  };

  it('dimmed sessions stay ≥ 4.5:1; symbols are outlined ≥ 3:1; milestones and closing sessions differ', async () => {
    const { page, close } = await open('?place=montevideo');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    expect(await timeline.locator('button.session.dimmed').count()).toBeGreaterThan(0);
    expect(await contrast(page, '.timeline button.session.dimmed', 'color', '.region.timeline')).toBeGreaterThanOrEqual(
      4.5,
    );
    expect(await contrast(page, '.timeline polygon.event', 'stroke', '.region.timeline')).toBeGreaterThanOrEqual(3);
    expect(
      await contrast(page, '.timeline .session-shape.type-closing-session > *', 'stroke', '.region.timeline'),
    ).toBeGreaterThanOrEqual(3);
    const points = (selector: string) => page.locator(selector).first().getAttribute('points');
    expect(await points('.timeline .session-shape.type-closing-session polygon')).not.toBe(
      await points('.timeline .legend polygon.event'),
    );
    await close();
  });

  it('a filtered-out marker keeps its outline ≥ 3:1 against the land and the sea, in every contrast theme', async () => {
    const { page, close } = await open('?kind=quote');
    const ratios = async () => {
      const { stroke, opacity, land, sea } = await page.evaluate(() => {
        // A colour token as the browser resolves it.
        const probe = document.createElement('span');
        document.body.append(probe);
        const resolve = (token: string) => {
          probe.style.color = `var(${token})`;
          return getComputedStyle(probe).color;
        };
        const shape = document.querySelector('.place-marker.dimmed .shape.dimmed')!;
        const colours = {
          stroke: getComputedStyle(shape.firstElementChild!).stroke,
          opacity: Number(getComputedStyle(shape).opacity),
          land: resolve('--map-land'),
          sea: resolve('--map-water'),
        };
        probe.remove();
        return colours;
      });
      return { opacity, land: ratio(stroke, land), sea: ratio(stroke, sea) };
    };
    const map = page.getByRole('region', { name: 'Map' });
    expect(await map.locator('.place-marker.dimmed').count()).toBeGreaterThan(0);
    const contrastButton = page.getByRole('button', { name: /^Contrast/ });
    for (let theme = 0; theme < 3; theme++) {
      const { opacity, land, sea } = await ratios();
      const name = (await contrastButton.textContent())!;
      expect(opacity, name).toBe(1);
      expect(land, `${name}: against the land`).toBeGreaterThanOrEqual(3);
      expect(sea, `${name}: against the sea`).toBeGreaterThanOrEqual(3);
      await contrastButton.click();
    }
    await close();
  });

  it('every marker and matrix cell is at least 24 × 24 px; a focused chip is never under the sticky heading', async () => {
    const { page, close } = await open();
    const sizes = await page
      .locator('.place-marker, .themes td[role="gridcell"]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(sizes.length).toBeGreaterThan(50);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(23.9);

    // A chip scrolled to the very top of the list, where the sticky topic heading is, then focused.
    const list = page.getByRole('region', { name: 'Messages' });
    const chip = list.locator('.chip').nth(4);
    await chip.evaluate((el) => {
      const scroller = el.closest('.scroll')!;
      const heading = el.closest('.group')!.querySelector('h3')!;
      scroller.scrollTop += el.getBoundingClientRect().top - heading.getBoundingClientRect().top - 4;
    });
    // It is under the heading now: a focus that did not bring it out would leave it hidden.
    expect(
      await chip.evaluate(
        (el) =>
          el.closest('.group')!.querySelector('h3')!.getBoundingClientRect().bottom > el.getBoundingClientRect().top,
      ),
    ).toBe(true);
    await chip.focus();
    const covered = await chip.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + 2);
      return !(top === el || el.contains(top));
    });
    expect(covered).toBe(false);
    await close();
  });

  it.each([
    [1366, 768],
    [390, 844],
  ])(
    'at %i×%i, a marker that takes the focus is seen whole: in the map, not under the details or the map’s buttons',
    async (width, height) => {
      const { page, close } = await open('', { width, height });
      const map = page.getByRole('region', { name: 'Map' });
      await map.getByRole('button', { name: /^São Paulo, Brazil/ }).click();
      await map.locator('.details-panel').waitFor();
      // Followed by its place: a pan changes which markers are drawn, and so their order.
      const places = await map.locator('.place-marker').evaluateAll((els) => els.map((el) => el.dataset.place!));
      expect(places.length).toBeGreaterThan(10);
      let seen = 0;
      for (const place of places) {
        const marker = map.locator(`.place-marker[data-place="${place}"]`);
        // A marker may have left the drawn area as the map moved for the one before.
        if ((await marker.count()) === 0) continue;
        seen++;
        await marker.focus();
        const hidden = () =>
          marker.evaluate((el) => {
            const a = el.getBoundingClientRect();
            const host = el.closest('.leaflet-container')!.getBoundingClientRect();
            const covers = [...document.querySelectorAll('.details-panel, .leaflet-top')].map((o) =>
              o.getBoundingClientRect(),
            );
            const outside = a.left < host.left || a.right > host.right || a.top < host.top || a.bottom > host.bottom;
            const under = covers.some(
              (p) => a.right > p.left && a.left < p.right && a.bottom > p.top && a.top < p.bottom,
            );
            const r = (b: DOMRect) => [b.left, b.top, b.right, b.bottom].map(Math.round).join(',');
            const focus = document.activeElement === el ? '' : ' (it lost the focus)';
            return outside
              ? `outside the map (${r(a)} in ${r(host)})${focus}`
              : under
                ? `under a panel or button (${r(a)}; ${covers.map(r).join(' | ')})${focus}`
                : '';
          });
        // The map pans, lays its markers out anew, and pans again if that moved this one.
        await expect.poll(hidden, { message: `${await marker.getAttribute('aria-label')}`, timeout: 4000 }).toBe('');
      }
      expect(seen, `${seen} of ${places.length} markers`).toBeGreaterThan(places.length * 0.8);
      await close();
    },
  );

  it('under reduced motion the map jumps instead of gliding', async () => {
    // Leaflet draws its zoom animation through a proxy element, and fades through a class.
    const animated = '.leaflet-proxy, .leaflet-fade-anim';
    const { page, close } = await open('', { width: 1366, height: 768 }, 'reduce');
    expect(await page.locator(animated).count()).toBe(0);
    await close();
    const moving = await open();
    expect(await moving.page.locator(animated).count()).toBeGreaterThan(0);
    await moving.close();
  });
});

describe('the Content-Security-Policy', () => {
  it('is strict, and nothing in any mode violates it', async () => {
    const { page, close } = await open();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    // No wildcard source: the one * is the port of the machine's own address, for development.
    expect(policy!.replace(/http:\/\/(localhost|127\.0\.0\.1):\*/g, '')).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    // Data from this site and from https sites (a consultation hosted elsewhere), nothing else.
    expect(policy).toMatch(/connect-src 'self' https: http:\/\/localhost:\* http:\/\/127\.0\.0\.1:\*(;|$)/);
    await page.evaluate(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    const map = page.getByRole('region', { name: 'Map' });
    await map.getByRole('button', { name: /^Montevideo, Uruguay/ }).click();
    await map.getByRole('button', { name: 'Table', exact: true }).click();
    await page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Table', exact: true }).click();
    await page.getByRole('button', { name: 'Messages × themes' }).click();
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('fund');
    await page.getByRole('region', { name: 'Messages' }).getByRole('button', { name: 'Open' }).first().click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Contrast: Standard' }).click();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await presentBar(page).waitFor();
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await presentBar(page).getByRole('button', { name: 'Story' }).click();
    await page.getByRole('dialog', { name: 'Story' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await violations()).toEqual([]);
    await close();
  });
});
