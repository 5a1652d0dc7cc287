/**
 * Indexes built once per dataset: for every id a filter can pick, the set of messages it
 * covers. The selection semantics live here, the same for every view:
 * - a place covers the messages tied to it and the messages of the people based there;
 * - a session covers the messages of the topic it held (cross-cutting messages, with no
 *   topic, belong to no single session);
 * - a date range covers the sessions inside it;
 * - a theme covers the messages tagged with it;
 * - a search covers each message's text, label and speaker (name and its variants).
 */
import type { Dataset, Message } from '../data/schema';
import { Bitset } from './bitset';
import { NO_TOPIC, type SetField } from './clauses';
import { foldText } from './text';

export type IndexedField = Exclude<SetField, 'cell'>;

export interface DatasetIndex {
  readonly dataset: Dataset;
  /** Number of messages; positions run 0..size-1 in dataset order. */
  readonly size: number;
  readonly messages: readonly Message[];
  readonly position: ReadonlyMap<string, number>;
  readonly sets: Readonly<Record<IndexedField, ReadonlyMap<string, Bitset>>>;
  /** Sessions by date, for date ranges. */
  readonly sessionDates: readonly { id: string; date: string }[];
  /** Folded text, label and speaker of each message, for search. */
  readonly haystacks: readonly string[];
  readonly all: Bitset;
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

  return {
    dataset,
    size,
    messages,
    position,
    sets: {
      topic: topicSets,
      session: sessionSets,
      theme: toBitsets(
        size,
        themes,
        dataset.themes.map((t) => t.id),
      ),
      place: toBitsets(
        size,
        places,
        dataset.places.map((p) => p.id),
      ),
      person: toBitsets(
        size,
        people,
        dataset.people.map((p) => p.id),
      ),
      kind: toBitsets(size, kinds),
      message: new Map(messages.map((m, i) => [m.id, Bitset.of(size, [i])])),
    },
    sessionDates: dataset.sessions
      .map((s) => ({ id: s.id, date: s.date }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    haystacks,
    all: Bitset.full(size),
  };
}
