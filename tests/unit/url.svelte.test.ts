import fc from 'fast-check';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { buildLookup } from '../../src/lib/data/lookup';
import { cellKey, rangeClause, setClause, textClause, type Clause } from '../../src/lib/filters';
import { describeClauses, formatRange } from '../../src/lib/ui/describe';
import { DashboardState } from '../../src/lib/state/dashboard.svelte';
import { clausesToParams, paramsToClauses } from '../../src/lib/state/url';
import { UrlSync, type SyncLibrary } from '../../src/lib/state/url-sync.svelte';
import { tinyDataset } from '../fixtures/tiny';
import { SOURCES, type Source } from '../../src/lib/state/sources';

const lookup = buildLookup(tinyDataset());

describe('filters in the address', () => {
  const clauses: Clause[] = [
    setClause('map', 'place', ['montevideo', 'quito']),
    setClause('people', 'person', ['ana']),
    rangeClause('timeline', '2020-06-10', '2020-06-12'),
    setClause('matrix', 'cell', [cellKey('*', 'housing'), cellKey('topic-2', 'health')]),
    textClause(SOURCES.search, 'São Paulo & co'),
  ];

  it('round-trips every kind of clause', () => {
    const params = clausesToParams(clauses);
    expect(params.toString()).toBe(
      'place=montevideo%2Cquito&person=ana&cell=*%7Chousing%2Ctopic-2%7Chealth&dates=2020-06-10..2020-06-12&q=S%C3%A3o+Paulo+%26+co',
    );
    // In the address's order of parameters.
    const inOrder = [clauses[0], clauses[1], clauses[3], clauses[2], clauses[4]];
    expect(paramsToClauses(params, lookup)).toEqual({ clauses: inOrder, dropped: [] });
  });

  it.each([
    ['an unknown id', 'place=montevideo,atlantis', [{ what: 'place "atlantis"', why: 'unknown' }], 1],
    [
      'a reversed range',
      'dates=2020-06-12..2020-06-10',
      [{ what: 'dates "2020-06-12..2020-06-10"', why: 'reversed' }],
      0,
    ],
    [
      'an impossible date',
      'dates=2020-02-30..2020-03-01',
      [{ what: 'dates "2020-02-30..2020-03-01"', why: 'invalid' }],
      0,
    ],
    ['a malformed range', 'dates=yesterday', [{ what: 'dates "yesterday"', why: 'invalid' }], 0],
    ['a cell of unknown theme', 'cell=topic-1|helth', [{ what: 'cell "topic-1|helth"', why: 'unknown' }], 0],
    ['a cell that is no cell', 'cell=*|*', [{ what: 'cell "*|*"', why: 'invalid' }], 0],
    ['an unknown parameter', 'utm_source=mail', [{ what: 'utm_source=mail', why: 'unused' }], 0],
    ['a parameter given twice', 'place=quito&place=atlantis', [{ what: 'place=atlantis', why: 'repeated' }], 1],
    ['a value it cannot read', 'present=yes', [{ what: 'present=yes', why: 'invalid' }], 0],
    // Given once, it cannot be read: never said to be given twice (the scene read is the first).
    ['a scene that is no number', 'present=1&scene=abc', [{ what: 'scene=abc', why: 'invalid' }], 0],
    ['a step given twice', 'present=1&step=2&step=3', [{ what: 'step=3', why: 'repeated' }], 0],
    ['an empty address', 'data=', [{ what: 'data', why: 'empty' }], 0],
    ['a session that does not exist', 'session=breakout-9', [{ what: 'session "breakout-9"', why: 'unknown' }], 0],
    ['a search over 200 characters', `q=${'a'.repeat(250)}`, [{ what: 'q', why: 'cut' }], 1],
  ])('drops %s and says why', (_name, query, dropped, kept) => {
    const parsed = paramsToClauses(new URLSearchParams(query), lookup);
    expect(parsed.dropped).toEqual(dropped);
    expect(parsed.clauses).toHaveLength(kept);
  });

  it('cuts a long search to its first 200 characters', () => {
    const parsed = paramsToClauses(new URLSearchParams(`q=${'a'.repeat(250)}`), lookup);
    expect(parsed.clauses).toEqual([textClause(SOURCES.search, 'a'.repeat(200))]);
  });

  it('never throws on junk', () => {
    fc.assert(
      fc.property(fc.string(), (junk) => {
        const parsed = paramsToClauses(new URLSearchParams(junk), lookup);
        expect(Array.isArray(parsed.clauses)).toBe(true);
      }),
    );
  });
});

