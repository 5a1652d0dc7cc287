/**
 * The filter sources: one per view that picks. A view's clause carries its source, and the
 * view is filtered by every clause but its own.
 */
declare const brand: unique symbol;
/**
 * A filter source. Branded: only the constants below are sources, so a view that writes
 * `'map'` by hand instead of `SOURCES.map` does not compile.
 */
export type Source = string & { readonly [brand]: 'Source' };

const source = (name: string) => name as Source;

export const SOURCES = {
  map: source('map'),
  people: source('people'),
  timeline: source('timeline'),
  matrix: source('matrix'),
  search: source('search'),
  /** Message kinds: picked by presentation scenes (no view of its own). */
  kinds: source('kinds'),
  /** World regions: the map's region picker. */
  regions: source('regions'),
} as const;

/** A source named in the page (a region's `data-source`), if it is one. */
export function sourceNamed(name: string | null | undefined): Source | undefined {
  return Object.values(SOURCES).find((s) => s === name);
}

/** An entity a user can pick from anywhere (a chip on a message): it goes to the view that shows it. */
export type EntityKind = 'theme' | 'place' | 'person';
