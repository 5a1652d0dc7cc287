/**
 * The review of a draft: what the staffer decided about each proposed message (accepted,
 * rejected, its kind, its themes, split or merged), and the consultation's details they set
 * (title, dates, people, places). Nothing reaches the dataset that was not accepted; `dataset()`
 * writes the accepted messages as a consultation of the contract.
 */
import type { MessageKind, Theme } from '../data/schema';
import { Ids } from '../data/ids';
import { fold, plain, type Block } from './blocks';
import { sentences, type Draft, type DraftSession, type Proposal } from './structure';
import { nextTask } from '../filters/next-task';
import { ownThemes, themeSuggester, type Suggestion } from './suggest';
import { toDataset, type ReviewedMessage, type ReviewedPerson, type ReviewedPlace } from './to-dataset';

export type Decision = 'pending' | 'accepted' | 'rejected';

/** How many messages "Accept all remaining" decides in one task. */
const ACCEPT_PART = 200;

/** A message under review: what the dataset will hold, with the blocks it came from and the staffer's decision. */
export interface ReviewItem extends ReviewedMessage {
  blocks: number[];
  decision: Decision;
}

/** What the review needs from the basemap: a country's centre and its name. */
export interface Countries {
  centre: (code: string) => [number, number] | null;
  name: (code: string) => string;
}

export class Review {
  readonly name: string;
  readonly blocks: readonly Block[];
  readonly topics: Draft['topics'];
  readonly themes: Theme[];
  meta = $state({ title: '', subtitle: '', published: '', language: 'en', publisher: '' });
  sessions = $state<DraftSession[]>([]);
  people = $state<ReviewedPerson[]>([]);
  places = $state<ReviewedPlace[]>([]);
  items = $state<ReviewItem[]>([]);
  readonly #suggest: ReturnType<typeof themeSuggester>;
  readonly #countries: Countries;
  #next = 0;

  constructor(name: string, draft: Draft, codebook: readonly Theme[], countries: Countries) {
    this.name = name;
    this.blocks = draft.blocks;
    this.topics = draft.topics;
    this.#countries = countries;
    this.themes = [...codebook, ...ownThemes(draft.proposals, codebook)];
    this.#suggest = themeSuggester(this.themes);
    this.meta = {
      title: draft.title || name.replace(/\.[^.]+$/, ''),
      subtitle: draft.subtitle ?? '',
      published: draft.published ?? '', // not invented: the review asks for it
      language: draft.language,
      publisher: '',
    };
    this.sessions = draft.sessions.map((session) => ({ ...session }));
    const placeIds = new Ids();
    const places: ReviewedPlace[] = [];
    this.people = draft.people.map((person) => {
      let place: string | undefined;
      if (person.countryCode) {
        const name = person.place ?? countries.name(person.countryCode);
        const existing = places.find((p) => p.name === name && p.countryCode === person.countryCode);
        place = existing?.key ?? placeIds.next(name, 'place');
        if (!existing) places.push({ key: place, name, countryCode: person.countryCode });
      }
      return {
        key: person.key,
        name: person.name,
        role: person.role,
        variants: [...person.variants],
        topics: [...person.topics],
        ...(place ? { place } : {}),
        ...(person.organisation ? { organisation: person.organisation } : {}),
      };
    });
    this.places = places;
    this.items = draft.proposals.map((proposal) => this.#item(proposal));
  }

  #item(proposal: Proposal): ReviewItem {
    return {
      key: proposal.id,
      kind: proposal.kind,
      text: proposal.text,
      highlights: [...proposal.highlights],
      topic: proposal.topic,
      section: proposal.section,
      blocks: [...proposal.blocks],
      ...(proposal.speaker?.person ? { speaker: proposal.speaker.person } : {}),
      ...(proposal.excerptOf ? { excerptOf: proposal.excerptOf } : {}),
      places: this.#placesIn(proposal),
      themeIds: [],
      decision: 'pending',
    };
  }

