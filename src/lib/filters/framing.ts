/**
 * The report's framing passages: its context passages and the quotes no one of the consultation
 * said (a declaration's words). They set the scene; they are not what the cities said. The
 * topic × theme matrix leaves them out of its counts unless the reader asks for them. Pure.
 */
import { Bitset } from './bitset';
import type { DatasetIndex } from './indexes';

export function framingOf(index: DatasetIndex): Bitset {
  return Bitset.of(
    index.size,
    index.messages.flatMap((m, i) =>
      m.kind === 'context' || (m.kind === 'quote' && m.personIds.length === 0) ? [i] : [],
    ),
  );
}

/** The messages of `passing` that are not framing. */
export function withoutFraming(passing: Bitset, framing: Bitset): Bitset {
  const out = new Bitset(passing.size);
  passing.forEach((i) => {
    if (!framing.has(i)) out.add(i);
  });
  return out;
}
