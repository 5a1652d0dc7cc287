/**
 * Filter clauses: what one view has picked. The filter state is a list of clauses, one per
 * source (view); they are only ever built by the factories below.
 */

/** Which dimension a set clause picks from. */
export type SetField = 'topic' | 'session' | 'theme' | 'place' | 'region' | 'person' | 'kind' | 'message' | 'cell';

export interface SetClause {
  readonly source: string;
  readonly kind: 'set';
  readonly field: SetField;
  /** Ids picked; several are OR. For `cell`, keys built by {@link cellKey}. */
  readonly value: readonly string[];
}

export interface RangeClause {
  readonly source: string;
  readonly kind: 'range';
  readonly field: 'date';
  /** Inclusive ISO dates `YYYY-MM-DD`, from ≤ to. */
  readonly value: readonly [string, string];
}

export interface TextClause {
  readonly source: string;
  readonly kind: 'text';
  readonly value: string;
}

export type Clause = SetClause | RangeClause | TextClause;

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

export function setClause(source: string, field: SetField, ids: Iterable<string>): SetClause {
  return { source, kind: 'set', field, value: [...new Set(ids)] };
}

export function rangeClause(source: string, from: string, to: string): RangeClause {
  return { source, kind: 'range', field: 'date', value: from <= to ? [from, to] : [to, from] };
}

export function textClause(source: string, query: string): TextClause {
  return { source, kind: 'text', value: query.trim() };
}

/** A clause that picks nothing is no clause: the state drops it. */
export function isEmptyClause(clause: Clause): boolean {
  if (clause.kind === 'set') return clause.value.length === 0;
  if (clause.kind === 'text') return clause.value.length === 0;
  return false;
}
