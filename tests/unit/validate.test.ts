import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatError, validateDataset, validateDatasetText, validateIndex } from '../../src/lib/data/validate';
import type { Dataset } from '../../src/lib/data/schema';
import { tinyDataset } from '../fixtures/tiny';

type Breakage = [name: string, breakIt: (d: Record<string, unknown> & Dataset) => void, expected: string];

const cases: Breakage[] = [
  [
    'a translation of a message the dataset lacks',
    (d) => (d.translations = { es: { note: 'Traducción de prueba', messages: { 'm-gone': { text: 'Nada' } } } }),
    'translations.es.messages.m-gone: unknown message "m-gone"',
  ],
  [
    'a translation without a note of who made it',
    (d) => (d.translations = { es: { messages: {} } } as unknown as Dataset['translations']),
    'translations.es.note: missing required field "note"',
  ],
  [
    'a translation keyed by something that is not a language',
    (d) => (d.translations = { Spanish: { note: 'x', messages: {} } }),
    'translations.Spanish: expected a language code such as "es" or "pt-BR", got "Spanish"',
  ],
  [
    'missing field',
    (d) => delete (d.places[0] as Partial<Dataset['places'][0]>).name,
    'places[0].name: missing required field "name"',
  ],
  ['missing collection', (d) => delete (d as Partial<Dataset>).messages, 'messages: missing required field "messages"'],
  [
    'wrong type',
    (d) => ((d.sessions[1] as unknown as { order: unknown }).order = 'first'),
    'sessions[1].order: expected a number, got "first"',
  ],
  [
    'list instead of text',
    (d) => ((d.messages[0] as unknown as { text: unknown }).text = ['a']),
    'messages[0].text: expected text (string), got Array',
  ],
  [
    'bad date shape',
    (d) => (d.sessions[0]!.date = '4 June 2020'),
    'sessions[0].date: expected a date YYYY-MM-DD, got "4 June 2020"',
  ],
  [
    'impossible date',
    (d) => (d.sessions[0]!.date = '2020-02-30'),
    'sessions[0].date: expected a real calendar date YYYY-MM-DD, got "2020-02-30"',
  ],
  [
    'bad month',
    (d) => (d.meta.published = '2020-13'),
    'meta.published: expected a real calendar date YYYY-MM, got "2020-13"',
  ],
  [
    'unknown theme',
    (d) => (d.messages[2]!.themeIds[0] = 'helth'),
    'messages[2].themeIds[0]: unknown theme "helth": did you mean "health"?',
  ],
  ['unknown topic', (d) => (d.messages[1]!.topicId = 'topic-9'), 'messages[1].topicId: unknown topic "topic-9"'],
  [
    'unknown place of a person',
    (d) => (d.people[0]!.placeId = 'atlantis'),
    'people[0].placeId: unknown place "atlantis"',
  ],
  [
    'unknown organiser',
    (d) => (d.meta.organiserIds = ['nobody']),
    'meta.organiserIds[0]: unknown organisation "nobody"',
  ],
  ['duplicate id', (d) => (d.messages[1]!.id = 'm-cross'), 'messages[1].id: duplicate id "m-cross"'],
  [
    'id not in lower case with hyphens',
    (d) => (d.themes[0]!.id = 'Housing'),
    'themes[0].id: expected an id: lower-case letters and digits, words joined by hyphens, such as "sao-paulo", got "Housing"',
  ],
  [
    'lat out of range',
    (d) => (d.places[1]!.lat = 123.4),
    'places[1].lat: expected latitude between -90 and 90, got 123.4',
  ],
  [
    'lon out of range',
    (d) => (d.places[1]!.lon = -181),
    'places[1].lon: expected longitude between -180 and 180, got -181',
  ],
  [
    'unknown kind',
    (d) => ((d.messages[0] as unknown as { kind: string }).kind = 'quip'),
    'messages[0].kind: expected one of "takeaway", "cross-cutting", "quote", "practice", "context", got "quip"',
  ],
  [
    'label too long',
    (d) => (d.messages[0]!.label = 'x'.repeat(61)),
    `messages[0].label: expected a label of at most 60 characters, got "${'x'.repeat(60)}…" (61 characters)`,
  ],
  ['no themes', (d) => (d.messages[0]!.themeIds = []), 'messages[0].themeIds: expected at least one theme id'],
  [
    'highlight not in text',
    (d) => (d.messages[0]!.highlights = ['not there']),
    'messages[0].highlights[0]: "not there" is not in the message\'s text',
  ],
  [
    'wrong schema version',
    (d) => ((d as unknown as { schemaVersion: number }).schemaVersion = 2),
    'schemaVersion: expected schemaVersion 1, got 2',
  ],
  [
    'country code',
    (d) => (d.places[0]!.countryCode = 'uy'),
    'places[0].countryCode: expected a two-letter country code in capitals, such as "UY" (ISO 3166-1 alpha-2), got "uy"',
  ],
  [
    'a session and its topic that disagree',
    (d) => (d.sessions[1]!.topicId = 'topic-2'),
    'sessions[1].topicId: topic "topic-2" names another session, "breakout-2", in its sessionId',
  ],
  // Found by the hostile-dataset property tests (tests/unit/hostile.test.ts):
  [
    'place listed twice in a message (its chips are keyed by id)',
    (d) => d.messages[1]!.placeIds.push('montevideo'),
    'messages[1].placeIds[1]: duplicate place "montevideo"',
  ],
  [
    'theme listed twice in a message',
    (d) => (d.messages[2]!.themeIds = ['housing', 'health', 'housing']),
    'messages[2].themeIds[2]: duplicate theme "housing"',
  ],
  [
    'topic listed twice for a person',
    (d) => d.people[0]!.topicIds.push('topic-2'),
    'people[0].topicIds[1]: duplicate topic "topic-2"',
  ],
  [
    'two topics with one number (rows and scenes are named by it)',
    (d) => (d.topics[1]!.number = 1),
    'topics[1].number: duplicate topic number 1',
  ],
  [
    'a megabyte where a choice goes is quoted cut',
    (d) => ((d.messages[0] as unknown as { kind: string }).kind = 'q'.repeat(1 << 20)),
    `messages[0].kind: expected one of "takeaway", "cross-cutting", "quote", "practice", "context", got "${'q'.repeat(60)}…" (1048576 characters)`,
  ],
  [
    'a megabyte of unknown id is quoted cut',
    (d) => (d.messages[2]!.themeIds[0] = 'h'.repeat(1 << 20)),
    `messages[2].themeIds[0]: unknown theme "${'h'.repeat(60)}…" (1048576 characters)`,
  ],
  [
    'a long highlight is quoted cut, never half an emoji',
    (d) => (d.messages[0]!.highlights = [`${'x'.repeat(59)}😀 and more`]),
    `messages[0].highlights[0]: "${'x'.repeat(59)}…" (70 characters) is not in the message's text`,
  ],
  [
    'more places than the map can draw',
    (d) => (d.places = Array.from({ length: 50_001 }, (_, i) => ({ ...d.places[0]!, id: `place-${i}` }))),
    'places: expected at most 50,000 places, got 50,001',
  ],
  [
    'more sessions than the timeline can draw',
    (d) => (d.sessions = Array.from({ length: 60_000 }, (_, i) => ({ ...d.sessions[0]!, id: `session-${i}` }))),
    'sessions: expected at most 50,000 sessions, got 60,000',
  ],
  [
    'a topic × theme matrix larger than the page can draw',
    (d) => {
      for (let i = 0; i < 16_665; i++) d.themes.push({ id: `theme-${i}`, label: 'T', group: 'issue', description: '' });
    },
    'themes: the topic × theme matrix would have 50,004 cells (3 rows × 16,668 themes); at most 50,000',
  ],
  [
    'February 29 of a year that is not a leap year, before 100',
    (d) => (d.sessions[0]!.date = '0100-02-29'),
    'sessions[0].date: expected a real calendar date YYYY-MM-DD, got "0100-02-29"',
  ],
  // excerptOf: a practice quoted inside a takeaway or a quote names that whole message.
  [
    'excerpt of a message that is not there',
    (d) => (d.messages[1]!.excerptOf = 'm-gone'),
    'messages[1].excerptOf: unknown message "m-gone"',
  ],
  [
    'excerpt of itself',
    (d) => (d.messages[1]!.excerptOf = 'm-evicted'),
    'messages[1].excerptOf: a message cannot be an excerpt of itself',
  ],
  [
    'excerpt of an excerpt (name the whole message)',
    (d) => {
      // m-shelter is itself a valid excerpt of m-data, whose text now holds it…
      d.messages[4]!.text = `Data at local level is lacking. ${d.messages[2]!.text}`;
      d.messages[2]!.excerptOf = 'm-data';
      // …so the practice may not name it: only a whole message.
      d.messages[2]!.text += ` ${d.messages[1]!.text}`;
      d.messages[4]!.text += ` ${d.messages[1]!.text}`;
      d.messages[1]!.excerptOf = 'm-shelter';
    },
    'messages[1].excerptOf: "m-shelter" is itself an excerpt: name the whole message',
  ],
  [
    'excerpt whose words are not in the whole message',
    (d) => (d.messages[1]!.excerptOf = 'm-shelter'),
    'messages[1].excerptOf: its text is not in the text of "m-shelter"',
  ],
  [
    'excerpt whose words are in the whole message, but not in that order',
    (d) => {
      d.messages[2]!.text = 'Montevideo set up a fund to prevent evictions of migrants, being evicted.';
      d.messages[1]!.excerptOf = 'm-shelter';
    },
    'messages[1].excerptOf: its text is not in the text of "m-shelter"',
  ],
];

