import { describe, expect, it } from 'vitest';
import { SegmentCache, segments } from '../../src/lib/filters/segments';
import { cardsToFill, firstMessages, groupByTopic, MIN_CARD_HEIGHT } from '../../src/lib/ui/message/groups';
import { tinyDataset } from '../fixtures/tiny';

const data = tinyDataset();

describe('groupByTopic', () => {
  const ids = (groups: ReturnType<typeof groupByTopic>) => groups.map((g) => [g.id, g.messages.map((m) => m.id)]);

  it('lists messages across topics first, then topics by number, each in dataset order', () => {
    expect(ids(groupByTopic(data, data.messages))).toEqual([
      ['~none', ['m-cross']],
      ['topic-1', ['m-evicted', 'm-shelter']],
      ['topic-2', ['m-quote', 'm-data']],
    ]);
  });

  it('with a score, orders each group best first and keeps the groups’ order', () => {
    const score = new Map([
      ['m-evicted', 1],
      ['m-shelter', 5],
      ['m-quote', 0.5],
      ['m-data', 2],
      ['m-cross', 3],
    ]);
    expect(ids(groupByTopic(data, data.messages, (m) => score.get(m.id)!))).toEqual([
      ['~none', ['m-cross']],
      ['topic-1', ['m-shelter', 'm-evicted']],
      ['topic-2', ['m-data', 'm-quote']],
    ]);
  });

  it('keeps the order the messages come in (dataset order) between equal scores', () => {
    const reversed = [...data.messages].reverse();
    // Passed in any order, equal scores come out in the order they were given.
    expect(ids(groupByTopic(data, reversed, () => 1))).toEqual(ids(groupByTopic(data, reversed)));
    expect(ids(groupByTopic(data, data.messages, () => 0))).toEqual(ids(groupByTopic(data, data.messages)));
  });
});

describe('firstMessages', () => {
  const groups = groupByTopic(data, data.messages);
  const flat = (gs: ReturnType<typeof firstMessages>) => gs.flatMap((g) => g.messages.map((m) => m.id));
  const all = flat(groups);

  it('keeps the groups’ order and cuts after n messages, dropping groups left empty', () => {
    for (let n = 0; n <= all.length + 2; n++) {
      const first = firstMessages(groups, n);
      expect(flat(first)).toEqual(all.slice(0, n));
      expect(first.every((g) => g.messages.length > 0)).toBe(true);
    }
  });

  it('returns the very groups when nothing is cut', () => {
    expect(firstMessages(groups, all.length)).toEqual(groups);
    expect(firstMessages(groups, all.length)[0]).toBe(groups[0]);
  });
});

describe('cardsToFill', () => {
  it('fills the height with the shortest cards and one more, between 3 and 24', () => {
    expect(cardsToFill(0)).toBe(3);
    expect(cardsToFill(MIN_CARD_HEIGHT * 4)).toBe(5);
    expect(cardsToFill(MIN_CARD_HEIGHT * 4 + 1)).toBe(6);
    expect(cardsToFill(100_000)).toBe(24);
  });

  it('with the cards’ measured height, fills the height with cards that tall and one more; never guesses below the shortest', () => {
    // A 972 px list of cards about 225 px tall: 5 fill it, one more to scroll into.
    expect(cardsToFill(972, 225)).toBe(6);
    expect(cardsToFill(632, 320)).toBe(3);
    expect(cardsToFill(1952, 450)).toBe(6);
    expect(cardsToFill(972, 10)).toBe(cardsToFill(972));
    expect(cardsToFill(100_000, 200)).toBe(24);
  });
});

describe('SegmentCache', () => {
  it('gives what segments gives, and the same runs again for the same text and search', () => {
    const cache = new SegmentCache();
    const text = 'São Paulo and sao paulo and more';
    for (const terms of [[], ['sao'], ['paulo', 'more']]) {
      expect(cache.get(text, ['and'], terms)).toEqual(segments(text, ['and'], terms));
      expect(cache.get(text, ['and'], terms)).toBe(cache.get(text, ['and'], terms));
    }
    expect(cache.get(text, [], ['sao'])).not.toEqual(cache.get(text, [], ['more']));
  });

  it('is one per dashboard: another starts empty', () => {
    const text = 'Housing first';
    const first = new SegmentCache().get(text, [], ['housing']);
    expect(new SegmentCache().get(text, [], ['housing'])).not.toBe(first);
  });
});

describe('segments: the words a search found', () => {
  const marks = (text: string, terms: string[]) =>
    segments(text, [], terms)
      .filter((run) => run.mark)
      .map((run) => run.text);

  it('marks "COVID-19" as one run, not "COVID", "-" and "19"', () => {
    expect(marks('The COVID-19 crisis and covid relief', ['covid', '19'])).toEqual(['COVID-19', 'covid']);
  });

  it('joins only found words, and only across a hyphen, an apostrophe or a slash', () => {
    expect(marks('COVID-19 and COVID 19', ['covid', '19'])).toEqual(['COVID-19', 'COVID', '19']);
    expect(marks('COVID-era rules', ['covid', '19'])).toEqual(['COVID']);
    expect(marks('São Paulo’s plan', ['paulo', 's'])).toEqual(['Paulo’s']);
  });
});
