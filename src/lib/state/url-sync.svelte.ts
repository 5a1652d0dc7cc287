/* eslint-disable svelte/prefer-svelte-reactivity -- the address is only read and written here, never rendered from: plain URLSearchParams are right. */
/**
 * Keeps the dashboard's filters and the page's address in step: the address is read once at
 * start and on back/forward; every change of filters is written back (a new history entry,
 * except while a search is being typed, which replaces its own entry).
 */
import type { DashboardState } from './dashboard.svelte';
import { clausesToParams, paramsToClauses } from './url';

export class UrlSync {
  /** What the address held that could not be used, in words; shown until dismissed. */
  dropped = $state<string[]>([]);
  readonly #dashboard: DashboardState;

  constructor(dashboard: DashboardState) {
    this.#dashboard = dashboard;
    this.#read();
    $effect(() => this.#write(clausesToParams(dashboard.clauses, new URLSearchParams(location.search))));
    $effect(() => {
      const onpopstate = () => this.#read();
      window.addEventListener('popstate', onpopstate);
      return () => window.removeEventListener('popstate', onpopstate);
    });
  }

  dismiss(): void {
    this.dropped = [];
  }

  #read(): void {
    const parsed = paramsToClauses(new URLSearchParams(location.search), this.#dashboard.lookup);
    this.#dashboard.restore(parsed.clauses);
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