describe('validateDataset', () => {
  it('accepts a valid dataset and returns it typed', () => {
    const result = validateDataset(tinyDataset());
    expect(result).toEqual({ ok: true, data: tinyDataset() });
  });

  it.each(['0000-02-29', '0004-02-29', '0099-12-31', '2000-02-29', '9999-12-31'])(
    'accepts the real date %s (proleptic Gregorian, whatever the year)',
    (date) => {
      const data = tinyDataset();
      data.sessions[0]!.date = date;
      data.events[0]!.date = date;
      const result = validateDataset(data);
      expect(result.ok ? [] : result.errors.map(formatError)).toEqual([]);
    },
  );

  it('names every problem in one pass: a reference is checked even when another field has the wrong shape', () => {
    const data = tinyDataset();
    data.places[0]!.lat = '-34,9' as unknown as number;
    data.messages[1]!.themeIds = ['helthh'];
    const result = validateDataset(data);
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      'places[0].lat: expected latitude in degrees (number), got "-34,9"',
      'messages[1].themeIds[0]: unknown theme "helthh"',
    ]);
  });

  it('ignores a byte order mark before the text, as the browser does', () => {
    expect(validateDatasetText(`\uFEFF${JSON.stringify(tinyDataset())}`)).toEqual({ ok: true, data: tinyDataset() });
    const inside = validateDatasetText(`{\uFEFF"schemaVersion": 1}`);
    expect(inside.ok ? [] : inside.errors.map(formatError)).toEqual([expect.stringMatching(/^not valid JSON: /)]);
  });

  it('accepts an excerpt whose words are in its whole message, white space folded', () => {
    const data = tinyDataset();
    data.messages[2]!.text = `Shelter and food for migrants in transit.\n  Montevideo set up a fund\nto prevent migrants being   evicted. More follows.`;
    data.messages[1]!.excerptOf = 'm-shelter';
    const result = validateDataset(data);
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([]);
  });

  it('reports an excerpt error once, at the excerpt, and the whole message stays valid', () => {
    const data = tinyDataset();
    data.messages[1]!.excerptOf = 'm-shelter';
    const result = validateDataset(data);
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      'messages[1].excerptOf: its text is not in the text of "m-shelter"',
    ]);
  });

  it('accepts fields the contract does not name (it may grow)', () => {
    const data = { ...tinyDataset(), extra: true };
    expect(validateDataset(data).ok).toBe(true);
  });

  it.each(cases)('%s gives a message naming the path', (_name, breakIt, expected) => {
    const data = tinyDataset() as Record<string, unknown> & Dataset;
    breakIt(data);
    const result = validateDataset(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatError)).toContain(expected);
  });

  it('reports every error, not just the first', () => {
    const data = tinyDataset();
    data.messages[0]!.themeIds = ['a-1', 'a-2'];
    data.messages[1]!.placeIds = ['nowhere'];
    const result = validateDataset(data);
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      'messages[0].themeIds[0]: unknown theme "a-1"',
      'messages[0].themeIds[1]: unknown theme "a-2"',
      'messages[1].placeIds[0]: unknown place "nowhere"',
    ]);
  });

  it.each([
    ['non-JSON', '{"schemaVersion": 1,', /^not valid JSON: /],
    ['JSON that is not an object', '[1, 2]', /^expected a consultation object, got Array$/],
    ['null', 'null', /^expected a consultation object, got null$/],
  ])('%s is an error, not an exception', (_name, text, expected) => {
    const result = validateDatasetText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatError(result.errors[0]!)).toMatch(expected);
  });

  it('accepts the bundled Puebla 2020 dataset', () => {
    const result = validateDatasetText(readFileSync('data/puebla-2020.json', 'utf8'));
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([]);
  });
});

