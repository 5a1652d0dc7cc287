/**
 * The searcher: MiniSearch over every message's text, title, speakers, places, organisations,
 * theme names, and the title of its topic and of the session that held it ("employment" finds
 * topic 1's messages, "Skilling Migrants for Employment", and says that it found them so). Loaded on demand (`import()`), with the library: the first page never
 * carries it. The filter engine is handed the result (`withSearcher`) and stays synchronous.
 *
 * The settings, and why:
 * - Terms are folded (case, accents: "sao" finds "São") and brought to one spelling
 *   (`spelling.ts`), in the index and in the query, so British and American spellings are one
 *   term ("regularisation" is "regularization", "labor" is "labour").
 * - Every query word is a prefix (a word is found while it is typed, "migrant" finds
 *   "migrants"), together with the other spelling of what it has started ("regularis" also
 *   looks for "regulariz…"). Words are AND: a message must hold every one, in any field.
 * - No fuzzy matching. An edit or two apart is another word in this vocabulary as often as a
 *   typo: "health" and "wealth", "migration" and "emigration", "protection" and "projection",
 *   "four" and "for". A search is a filter: the count it gives must be the messages that hold
 *   the words, and every message it keeps must show why. Spelling variants are covered by rule
 *   instead, and a typo finds nothing, which the user sees at once.
 * - Boosts rank the title and the theme names above the running text, then the people, places
 *   and organisations: a message titled or tagged with the words is about them, while a text
 *   may mention them in passing. Exact words rank above prefixes (MiniSearch's prefix weight).
 */
import { nextTask } from './next-task';
import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Dataset, Message } from '../data/schema';
import { Bitset } from './bitset';
import type { Searcher, SearchField, SearchHits, SearchReason } from './searcher';
import { canonicalWord, searchForms } from './spelling';
import { searchWords } from './text';

const FIELDS: SearchField[] = ['text', 'label', 'speaker', 'place', 'organisation', 'theme', 'topic', 'session'];
type NameField = SearchReason['field'];
const NAME_FIELDS: NameField[] = ['speaker', 'place', 'organisation', 'theme', 'topic', 'session'];
/** The fields a card shows with the words marked. */
const SHOWN_FIELDS: SearchField[] = ['text', 'label'];

export const BOOST: Readonly<Record<SearchField, number>> = {
  label: 3,
  theme: 2.5,
  speaker: 2,
  place: 1.5,
  organisation: 1.5,
  text: 1,
  // A topic's or a session's title names every message of the topic: the least telling of all.
  topic: 0.5,
  session: 0.5,
};

/** A message as search sees it: its text and title, and the names of what it is tied to. */
interface Entry {
  readonly id: string;
  readonly text: string;
  readonly label: string;
  readonly names: Readonly<Record<NameField, readonly string[]>>;
}

/** How search sees each message: the lookups are made once, an entry when it is asked for. */
function entryMaker(dataset: Dataset): (m: Message) => Entry {
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const places = new Map(dataset.places.map((p) => [p.id, p]));
  const organisations = new Map(dataset.organisations.map((o) => [o.id, o]));
  const themes = new Map(dataset.themes.map((t) => [t.id, t]));
  const topics = new Map(dataset.topics.map((t) => [t.id, t]));
  const sessions = new Map(dataset.sessions.map((s) => [s.id, s]));
  const topicOf = (topicId: string | null) => (topicId ? topics.get(topicId) : undefined);
  const known = <T>(ids: Iterable<string>, from: ReadonlyMap<string, T>) =>
    [...new Set(ids)].flatMap((id) => (from.has(id) ? [from.get(id)!] : []));
  return (m: Message) => {
    const speakers = known(m.personIds, people);
    const placeIds = [...m.placeIds, ...speakers.flatMap((p) => (p.placeId ? [p.placeId] : []))];
    const organisationIds = [
      ...m.organisationIds,
      ...speakers.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
    ];
    return {
      id: m.id,
      text: m.text,
      label: m.label,
      names: {
        speaker: speakers.flatMap((p) => [p.name, ...(p.nameVariants ?? [])]),
        place: known(placeIds, places).map((p) => p.name),
        organisation: known(organisationIds, organisations).map((o) =>
          o.acronym ? `${o.name} (${o.acronym})` : o.name,
        ),
        theme: known(m.themeIds, themes).map((t) => t.label),
        topic: topicOf(m.topicId) ? [topicOf(m.topicId)!.title] : [],
        session: [sessions.get(topicOf(m.topicId)?.sessionId ?? '')?.title].filter((t): t is string => Boolean(t)),
      },
    };
  };
}

/** The query as MiniSearch reads it: every word (AND), each as any of its forms (OR), all prefixes. */
function queryOf(words: readonly string[]): Query {
  return {
    combineWith: 'AND',
    queries: words.map((word) => ({ combineWith: 'OR', queries: searchForms(word) })),
  };
}

/** Remembers the last few queries: the filter, the ranking and the marks ask for the same one. */
const MEMO = 32;

