/**
 * Keeps the dashboard's filters, and the message open on its own, in step with the page's
 * address (through the one view contract, view.ts: every other part of the address stays as
 * it is). The address is read once at start and on back/forward; every change is written back
 * (a new history entry, so Back closes a message that was opened, except while a search is being
 * typed, which replaces its own entry, and while presenting: a presentation is one entry, so Back
 * never walks through its scenes' filters). The write waits for the next task:
 * `history.pushState` costs a few milliseconds, and a click's views are redrawn first.
 */
import { untrack } from 'svelte';
import { isLocale } from '../i18n/i18n.svelte';
import type { DatasetSource } from '../data/sources';
import type { DashboardState } from './dashboard.svelte';
import { clausesToFilters, filtersToClauses, otherDropped, type Dropped } from './url';
import { currentView, writeView, type FilterParams, type View } from './view';

/**
 * What an address held that is not shown, in words: values this consultation does not have (left
 * out of the filters), and parameters the app does not use (kept in the address as they are).
 */
export interface LinkNotice {
  readonly leftOut: readonly Dropped[];
  readonly unused: readonly Dropped[];
}

export const NO_NOTICE: LinkNotice = { leftOut: [], unused: [] };

/** A value as a notice shows it: whole when short, else its start (a 10,000-character one never fills the page). */
export function shownValue(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** What the sync asks of the page's library of consultations. */
export interface SyncLibrary {
  /** The consultation on screen (when the sync starts: the one its dashboard shows). */
  readonly current: DatasetSource | undefined;
  /** Does the address (`view`, read from it) name this consultation? */
  addressNames(source: DatasetSource | undefined, view?: View): boolean;
  /** A bundled consultation the address names that the app does not have. */
  readonly unknownId: string | null;
}

export class UrlSync {
  /** What the address held that could not be used; shown until dismissed. */
  notice = $state.raw<LinkNotice>(NO_NOTICE);
  readonly #dashboard: DashboardState;
  #pending: ReturnType<typeof setTimeout> | undefined;
  /** The address is being read (its world regions are loading): nothing is written over it meanwhile. */
  #reading = false;
  /** Back is on its way (a presentation gave its entry back): nothing is written until it arrives. */
  #held = false;

  readonly #library: SyncLibrary | undefined;
  /** The consultation this dashboard shows: an address that names another is never read or written here. */
  readonly #own: DatasetSource | undefined;

  /** `library`: the consultation the address names, when the page opens more than one. */
  constructor(dashboard: DashboardState, library?: SyncLibrary) {
    this.#dashboard = dashboard;
    this.#library = library;
    this.#own = library?.current;
    this.#read();
    $effect(() => {
      void dashboard.clauses;
      void dashboard.openMessage;
      this.#pending ??= setTimeout(() => this.flush());
    });
    $effect(() => {
      const onpopstate = () => {
        // Back/forward wins over a write not yet made.
        clearTimeout(this.#pending);
        this.#pending = undefined;
        this.#held = false;
        // An address of another consultation: that one opens, and its dashboard reads the address.
        if (!this.#namesOwn()) return;
        this.#read();
      };
      window.addEventListener('popstate', onpopstate);
      return () => {
        window.removeEventListener('popstate', onpopstate);
        if (this.#pending !== undefined) this.flush();
      };
    });
  }

  dismiss(): void {
    this.notice = NO_NOTICE;
  }

  /** Writes nothing until the next Back or Forward arrives (the page has asked for one). */
  hold(): void {
    clearTimeout(this.#pending);
    this.#pending = undefined;
    this.#held = true;
  }

  /** Writes the current filters and open message to the address now (nothing when it already holds them). */
  flush(): void {
    clearTimeout(this.#pending);
    this.#pending = undefined;
    // The address has gone on to another consultation (Back or Forward, before this dashboard
    // was put away): its filters are that one's to write, never this one's.
    if (this.#reading || this.#held) return;
    const now = currentView();
    if (!this.#namesOwn(now)) return;
    // Read, not tracked: a caller's effect (the presentation's address) must not follow the filters.
    const [clauses, message] = untrack(() => [this.#dashboard.clauses, this.#dashboard.openMessage] as const);
    const filters = clausesToFilters(clauses);
    // Typing a search changes only `q`: one history entry for the whole word, not one per key.
    const typing = now.filters.q !== undefined && filters.q !== undefined && sameExceptSearch(now.filters, filters);
    writeView({ filters, message }, typing || now.presenting ? 'replace' : 'push');
  }

  #namesOwn(view: View = currentView()): boolean {
    return !this.#library || this.#library.addressNames(this.#own, view);
  }

  #read(): void {
    const view = currentView();
    if (!this.#namesOwn(view)) return;
    const dashboard = this.#dashboard;
    const parsed = filtersToClauses(view.filters, dashboard.lookup, dashboard.regions?.regionCodes);
    // A link with a world region: read once the regions have loaded (a few milliseconds), so
    // the address is never rewritten without it in between.
    if (parsed.needsRegions) {
      this.#reading = true;
      void dashboard.loadRegions().then(() => {
        this.#reading = false;
        this.#read();
      });
      return;
    }
    dashboard.restore(parsed.clauses);
    const message = view.message !== null && dashboard.lookup.messages.has(view.message) ? view.message : null;
    dashboard.open(message);
    const short = (d: Dropped): Dropped => ({ ...d, what: shownValue(d.what) });
    this.notice = {
      leftOut: [
        ...(this.#library?.unknownId
          ? [{ what: `consultation "${this.#library.unknownId}"`, why: 'elsewhere' as const }]
          : []),
        ...parsed.dropped,
        ...(view.message !== null && message === null
          ? [{ what: `message "${view.message}"`, why: 'unknown' as const }]
          : []),
      ].map(short),
      unused: [
        ...(view.lang !== null && !isLocale(view.lang) ? [{ what: `lang=${view.lang}`, why: 'unused' as const }] : []),
        ...view.other.map(([key, value]) => otherDropped(key, value, view)),
      ].map(short),
    };
  }
}

function sameExceptSearch(a: FilterParams, b: FilterParams): boolean {
  const strip = ({ q: _q, ...rest }: FilterParams) => JSON.stringify(Object.entries(rest).sort());
  return strip(a) === strip(b);
}