describe('validateIndex', () => {
  it('accepts the bundled index and rejects a broken one', () => {
    expect(validateIndex(JSON.parse(readFileSync('data/index.json', 'utf8'))).ok).toBe(true);
    const broken = validateIndex({ consultations: [{ id: 'x', title: 'X' }] });
    expect(broken.ok ? [] : broken.errors.map(formatError)).toEqual([
      'consultations[0].file: missing required field "file"',
    ]);
  });
});

describe('what an unknown id was probably meant to be', () => {
  const withThemes = (...themeIds: string[]) => {
    const d = tinyDataset();
    d.messages[0]!.themeIds = themeIds;
    return validateDataset(d);
  };
  const errorsOf = (result: ReturnType<typeof validateDataset>) => (result.ok ? [] : result.errors.map(formatError));

  it.each([
    ['a slip of a letter', ['helth'], 'messages[0].themeIds[0]: unknown theme "helth": did you mean "health"?'],
    [
      'capitals',
      ['Housing'],
      'messages[0].themeIds[0]: expected an id: lower-case letters and digits, words joined by hyphens, such as "sao-paulo", got "Housing"',
    ],
    [
      'a list typed with commas',
      ['housing, health'],
      'messages[0].themeIds[0]: "housing, health" is several ids written as one: list them apart (in a workbook, separated by ";")',
    ],
  ])('%s', (_name, themeIds, expected) => {
    expect(errorsOf(withThemes(...themeIds))).toContain(expected);
  });

  it('suggests nothing for an id far from every other, or apart only in its number', () => {
    expect(errorsOf(withThemes('transport'))).toContain('messages[0].themeIds[0]: unknown theme "transport"');
    const d = tinyDataset();
    d.messages[0]!.topicId = 'topic-9';
    expect(errorsOf(validateDataset(d))).toContain('messages[0].topicId: unknown topic "topic-9"');
  });

  it('never speaks of "kebab-case", or of any word a secretariat would not use', () => {
    const d = tinyDataset();
    d.themes[0]!.id = 'Not An Id';
    expect(errorsOf(validateDataset(d)).join('\n')).not.toMatch(/kebab|regex|schema|undefined/i);
  });
});
