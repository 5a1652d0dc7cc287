/**
 * A big consultation's first build, in parts: its lookup tables, its filter index, the report's
 * lexicon and the words a first search reads are each made in a task of their own, the page answering between them
 * (typing, Cancel, the progress it shows), before the dashboard is built on them. Each part is
 * kept for its dataset, so the dashboard takes it as it is. A consultation of fewer messages is
 * built at once, with the dashboard.
 */
import { buildLookup, type Lookup } from '../data/lookup';
import { reportLexicon } from '../data/report-words';
import type { Dataset } from '../data/schema';
import { buildIndex, type DatasetIndex } from '../filters';
import { nextTask } from '../filters/next-task';

/** From this many messages the first build is made in parts (about 50 ms of work a part at 10,000). */
export const IN_PARTS = 10_000;

const indexes = new WeakMap<Dataset, DatasetIndex>();
const lookups = new WeakMap<Dataset, Lookup>();

/** The dataset's filter index, made once. */
export function indexOf(dataset: Dataset): DatasetIndex {
  let index = indexes.get(dataset);
  if (!index) indexes.set(dataset, (index = buildIndex(dataset)));
  return index;
}

/** The dataset's lookup tables, made once. */
export function lookupOf(dataset: Dataset): Lookup {
  let lookup = lookups.get(dataset);
  if (!lookup) lookups.set(dataset, (lookup = buildLookup(dataset)));
  return lookup;
}

/** Makes a big dataset's parts one task at a time; stops when `signal` is aborted (the opening cancelled). */
export async function prepareInParts(dataset: Dataset, signal?: AbortSignal): Promise<void> {
  if (dataset.messages.length < IN_PARTS) return;
  // The last part: the messages' folded words, which a search reads until its library has loaded.
  const parts = [lookupOf, indexOf, reportLexicon, (d: Dataset) => indexOf(d).haystacks()];
  for (const part of parts) {
    await nextTask();
    signal?.throwIfAborted();
    part(dataset);
  }
  await nextTask();
}
