/**
 * The views as one instrument: a scripted session of clicks across every view, checking after
 * each that every view's counts agree with a naive filter computed here, independently of the
 * app's engine; then reload, back/forward, a tampered link and the filter chips.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cellKey, setClause, textClause, type Clause } from '../../src/lib/filters';
import { naiveFilter } from '../fixtures/arbitrary';
import { allMessageCards, PUEBLA, openApp, useApp, sessionName, countLine } from './app';

const puebla = PUEBLA;

const app = useApp();

async function open(query = '') {
  const opened = await openApp(app, { viewport: { width: 1920, height: 1080 }, query });
  await opened.page.getByRole('region', { name: 'Themes' }).getByRole('grid').waitFor();
  return opened;
}

const number = (text: string | null, pattern = /(\d+)\s+of\s+(\d+)/) => {
  const m = pattern.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
};

const framing = new Set(
  puebla.messages
    .filter((m) => m.kind === 'context' || (m.kind === 'quote' && m.personIds.length === 0))
    .map((m) => m.id),
);

/** What every view should show for these clauses, by the naive filter. */
function expected(clauses: Clause[]) {
  const except = (source: string) =>
    naiveFilter(
      puebla,
      clauses.filter((c) => c.source !== source),
    );
  const placesWith = (ids: string[]) => {
    const set = new Set(ids);
    return puebla.places.filter((p) =>
      puebla.messages.some(
        (m) =>
          set.has(m.id) &&
          (m.placeIds.includes(p.id) ||
            m.personIds.some((id) => puebla.people.find((x) => x.id === id)?.placeId === p.id)),
      ),
    ).length;
  };
  const sessionsWith = (ids: string[]) => {
    const set = new Set(ids);
    return puebla.sessions.filter((s) =>
      puebla.messages.some((m) => set.has(m.id) && m.topicId !== null && m.topicId === s.topicId),
    ).length;
  };
  return {
    all: naiveFilter(puebla, clauses).length,
    map: placesWith(except('map')),
    timeline: sessionsWith(except('timeline')),
    // The matrix counts the cities' messages: not the report's framing (context passages, unattributed quotes).
    matrix: except('matrix').filter((id) => !framing.has(id)).length,
  };
}

async function observed(page: Page) {
  const count = (name: string) =>
    page.getByRole('region', { name, exact: true }).locator('.region-header .count').textContent();
  return {
    all: number(await countLine(page).textContent())[0],
    // The list's matching messages: those said where a picked place's people spoke are apart.
    list:
      (await (await allMessageCards(page)).count()) -
      (await page
        .getByRole('region', { name: /^Said in the session/ })
        .getByRole('article')
        .count()),
    map: number(await count('Map'))[0],
    timeline: number(await count('Timeline'))[0],
    matrix: number(await count('Themes'))[0],
  };
}

