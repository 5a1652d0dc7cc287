/** Counts for the topic × theme matrix, next to the engine whose indexes they walk. */
import type { Bitset } from './bitset';
import { cellKey } from './clauses';
import type { DatasetIndex } from './indexes';

/**
 * Messages per topic × theme cell among `passing`, keyed by {@link cellKey}: one walk over the
 * passing messages, adding one to the cell of each of their themes; each passage once (an
 * excerpt and its whole message count once in a cell they share). `rowIds` are topic ids (or
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
  const { offsets, members } = themeMembers;
  const words = passing.words;
  // The passing messages' bits, word by word (a hot loop: no callback per message).
  for (let w = 0; w < words.length; w++) {
    let word = words[w]!;
    while (word !== 0) {
      const low = word & -word;
      const i = (w << 5) + (31 - Math.clz32(low));
      word ^= low;
      const row = rowOf[topics.members[topics.offsets[i]!]!]!;
      if (row < 0) continue;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        const column = columnOf[members[k]!]!;
        if (column >= 0) tally[row * width + column]!++;
      }
    }
  }
  // An excerpt and its whole message, both passing, count once in a cell they share.
  for (const [excerpt, whole] of index.excerpts) {
    if (!passing.has(excerpt) || !passing.has(whole)) continue;
    const row = rowOf[topics.members[topics.offsets[excerpt]!]!]!;
    if (row < 0 || row !== rowOf[topics.members[topics.offsets[whole]!]!]!) continue;
    const wholeThemes = new Set(
      Array.from(themeMembers.members.subarray(themeMembers.offsets[whole]!, themeMembers.offsets[whole + 1]!)),
    );
    for (let k = themeMembers.offsets[excerpt]!; k < themeMembers.offsets[excerpt + 1]!; k++) {
      const theme = themeMembers.members[k]!;
      const column = columnOf[theme]!;
      if (column >= 0 && wholeThemes.has(theme)) tally[row * width + column]!--;
    }
  }
  const counts = new Map<string, number>();
  rowIds.forEach((row, r) => themeIds.forEach((theme, c) => counts.set(cellKey(row, theme), tally[r * width + c]!)));
  return counts;
}
