/* eslint-disable svelte/prefer-svelte-reactivity -- the address is only read and written here, never rendered from: plain URLSearchParams are right. */
/**
 * Keeps the dashboard's filters, and the message open on its own, in step with the page's
 * address: the address is read once at start and on back/forward; every change is written back
 * (a new history entry, so Back closes a message that was opened, except while a search is being
 * typed, which replaces its own entry). The write waits for the
 * next task: `history.pushState` costs a few milliseconds, and a click's views are redrawn first.
 */
import { untrack } from 'svelte';
import type { DashboardState } from './dashboard.svelte';
import { clausesToParams, paramsToClauses } from './url';

export class UrlSync {
  /** What the address held that could not be used, in words; shown until dismissed. */
  dropped = $state<string[]>([]);
  readonly #dashboard: DashboardState;
  #pending: ReturnType<typeof setTimeout> | undefined;
  /** The address is being read (its world regions are loading): nothing is written over it meanwhile. */
  #reading = false;

  constructor(dashboard: DashboardState) {
    this.#dashboard = dashboard;
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
    this.dropped = [];
  }

  /** Writes the current filters and open message to the address now (nothing when it already holds them). */
  flush(): void {
    clearTimeout(this.#pending);
    this.#pending = undefined;
    if (this.#reading) return;
    // Read, not tracked: a caller's effect (the presentation's address) must not follow the filters.
    const [clauses, message] = untrack(() => [this.#dashboard.clauses, this.#dashboard.openMessage] as const);
    this.#write(clausesToParams(clauses, new URLSearchParams(location.search), message));
  }

  #read(): void {
    const dashboard = this.#dashboard;
    const parsed = paramsToClauses(
      new URLSearchParams(location.search),
      dashboard.lookup,
      dashboard.regions?.regionCodes,
    );
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
    dashboard.open(parsed.message ?? null);
    this.dropped = parsed.dropped;
  }

  #write(params: URLSearchParams): void {
    const next = params.toString();
    const current = new URLSearchParams(location.search);
    if (next === current.toString()) return;
    const url = `${location.pathname}${next ? `?${next}` : ''}${location.hash}`;
    // Typing a search changes only `q`: one history entry for the whole word, not one per key.
    const typing = current.get('q') && params.get('q') && sameExcept(current, params, 'q');
    if (typing) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
  }
}

function sameExcept(a: URLSearchParams, b: URLSearchParams, key: string): boolean {
  const strip = (p: URLSearchParams) => {
    const copy = new URLSearchParams(p);
    copy.delete(key);
    copy.sort();
    return copy.toString();
  };
  return strip(a) === strip(b);
}
