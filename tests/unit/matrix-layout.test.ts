import { describe, expect, it } from 'vitest';
import { buildIndex, cellCounts, cellKey, NO_TOPIC, resolve, setClause } from '../../src/lib/filters';
import {
  countColour,
  countPaint,
  groupStartIds,
  luminance,
  moveCursor,
  textOn,
  themeColumns,
  topicRows,
} from '../../src/lib/scales/matrix';
import { themeGroupLabel, topicRowWords } from '../../src/lib/ui/theme-words';
import { tinyDataset } from '../fixtures/tiny';

const data = tinyDataset();
const index = buildIndex(data);

describe('matrix layout', () => {
  it('groups theme columns: cross-cutting, GFMD areas, issues', () => {
    expect(themeColumns(data.themes, themeGroupLabel).map((g) => [g.label, g.themes.map((t) => t.id)])).toEqual([
      ['Cross-cutting messages', ['regional-cooperation']],
      ['Issues', ['housing', 'health']],
    ]);
  });

  it('has a row per topic, by number, after the row of messages across topics', () => {
    expect(topicRows(data, topicRowWords()).map((r) => [r.id, r.short])).toEqual([
      [NO_TOPIC, 'Across topics'],
      ['topic-1', '1. Housing'],
      ['topic-2', '2. Health'],
    ]);
  });

  it.each([
    [
      'no filter',
      [],
      {
        [cellKey('topic-1', 'housing')]: 2,
        [cellKey('topic-2', 'health')]: 2,
        [cellKey(NO_TOPIC, 'regional-cooperation')]: 1,
        [cellKey('topic-1', 'health')]: 1,
        [cellKey('topic-2', 'regional-cooperation')]: 1,
      },
    ],
    ['a place filter', [setClause('map', 'place', ['montevideo'])], { [cellKey('topic-1', 'housing')]: 1 }],
  ] as const)('counts messages per cell: %s', (_name, clauses, nonZero) => {
    const counts = cellCounts(
      index,
      topicRows(data, topicRowWords()).map((r) => r.id),
      data.themes.map((t) => t.id),
      resolve(index, [...clauses]),
    );
    expect(Object.fromEntries([...counts].filter(([, n]) => n > 0))).toEqual(nonZero);
    expect(counts.size).toBe(3 * 3);
  });
});

describe('colour', () => {
  it('goes from light to dark as the count grows, and text stays readable on it', () => {
    const colour = countColour(10);
    expect(luminance(colour(1))).toBeGreaterThan(luminance(colour(10)));
    for (const n of [1, 3, 5, 10]) {
      const bg = luminance(colour(n));
      const fg = luminance(textOn(colour(n)) === '#000000' ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)');
      const contrast = (Math.max(bg, fg) + 0.05) / (Math.min(bg, fg) + 0.05);
      expect(contrast, `count ${n}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('groupStartIds', () => {
  it('is the first theme of each group, and nothing for an empty group', () => {
    const groups = themeColumns(data.themes, themeGroupLabel);
    expect([...groupStartIds(groups)]).toEqual(groups.map((g) => g.themes[0]!.id));
    expect(groupStartIds([{ group: 'issue', label: 'Issues', themes: [] }]).size).toBe(0);
  });
});

describe('countPaint', () => {
  it('gives an empty cell no paint, and each count the scale’s colour with its readable text', () => {
    const paint = countPaint(10);
    const colour = countColour(10);
    expect(paint(0)).toBeNull();
    for (const n of [1, 4, 10]) expect(paint(n)).toEqual({ background: colour(n), color: textOn(colour(n)) });
    expect(paint(4)).toBe(paint(4));
  });
});

describe('moveCursor', () => {
  it.each([
    [{ r: 0, c: 0 }, 'ArrowRight', { r: 0, c: 1 }],
    [{ r: 0, c: 0 }, 'ArrowUp', { r: -1, c: 0 }],
    [{ r: -1, c: 0 }, 'ArrowUp', { r: -1, c: 0 }],
    [{ r: 0, c: 0 }, 'ArrowLeft', { r: 0, c: -1 }],
    [{ r: 0, c: -1 }, 'ArrowLeft', { r: 0, c: -1 }],
    [{ r: 2, c: 4 }, 'ArrowDown', { r: 2, c: 4 }],
    [{ r: 1, c: 1 }, 'Home', { r: 1, c: -1 }],
    [{ r: 1, c: 1 }, 'End', { r: 1, c: 4 }],
    [{ r: 1, c: 1 }, 'PageUp', { r: -1, c: 1 }],
    [{ r: 1, c: 1 }, 'PageDown', { r: 2, c: 1 }],
    [{ r: 1, c: 1 }, 'a', null],
  ])('%j + %s → %j', (from, key, to) => {
    expect(moveCursor(from, key, 3, 5)).toEqual(to);
  });

  it('Ctrl+Home and Ctrl+End go to the corners', () => {
    expect(moveCursor({ r: 1, c: 1 }, 'Home', 3, 5, true)).toEqual({ r: -1, c: -1 });
    expect(moveCursor({ r: 1, c: 1 }, 'End', 3, 5, true)).toEqual({ r: 2, c: 4 });
  });
});
