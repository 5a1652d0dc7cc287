/**
 * Which loaded consultations are the browser's kept copy, served because the network failed, and
 * of when: each dataset carries its own, so the notice belongs to the consultation it describes
 * and goes when another is opened.
 */
import type { Dataset } from './schema';

const copies = new WeakMap<Dataset, string>();

export function markOfflineCopy(dataset: Dataset, date: string | null): Dataset {
  if (date) copies.set(dataset, date);
  return dataset;
}

/** The date of the kept copy this dataset was read from, when it was one. */
export function offlineCopyOf(dataset: Dataset): string | null {
  return copies.get(dataset) ?? null;
}
