/** A practice quoted inside a takeaway is one passage: counted once wherever both would count. */
import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/data/validate';
import { buildIndex, cellCounts, cellKey, countBy, repeatsIn, resolve, setClause } from '../../src/lib/filters';
import { withExcerpt } from '../fixtures/tiny';

describe('excerpts: the same words counted once', () => {
  const data = withExcerpt();
  const index = buildIndex(data);

  it('the dataset is valid and the index knows the pair', () => {
    expect(validateDataset(data).ok).toBe(true);
    expect(index.excerpts).toEqual([[1, 5]]);
  });

  it('a place, a theme and a session count the pair once; each kind counts its own', () => {
    expect(countBy(index, 'place', index.all).get('montevideo')).toBe(1);
    expect(countBy(index, 'theme', index.all).get('housing')).toBe(2); // m-shelter, and the pair once
    expect(countBy(index, 'theme', index.all).get('regional-cooperation')).toBe(3); // the practice lacks it
    expect(countBy(index, 'session', index.all).get('breakout-1')).toBe(2);
    expect(countBy(index, 'kind', index.all).get('practice')).toBe(1);
    expect(countBy(index, 'kind', index.all).get('takeaway')).toBe(3);
  });

  it('when only one of the pair passes, it counts', () => {
    const practices = resolve(index, [setClause('kinds', 'kind', ['practice'])]);
    expect(countBy(index, 'place', practices).get('montevideo')).toBe(1);
    expect(countBy(index, 'theme', practices).get('housing')).toBe(1);
  });

  it('the matrix counts the pair once in a cell they share', () => {
    const counts = cellCounts(index, ['topic-1'], ['housing', 'health', 'regional-cooperation'], index.all);
    expect(counts.get(cellKey('topic-1', 'housing'))).toBe(2);
    expect(counts.get(cellKey('topic-1', 'regional-cooperation'))).toBe(1);
    expect(counts.get(cellKey('topic-1', 'health'))).toBe(1);
  });

  it('counts the messages that repeat another passing message', () => {
    expect(repeatsIn(index, index.all)).toBe(1);
    // The practice alone repeats nothing that is shown.
    expect(repeatsIn(index, resolve(index, [setClause('kinds', 'kind', ['practice'])]))).toBe(0);
    expect(repeatsIn(index, resolve(index, [setClause('kinds', 'kind', ['practice', 'takeaway'])]))).toBe(1);
  });
});
