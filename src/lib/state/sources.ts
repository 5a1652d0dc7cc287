/**
 * The filter sources: one per view that picks. A view's clause carries its source, and the
 * view is filtered by every clause but its own.
 */
export const SOURCES = {
  map: 'map',
  people: 'people',
  timeline: 'timeline',
  matrix: 'matrix',
  search: 'search',
  /** Message kinds: picked by presentation scenes (no view of its own). */
  kinds: 'kinds',
} as const;

export type Source = (typeof SOURCES)[keyof typeof SOURCES];

/** An entity a user can pick from anywhere (a chip on a message): it goes to the view that shows it. */
export type EntityKind = 'theme' | 'place' | 'person';
