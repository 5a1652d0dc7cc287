/**
 * Where the user is, in words, for the browser's tab and the page's live region: presenting a
 * scene, a message open, or the filters and what they leave. Loaded with the first change: a
 * first look at the dashboard needs only the consultation's title.
 */
import type { Lookup } from '../data/lookup';
import type { Clause } from '../filters';
import { m } from '../i18n/later.svelte';
import { filtersInWords } from './describe';

export interface PageState {
  /** The consultation's title, and the product's name (in the interface's language). */
  consultation: string;
  product: string;
  clauses: readonly Clause[];
  lookup: Lookup;
  regionName?: (code: string) => string;
  /** What the filters leave, said ("8 of 52 messages"). */
  count: string;
  /** What was said where a picked place's people spoke, listed apart ("And 10 messages said where they spoke, listed apart."). */
  spoken?: string;
  presenting?: { title: string; n: number; total: number };
  /** The open message's label. */
  message?: string;
}

/** "Place: Montreal: 8 of 52 messages — GFMD Puebla Process Consultation — Consultation Atlas". */
export function pageTitle(state: PageState): string {
  const { presenting, message, clauses } = state;
  const where = presenting
    ? m.page_title_presenting(presenting)
    : message
      ? message
      : clauses.length
        ? m.page_title_filtered({
            filters: filtersInWords(clauses, state.lookup, state.regionName),
            count: state.count,
          })
        : null;
  return [where, state.consultation, state.product].filter(Boolean).join(' — ');
}

/** What a change of the filters says aloud: what is picked, then what is left ("Place: Montreal. 8 of 52 messages"). */
export function filtersSaid(state: PageState): string {
  const said = state.clauses.length
    ? m.filters_said({ filters: filtersInWords(state.clauses, state.lookup, state.regionName), count: state.count })
    : state.count;
  return state.spoken ? `${said}. ${state.spoken}` : said;
}
