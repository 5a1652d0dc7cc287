import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import {
  ANY,
  Bitset,
  buildIndex,
  cellKey,
  countBy,
  messageIds,
  NO_TOPIC,
  rangeClause,
  resolve,
  setClause,
  textClause,
  type Clause,
} from '../../src/lib/filters';
import { tinyDataset } from '../fixtures/tiny';
import { arbitraryClauses, arbitraryDataset, naiveFilter } from '../fixtures/arbitrary';

const tiny = buildIndex(tinyDataset());
const ids = (clauses: Clause[], except?: string) => messageIds(tiny, resolve(tiny, clauses, except));

describe('resolve on a small dataset', () => {
  it.each<[string, Clause[], string[]]>([
    ['no clause: every message', [], ['m-cross', 'm-evicted', 'm-shelter', 'm-quote', 'm-data']],
    ['a theme', [setClause('themes', 'theme', ['housing'])], ['m-evicted', 'm-shelter']],
    [
      'two themes in one view are OR',
      [setClause('themes', 'theme', ['housing', 'regional-cooperation'])],
      ['m-cross', 'm-evicted', 'm-shelter', 'm-data'],
    ],
    ['a place covers messages tied to it', [setClause('map', 'place', ['montevideo'])], ['m-evicted']],
    ['a place covers messages of the people based there', [setClause('map', 'place', ['sao-paulo'])], ['m-quote']],
    ['a place with no message', [setClause('map', 'place', ['quito'])], []],
    ['a session covers its topic', [setClause('timeline', 'session', ['breakout-2'])], ['m-quote', 'm-data']],
    ['a session that held no topic covers nothing', [setClause('timeline', 'session', ['opening'])], []],
    [
      'a date range covers the sessions inside it',
      [rangeClause('timeline', '2020-06-10', '2020-06-12')],
      ['m-evicted', 'm-shelter', 'm-quote', 'm-data'],
    ],
    ['a range holding only the opening', [rangeClause('timeline', '2020-06-01', '2020-06-05')], []],
    [
      'a reversed range is put in order',
      [rangeClause('timeline', '2020-06-12', '2020-06-10')],
      ['m-evicted', 'm-shelter', 'm-quote', 'm-data'],
    ],
    ['search in text', [textClause('search', 'evicted')], ['m-evicted']],
    ['search is case- and accent-insensitive, all words', [textClause('search', 'HEALTH  everyone')], ['m-quote']],
    ['search covers the speaker and name variants', [textClause('search', 'ejemplo')], ['m-quote']],
    ['search covers the label', [textClause('search', 'data at local')], ['m-data']],
    ['the topic of messages across topics', [setClause('matrix', 'topic', [NO_TOPIC])], ['m-cross']],
    ['a kind', [setClause('list', 'kind', ['takeaway'])], ['m-shelter', 'm-data']],
    ['a topic × theme cell', [setClause('matrix', 'cell', [cellKey('topic-2', 'health')])], ['m-quote', 'm-data']],
    [
      'a whole column of the matrix',
      [setClause('matrix', 'cell', [cellKey(ANY, 'regional-cooperation')])],
      ['m-cross', 'm-data'],
    ],
    ['a whole row of the matrix', [setClause('matrix', 'cell', [cellKey('topic-1', ANY)])], ['m-evicted', 'm-shelter']],
    [
      'clauses of different views are AND',
      [setClause('themes', 'theme', ['health']), setClause('timeline', 'session', ['breakout-1'])],
      ['m-shelter'],
    ],
    ['an unknown id matches nothing', [setClause('map', 'place', ['atlantis'])], []],
  ])('%s', (_name, clauses, expected) => {
    expect(ids(clauses)).toEqual(expected);
  });

  it('leaves out the named source’s own clause (the crossfilter rule)', () => {
    const clauses = [setClause('themes', 'theme', ['housing']), setClause('map', 'place', ['sao-paulo'])];
    expect(ids(clauses)).toEqual([]);
    expect(ids(clauses, 'map')).toEqual(['m-evicted', 'm-shelter']);
    expect(ids(clauses, 'themes')).toEqual(['m-quote']);
  });

  it('counts per id under a filter', () => {
    const passing = resolve(tiny, [setClause('timeline', 'session', ['breakout-1'])]);
    expect(Object.fromEntries(countBy(tiny, 'theme', passing))).toEqual({
      housing: 2,
      health: 1,
      'regional-cooperation': 0,
    });
    expect(Object.fromEntries(countBy(tiny, 'place', tiny.all))).toEqual({ montevideo: 1, 'sao-paulo': 1, quito: 0 });
    expect(countBy(tiny, 'session', tiny.all).get('opening')).toBe(0);
  });
});

