/**
 * The dashboard state: the loaded dataset and the filter clauses, one per source (view).
 * Views read derived values and call the named actions; nothing else writes the clauses.
 */
import { SegmentCache } from '../filters/segments';
import { createContext } from 'svelte';
import type { Lookup } from '../data/lookup';
import { nextTask } from '../filters/next-task';
import { IN_PARTS, indexOf, lookupOf } from './prepare';
import { placesInRegions, sessionsSpokenIn } from '../data/participation';
/** World regions (UN M49, from CLDR): loaded when a view, a link or a scene first needs them. */
export type Regions = typeof import('../data/regions');
import { SOURCES, type EntityKind, type Source } from './sources';
import type { Dataset, Message } from '../data/schema';
import {
  ANY,
  cellCounts,
  withRegions,
  cellKey,
  countBy,
  isEmptyClause,
  repeatsIn,
  resolve,
  setClause,
  spokenMessages,
  framingOf,
  withSearcher,
  type Bitset,
  type Clause,
  type DatasetIndex,
  type IndexedField,
  type Searcher,
  type SearchHits,
  type SetField,
} from '../filters';

export interface ToggleOptions {
  /** Shift/Ctrl/Cmd-click: add to (or remove from) the view's picks instead of replacing them. */
  additive?: boolean;
}

/** What presentation mode has on stage: the dashboard view it shows (if any) and the scene's number. */
export interface Stage {
  view: 'map' | 'timeline' | 'themes' | null;
  scene: number;
  /** The places of the messages on stage at this step: the map names them first. */
  places: readonly string[];
}

/** The dashboard's four views, by the class of their region. */
export type RegionName = 'map' | 'timeline' | 'themes' | 'messages';

export class DashboardState {
  #dataset = $state.raw<Dataset>() as Dataset;
  #clauses = $state.raw<readonly Clause<Source>[]>([]);
  #openMessage = $state<string | null>(null);
  #expanded = $state<RegionName | null>(null);
  /** Each message text's runs (bold phrases, search marks), remembered for this dashboard only. */
  readonly segments = new SegmentCache();
  #stage = $state.raw<Stage | null>(null);

