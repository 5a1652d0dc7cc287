/** Picking in the topic × theme matrix: a topic then a theme intersect; Shift adds within an axis. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLookup } from '../../src/lib/data/lookup';
import type { Dataset } from '../../src/lib/data/schema';
import { buildIndex, resolve, setClause } from '../../src/lib/filters';
import { describeClauses } from '../../src/lib/ui/describe';
import { joinWord, nextMatrixPicks } from '../../src/lib/state/matrix-picks';

const puebla = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;

describe('matrix picks', () => {
  it.each([
    [[], 'topic-2|*', false, ['topic-2|*']],
    [['topic-2|*'], '*|health', false, ['topic-2|*', '*|health']],
    [['topic-2|*', '*|health'], '*|housing', false, ['topic-2|*', '*|housing']],
    [['topic-2|*', '*|health'], '*|housing', true, ['topic-2|*', '*|health', '*|housing']],
    [['topic-2|*', '*|health'], 'topic-1|*', false, ['*|health', 'topic-1|*']],
    [['topic-2|*', '*|health'], '*|health', false, ['topic-2|*']],
    [['topic-2|*', '*|health'], 'topic-1|covid-19', false, ['topic-1|covid-19']],
    [['topic-1|covid-19'], 'topic-1|covid-19', false, []],
    [['topic-1|covid-19', '*|health'], '*|health', true, ['topic-1|covid-19']],
  ])('%j, then %s (Shift: %s) → %j', (current, key, additive, expected) => {
    expect(nextMatrixPicks(current, key, additive)).toEqual(expected);
  });

  it('a topic then a theme: the messages of both; Shift adds a theme: either theme, still of the topic', () => {
    const index = buildIndex(puebla);
    const of = (picks: string[]) =>
      [...resolve(index, [setClause('matrix', 'cell', picks)])].map((i) => puebla.messages[i]!.id).sort();
    const naive = (topic: string, themes: string[]) =>
      puebla.messages
        .filter((m) => m.topicId === topic && m.themeIds.some((t) => themes.includes(t)))
        .map((m) => m.id)
        .sort();
    expect(of(['topic-2|*', '*|health'])).toEqual(naive('topic-2', ['health']));
    expect(of(['topic-2|*', '*|health', '*|housing'])).toEqual(naive('topic-2', ['health', 'housing']));
    expect(of(['topic-2|*', '*|health']).length).toBeLessThan(of(['topic-2|*']).length);
  });

  it('the chips say how the picks combine', () => {
    expect(joinWord(['topic-2|*', '*|health', '*|housing'], '*|health')).toBe('and');
    expect(joinWord(['topic-2|*', '*|health', '*|housing'], '*|housing')).toBe('or');
    // The first pick has no word, whichever axis it is on; a single cell adds.
    expect(joinWord(['*|health', 'topic-2|*'], '*|health')).toBe('');
    expect(joinWord(['*|health', 'topic-2|*'], 'topic-2|*')).toBe('and');
    expect(joinWord(['topic-2|*', 'topic-1|covid-19'], 'topic-1|covid-19')).toBe('or');
    const chips = describeClauses(
      [setClause('matrix', 'cell', ['topic-2|*', '*|health', '*|housing'])],
      buildLookup(puebla),
    );
    expect(chips.map((c) => c.label)).toEqual([
      'Topic: 2. Addressing Gaps in Migrant Protection',
      'and theme: Health',
      'or theme: Housing and basic needs',
    ]);
  });
});
