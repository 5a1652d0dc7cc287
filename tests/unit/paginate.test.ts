import { describe, expect, it } from 'vitest';
import { onePerPage, paginate } from '../../src/lib/present/paginate';

const items = (...heights: number[]) => heights.map((height, i) => ({ id: `m${i}`, height }));

describe('paginate: a scene’s messages in steps that fit the stage', () => {
  it('fills a column down, then the next, then a new page', () => {
    expect(paginate(items(40, 40, 40, 40, 40), 2, 100, 10)).toEqual([
      [
        ['m0', 'm1'],
        ['m2', 'm3'],
      ],
      [['m4']],
    ]);
  });

  it('keeps everything on one page when it fits', () => {
    expect(paginate(items(10, 20, 30), 1, 100, 5)).toEqual([[['m0', 'm1', 'm2']]]);
  });

  it('gives an item taller than the stage a column of its own', () => {
    expect(paginate(items(30, 500, 30), 1, 100, 5)).toEqual([[['m0']], [['m1']], [['m2']]]);
  });

  it('never loses or repeats an item, whatever the sizes', () => {
    const list = items(...Array.from({ length: 40 }, (_, i) => ((i * 37) % 90) + 5));
    for (const columns of [1, 2, 3]) {
      const ids = paginate(list, columns, 120, 8).flat(2);
      expect(ids).toEqual(list.map((m) => m.id));
      for (const page of paginate(list, columns, 120, 8)) expect(page.length).toBeLessThanOrEqual(columns);
    }
  });

  it('an empty scene is one empty step', () => {
    expect(paginate([], 2, 100, 5)).toEqual([[[]]]);
    expect(onePerPage([])).toEqual([[[]]]);
  });

  it('quotes come one a step', () => {
    expect(onePerPage(items(10, 20))).toEqual([[['m0']], [['m1']]]);
  });
});