  /** The places a message names (those the review knows: the speakers' cities and countries). */
  #placesIn(proposal: Pick<Proposal, 'text'>): string[] {
    return (
      this.places
        // Whole names, accents and all: "Bogotá" in "Bogotá's plan", not "Lima" in "Limassol".
        .filter((place) =>
          new RegExp(`(?<![\\p{L}\\p{N}])${escape(place.name)}(?![\\p{L}\\p{N}])`, 'u').test(proposal.text),
        )
        .map((place) => place.key)
    );
  }

  // Read many times a render (the bar, the filter's counts, each decision): counted once per change.
  readonly #reviewed = $derived(this.items.filter((item) => item.decision !== 'pending').length);
  readonly #accepted = $derived(this.items.filter((item) => item.decision === 'accepted'));
  get reviewed(): number {
    return this.#reviewed;
  }
  get accepted(): ReviewItem[] {
    return this.#accepted;
  }

  item(key: string): ReviewItem | undefined {
    return this.items.find((item) => item.key === key);
  }

  /** The messages by the blocks they came from: read for each block shown, made once per change. */
  readonly #byBlock = $derived.by(() => {
    const index: Record<number, ReviewItem[]> = {};
    for (const item of this.items) for (const n of item.blocks) (index[n] ??= []).push(item);
    return index;
  });

  /** The messages that came from a block of the report. */
  itemsOf(n: number): ReviewItem[] {
    return this.#byBlock[n] ?? [];
  }

  /**
   * The themes suggested for a message, best first: asked of the search library when a card
   * first shows it (a report of 1,000 messages does not wait for 1,000 queries), then kept.
   */
  suggestions(item: Pick<ReviewItem, 'kind' | 'text' | 'highlights' | 'topic'>): Suggestion[] {
    return this.#suggest(item, this.topics.find((t) => t.number === item.topic)?.title ?? '', 3);
  }

  /** Accepts a message; one with no theme takes its first suggestion (the staffer sees it, and can change it). */
  accept(key: string) {
    const item = this.item(key);
    if (item) this.#accept(item);
  }
  #accept(item: ReviewItem) {
    if (item.themeIds.length === 0) item.themeIds = [this.suggestions(item)[0]?.id ?? this.themes[0]!.id];
    item.decision = 'accepted';
  }
  reject(key: string) {
    const item = this.item(key);
    if (item) item.decision = 'rejected';
  }
  reopen(key: string) {
    const item = this.item(key);
    if (item) item.decision = 'pending';
  }
  /**
   * Accepts every message not yet decided, each with its suggested theme: in parts of 200, each
   * in a task of its own, so a long report's thousands of messages never freeze the page.
   */
  async acceptAll(): Promise<void> {
    const pending = this.items.filter((item) => item.decision === 'pending');
    for (let i = 0; i < pending.length; i += ACCEPT_PART) {
      if (i > 0) await nextTask();
      for (const item of pending.slice(i, i + ACCEPT_PART)) if (item.decision === 'pending') this.#accept(item);
    }
  }

  setKind(key: string, kind: MessageKind) {
    const item = this.item(key);
    if (!item) return;
    item.kind = kind;
    // A cross-cutting message spans the topics when saved; its topic is kept should it change back.
  }
  setSpeaker(key: string, person: string) {
    const item = this.item(key);
    if (!item) return;
    if (person) item.speaker = person;
    else delete item.speaker;
  }
  toggleTheme(key: string, id: string) {
    const item = this.item(key);
    if (!item) return;
    item.themeIds = item.themeIds.includes(id) ? item.themeIds.filter((t) => t !== id) : [...item.themeIds, id];
  }

  /** The places where a message can be split: after each of its sentences but the last. */
  splits(key: string): string[] {
    const item = this.item(key);
    return item ? sentences(item.text).slice(0, -1) : [];
  }

  /** Splits a message after its `after`-th sentence (from 1): two messages, the report's words kept. */
  split(key: string, after: number) {
    const at = this.items.findIndex((item) => item.key === key);
    const item = this.items[at];
    if (!item) return;
    const parts = sentences(item.text);
    if (after < 1 || after >= parts.length) return;
    const first = parts.slice(0, after).join(' ');
    const second = parts.slice(after).join(' ');
    const keep = (text: string) => item.highlights.filter((phrase) => text.includes(phrase));
    const rest: ReviewItem = {
      ...item,
      key: `${item.key}-${++this.#next}`,
      text: second,
      highlights: keep(second),
      themeIds: [...item.themeIds],
      places: this.#placesIn({ text: second }),
      decision: 'pending',
    };
    Object.assign(item, {
      text: first,
      highlights: keep(first),
      places: this.#placesIn({ text: first }),
      decision: 'pending',
    });
    // A practice cited in the message now points at the part that holds its words (none: it stands alone).
    for (const other of this.items)
      if (other.excerptOf === item.key && !first.includes(other.text))
        other.excerptOf = second.includes(other.text) ? rest.key : undefined;
    this.items.splice(at + 1, 0, rest);
  }

  /** Merges a message with the next one: one message of both texts, from both blocks. */
  merge(key: string) {
    const item = this.item(key);
    const next = this.mergeTarget(key);
    if (!item || !next) return;
    item.text = fold(`${item.text} ${next.text}`);
    item.highlights = [...item.highlights, ...next.highlights];
    item.blocks = union(item.blocks, next.blocks);
    item.themeIds = union(item.themeIds, next.themeIds);
    item.places = union(item.places, next.places);
    item.decision = 'pending';
    for (const other of this.items) if (other.excerptOf === next.key) other.excerptOf = item.key;
    this.items.splice(this.items.indexOf(next), 1);
  }

  /** The message "Merge with the next" joins: the next one that is not a practice cited in this one. */
  mergeTarget(key: string): ReviewItem | undefined {
    const at = this.items.findIndex((item) => item.key === key);
    return this.items.slice(at + 1).find((other) => other.excerptOf !== key);
  }

  /** A block of the report that no message came from, proposed by hand (a paragraph is context, a list item a takeaway). */
  addFromBlock(n: number): string | undefined {
    const block = this.blocks.find((b) => b.n === n);
    if (!block) return;
    const text = plain(block.runs);
    const before = this.items.findLastIndex((item) => Math.min(...item.blocks) < n);
    const heading = [...this.blocks].reverse().find((b) => b.n < n && b.type === 'heading');
    const item = this.#item({
      id: `added-${++this.#next}`,
      kind: block.type === 'item' ? 'takeaway' : 'context',
      text,
      highlights: [],
      topic: null,
      section: heading ? plain(heading.runs) : '',
      blocks: [n],
    });
    this.items.splice(before + 1, 0, item);
    return item.key;
  }

  /** Adds a person the draft did not find (named in a paragraph, or missing from the report's lists). */
  addPerson(name: string, role: string, place?: string): string {
    const key = new Ids(this.people.map((p) => p.key)).next(name, 'person');
    this.people.push({
      key,
      name: fold(name),
      role: fold(role),
      variants: [],
      topics: [],
      ...(place ? { place } : {}),
    });
    return key;
  }

  /** Adds a place by name and country (its coordinates typed, or its country's centre). */
  addPlace(name: string, countryCode: string, lat?: number, lon?: number): string {
    const key = new Ids(this.places.map((p) => p.key)).next(name, 'place');
    this.places.push({
      key,
      name: fold(name),
      countryCode,
      ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
    });
    return key;
  }

  /** The accepted messages as a consultation dataset (to be validated like any other). */
  dataset() {
    const keys = this.accepted.map((item) => item.key);
    return toDataset({
      meta: { ...this.meta, subtitle: this.meta.subtitle || undefined },
      topics: this.topics,
      sessions: this.sessions,
      people: plainCopy(this.people),
      places: plainCopy(this.places),
      messages: this.accepted.map((item) => ({
        ...plainCopy(item),
        ...(item.excerptOf && keys.includes(item.excerptOf) ? {} : { excerptOf: undefined }),
      })),
      themes: this.themes,
      centre: this.#countries.centre,
      countryName: this.#countries.name,
    });
  }
}

/**
 * Plain data out of the review's state (its proxies), for the dataset. JSON, not
 * `$state.snapshot`: the snapshot's runtime would load with the page's first script.
 */
function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The items of both lists, each once, in order. */
function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