export function buildSearcher(dataset: Dataset): Searcher {
  const { add, searcher } = searcherParts(dataset);
  add(0, dataset.messages.length);
  return searcher;
}

/**
 * The same searcher, its index built `chunkSize` messages at a time with the page's thread
 * free between (at 100,000 messages the whole index takes seconds; a part, tens of ms). Each
 * part makes its messages' entries too: no one task goes through every message.
 */
export async function buildSearcherInParts(dataset: Dataset, chunkSize = 1000): Promise<Searcher> {
  const { add, searcher } = searcherParts(dataset);
  const count = dataset.messages.length;
  for (let from = 0; from < count; from += chunkSize) {
    // The page's turn between two parts.
    if (from > 0) await nextTask();
    add(from, Math.min(count, from + chunkSize));
  }
  return searcher;
}

/** The searcher, its engine still empty: `add(from, to)` indexes those messages (by position). */
function searcherParts(dataset: Dataset): { add: (from: number, to: number) => void; searcher: Searcher } {
  // One spelling per word, worked out once per distinct word of the dataset.
  const canonical = new Map<string, string>();
  const spell = (word: string) => {
    let known = canonical.get(word);
    if (known === undefined) canonical.set(word, (known = canonicalWord(word)));
    return known;
  };
  const messages = dataset.messages;
  const entryOf = entryMaker(dataset);
  /** Each indexed message's position. */
  const positions = new Map<string, number>();
  const engine = new MiniSearch<Entry>({
    fields: FIELDS,
    extractField: (entry, field) => {
      if (field === 'id') return entry.id;
      if (field === 'text' || field === 'label') return entry[field];
      return entry.names[field as NameField].join('\n');
    },
    tokenize: searchWords,
    processTerm: spell,
    searchOptions: {
      boost: BOOST,
      prefix: true,
      fuzzy: false,
      // The query is made of words already folded and spelled (`queryOf`): taken as they are.
      tokenize: (word) => [word],
      processTerm: (word) => word,
    },
  });
  const memo = new Map<string, SearchHits>();
  function search(query: string): SearchHits {
    const known = memo.get(query);
    if (known) return known;
    const words = searchWords(query);
    // A query with no word in it (only punctuation) looks for nothing, so filters nothing.
    const results: SearchResult[] = words.length
      ? engine.search(queryOf(words))
      : messages.map((m) => ({ id: m.id, score: 0, terms: [], queryTerms: [], match: {} }));
    const hits = hitsOf(results, words.map(searchForms));
    if (memo.size >= MEMO) memo.clear();
    memo.set(query, hits);
    return hits;
  }

  /** `forms`: what each query word searched for (its prefixes), to tell which words a message's title or text explains. */
  function hitsOf(results: readonly SearchResult[], forms: readonly (readonly string[])[]): SearchHits {
    const passing = new Bitset(messages.length);
    const found = new Map<string, SearchResult>();
    for (const result of results) {
      const at = positions.get(result.id as string);
      if (at === undefined) continue;
      passing.add(at);
      found.set(result.id as string, result);
    }
    const messageOf = (id: string) => {
      const at = positions.get(id);
      return at === undefined ? undefined : messages[at];
    };
    const inFields = (result: SearchResult, term: string, fields: readonly string[]) =>
      result.match[term]!.some((f) => fields.includes(f));
    const marks = new Map<string, readonly string[]>();
    return {
      passing,
      score: (id) => found.get(id)?.score ?? 0,
      marksOf(id) {
        const result = found.get(id);
        const message = messageOf(id);
        if (!result || !message) return [];
        let words = marks.get(id);
        if (!words) {
          const terms = new Set(Object.keys(result.match).filter((t) => inFields(result, t, SHOWN_FIELDS)));
          const seen = searchWords(`${message.label}\n${message.text}`);
          words = [...new Set(seen.filter((w) => terms.has(spell(w))))];
          marks.set(id, words);
        }
        return words;
      },
      reasonsOf(id) {
        const result = found.get(id);
        const message = messageOf(id);
        if (!result || !message) return [];
        // The terms of the query words that no marked word shows: found in a name only.
        const matched = Object.keys(result.match);
        const unshown = new Set<string>();
        for (const prefixes of forms) {
          const terms = matched.filter((t) => prefixes.some((p) => t.startsWith(p)));
          if (!terms.some((t) => inFields(result, t, SHOWN_FIELDS))) for (const t of terms) unshown.add(t);
        }
        if (!unshown.size) return [];
        const entry = entryOf(message);
        return NAME_FIELDS.flatMap((field) => {
          const names = entry.names[field].filter((name) =>
            searchWords(name).some((w) => {
              const term = spell(w);
              return unshown.has(term) && inFields(result, term, [field]);
            }),
          );
          return names.length ? [{ field, names }] : [];
        });
      },
    };
  }

  function add(from: number, to: number) {
    const chunk: Entry[] = [];
    for (let at = from; at < to; at++) {
      positions.set(messages[at]!.id, at);
      chunk.push(entryOf(messages[at]!));
    }
    engine.addAll(chunk);
  }

  return { add, searcher: { dataset, search } };
}
