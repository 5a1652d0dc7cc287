/**
 * The two forms of a set of messages (a bitset, or the sorted positions of a sparse id) give the
 * same answers, alone, mixed, and in an index built all dense, all sparse or by density.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import {
  Bitset,
  buildIndex,
  cellCounts,
  countBy,
  indexMemory,
  messageIds,
  messageSet,
  NO_TOPIC,
  resolve,
  SparseSet,
  withRegions,
  type Clause,
  type DatasetIndex,
  type IndexedField,
  type MessageSet,
} from '../../src/lib/filters';
import { syntheticDataset } from '../../scripts/synthetic';
import { arbitraryClauses, arbitraryDataset, naiveFilter } from '../fixtures/arbitrary';

/** A size and a few sorted, distinct positions below it. */
const positionsIn = (size: number) =>
  fc
    .uniqueArray(fc.nat({ max: Math.max(0, size - 1) }), { maxLength: size ? Math.min(size, 80) : 0 })
    .map((xs) => Uint32Array.from(xs.sort((a, b) => a - b)));
const twoSets = fc
  .integer({ min: 0, max: 200 })
  .chain((size) => fc.tuple(fc.constant(size), positionsIn(size), positionsIn(size)));

const forms = (size: number, positions: Uint32Array): MessageSet[] => [
  Bitset.of(size, positions),
  new SparseSet(size, positions),
];

describe('SparseSet beside Bitset', () => {
  it('has, counts, iterates and converts the same in either form', () => {
    fc.assert(
      fc.property(twoSets, ([size, a]) => {
        const [dense, sparse] = forms(size, a);
        expect([...sparse!]).toEqual([...a]);
        expect([...dense!]).toEqual([...a]);
        expect(sparse!.count()).toBe(a.length);
        const walked: number[] = [];
        sparse!.forEach((p) => walked.push(p));
        expect(walked).toEqual([...a]);
        for (let p = 0; p < size; p++) expect(sparse!.has(p)).toBe(dense!.has(p));
        expect(sparse!.toBitset().equals(dense as Bitset)).toBe(true);
      }),
    );
  });

  it('intersects, unions and counts an intersection the same with any mix of forms', () => {
    fc.assert(
      fc.property(twoSets, ([size, a, b]) => {
        const both = [...a].filter((p) => b.includes(p));
        const either = [...new Set([...a, ...b])].sort((x, y) => x - y);
        for (const x of forms(size, a)) {
          for (const y of forms(size, b)) {
            expect(x.countAnd(y)).toBe(both.length);
            expect([...x.toBitset().andWith(y)]).toEqual(both);
            expect([...x.toBitset().orWith(y)]).toEqual(either);
          }
        }
      }),
    );
  });

  it('messageSet keeps an id sparse below its share of the messages, dense from it', () => {
    const few = Uint32Array.from([1, 5, 9]);
    expect(messageSet(100, few)).toBeInstanceOf(SparseSet);
    expect(messageSet(64, few)).toBeInstanceOf(Bitset);
    expect(messageSet(100, few, 0)).toBeInstanceOf(Bitset);
    expect(messageSet(3, few, 2)).toBeInstanceOf(SparseSet);
  });
});

const FIELDS: IndexedField[] = ['place', 'theme', 'session', 'topic', 'person', 'kind', 'region'];

/** Everything a view can ask of an index, for a list of clauses. */
function answers(index: DatasetIndex, clauses: readonly Clause[]) {
  const passing = resolve(index, clauses);
  const d = index.dataset;
  return {
    passing: messageIds(index, passing),
    counts: FIELDS.map((field) => [...countBy(index, field, passing)]),
    cells: [
      ...cellCounts(
        index,
        [...d.topics.map((t) => t.id), NO_TOPIC],
        d.themes.map((t) => t.id),
        passing,
      ),
    ],
    sets: FIELDS.map((field) => [...index.sets[field]].map(([id, set]) => [id, [...set]])),
    members: FIELDS.map((field) => index.members[field]),
  };
}

const regionsOf = (countryCode: string) => ['world', countryCode < 'M' ? 'north' : 'south', countryCode];

describe('an index built dense, sparse or by density', () => {
  it('gives the same messages, counts, sets and rows in every form', () => {
    fc.assert(
      fc.property(
        arbitraryDataset().chain((d) => fc.tuple(fc.constant(d), arbitraryClauses(d))),
        ([dataset, clauses]) => {
          const [dense, sparse, mixed] = [0, 2, undefined].map((sparseBelow) =>
            withRegions(buildIndex(dataset, { sparseBelow }), regionsOf),
          );
          const expected = answers(dense!, clauses);
          expect(answers(sparse!, clauses)).toEqual(expected);
          expect(answers(mixed!, clauses)).toEqual(expected);
          expect(expected.passing).toEqual(naiveFilter(dataset, clauses));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees on a synthetic dataset that holds both forms', () => {
    const dataset: Dataset = syntheticDataset({ messages: 3000, places: 400, sessions: 12, seed: 3 });
    const mixed = withRegions(buildIndex(dataset), regionsOf);
    const dense = withRegions(buildIndex(dataset, { sparseBelow: 0 }), regionsOf);
    const kinds = new Set([...mixed.sets.place.values()].map((set) => set.constructor));
    expect(kinds).toEqual(new Set([Bitset, SparseSet]));
    const place = (i: number) => dataset.places[i]!.id;
    const steps: Clause[][] = [
      [],
      [{ source: 'map', kind: 'set', field: 'place', value: [place(0), place(150)] }],
      [
        { source: 'map', kind: 'set', field: 'place', value: [place(3), place(390)] },
        { source: 'matrix', kind: 'set', field: 'cell', value: ['topic-1|*', '*|theme-2'] },
        { source: 'regions', kind: 'set', field: 'region', value: ['north'] },
      ],
      [{ source: 'timeline', kind: 'set', field: 'session', value: ['session-2', 'session-5'] }],
    ];
    for (const clauses of steps) expect(answers(mixed, clauses)).toEqual(answers(dense, clauses));
  });
});

describe('indexMemory', () => {
  it('sums the typed arrays and counts every membership', () => {
    fc.assert(
      fc.property(arbitraryDataset(), (dataset) => {
        const index = buildIndex(dataset);
        const memory = indexMemory(index);
        const memberships = FIELDS.reduce(
          (n, field) => n + [...index.sets[field].values()].reduce((m, set) => m + set.count(), 0),
          0,
        );
        expect(memory.memberships).toBe(memberships);
        expect(memory.bytes).toBe(memory.dense + memory.sparse + memory.members);
      }),
    );
  });

  it('grows with the memberships, not with ids × messages', () => {
    const small = indexMemory(buildIndex(syntheticDataset({ messages: 2000, places: 1000, sessions: 12, seed: 1 })));
    const large = indexMemory(buildIndex(syntheticDataset({ messages: 20_000, places: 1000, sessions: 12, seed: 1 })));
    // Ten times the messages: ten times the memberships, and about ten times the bytes (a dense
    // bitset per place would make it a hundred).
    expect(large.memberships / small.memberships).toBeGreaterThan(9);
    expect(large.bytes / small.bytes).toBeLessThan(large.memberships / small.memberships + 1);
    expect(large.bytesPerMembership).toBeLessThan(16);
  });
});
