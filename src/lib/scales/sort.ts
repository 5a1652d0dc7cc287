/** Sorting for table twins: a column, a direction, and a stable, locale-aware comparison. */
import { compareText } from '../i18n/format';

export type SortDirection = 'ascending' | 'descending';

export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

export function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

/** Sorts rows by a column; ties keep their order. */
export function sortRows<R, K extends string>(
  rows: readonly R[],
  sort: SortState<K>,
  value: (row: R, key: K) => string | number,
): R[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => sign * compareValues(value(a.row, sort.key), value(b.row, sort.key)) || a.i - b.i)
    .map(({ row }) => row);
}

/** A click on a column header: the same column flips direction, another starts ascending (numbers descending). */
export function nextSort<K extends string>(current: SortState<K>, key: K, numeric = false): SortState<K> {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: numeric ? 'descending' : 'ascending' };
}
