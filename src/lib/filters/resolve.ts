/**
 * The cross-filter: which messages pass a list of clauses. Clauses are AND; the values within
 * one clause are OR. `resolve(index, clauses, source)` leaves out that source's own clause
 * (the crossfilter rule), so a view still shows what it picked.
 */
import { Bitset } from './bitset';
import { ANY, parseCellKey, type Clause } from './clauses';
import type { DatasetIndex, IndexedField } from './indexes';
import { matchesTerms, queryTerms } from './text';

const textCache = new WeakMap<DatasetIndex, Map<string, Bitset>>();

/** A search: the searcher's hits once it has loaded (it keeps its own memo), else folded substrings. */
function textMatches(index: DatasetIndex, query: string): Bitset {
  if (index.searcher) return index.searcher.search(query).passing;
  let cache = textCache.get(index);
  if (!cache) textCache.set(index, (cache = new Map()));
  const hit = cache.get(query);
  if (hit) return hit;
  const terms = queryTerms(query);
  const set = new Bitset(index.size);
  index.haystacks().forEach((haystack, i) => {
    if (matchesTerms(haystack, terms)) set.add(i);
  });
  if (cache.size > 32) cache.clear();
  cache.set(query, set);
  return set;
}

function unionOf(index: DatasetIndex, field: IndexedField | 'message', ids: Iterable<string>): Bitset {
  const out = new Bitset(index.size);
  if (field === 'message') {
    for (const id of ids) {
      const at = index.position.get(id);
      if (at !== undefined) out.add(at);
    }
    return out;
  }
  const sets = index.sets[field];
  for (const id of ids) {
    const set = sets.get(id);
    if (set) out.orWith(set);
  }
  return out;
}

function cellSet(index: DatasetIndex, key: string): Bitset {
  const [topicId, themeId] = parseCellKey(key);
  const topic = topicId === ANY ? index.all : index.sets.topic.get(topicId);
  const theme = themeId === ANY ? index.all : index.sets.theme.get(themeId);
  if (!topic || !theme) return new Bitset(index.size);
  if (topic === index.all) return theme.toBitset();
  return topic.toBitset().andWith(theme);
}

/**
 * The topic × theme matrix's picks: rows (`topic|*`), columns (`*|theme`) and cells. Rows and
 * columns both picked intersect (a topic AND a theme); several rows, or several columns, add
 * up (OR); a cell is its row AND its column, and cells add to the rest (OR).
 */
function matrixMatches(index: DatasetIndex, keys: readonly string[]): Bitset {
  const rows = new Bitset(index.size);
  const columns = new Bitset(index.size);
  const cells = new Bitset(index.size);
  let hasRows = false;
  let hasColumns = false;
  for (const key of keys) {
    const [topicId, themeId] = parseCellKey(key);
    if (themeId === ANY && topicId !== ANY) {
      rows.orWith(cellSet(index, key));
      hasRows = true;
    } else if (topicId === ANY && themeId !== ANY) {
      columns.orWith(cellSet(index, key));
      hasColumns = true;
    } else cells.orWith(cellSet(index, key));
  }
  const axes = hasRows && hasColumns ? rows.andWith(columns) : rows.orWith(columns);
  return axes.orWith(cells);
}

/** The messages one clause lets through. */
export function clauseMatches(index: DatasetIndex, clause: Clause): Bitset {
  switch (clause.kind) {
    case 'set':
      if (clause.field === 'cell') return matrixMatches(index, clause.value);
      return unionOf(index, clause.field, clause.value);
    case 'range': {
      const [from, to] = clause.value;
      const inside = index.sessionDates.filter((s) => s.date >= from && s.date <= to).map((s) => s.id);
      return unionOf(index, 'session', inside);
    }
    case 'text':
      return textMatches(index, clause.value);
  }
}

export function resolve(index: DatasetIndex, clauses: readonly Clause[], exceptSource?: string): Bitset {
  const out = index.all.clone();
  for (const clause of clauses) {
    if (clause.source === exceptSource) continue;
    out.andWith(clauseMatches(index, clause));
  }
  return out;
}

/**
 * How many of `passing` each id of a field covers, each passage once: an excerpt (a practice
 * quoted inside a takeaway) and its whole message, both passing, count once for an id both
 * belong to. Whichever is less work: walk the passing messages and add one to each of their
 * ids, or intersect each id's set with `passing`.
 */
export function countBy(index: DatasetIndex, field: IndexedField, passing: Bitset): Map<string, number> {
  const counts = countMembers(index, field, passing);
  const { ids, offsets, members } = index.members[field];
  for (const [excerpt, whole] of index.excerpts) {
    if (!passing.has(excerpt) || !passing.has(whole)) continue;
    const theirs = new Set(Array.from(members.subarray(offsets[whole]!, offsets[whole + 1]!)));
    for (let k = offsets[excerpt]!; k < offsets[excerpt + 1]!; k++) {
      const id = members[k]!;
      if (theirs.has(id)) counts.set(ids[id]!, counts.get(ids[id]!)! - 1);
    }
  }
  return counts;
}

/**
 * How many of `passing` repeat another passing message's words (an excerpt whose whole message
 * passes too): the messages that the map, the timeline and the matrix count once with their whole.
 */
export function repeatsIn(index: DatasetIndex, passing: Bitset): number {
  let repeats = 0;
  for (const [excerpt, whole] of index.excerpts) if (passing.has(excerpt) && passing.has(whole)) repeats++;
  return repeats;
}

function countMembers(index: DatasetIndex, field: IndexedField, passing: Bitset): Map<string, number> {
  const { ids, offsets, members } = index.members[field];
  const sets = index.sets[field];
  const words = passing.words.length;
  // Walk the passing messages, or, when most pass, those that do not, and take them off the totals.
  const passed = passing.count();
  const flip = passed > index.size / 2;
  const walk = (flip ? index.size - passed : passed) * (members.length / Math.max(1, index.size)) + words;
  // Intersecting costs a pass over a dense set's words, or over a sparse set's positions.
  let intersect = 0;
  for (const set of sets.values()) intersect += set instanceof Bitset ? words : set.count();
  const counts = new Map<string, number>();
  if (walk < intersect) {
    const tally = new Uint32Array(ids.length);
    const passes = passing.words;
    const all = index.all.words;
    for (let w = 0; w < words; w++) {
      let word = flip ? ~passes[w]! & all[w]! : passes[w]!;
      while (word !== 0) {
        const low = word & -word;
        const i = (w << 5) + (31 - Math.clz32(low));
        word ^= low;
        for (let k = offsets[i]!; k < offsets[i + 1]!; k++) tally[members[k]!]!++;
      }
    }
    if (!flip) ids.forEach((id, k) => counts.set(id, tally[k]!));
    else {
      let k = 0;
      for (const [id, set] of sets) counts.set(id, set.count() - tally[k++]!);
    }
  } else {
    for (const [id, set] of sets) counts.set(id, set.countAnd(passing));
  }
  return counts;
}

/** The ids of the messages in `passing`, in dataset order. */
export function messageIds(index: DatasetIndex, passing: Bitset): string[] {
  return Array.from(passing, (i) => index.messages[i]!.id);
}