  #regions = $state.raw<Regions | null>(null);
  #loadingRegions: Promise<Regions> | null = null;
  #searcher = $state.raw<Searcher | null>(null);
  #loadingSearch: Promise<void> | null = null;
  readonly #base: DatasetIndex = $derived(indexOf(this.#dataset));
  /**
   * The filter index; with world regions once they are loaded (`loadRegions`), and with the
   * searcher once it is loaded (`loadSearch`).
   */
  readonly index: DatasetIndex = $derived.by(() => {
    const index = this.#regions ? withRegions(this.#base, this.#regions.regionCodes) : this.#base;
    return this.#searcher ? withSearcher(index, this.#searcher) : index;
  });
  readonly lookup: Lookup = $derived(lookupOf(this.#dataset));
  /** Messages that pass every clause. */
  readonly filtered: Bitset = $derived(resolve(this.index, this.#clauses));
  readonly count: number = $derived(this.filtered.count());
  /** Of those, the messages that repeat another's words (counted once with it on the map, timeline and matrix). */
  readonly repeats: number = $derived(repeatsIn(this.index, this.filtered));

  constructor(dataset: Dataset) {
    this.#dataset = dataset;
  }

  get dataset(): Dataset {
    return this.#dataset;
  }

  /** The world regions, once loaded. */
  get regions(): Regions | null {
    return this.#regions;
  }

  loadRegions(): Promise<Regions> {
    this.#loadingRegions ??= import('../data/regions').then((module) => (this.#regions = module));
    return this.#loadingRegions;
  }

  /**
   * Search through a library (MiniSearch): loaded when the search box is first used, or when
   * the filters come to hold a search (a link, a scene). Until then a search matches folded
   * substrings of the text, title and speakers. A failed load leaves that, and is tried again.
   */
  loadSearch(): Promise<void> {
    this.#loadingSearch ??= import('../filters/search')
      .then(({ buildSearcherInParts }) => buildSearcherInParts(this.#dataset))
      .then(
        async (searcher) => {
          // A big consultation's search on screen is answered by the library in a task of its
          // own (it remembers the answer) before the library takes over, so taking over only
          // redraws the views: at 100,000 messages a common word's query alone takes 100–180 ms.
          const clause = this.clauseOf(SOURCES.search);
          if (clause?.kind === 'text' && this.#dataset.messages.length >= IN_PARTS) {
            await nextTask();
            searcher.search(clause.value);
            await nextTask();
          }
          this.#searcher = searcher;
        },
        () => {
          this.#loadingSearch = null;
        },
      );
    return this.#loadingSearch;
  }

  /** The search's hits (ranking, the words to mark, why a message matched), once the searcher has loaded. */
  readonly searchHits: SearchHits | null = $derived.by(() => {
    const clause = this.clauseOf(SOURCES.search);
    return clause?.kind === 'text' && this.index.searcher ? this.index.searcher.search(clause.value) : null;
  });

  #loadSearchFor(clauses: readonly Clause<Source>[]): void {
    if (clauses.some((c) => c.kind === 'text')) void this.loadSearch();
  }

  /** In presentation mode, the view on stage and the scene's number (so a view can frame itself anew). */
  get stage(): Stage | null {
    return this.#stage;
  }

  setStage(stage: Stage | null): void {
    this.#stage = stage;
  }

  get clauses(): readonly Clause<Source>[] {
    return this.#clauses;
  }

  get total(): number {
    return this.index.size;
  }

  /** The places of the picked world regions (once the regions have loaded). */
  readonly regionPlaces: ReadonlySet<string> = $derived(
    placesInRegions(this.#dataset.places, this.picked(SOURCES.regions, 'region'), this.#regions?.regionCodes),
  );

  /**
   * The sessions where the people of the picked places (and regions), and the picked people,
   * spoke: a view marks them (never strikes them out), whatever their messages under the filters.
   */
  readonly spoken: ReadonlySet<string> = $derived(
    sessionsSpokenIn(
      [...this.picked(SOURCES.map, 'place'), ...this.regionPlaces],
      this.picked(SOURCES.people, 'person'),
      this.#dataset,
      this.lookup,
    ),
  );

  /**
   * What was said where the picked places' (and regions') people, or the picked people, spoke:
   * the messages of those sessions that pass every other filter but that the picks leave out
   * (the report ties its takeaways to a session, not to who spoke in it). Listed apart, under a
   * heading that says so: a city whose people spoke never leaves the list empty.
   */
  readonly spokenPassing: readonly Message[] = $derived(
    this.spoken.size ? spokenMessages(this.index, this.#clauses, PICKS, this.spoken, this.filtered) : [],
  );

  /** A memo, per index (regions make a new one) and field: never rendered from, so not reactive. */
  #totals = new WeakMap<DatasetIndex, Partial<Record<IndexedField, ReadonlyMap<string, number>>>>();

  /** Each id's messages before any filter: a marker's size range, a view's "of N". */
  totals(field: IndexedField): ReadonlyMap<string, number> {
    const index = this.index;
    const memo = this.#totals.get(index) ?? {};
    this.#totals.set(index, memo);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built once and only read
    memo[field] ??= new Map([...index.sets[field]].map(([id, set]) => [id, set.count()]));
    return memo[field];
  }

  /** The messages tied to an id of a field that pass every filter, in dataset order. */
  passingOf(field: IndexedField, id: string): Message[] {
    const set = this.index.sets[field].get(id);
    const filtered = this.filtered;
    const out: Message[] = [];
    // A set is dense or sparse: walking its members works for both, in dataset order.
    set?.forEach((i) => {
      if (filtered.has(i)) out.push(this.index.messages[i]!);
    });
    return out;
  }

  /** The messages that pass every clause, in dataset order. */
  readonly passing: readonly Message[] = $derived(Array.from(this.filtered, (i) => this.index.messages[i]!));

  /** Per-id counts of a field among the messages that pass every clause (the header's breakdown). */
  passingCounts(field: IndexedField): Map<string, number> {
    return countBy(this.index, field, this.filtered);
  }

  /** A topic × theme matrix's counts for a view, under every clause but the view's own. */
  cellCountsFor(source: Source, rowIds: readonly string[], themeIds: readonly string[]): Map<string, number> {
    return cellCounts(this.index, rowIds, themeIds, this.filteredFor(source));
  }

  /** The report's framing passages (context, and quotes of a declaration): the matrix may leave them out. */
  readonly framing: Bitset = $derived(framingOf(this.index));

  /** A topic × theme matrix's counts and its themes' and rows' totals over the given messages. */
  matrixCountsIn(
    passing: Bitset,
    rowIds: readonly string[],
    themeIds: readonly string[],
  ): { cells: Map<string, number>; themes: Map<string, number>; rows: Map<string, number> } {
    return {
      cells: cellCounts(this.index, rowIds, themeIds, passing),
      themes: countBy(this.index, 'theme', passing),
      rows: countBy(this.index, 'topic', passing),
    };
  }

  /**
   * Messages that pass every clause but the source's own (the crossfilter rule); a view with
   * more than one source of picks (the map: its places and its world regions) names them all.
   */
  filteredFor(source: Source | readonly Source[]): Bitset {
    if (typeof source === 'string') return resolve(this.index, this.#clauses, source);
    return resolve(
      this.index,
      this.#clauses.filter((c) => !(source as readonly string[]).includes(c.source)),
    );
  }

  /** Per-id counts of a field for a view, under every clause but the view's own. */
  countsFor(source: Source | readonly Source[], field: IndexedField): Map<string, number> {
    return countBy(this.index, field, this.filteredFor(source));
  }

  clauseOf(source: Source): Clause<Source> | undefined {
    return this.#clauses.find((c) => c.source === source);
  }

  /** The ids a source has picked in a field (empty when it picked nothing there). */
  picked(source: Source, field: SetField): readonly string[] {
    const clause = this.clauseOf(source);
    return clause?.kind === 'set' && clause.field === field ? clause.value : [];
  }

  /** Replaces the clause of `clause.source`; an empty clause removes it. */
  select(clause: Clause<Source>): void {
    const others = this.#clauses.filter((c) => c.source !== clause.source);
    this.#clauses = isEmptyClause(clause) ? others : [...others, clause];
    this.#loadSearchFor(this.#clauses);
  }

  /**
   * A click on an item: picks it alone; a second click on the only pick clears it; with
   * `additive`, adds it to the picks or removes it from them.
   */
  toggle(source: Source, field: SetField, id: string, { additive = false }: ToggleOptions = {}): void {
    const current = this.picked(source, field);
    const has = current.includes(id);
    let next: string[];
    if (additive) next = has ? current.filter((x) => x !== id) : [...current, id];
    else next = has && current.length === 1 ? [] : [id];
    this.select(setClause(source, field, next));
  }

  /** Adds an id to a source's picks in a field, keeping the others. */
  add(source: Source, field: SetField, id: string): void {
    const current = this.picked(source, field);
    if (!current.includes(id)) this.select(setClause(source, field, [...current, id]));
  }

  clear(source: Source): void {
    if (this.clauseOf(source)) this.#clauses = this.#clauses.filter((c) => c.source !== source);
  }

  reset(): void {
    this.#clauses = [];
  }

  /** Picks a place, person or theme the way its own view would (a chip on a message). */
  pickEntity(kind: EntityKind, id: string, options: ToggleOptions = {}): void {
    const { source, field, key } = entityPick(kind, id);
    this.toggle(source, field, key, options);
  }

  isEntityPicked(kind: EntityKind, id: string): boolean {
    const { source, field, key } = entityPick(kind, id);
    return this.picked(source, field).includes(key);
  }

  /** The message shown on its own (the detail dialog), if any. */
  get openMessage(): string | null {
    return this.#openMessage;
  }

  open(messageId: string | null): void {
    this.#openMessage = messageId;
  }

  /** The view that fills the dashboard, if one does (its Expand button, or the key `e`). */
  get expanded(): RegionName | null {
    return this.#expanded;
  }

  /** Expands a view, or gives back every view when it is the one expanded. */
  toggleExpanded(name: RegionName): void {
    this.#expanded = this.#expanded === name ? null : name;
  }

  /** Replaces every clause at once (a restored URL, a presentation scene). */
  restore(clauses: readonly Clause<Source>[]): void {
    this.#clauses = clauses.filter((c) => !isEmptyClause(c));
    this.#loadSearchFor(this.#clauses);
  }
}

/** The picks of who took part: places, world regions, people. What was said where they spoke is listed apart. */
const PICKS: readonly Source[] = [SOURCES.map, SOURCES.regions, SOURCES.people];

/** Where a pick of an entity (from a chip on a message) goes: the view that shows that entity. */
function entityPick(kind: EntityKind, id: string): { source: Source; field: SetField; key: string } {
  if (kind === 'place') return { source: SOURCES.map, field: 'place', key: id };
  if (kind === 'person') return { source: SOURCES.people, field: 'person', key: id };
  return { source: SOURCES.matrix, field: 'cell', key: cellKey(ANY, id) };
}

const [getDashboard, setDashboard] = createContext<DashboardState>();
export { getDashboard, setDashboard };
