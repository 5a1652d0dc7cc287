/** A practice quoted inside a takeaway is one passage: counted once wherever both would count. */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { validateDataset } from '../../src/lib/data/validate';
import { buildIndex, cellCounts, cellKey, countBy, resolve, setClause } from '../../src/lib/filters';
import { tinyDataset } from '../fixtures/tiny';

/** The tiny dataset, with a takeaway whose text holds the Montevideo practice's words. */
function withExcerpt(): Dataset {
  const data = tinyDataset();
  data.messages.push({
    ...data.messages.find((m) => m.id === 'm-shelter')!,
    id: 'm-whole',
    kind: 'takeaway',
    label: 'A takeaway that quotes the practice',
    text: 'Cities act. Montevideo set up a fund to prevent migrants being evicted. Others follow.',
    themeIds: ['housing', 'regional-cooperation'],
    placeIds: ['montevideo'],
  });
  data.messages.find((m) => m.id === 'm-evicted')!.excerptOf = 'm-whole';
  return data;
}

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
});
