/** Counts for the topic × theme matrix, next to the engine whose indexes they walk. */
import type { Bitset } from './bitset';
import { cellKey } from './clauses';
import type { DatasetIndex } from './indexes';

/**
 * Messages per topic × theme cell among `passing`, keyed by {@link cellKey}: one walk over the
 * passing messages, adding one to the cell of each of their themes. `rowIds` are topic ids (or
 * NO_TOPIC for the messages that span topics), `themeIds` the columns.
 */
export function cellCounts(
  index: DatasetIndex,
  rowIds: readonly string[],
  themeIds: readonly string[],
  passing: Bitset,
): Map<string, number> {
  const topics = index.members.topic;
  const themeMembers = index.members.theme;
  const rowOf = topics.ids.map((id) => rowIds.indexOf(id));
  const columnOf = themeMembers.ids.map((id) => themeIds.indexOf(id));
  const width = themeIds.length;
  const tally = new Uint32Array(rowIds.length * width);
  passing.forEach((i) => {
    const row = rowOf[topics.members[topics.offsets[i]!]!]!;
    if (row < 0) return;
    for (let k = themeMembers.offsets[i]!; k < themeMembers.offsets[i + 1]!; k++) {
      const column = columnOf[themeMembers.members[k]!]!;
      if (column >= 0) tally[row * width + column]!++;
    }
  });
  const counts = new Map<string, number>();
  rowIds.forEach((row, r) => themeIds.forEach((theme, c) => counts.set(cellKey(row, theme), tally[r * width + c]!)));
  return counts;
}
