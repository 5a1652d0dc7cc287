/**
 * What was said where the picked participants spoke: the messages of the sessions their people
 * spoke in that pass every clause but the picks of who took part, and that the picks themselves
 * leave out (the report ties its takeaways to a session, not to who spoke in it). Pure.
 */
import type { Message } from '../data/schema';
import type { Bitset } from './bitset';
import type { Clause } from './clauses';
import type { DatasetIndex } from './indexes';
import { resolve } from './resolve';

export function spokenMessages(
  index: DatasetIndex,
  clauses: readonly Clause[],
  /** The sources of the picks of who took part (places, world regions, people). */
  picks: readonly string[],
  sessionIds: Iterable<string>,
  filtered: Bitset,
): Message[] {
  const others = resolve(
    index,
    clauses.filter((c) => !picks.includes(c.source)),
  );
  // In dataset order, each once.
  const positions = new Set<number>();
  for (const id of sessionIds)
    index.sets.session.get(id)?.forEach((i) => {
      if (others.has(i) && !filtered.has(i)) positions.add(i);
    });
  return [...positions].sort((a, b) => a - b).map((i) => index.messages[i]!);
}