describe('the address follows the filters', () => {
  it('writes a change in the next task, or at once on flush; back/forward cancels a write not yet made', async () => {
    history.replaceState(null, '', '/?consultation=x');
    const nextTask = () => new Promise((r) => setTimeout(r));
    let sync!: UrlSync;
    let state!: DashboardState;
    const cleanup = $effect.root(() => {
      state = new DashboardState(tinyDataset());
      sync = new UrlSync(state);
    });
    flushSync();
    await nextTask();
    state.toggle(SOURCES.map, 'place', 'montevideo');
    flushSync();
    expect(location.search).toBe('?consultation=x');
    await nextTask();
    expect(new URLSearchParams(location.search).get('place')).toBe('montevideo');
    expect(new URLSearchParams(location.search).get('consultation')).toBe('x');

    state.toggle(SOURCES.map, 'place', 'quito');
    flushSync();
    sync.flush();
    expect(new URLSearchParams(location.search).get('place')).toBe('quito');

    state.clear(SOURCES.map);
    flushSync();
    window.dispatchEvent(new PopStateEvent('popstate'));
    await nextTask();
    expect(new URLSearchParams(location.search).get('place')).toBe('quito');
    expect(state.picked(SOURCES.map, 'place')).toEqual(['quito']);
    cleanup();
    history.replaceState(null, '', '/');
  });

  it('a dashboard put away after the address went on to another consultation never writes its filters there', async () => {
    // This dashboard shows the consultation "x"; Back has already brought the address of "y".
    const named = (search: string) => new URLSearchParams(search).get('consultation');
    const library: SyncLibrary = {
      current: { kind: 'bundled', id: 'x', file: 'x.json', title: 'X' },
      addressNames: (source) => source?.kind === 'bundled' && named(location.search) === source.id,
      unknownId: null,
    };
    history.replaceState(null, '', '/?consultation=x');
    let state!: DashboardState;
    const cleanup = $effect.root(() => {
      state = new DashboardState(tinyDataset());
      new UrlSync(state, library);
    });
    flushSync();
    history.pushState(null, '', '/?consultation=y&kind=quote');
    const entries = history.length;
    // A change made before it is put away, its write still waiting.
    state.toggle(SOURCES.map, 'place', 'montevideo');
    flushSync();
    cleanup();
    await new Promise((r) => setTimeout(r));
    expect(location.search).toBe('?consultation=y&kind=quote');
    expect(history.length).toBe(entries);
    // Nor does it read the other consultation's filters as its own.
    expect(state.picked(SOURCES.map, 'place')).toEqual(['montevideo']);
    history.replaceState(null, '', '/');
  });
});

describe('filters in words', () => {
  it('names every picked value, with what removing it leaves', () => {
    const chips = describeClauses(
      [
        setClause(SOURCES.map, 'place', ['montevideo', 'sao-paulo']),
        setClause(SOURCES.matrix, 'cell', [
          cellKey('*', 'housing'),
          cellKey('topic-2', '*'),
          cellKey('~none', 'health'),
        ]),
        rangeClause(SOURCES.timeline, '2020-06-11', '2020-06-11'),
        textClause(SOURCES.search, 'housing'),
      ],
      lookup,
    );
    expect(chips.map((c) => c.label)).toEqual([
      'Place: Montevideo',
      'Place: São Paulo',
      'Theme: Housing',
      'and topic: 2. Health',
      'or across topics × Health',
      '11 June 2020',
      'Search: housing',
    ]);
    expect(chips[0]!.rest).toEqual(setClause('map', 'place', ['sao-paulo']));
    expect(chips[6]!.rest).toBeNull();
  });

  it.each([
    ['2020-06-11', '2020-06-12', '11–12 June 2020'],
    ['2020-06-30', '2020-07-02', '30 June – 2 July 2020'],
    ['2019-12-30', '2020-01-02', '30 December 2019 – 2 January 2020'],
  ])('formatRange(%s, %s)', (from, to, expected) => {
    expect(formatRange(from, to)).toBe(expected);
  });
});

type Action =
  | { kind: 'toggle'; source: Source; field: 'place' | 'theme' | 'session'; id: string; additive: boolean }
  | { kind: 'clear'; source: Source }
  | { kind: 'reset' }
  | { kind: 'search'; query: string };

describe('the dashboard state, property-based', () => {
  const ids = {
    place: ['montevideo', 'sao-paulo', 'quito'],
    theme: ['housing', 'health', 'regional-cooperation'],
    session: ['opening', 'breakout-1', 'breakout-2'],
  };
  /** Themes are picked by a source of the tests' own. */
  const themes = 'themes' as Source;
  const sourceOf = { place: SOURCES.map, theme: themes, session: SOURCES.timeline } as const;
  const action: fc.Arbitrary<Action> = fc.oneof(
    fc.constantFrom('place', 'theme', 'session').chain((field) =>
      fc.record({
        kind: fc.constant('toggle' as const),
        source: fc.constant(sourceOf[field as keyof typeof sourceOf]),
        field: fc.constant(field as 'place'),
        id: fc.constantFrom(...ids[field as keyof typeof ids]),
        additive: fc.boolean(),
      }),
    ),
    fc.record({
      kind: fc.constant('clear' as const),
      source: fc.constantFrom(SOURCES.map, themes, SOURCES.timeline, SOURCES.search),
    }),
    fc.constant({ kind: 'reset' as const }),
    fc.record({ kind: fc.constant('search' as const), query: fc.constantFrom('', 'health', 'migrants', 'evicted') }),
  );

  it('any sequence of toggles and clears gives the same messages as applying its clauses from scratch', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const cleanup = $effect.root(() => {
          const live = new DashboardState(tinyDataset());
          for (const a of actions) {
            if (a.kind === 'toggle') live.toggle(a.source, a.field, a.id, { additive: a.additive });
            else if (a.kind === 'clear') live.clear(a.source);
            else if (a.kind === 'reset') live.reset();
            else live.select(textClause(SOURCES.search, a.query));
            flushSync();
          }
          const fresh = new DashboardState(tinyDataset());
          fresh.restore(live.clauses);
          expect(fresh.filtered.equals(live.filtered)).toBe(true);
          expect(new Set(live.clauses.map((c) => c.source)).size).toBe(live.clauses.length);
          expect(
            live.clauses.every((c) =>
              c.kind === 'set' ? c.value.length > 0 : c.kind === 'text' ? c.value !== '' : true,
            ),
          ).toBe(true);
          // Through the address and back, the same state.
          const again = new DashboardState(tinyDataset());
          const parsed = paramsToClauses(clausesToParams(live.clauses.filter((c) => c.source !== 'themes')), lookup);
          again.restore(parsed.clauses);
          expect(parsed.dropped).toEqual([]);
        });
        cleanup();
      }),
      { numRuns: 200 },
    );
  });
});
