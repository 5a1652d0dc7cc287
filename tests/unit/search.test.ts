import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset, Message } from '../../src/lib/data/schema';
import { buildIndex, messageIds, resolve, textClause, withSearcher, type Searcher } from '../../src/lib/filters';
import { buildSearcher, buildSearcherInParts } from '../../src/lib/filters/search';
import { DashboardState } from '../../src/lib/state/dashboard.svelte';
import { SOURCES } from '../../src/lib/state/sources';
import { messagesHolding, messagesStartingWith, wordsOf } from '../fixtures/search-oracle';
import { tinyDataset } from '../fixtures/tiny';

/** The tiny dataset and a few messages more: a theme, an organisation and spellings to find. */
function fixture(): Dataset {
  const d = tinyDataset();
  d.themes.push({ id: 'regularisation', label: 'Regularisation', group: 'issue', description: 'Papers.' });
  d.organisations.push({
    id: 'iom',
    name: 'International Organization for Migration',
    acronym: 'IOM',
    kind: 'un-agency',
  });
  const base = d.messages[2]!;
  const add = (id: string, label: string, text: string, more: Partial<Message> = {}) =>
    d.messages.push({ ...base, id, label, text, themeIds: ['health'], ...more });
  add('m-tagged', 'Papers for newcomers', 'Cities issued documents to newcomers.', { themeIds: ['regularisation'] });
  add('m-us', 'Status', 'Regularization programs helped families to stay.');
  add('m-both', 'Both', 'Regularising status, as the regularization law says.');
  add('m-labor', 'Jobs', 'The labor market needs the skills of newcomers.', { organisationIds: ['iom'] });
  add('m-housing-title', 'Housing first', 'Give people a home before anything else.', { themeIds: ['health'] });
  add(
    'm-housing-aside',
    'Transport',
    'Buses and trains reach the outskirts late at night, and many routes were cut last year, ' +
      'which made it harder to reach work, school, clinics and housing offices across the region.',
    { themeIds: ['regional-cooperation'] },
  );
  return d;
}

const data = fixture();
const searcher = buildSearcher(data);
/** The ids a query finds, in dataset order. */
const found = (query: string, s: Searcher = searcher) =>
  s.dataset.messages.filter((_, i) => s.search(query).passing.has(i)).map((m) => m.id);

