/**
 * The dashboard state: the loaded dataset and the filter clauses, one per source (view).
 * Views read derived values and call the named actions; nothing else writes the clauses.
 */
import { createContext } from 'svelte';
import { buildLookup, type Lookup } from '../data/lookup';
import { SOURCES, type EntityKind } from './sources';
import type { Dataset } from '../data/schema';
import {
  ANY,
  buildIndex,
  cellKey,
  countBy,
  isEmptyClause,
  resolve,
  setClause,
  type Bitset,
  type Clause,
  type DatasetIndex,
  type IndexedField,
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

export class DashboardState {
  #dataset = $state.raw<Dataset>() as Dataset;
  #clauses = $state.raw<readonly Clause[]>([]);
  #openMessage = $state<string | null>(null);
  #stage = $state.raw<Stage | null>(null);

  readonly index: DatasetIndex = $derived(buildIndex(this.#dataset));
  readonly lookup: Lookup = $derived(buildLookup(this.#dataset));
  /** Messages that pass every clause. */
  readonly filtered: Bitset = $derived(resolve(this.index, this.#clauses));
  readonly count: number = $derived(this.filtered.count());

  constructor(dataset: Dataset) {
    this.#dataset = dataset;
  }

  get dataset(): Dataset {
    return this.#dataset;
  }

  /** In presentation mode, the view on stage and the scene's number (so a view can frame itself anew). */
  get stage(): Stage | null {
    return this.#stage;
  }

  setStage(stage: Stage | null): void {
    this.#stage = stage;
  }

  get clauses(): readonly Clause[] {
    return this.#clauses;
  }

  get total(): number {
    return this.index.size;
  }

  /** Messages that pass every clause but the source's own (the crossfilter rule). */
  filteredFor(source: string): Bitset {
    return resolve(this.index, this.#clauses, source);
  }

  /** Per-id counts of a field for a view, under every clause but the view's own. */
  countsFor(source: string, field: IndexedField): Map<string, number> {
    return countBy(this.index, field, this.filteredFor(source));
  }

  clauseOf(source: string): Clause | undefined {
    return this.#clauses.find((c) => c.source === source);
  }

  /** The ids a source has picked in a field (empty when it picked nothing there). */
  picked(source: string, field: SetField): readonly string[] {
    const clause = this.clauseOf(source);
    return clause?.kind === 'set' && clause.field === field ? clause.value : [];
  }

  /** Replaces the clause of `clause.source`; an empty clause removes it. */
  select(clause: Clause): void {
    const others = this.#clauses.filter((c) => c.source !== clause.source);
    this.#clauses = isEmptyClause(clause) ? others : [...others, clause];
  }

  /**
   * A click on an item: picks it alone; a second click on the only pick clears it; with
   * `additive`, adds it to the picks or removes it from them.
   */
  toggle(source: string, field: SetField, id: string, { additive = false }: ToggleOptions = {}): void {
    const current = this.picked(source, field);
    const has = current.includes(id);
    let next: string[];
    if (additive) next = has ? current.filter((x) => x !== id) : [...current, id];
    else next = has && current.length === 1 ? [] : [id];
    this.select(setClause(source, field, next));
  }

  /** Adds an id to a source's picks in a field, keeping the others. */
  add(source: string, field: SetField, id: string): void {
    const current = this.picked(source, field);
    if (!current.includes(id)) this.select(setClause(source, field, [...current, id]));
  }

  clear(source: string): void {
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

  /** Replaces every clause at once (a restored URL, a presentation scene). */
  restore(clauses: readonly Clause[]): void {
    this.#clauses = clauses.filter((c) => !isEmptyClause(c));
  }
}

/** Where a pick of an entity (from a chip on a message) goes: the view that shows that entity. */
function entityPick(kind: EntityKind, id: string): { source: string; field: SetField; key: string } {
  if (kind === 'place') return { source: SOURCES.map, field: 'place', key: id };
  if (kind === 'person') return { source: SOURCES.people, field: 'person', key: id };
  return { source: SOURCES.matrix, field: 'cell', key: cellKey(ANY, id) };
}

const [getDashboard, setDashboard] = createContext<DashboardState>();
export { getDashboard, setDashboard };
