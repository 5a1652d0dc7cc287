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
import { compareDates } from '../data/dates';
import type { Dataset, Message } from '../data/schema';
import { Bitset, type MessageSet } from './bitset';
import { NO_TOPIC, type SetField } from './clauses';
import type { Searcher } from './searcher';
import { messageSet, SPARSE_BELOW } from './sparse';
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
  /** For every id, its messages: dense where it holds many, sparse where few (see `sparse.ts`). */
  readonly sets: Readonly<Record<IndexedField, ReadonlyMap<string, MessageSet>>>;
  readonly members: Readonly<Record<IndexedField, FieldMembers>>;
  /** Below this share of the messages an id's set is sparse ({@link IndexOptions}). */
  readonly sparseBelow: number;
  /** Sessions by date, for date ranges. */
  readonly sessionDates: readonly { id: string; date: string }[];
  /**
   * Folded text, label and speakers of each message: search's fallback until the searcher
   * loads. Folded when a search first needs them (at a million messages that takes seconds and
   * hundreds of megabytes), then kept.
   */
  readonly haystacks: () => readonly string[];
  /** Search through a library, once loaded (`withSearcher`). */
  readonly searcher?: Searcher;
  readonly all: Bitset;
  /**
   * Each excerpt and the message that holds its words (positions): a practice quoted inside a
   * takeaway. Counts take such a pair once where both fall in the same bucket.
   */
  readonly excerpts: readonly (readonly [excerpt: number, whole: number])[];
}

/** Options of {@link buildIndex}. */
export interface IndexOptions {
  /**
   * Below this share of the messages an id's set is kept sparse (its positions), else dense (a
   * bitset); 1/32 by default, where both take the same bytes. 0 makes every set dense, 2 every
   * set sparse: the tests compare the forms.
   */
  readonly sparseBelow?: number;
}

/**
 * One field's memberships, gathered message by message into typed arrays (no list per id, so
 * little for the garbage collector at a million messages): each id gets an index when first
 * met (the dataset's ids first), and each message the indexes of its ids, sorted, each once.
 */
class FieldBuilder {
  readonly #index = new Map<string, number>();
  readonly ids: string[] = [];
  readonly #offsets: Uint32Array;
  #members: Uint32Array;
  #length = 0;
  #message = 0;

  /** `capacity`: the memberships expected (it grows past them if need be). */
  constructor(size: number, keys: Iterable<string> = [], capacity = size) {
    this.#offsets = new Uint32Array(size + 1);
    this.#members = new Uint32Array(Math.max(16, capacity));
    for (const key of keys) this.indexOf(key);
  }

  indexOf(key: string): number {
    let k = this.#index.get(key);
    if (k === undefined) {
      k = this.ids.length;
      this.#index.set(key, k);
      this.ids.push(key);
    }
    return k;
  }

  /** The index of a known id, if it is one. */
  find(key: string): number | undefined {
    return this.#index.get(key);
  }