describe('buildSearcher on a small dataset', () => {
  it('finds words as they are typed (every word is a prefix)', () => {
    expect(found('evict')).toEqual(['m-evicted']);
    expect(found('migrant')).toEqual(['m-evicted', 'm-shelter']);
    expect(found('EVICTED')).toEqual(['m-evicted']);
  });

  it('merges no word by similarity: a typo or a near word finds nothing', () => {
    expect(found('health').length).toBeGreaterThan(0);
    expect(found('wealth')).toEqual([]);
    expect(found('heath')).toEqual([]);
    expect(found('evicted')).toEqual(['m-evicted']);
    expect(found('evictid')).toEqual([]);
  });

  it('keeps only messages that hold every word, each in any field', () => {
    expect(found('migrants evicted')).toEqual(['m-evicted']);
    // "migrants" in the text, "health" a theme name.
    expect(found('migrants health')).toEqual(['m-shelter']);
    expect(found('evicted quito')).toEqual([]);
  });

  it('finds British and American spellings as one word, whole or partial', () => {
    expect(found('regularisation')).toEqual(found('regularization'));
    expect(found('regularization')).toEqual(['m-tagged', 'm-us', 'm-both']);
    expect(found('regularis')).toEqual(['m-tagged', 'm-us', 'm-both']);
    expect(found('labour')).toEqual(['m-labor']);
    expect(found('labour')).toEqual(found('labor'));
    expect(found('organisation')).toEqual(['m-labor']);
    expect(found('programme')).toEqual(['m-us']);
  });

  it('covers theme names, places (a speaker’s too), speakers and organisations', () => {
    // The theme's name, where the text does not hold the word.
    expect(found('regularisation')).toContain('m-tagged');
    // Ana speaks from São Paulo; the message names no place of its own.
    expect(found('sao paulo')).toEqual(['m-quote']);
    expect(found('montevideo')).toEqual(['m-evicted']);
    expect(found('ana example')).toEqual(['m-quote']);
    expect(found('ejemplo')).toEqual(['m-quote']);
    expect(found('iom')).toEqual(['m-labor']);
    expect(found('international organisation')).toEqual(['m-labor']);
  });

  it('ranks a title or a theme above a passing mention in a text, and that above its topic’s title alone', () => {
    const hits = searcher.search('housing');
    // Topic 1 is "Housing": its messages are found by it too (computed from the dataset).
    expect(found('housing')).toEqual(messagesStartingWith(data, 'housing'));
    const aside = hits.score('m-housing-aside');
    expect(aside).toBeGreaterThan(0);
    for (const id of ['m-evicted', 'm-shelter', 'm-housing-title']) expect(hits.score(id), id).toBeGreaterThan(aside);
    const byTopicOnly = data.messages.filter(
      (m) => m.topicId === 'topic-1' && !/housing/i.test(`${m.label} ${m.text}`) && !m.themeIds.includes('housing'),
    );
    expect(byTopicOnly.length).toBeGreaterThan(0);
    for (const m of byTopicOnly) expect(hits.score(m.id), m.id).toBeLessThan(aside);
  });

  it('finds a topic’s and a session’s title, and says that it found a message so', () => {
    const topic = data.topics.find((t) => t.id === 'topic-2')!;
    const session = data.sessions.find((s) => s.id === topic.sessionId)!;
    const ofTopic = data.messages.filter((m) => m.topicId === 'topic-2').map((m) => m.id);
    expect(found(topic.title)).toEqual(expect.arrayContaining(ofTopic));
    const quiet = ofTopic.find((id) => {
      const m = data.messages.find((x) => x.id === id)!;
      return !wordsOf(`${m.label} ${m.text}`).includes(wordsOf(topic.title)[0]!);
    });
    if (quiet)
      expect(searcher.search(topic.title).reasonsOf(quiet)).toContainEqual({ field: 'topic', names: [topic.title] });
    expect(found(session.title)).toEqual(expect.arrayContaining(ofTopic));
  });

  it('marks the words of the title and text that matched, as written, in either spelling', () => {
    expect(searcher.search('regularisation').marksOf('m-us')).toEqual(['regularization']);
    expect(searcher.search('regularis').marksOf('m-both')).toEqual(['regularising', 'regularization']);
    expect(searcher.search('labour').marksOf('m-labor')).toEqual(['labor']);
    expect(searcher.search('evict').marksOf('m-evicted')).toEqual(['evicted']);
    expect(searcher.search('housing').marksOf('m-housing-title')).toEqual(['housing']);
    // Found by a name only: nothing in the text to mark.
    expect(searcher.search('regularisation').marksOf('m-tagged')).toEqual([]);
    expect(searcher.search('ejemplo').marksOf('m-quote')).toEqual([]);
    // A message the search did not find has nothing marked.
    expect(searcher.search('regularisation').marksOf('m-quote')).toEqual([]);
  });

  it('says why a message was kept where a word of the query is not marked', () => {
    expect(searcher.search('regularisation').reasonsOf('m-tagged')).toEqual([
      { field: 'theme', names: ['Regularisation'] },
    ]);
    expect(searcher.search('regularisation').reasonsOf('m-us')).toEqual([]);
    expect(searcher.search('migrants health').reasonsOf('m-shelter')).toEqual([{ field: 'theme', names: ['Health'] }]);
    expect(searcher.search('ejemplo').reasonsOf('m-quote')).toEqual([{ field: 'speaker', names: ['Ana Ejemplo'] }]);
    expect(searcher.search('paulo').reasonsOf('m-quote')).toEqual([{ field: 'place', names: ['São Paulo'] }]);
    expect(searcher.search('iom').reasonsOf('m-labor')).toEqual([
      { field: 'organisation', names: ['International Organization for Migration (IOM)'] },
    ]);
  });

  it('a query of no word filters nothing', () => {
    expect(found('  -- ')).toEqual(data.messages.map((m) => m.id));
  });
});

describe('the filter engine with and without the searcher', () => {
  const index = buildIndex(data);
  const ids = (query: string, withIt: boolean) =>
    messageIds(index, resolve(withIt ? withSearcher(index, searcher) : index, [textClause('search', query)]));

  it('matches folded substrings of text, title and speakers until the searcher is attached', () => {
    // Substrings: inside a word too; no theme name, no spelling rule.
    expect(ids('ealth', false)).toEqual(['m-quote']);
    expect(ids('regularisation', false)).toEqual([]);
    expect(ids('regularization', false)).toEqual(['m-us', 'm-both']);
    expect(ids('ejemplo', false)).toEqual(['m-quote']);
  });

  it('gives the searcher’s messages once attached, synchronously', () => {
    expect(ids('ealth', true)).toEqual([]);
    for (const query of ['regularisation', 'housing', 'sao paulo', 'labor']) {
      expect(ids(query, true), query).toEqual(found(query));
    }
  });

  it('ignores a searcher built for another dataset', () => {
    const other = buildSearcher(tinyDataset());
    expect(withSearcher(index, other)).toBe(index);
  });
});

describe('the dashboard loads the searcher for a search however it comes', () => {
  it.each([
    ['a restored link or scene', (s: DashboardState) => s.restore([textClause(SOURCES.search, 'regularisation')])],
    ['a typed search', (s: DashboardState) => s.select(textClause(SOURCES.search, 'regularisation'))],
  ])('%s', async (_, act) => {
    const state = new DashboardState(fixture());
    act(state);
    // Until it loads: substrings of the text, which no message holds in this spelling.
    expect(state.count).toBe(0);
    expect(state.searchHits).toBeNull();
    await state.loadSearch();
    expect(state.index.searcher).toBeDefined();
    expect(messageIds(state.index, state.filtered)).toEqual(['m-tagged', 'm-us', 'm-both']);
    expect(state.searchHits?.marksOf('m-us')).toEqual(['regularization']);
  });
});

