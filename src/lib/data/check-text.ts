/**
 * A consultation's text, checked: the JSON, then the contract, in a worker for a big text.
 * Loaded with the first text that needs checking (the bundled ones were checked at build).
 */
import { laterMessages } from '../i18n/i18n.svelte';
import type { Words } from '../i18n/later.svelte';
import { DatasetError } from './errors';
import type { Progress } from './remote';
import type { Dataset } from './schema';
import { placeCheck } from './shapes';
import type { Validated } from './validate';

/** A text this long (about 1 MB) is parsed and checked in a worker, so the page never freezes. */
export const CHECK_IN_WORKER_ABOVE = 1_000_000;

export interface TextCheck {
  /** Check its places against their countries (a consultation from elsewhere). */
  places?: boolean;
  /** Said once a big text has parsed: how many messages are being checked. */
  onProgress?: Progress;
  signal?: AbortSignal;
}

/** Can this page start the checker's worker? (A packed copy has no file beside it to start one from; jsdom has none.) */
const workers = () => typeof Worker === 'function' && import.meta.env.MODE !== 'pack';

/**
 * A dataset's text, checked: the JSON, then the contract (in a worker for a big text).
 * `invalid` says, in words, that the dataset is not valid and how many problems it has.
 */
export async function datasetFromText(
  text: string,
  invalid: (words: Words, count: number) => string,
  { places = false, onProgress, signal }: TextCheck = {},
): Promise<Dataset> {
  let result: Validated<Dataset>;
  if (text.length > CHECK_IN_WORKER_ABOVE && workers()) {
    const [{ checkInWorker }, words] = await Promise.all([import('./check-client'), laterMessages()]);
    result = await checkInWorker(
      text,
      places,
      { checking: (count) => onProgress?.(text.length, text.length, words.load_checking({ count })) },
      signal,
    );
  } else {
    // The validator loads with the first dataset that needs it (see checked.ts).
    const [{ parseJson, validateDataset }, options] = await Promise.all([
      import('./validate'),
      places ? placeCheck() : {},
    ]);
    const json = parseJson(text);
    result = json.ok ? validateDataset(json.data, options) : json;
  }
  if (!result.ok) {
    throw new DatasetError(invalid(await laterMessages(), result.errors.length), result.errors);
  }
  return result.data;
}