describe('Bitset', () => {
  it.each([0, 1, 31, 32, 33, 100])('full(%i) has exactly that many members', (size) => {
    const full = Bitset.full(size);
    expect(full.count()).toBe(size);
    expect([...full]).toEqual(Array.from({ length: size }, (_, i) => i));
  });

  it('intersects and unions', () => {
    const a = Bitset.of(70, [0, 5, 40, 69]);
    const b = Bitset.of(70, [5, 6, 69]);
    expect([...a.clone().andWith(b)]).toEqual([5, 69]);
    expect([...a.clone().orWith(b)]).toEqual([0, 5, 6, 40, 69]);
    expect(a.countAnd(b)).toBe(2);
  });
});

describe('properties, for random datasets and clauses', () => {
  it('the engine agrees with a naive filter', () => {
    fc.assert(
      fc.property(
        arbitraryDataset().chain((d) => fc.tuple(fc.constant(d), arbitraryClauses(d))),
        ([dataset, clauses]) => {
          const index = buildIndex(dataset);
          expect(messageIds(index, resolve(index, clauses))).toEqual(naiveFilter(dataset, clauses));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts per id agree with intersecting each id’s set, whichever way they are computed', () => {
    fc.assert(
      fc.property(
        arbitraryDataset().chain((d) => fc.tuple(fc.constant(d), arbitraryClauses(d))),
        ([dataset, clauses]) => {
          const index = buildIndex(dataset);
          const passing = resolve(index, clauses);
          for (const field of ['place', 'theme', 'session', 'topic', 'person', 'kind'] as const) {
            const counts = countBy(index, field, passing);
            for (const [id, set] of index.sets[field])
              expect(counts.get(id), `${field} ${id}`).toBe(set.countAnd(passing));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('clearing every clause gives every message', () => {
    fc.assert(
      fc.property(arbitraryDataset(), (dataset) => {
        const index = buildIndex(dataset);
        expect(messageIds(index, resolve(index, []))).toEqual(dataset.messages.map((m) => m.id));
      }),
    );
  });

  it('a view’s own clause never hides its own items', () => {
    fc.assert(
      fc.property(
        arbitraryDataset().chain((d) => fc.tuple(fc.constant(d), arbitraryClauses(d))),
        ([dataset, clauses]) => {
          const index = buildIndex(dataset);
          for (const clause of clauses) {
            const without = resolve(index, clauses, clause.source);
            const others = clauses.filter((c) => c.source !== clause.source);
            expect(without.equals(resolve(index, others))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('on the Puebla 2020 dataset', () => {
  const puebla = buildIndex(JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset);
  const count = (clauses: Clause[]) => resolve(puebla, clauses).count();

  it('search for "evicted" finds the Montevideo practice and the takeaway it belongs to', () => {
    expect(messageIds(puebla, resolve(puebla, [textClause('search', 'evicted')]))).toEqual([
      't2-protection-challenges',
      'practice-montevideo-fund',
    ]);
  });

  it('a breakout session leaves only its topic’s messages', () => {
    const passing = resolve(puebla, [setClause('timeline', 'session', ['breakout-2'])]);
    expect(new Set(Array.from(passing, (i) => puebla.messages[i]!.topicId))).toEqual(new Set(['topic-2']));
  });

  it('11 June holds the three breakouts: topics 1 to 3', () => {
    const june11 = count([rangeClause('timeline', '2020-06-11', '2020-06-11')]);
    const topics = count([setClause('matrix', 'topic', ['topic-1', 'topic-2', 'topic-3'])]);
    expect(june11).toBe(topics);
    expect(june11).toBeGreaterThan(0);
  });

  it('São Paulo covers its practice and the messages of Marina Luna’s topic only when tied', () => {
    const ids = messageIds(puebla, resolve(puebla, [setClause('map', 'place', ['sao-paulo'])]));
    expect(ids).toEqual(['t2-civil-society', 'practice-sao-paulo-council']);
  });
});