  /** The current message belongs to the id of index `k`. */
  add(k: number): void {
    if (this.#length === this.#members.length) {
      const grown = new Uint32Array(this.#members.length * 2);
      grown.set(this.#members);
      this.#members = grown;
    }
    this.#members[this.#length++] = k;
  }

  /** Ends the current message: its ids sorted (a handful: insertion sort), repeats dropped. */
  next(): void {
    const members = this.#members;
    const start = this.#offsets[this.#message]!;
    for (let j = start + 1; j < this.#length; j++) {
      const k = members[j]!;
      let at = j;
      while (at > start && members[at - 1]! > k) members[at] = members[--at]!;
      members[at] = k;
    }
    let kept = start;
    for (let j = start; j < this.#length; j++)
      if (j === start || members[j] !== members[kept - 1]) members[kept++] = members[j]!;
    this.#length = kept;
    this.#offsets[++this.#message] = kept;
  }

  /** The rows message → ids, and their transpose: each id's positions, in dataset order. */
  finish(): { members: FieldMembers; positions: Uint32Array[] } {
    const offsets = this.#offsets;
    // Little room left over is kept (no copy); much (ids given twice, an array grown) is let go.
    const room = this.#members.length - this.#length;
    const members =
      room > this.#length / 8 ? this.#members.slice(0, this.#length) : this.#members.subarray(0, this.#length);
    const size = offsets.length - 1;
    const starts = new Uint32Array(this.ids.length + 1);
    for (let j = 0; j < members.length; j++) starts[members[j]! + 1]!++;
    for (let k = 0; k < this.ids.length; k++) starts[k + 1]! += starts[k]!;
    const byId = new Uint32Array(members.length);
    const fill = starts.slice(0, this.ids.length);
    for (let i = 0; i < size; i++) for (let j = offsets[i]!; j < offsets[i + 1]!; j++) byId[fill[members[j]!]!++] = i;
    const positions = this.ids.map((_, k) => byId.subarray(starts[k]!, starts[k + 1]!));
    return { members: { ids: this.ids, offsets, members }, positions };
  }
}

/**
 * Each id's set in the form that suits it ({@link messageSet}). The sparse ones are copied into
 * one array of their own, so the dense ids' positions, needed only to build, are let go.
 */
function toSets(size: number, ids: readonly string[], positions: Uint32Array[], sparseBelow: number) {
  const sparse = (list: Uint32Array) => list.length < sparseBelow * size;
  const kept = new Uint32Array(positions.reduce((n, list) => n + (sparse(list) ? list.length : 0), 0));
  let at = 0;
  const sets = new Map<string, MessageSet>();
  ids.forEach((id, k) => {
    let list = positions[k]!;
    if (sparse(list)) {
      kept.set(list, at);
      list = kept.subarray(at, (at += list.length));
    }
    sets.set(id, messageSet(size, list, sparseBelow));
  });
  return sets;
}

export function buildIndex(dataset: Dataset, options: IndexOptions = {}): DatasetIndex {
  const sparseBelow = options.sparseBelow ?? SPARSE_BELOW;
  const { messages } = dataset;
  const size = messages.length;
  const position = new Map<string, number>();
  messages.forEach((m, i) => position.set(m.id, i));
  const peopleById = new Map(dataset.people.map((p) => [p.id, p]));

  // Sized up front (a speaker's home adds a place), so the arrays are made once, not grown.
  let themeCount = 0;
  let placeCount = 0;
  let personCount = 0;
  for (const m of messages) {
    themeCount += m.themeIds.length;
    placeCount += m.placeIds.length + m.personIds.length;
    personCount += m.personIds.length;
  }
  const topics = new FieldBuilder(
    size,
    dataset.topics.map((t) => t.id),
  );
  const themes = new FieldBuilder(
    size,
    dataset.themes.map((t) => t.id),
    themeCount,
  );
  const places = new FieldBuilder(
    size,
    dataset.places.map((p) => p.id),
    placeCount,
  );
  const people = new FieldBuilder(
    size,
    dataset.people.map((p) => p.id),
    personCount,
  );
  const kinds = new FieldBuilder(size);

  const fields = [topics, kinds, themes, places, people];
  const excerpts: (readonly [number, number])[] = [];
  for (let i = 0; i < size; i++) {
    const m = messages[i]!;
    topics.add(topics.indexOf(m.topicId ?? NO_TOPIC));
    kinds.add(kinds.indexOf(m.kind));
    for (const id of m.themeIds) themes.add(themes.indexOf(id));
    for (const id of m.placeIds) places.add(places.indexOf(id));
    for (const id of m.personIds) {
      people.add(people.indexOf(id));
      const home = peopleById.get(id)?.placeId;
      if (home) places.add(places.indexOf(home));
    }
    for (const field of fields) field.next();
    const whole = m.excerptOf === undefined ? undefined : position.get(m.excerptOf);
    if (whole !== undefined) excerpts.push([i, whole]);
  }

  // A session covers the messages of the topics it held (the last session of an id decides).
  const held = new Map<string, Set<string>>();
  for (const session of dataset.sessions) {
    const theirs = new Set<string>();
    if (session.topicId) theirs.add(session.topicId);
    for (const topic of dataset.topics) if (topic.sessionId === session.id) theirs.add(topic.id);
    held.set(session.id, theirs);
  }
  const sessions = new FieldBuilder(
    size,
    dataset.sessions.map((s) => s.id),
  );
  const sessionsOfTopic = topics.ids.map((): number[] => []);
  for (const [id, topicIds] of held) {
    for (const topicId of topicIds) {
      const t = topics.find(topicId);
      if (t !== undefined) sessionsOfTopic[t]!.push(sessions.indexOf(id));
    }
  }
  const topicRows = topics.finish();
  for (let i = 0; i < size; i++) {
    for (let j = topicRows.members.offsets[i]!; j < topicRows.members.offsets[i + 1]!; j++)
      for (const s of sessionsOfTopic[topicRows.members.members[j]!]!) sessions.add(s);
    sessions.next();
  }

  const sets = {} as Record<IndexedField, Map<string, MessageSet>>;
  const members = {} as Record<IndexedField, FieldMembers>;
  let haystacks: string[] | undefined;
  for (const [field, rows] of [
    ['topic', topicRows],
    ['session', sessions.finish()],
    ['theme', themes.finish()],
    ['place', places.finish()],
    ['person', people.finish()],
    ['kind', kinds.finish()],
    // World regions come with `withRegions`, when a view first needs them.
    ['region', new FieldBuilder(size).finish()],
  ] as const) {
    sets[field] = toSets(size, rows.members.ids, rows.positions, sparseBelow);
    members[field] = rows.members;
  }

  return {
    dataset,
    size,
    messages,
    position,
    sets,
    members,
    sparseBelow,
    sessionDates: dataset.sessions
      .map((s) => ({ id: s.id, date: s.date }))
      .sort((a, b) => compareDates(a.date, b.date)),
    haystacks: () =>
      (haystacks ??= messages.map((m) => {
        const speakers = m.personIds.flatMap((id) => {
          const person = peopleById.get(id);
          return person ? [person.name, ...(person.nameVariants ?? [])] : [];
        });
        return foldText([m.label, m.text, ...speakers].join('\n'));
      })),
    all: Bitset.full(size),
    excerpts,
  };
}

/**
 * The index with world regions: each region covers the messages of its places. `regionsOf`
 * gives the region codes of a country (data/regions.ts, loaded when first needed); the engine
 * stays pure: it is handed the grouping, it never looks it up.
 */
export function withRegions(index: DatasetIndex, regionsOf: (countryCode: string) => readonly string[]): DatasetIndex {
  // The regions in the order their places first name them, and each place's regions.
  const regions = new FieldBuilder(index.size);
  const regionsOfPlace = new Map<string, number[]>();
  for (const place of index.dataset.places) {
    const theirs = regionsOfPlace.get(place.id) ?? [];
    for (const code of regionsOf(place.countryCode)) theirs.push(regions.indexOf(code));
    regionsOfPlace.set(place.id, theirs);
  }
  // One walk over the messages' places gives each message's regions.
  const { ids, offsets, members } = index.members.place;
  const regionsOfId = ids.map((id) => regionsOfPlace.get(id) ?? []);
  for (let i = 0; i < index.size; i++) {
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) for (const r of regionsOfId[members[j]!]!) regions.add(r);
    regions.next();
  }
  const rows = regions.finish();
  return {
    ...index,
    sets: { ...index.sets, region: toSets(index.size, rows.members.ids, rows.positions, index.sparseBelow) },
    members: { ...index.members, region: rows.members },
  };
}

/** The bytes of an index's typed arrays, by part, and per membership (an id holding a message). */
export interface IndexMemory {
  /** The words of the dense sets (and of the set of all messages). */
  readonly dense: number;
  /** The positions of the sparse sets. */
  readonly sparse: number;
  /** The compressed rows message → ids (offsets and members). */
  readonly members: number;
  readonly bytes: number;
  /** Every (id, message) pair of every field. */
  readonly memberships: number;
  readonly bytesPerMembership: number;
}

/**
 * How much memory the index's sets and rows take: the bytes of the buffers under their typed
 * arrays, each buffer once (the sparse sets of a field share one).
 */
export function indexMemory(index: DatasetIndex): IndexMemory {
  const seen = new Set<ArrayBufferLike>();
  const bytes = ({ buffer }: Uint32Array) => (seen.has(buffer) ? 0 : (seen.add(buffer), buffer.byteLength));
  let dense = bytes(index.all.words);
  let sparse = 0;
  let rows = 0;
  let memberships = 0;
  for (const field of Object.keys(index.sets) as IndexedField[]) {
    for (const set of index.sets[field].values()) {
      if (set instanceof Bitset) dense += bytes(set.words);
      else sparse += bytes(set.positions);
    }
    const { offsets, members } = index.members[field];
    rows += bytes(offsets) + bytes(members);
    memberships += members.length;
  }
  const total = dense + sparse + rows;
  return {
    dense,
    sparse,
    members: rows,
    bytes: total,
    memberships,
    bytesPerMembership: total / Math.max(1, memberships),
  };
}