describe('cross-filtering as one experience', () => {
  it('a dozen clicks across all views: every view agrees with an independent filter after each', async () => {
    const { page, errors, close } = await open();
    const map = page.getByRole('region', { name: 'Map' });
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const themes = page.getByRole('region', { name: 'Themes' });
    const state = new Map<string, Clause>();
    const set = (c: Clause | null, source?: string) => (c ? state.set(c.source, c) : state.delete(source!));

    const steps: [string, () => Promise<unknown>, () => void][] = [
      [
        'map: São Paulo',
        () => map.getByRole('button', { name: /^São Paulo, Brazil/ }).click(),
        () => set(setClause('map', 'place', ['sao-paulo'])),
      ],
      [
        'map: Shift+Montevideo',
        () => map.getByRole('button', { name: /^Montevideo, Uruguay/ }).click({ modifiers: ['Shift'] }),
        () => set(setClause('map', 'place', ['sao-paulo', 'montevideo'])),
      ],
      [
        'matrix: Housing column',
        () => themes.getByRole('columnheader', { name: /^Theme: Housing and basic needs/ }).click(),
        () => set(setClause('matrix', 'cell', [cellKey('*', 'housing')])),
      ],
      [
        'timeline: breakout 2',
        () =>
          timeline.getByRole('button', { name: sessionName('Thematic breakout session 2', '11 June 2020') }).click(),
        () => set(setClause('timeline', 'session', ['breakout-2'])),
      ],
      [
        'search: fund',
        () => page.getByRole('searchbox', { name: 'Search messages' }).fill('fund'),
        () => set(textClause('search', 'fund')),
      ],
      [
        'chip: remove São Paulo',
        () => page.getByRole('button', { name: 'Remove filter: Place: São Paulo' }).click(),
        () => set(setClause('map', 'place', ['montevideo'])),
      ],
      [
        'chip: remove search',
        () => page.getByRole('button', { name: 'Remove filter: Search: fund' }).click(),
        () => set(null, 'search'),
      ],
      [
        'matrix: topic 2 × health',
        () =>
          themes.getByRole('gridcell', { name: /^Topic 2: Addressing Gaps in Migrant Protection × Health:/ }).click(),
        () => set(setClause('matrix', 'cell', [cellKey('topic-2', 'health')])),
      ],
      [
        'timeline: Shift+breakout 3',
        () =>
          timeline
            .getByRole('button', { name: sessionName('Thematic breakout session 3', '11 June 2020') })
            .click({ modifiers: ['Shift'] }),
        () => set(setClause('timeline', 'session', ['breakout-2', 'breakout-3'])),
      ],
      [
        'map: Escape clears the map',
        async () => {
          await map.getByRole('button', { name: /^Montevideo, Uruguay/ }).focus();
          await page.keyboard.press('Escape');
        },
        () => set(null, 'map'),
      ],
      [
        'timeline: table row breakout 1 replaces',
        async () => {
          await timeline.getByRole('button', { name: 'Table', exact: true }).click();
          await timeline
            .getByRole('table', { name: 'Sessions' })
            .getByRole('button', { name: /^Thematic breakout session 1/ })
            .click();
          await timeline.getByRole('button', { name: 'Chart', exact: true }).click();
        },
        () => set(setClause('timeline', 'session', ['breakout-1'])),
      ],
      [
        'matrix: row topic 1 replaces the cell',
        () => themes.getByRole('rowheader', { name: /^Topic 1: Skilling Migrants for Employment/ }).click(),
        () => set(setClause('matrix', 'cell', [cellKey('topic-1', '*')])),
      ],
      ['Clear all', () => page.getByRole('button', { name: 'Clear all filters' }).first().click(), () => state.clear()],
    ];

    for (const [name, act, model] of steps) {
      await act();
      model();
      const want = expected([...state.values()]);
      const got = await observed(page);
      expect({ step: name, ...got }).toEqual({ step: name, ...want, list: Math.min(want.all, 60) });
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('the address holds the filters: reload restores them, back and forward step through them', async () => {
    const { page, close } = await open();
    await page
      .getByRole('region', { name: 'Map' })
      .getByRole('button', { name: /^Montevideo, Uruguay/ })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('montevideo');
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByRole('button', { name: sessionName('Thematic breakout session 2', '11 June 2020') })
      .click();
    // Each click is an entry of its own once the address has it (the address is written after the views).
    await expect.poll(() => new URL(page.url()).searchParams.get('session')).toBe('breakout-2');
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('evict');
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('evicted');
    await expect
      .poll(() => Object.fromEntries(new URL(page.url()).searchParams))
      .toEqual({ place: 'montevideo', session: 'breakout-2', q: 'evicted' });
    const chips = () => page.getByRole('region', { name: 'Active filters' }).getByRole('listitem').allTextContents();
    const before = await chips();
    await page.reload();
    await page.getByRole('region', { name: 'Themes' }).getByRole('grid').waitFor();
    await expect.poll(chips).toEqual(before);
    expect(await page.getByRole('searchbox', { name: 'Search messages' }).inputValue()).toBe('evicted');

    await page.goBack(); // before the search (typing made one entry)
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
    await expect.poll(() => chips().then((c) => c.length)).toBe(2);
    await page.goBack(); // before the session
    await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ place: 'montevideo' });
    await expect.poll(async () => number(await countLine(page).textContent())[0]).toBe(2);
    await page.goForward();
    await expect.poll(() => chips().then((c) => c.length)).toBe(2);
    await close();
  });

  it('a tampered link keeps what it can and says what it left out', async () => {
    const { page, errors, close } = await open(
      '?place=montevideo,atlantis&dates=2020-06-12..2020-06-10&cell=nonsense&session=breakout-9&foo=bar&q=%3Cb%3Ehi',
    );
    const notice = page.getByRole('region', { name: 'Active filters' }).getByRole('status');
    // What this consultation does not have is left out of the filters; what the app does not use is kept.
    expect(await notice.textContent()).toMatch(
      /Left out of the link: place "atlantis" \(not in this consultation\), session "breakout-9" \(not in this consultation\), cell "nonsense" \(not in the form this dashboard writes\), dates "2020-06-12\.\.2020-06-10" \(it ends before it starts\)\..*Not used here, kept in the address: foo=bar\./,
    );
    // The chips load on demand: awaited, not read at once (a busy two-suite run read them before they came).
    await expect
      .poll(() => page.getByRole('region', { name: 'Active filters' }).getByRole('listitem').allTextContents())
      .toEqual(['Place: Montevideo ×', 'Search: <b>hi ×']);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
    // The parameter the app does not use stays in the address as the filters change.
    await page.getByRole('button', { name: 'Remove filter: Place: Montevideo' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBeNull();
    expect(new URL(page.url()).searchParams.get('foo')).toBe('bar');
    expect(errors).toEqual([]);
    await close();
  });

  it('a date range in the address is a chip in words', async () => {
    const { page, close } = await open('?dates=2020-06-10..2020-06-12');
    // The chips load on demand: awaited, not read at once (a busy two-suite run read them before they came).
    await expect
      .poll(() => page.getByRole('region', { name: 'Active filters' }).getByRole('listitem').allTextContents())
      .toEqual(['10–12 June 2020 ×']);
    const topics = puebla.messages.filter((m) => ['topic-1', 'topic-2', 'topic-3'].includes(m.topicId ?? '')).length;
    expect(number(await countLine(page).textContent())[0]).toBe(topics);
    await page.getByRole('button', { name: 'Remove filter: 10–12 June 2020' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await close();
  });
});
