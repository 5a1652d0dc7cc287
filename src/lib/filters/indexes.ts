/**
 * Indexes built once per dataset: for every id a filter can pick, the set of messages it
 * covers. The selection semantics live here, the same for every view:
 * - a place covers the messages tied to it and the messages of the people based there;
 * - a world region covers the messages of its places (given by `regionsOf`, a country's codes);
 * - a session covers the messages of the topic it held (cross-cutting messages, with no
 *   topic, belong to no single session);
 * - a date range covers the sessions inside it;
 * - a theme covers the messages tagged with it;
 * - a search covers each message's text, label, speakers (names and their variants), places
 *   (its own and its speakers'), organisations (its own and its speakers') and theme names,
 *   through the searcher (`searcher.ts`) once it has loaded; until then, its text, label and
 *   speakers, as folded substrings.
 */
import type { Dataset, Message } from '../data/schema';
import { Bitset } from './bitset';
import { NO_TOPIC, type SetField } from './clauses';
import type { Searcher } from './searcher';
import { foldText } from './text';

export type IndexedField = Exclude<SetField, 'cell' | 'message'>;

/**
 * One field's ids and, for each message, the ids it belongs to (compressed rows: the ids of
 * message i are `members[offsets[i]] .. members[offsets[i + 1] - 1]`, as indexes into `ids`).
 * Counting then walks the passing messages once instead of intersecting a set per id.
 */
export interface FieldMembers {
  readonly ids: readonly string[];
  readonly offsets: Uint32Array;
  readonly members: Uint32Array;
}

export interface DatasetIndex {
  readonly dataset: Dataset;
  /** Number of messages; positions run 0..size-1 in dataset order. */
  readonly size: number;
  readonly messages: readonly Message[];
  readonly position: ReadonlyMap<string, number>;
  readonly sets: Readonly<Record<IndexedField, ReadonlyMap<string, Bitset>>>;
  readonly members: Readonly<Record<IndexedField, FieldMembers>>;
  /** Sessions by date, for date ranges. */
  readonly sessionDates: readonly { id: string; date: string }[];
  /** Folded text, label and speaker of each message: search's fallback until the searcher loads. */
  readonly haystacks: readonly string[];
  /** Search through a library, once loaded (`withSearcher`). */
  readonly searcher?: Searcher;
  readonly all: Bitset;
  /**
   * Each excerpt and the message that holds its words (positions): a practice quoted inside a
   * takeaway. Counts take such a pair once where both fall in the same bucket.
   */
  readonly excerpts: readonly (readonly [excerpt: number, whole: number])[];
}

function collect(): [Map<string, number[]>, (key: string, position: number) => void] {
  const lists = new Map<string, number[]>();
  return [
    lists,
    (key, position) => {
      const list = lists.get(key);
      if (list) list.push(position);
      else lists.set(key, [position]);
    },
  ];
}

function toBitsets(size: number, lists: Map<string, number[]>, keys: Iterable<string> = []): Map<string, Bitset> {
  const sets = new Map<string, Bitset>();
  for (const key of keys) sets.set(key, new Bitset(size));
  for (const [key, positions] of lists) sets.set(key, Bitset.of(size, positions));
  return sets;
}

export function buildIndex(dataset: Dataset): DatasetIndex {
  const { messages } = dataset;
  const size = messages.length;
  const position = new Map(messages.map((m, i) => [m.id, i]));
  const peopleById = new Map(dataset.people.map((p) => [p.id, p]));

  const [topics, addTopic] = collect();
  const [themes, addTheme] = collect();
  const [places, addPlace] = collect();
  const [people, addPerson] = collect();
  const [kinds, addKind] = collect();
  const haystacks: string[] = [];

  messages.forEach((m, i) => {
    addTopic(m.topicId ?? NO_TOPIC, i);
    addKind(m.kind, i);
    for (const id of m.themeIds) addTheme(id, i);
    const placeIds = new Set(m.placeIds);
    for (const id of m.personIds) {
      addPerson(id, i);
      const home = peopleById.get(id)?.placeId;
      if (home) placeIds.add(home);
    }
    for (const id of placeIds) addPlace(id, i);
    const speakers = m.personIds.flatMap((id) => {
      const person = peopleById.get(id);
      return person ? [person.name, ...(person.nameVariants ?? [])] : [];
    });
    haystacks.push(foldText([m.label, m.text, ...speakers].join('\n')));
  });

  const topicSets = toBitsets(
    size,
    topics,
    dataset.topics.map((t) => t.id),
  );
  const sessionSets = new Map<string, Bitset>();
  for (const session of dataset.sessions) {
    const held = new Set<string>();
    if (session.topicId) held.add(session.topicId);
    for (const topic of dataset.topics) if (topic.sessionId === session.id) held.add(topic.id);
    const set = new Bitset(size);
    for (const topicId of held) {
      const topicSet = topicSets.get(topicId);
      if (topicSet) set.orWith(topicSet);
    }
    sessionSets.set(session.id, set);
  }

  const placeSets = toBitsets(
    size,
    places,
    dataset.places.map((p) => p.id),
  );

  const sets = {
    topic: topicSets,
    session: sessionSets,
    theme: toBitsets(
      size,
      themes,
      dataset.themes.map((t) => t.id),
    ),
    place: placeSets,
    // World regions come with `withRegions`, when a view first needs them.
    region: new Map<string, Bitset>(),
    person: toBitsets(
      size,
      people,
      dataset.people.map((p) => p.id),
    ),
    kind: toBitsets(size, kinds),
  };
  const members = Object.fromEntries(
    Object.entries(sets).map(([field, map]) => [field, toMembers(size, map)]),
  ) as Record<IndexedField, FieldMembers>;

  return {
    dataset,
    size,
    messages,
    position,
    sets,
    members,
    sessionDates: dataset.sessions
      .map((s) => ({ id: s.id, date: s.date }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    haystacks,
    all: Bitset.full(size),
    excerpts: messages.flatMap((m, i) => {
      const whole = m.excerptOf === undefined ? undefined : position.get(m.excerptOf);
      return whole === undefined ? [] : [[i, whole] as const];
    }),
  };
}

/**
 * The index with world regions: each region covers the messages of its places. `regionsOf`
 * gives the region codes of a country (data/regions.ts, loaded when first needed); the engine
 * stays pure: it is handed the grouping, it never looks it up.
 */
export function withRegions(index: DatasetIndex, regionsOf: (countryCode: string) => readonly string[]): DatasetIndex {
  const regions = new Map<string, Bitset>();
  for (const place of index.dataset.places) {
    const set = index.sets.place.get(place.id);
    if (!set) continue;
    for (const code of regionsOf(place.countryCode)) {
      const union = regions.get(code) ?? new Bitset(index.size);
      union.orWith(set);
      regions.set(code, union);
    }
  }
  return {
    ...index,
    sets: { ...index.sets, region: regions },
    members: { ...index.members, region: toMembers(index.size, regions) },
  };
}

/** Inverts id → messages into message → ids (compressed rows). */
function toMembers(size: number, sets: ReadonlyMap<string, Bitset>): FieldMembers {
  const ids = [...sets.keys()];
  const counts = new Uint32Array(size + 1);
  ids.forEach((id) => sets.get(id)!.forEach((i) => counts[i + 1]!++));
  for (let i = 0; i < size; i++) counts[i + 1]! += counts[i]!;
  const offsets = counts.slice();
  const members = new Uint32Array(offsets[size]!);
  const fill = offsets.slice(0, size);
  ids.forEach((id, k) => sets.get(id)!.forEach((i) => (members[fill[i]!++] = k)));
  return { ids, offsets, members };
}