// ——— On the real report, against answers worked out here from its JSON, without the app's code ———

const puebla = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;
const pueblaSearcher = buildSearcher(puebla);

/** The ids of the messages where some word of some field passes `test`. */
const holding = (test: (word: string) => boolean) => messagesHolding(puebla, test);

const pueblaFound = (query: string) => found(query, pueblaSearcher);

describe('buildSearcher on the Puebla 2020 report', () => {
  it('“regularisation” and “regularization” find the same messages: every one that holds either word, or its theme', () => {
    const expected = holding((w) => /^regulari[sz]ations?$/.test(w));
    expect(expected.length).toBeGreaterThan(1);
    expect(pueblaFound('regularisation')).toEqual(expected);
    expect(pueblaFound('regularization')).toEqual(expected);
    // The theme is one of the reasons: some messages carry it without the word in their text.
    const inText = puebla.messages.filter((m) => /regulari[sz]ation/i.test(`${m.label} ${m.text}`)).length;
    expect(expected.length).toBeGreaterThan(inText);
  });

  it('“labour” and “labor” find the same messages, and no laboratory', () => {
    const expected = holding((w) => w.startsWith('labour') || /^labor(s|ed|er|ers|ing)?$/.test(w));
    expect(expected.length).toBeGreaterThan(0);
    expect(pueblaFound('labour')).toEqual(expected);
    expect(pueblaFound('labor')).toEqual(expected);
  });

  it('“organisation” and “organization” find the same messages', () => {
    const expected = holding((w) => /^organi[sz]ations?$/.test(w));
    expect(pueblaFound('organisation')).toEqual(expected);
    expect(pueblaFound('organization')).toEqual(expected);
  });

  it.each(['migrant', 'housing', 'covid', 'mexico', 'our', 'four', 'for', 'health', 'wealth', 'mayor', 'iom'])(
    '“%s” finds exactly the messages with a word that starts with it, in any field',
    (query) => {
      expect(pueblaFound(query)).toEqual(holding((w) => w.startsWith(query)));
    },
  );

  it('several words are AND', () => {
    const migrant = new Set(holding((w) => w.startsWith('migrant')));
    const both = holding((w) => w.startsWith('housing')).filter((id) => migrant.has(id));
    expect(both.length).toBeGreaterThan(0);
    expect(pueblaFound('migrant housing')).toEqual(both);
    expect(pueblaFound('social cohesion')).toEqual(messagesStartingWith(puebla, 'social cohesion'));
  });

  it.each(['skills', 'data', 'humanitarian', 'labour'])(
    '“%s”: messages titled or tagged with it rank above those that mention it once in their text',
    (query) => {
      const hits = pueblaSearcher.search(query);
      const word = new RegExp(`\\b${query}`, 'i');
      const everyWord = new RegExp(`\\b${query}`, 'gi');
      const themeOf = new Map(puebla.themes.map((t) => [t.id, t.label]));
      const titled = puebla.messages.filter(
        (m) => word.test(m.label) || m.themeIds.some((id) => word.test(themeOf.get(id)!)),
      );
      const passing = puebla.messages.filter(
        (m) => !titled.includes(m) && (m.text.match(everyWord) ?? []).length === 1,
      );
      expect(titled.length).toBeGreaterThan(0);
      expect(passing.length).toBeGreaterThan(0);
      const lowestTitled = Math.min(...titled.map((m) => hits.score(m.id)));
      const highestPassing = Math.max(...passing.map((m) => hits.score(m.id)));
      expect(lowestTitled).toBeGreaterThan(highestPassing);
    },
  );
});

describe('the searcher built in parts, as the page builds it', () => {
  it('finds, ranks and marks exactly as the one built at once, and leaves the thread free between parts', async () => {
    const whole = buildSearcher(puebla);
    let yielded = 0;
    const counting = setInterval(() => yielded++, 0);
    const parts = await buildSearcherInParts(puebla, 10);
    clearInterval(counting);
    expect(yielded).toBeGreaterThan(0);
    for (const query of ['health', 'fund', 'montevideo', 'regularisation', 'covid 19', 'migrant prot']) {
      const a = whole.search(query);
      const b = parts.search(query);
      expect([...b.passing], query).toEqual([...a.passing]);
      for (const message of puebla.messages) {
        expect(b.score(message.id), `${query} ${message.id}`).toBe(a.score(message.id));
        expect(b.marksOf(message.id)).toEqual(a.marksOf(message.id));
      }
    }
  });
});
