/**
 * Filter clauses: what one view has picked. The filter state is a list of clauses, one per
 * source (view); they are only ever built by the factories below.
 */

/** Which dimension a set clause picks from. */
export type SetField = 'topic' | 'session' | 'theme' | 'place' | 'region' | 'person' | 'kind' | 'message' | 'cell';

/**
 * A clause's source is whatever the caller names views by: the engine compares sources and
 * nothing more; the dashboard's state narrows them to its own (`Clause<Source>`).
 */
export interface SetClause<S extends string = string> {
  readonly source: S;
  readonly kind: 'set';
  readonly field: SetField;
  /** Ids picked; several are OR. For `cell`, keys built by {@link cellKey}. */
  readonly value: readonly string[];
}

export interface RangeClause<S extends string = string> {
  readonly source: S;
  readonly kind: 'range';
  readonly field: 'date';
  /** Inclusive ISO dates `YYYY-MM-DD`, from ≤ to. */
  readonly value: readonly [string, string];
}

export interface TextClause<S extends string = string> {
  readonly source: S;
  readonly kind: 'text';
  readonly value: string;
}

export type Clause<S extends string = string> = SetClause<S> | RangeClause<S> | TextClause<S>;

/** The topic of the messages that span topics (`topicId: null`): not a valid id, so it never collides. */
export const NO_TOPIC = '~none';
/** Stands for "any" in one half of a cell key. */
export const ANY = '*';

/** A topic × theme cell of a matrix; `ANY` on one side picks a whole row or column. */
export function cellKey(topicId: string, themeId: string): string {
  return `${topicId}|${themeId}`;
}

export function parseCellKey(key: string): [topicId: string, themeId: string] {
  const bar = key.indexOf('|');
  return bar < 0 ? [key, ANY] : [key.slice(0, bar), key.slice(bar + 1)];
}

export function setClause<S extends string>(source: S, field: SetField, ids: Iterable<string>): SetClause<S> {
  return { source, kind: 'set', field, value: [...new Set(ids)] };
}

export function rangeClause<S extends string>(source: S, from: string, to: string): RangeClause<S> {
  return { source, kind: 'range', field: 'date', value: from <= to ? [from, to] : [to, from] };
}

export function textClause<S extends string>(source: S, query: string): TextClause<S> {
  return { source, kind: 'text', value: query.trim() };
}

/** A clause that picks nothing is no clause: the state drops it. */
export function isEmptyClause(clause: Clause): boolean {
  if (clause.kind === 'set') return clause.value.length === 0;
  if (clause.kind === 'text') return clause.value.length === 0;
  return false;
}
