/**
 * Where a consultation comes from: one of the bundled datasets (`data/index.json`), an address
 * (`?data=`), or a file the user opened. Each is loaded, parsed and validated the same way; a
 * failure names its source and, for validation, each problem's path.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import type { Words } from '../i18n/later.svelte';
import { markOfflineCopy } from './copies';
import { DATA_BASE, DatasetError, fetchOwn } from './fetchers';
import type { Progress } from './remote';
import type { Dataset } from './schema';
import { placeCheck } from './shapes';
import type { Validated } from './validate';
import { checkedAtBuild } from './checked';

export type DatasetSource =
  | { readonly kind: 'bundled'; readonly id: string; readonly file: string; readonly title: string }
  | { readonly kind: 'address'; readonly url: string; readonly title?: string }
  | { readonly kind: 'file'; readonly name: string; readonly text: string; readonly title?: string };

/** A text's FNV-1a hash and length: two files of one name and size are still two files. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(36)}-${text.length}`;
}

/** One key per source: a query's, and the recent list's. */
export function sourceKey(source: DatasetSource): string {
  switch (source.kind) {
    case 'bundled':
      return `bundled:${source.id}`;
    case 'address':
      return `address:${source.url}`;
    case 'file':
      return `file:${source.name}:${fingerprint(source.text)}`;
  }
}

/** How a source is named to the user: its dataset's title once known, else its file or address. */
export function sourceName(source: DatasetSource): string {
  if (source.title) return source.title;
  return source.kind === 'file' ? source.name : source.kind === 'address' ? source.url : source.id;
}

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
    const { checkInWorker } = await import('./check-client');
    result = await checkInWorker(
      text,
      places,
      { checking: (messages) => onProgress?.(text.length, text.length, messages) },
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

/** An address as the page resolves it (a relative one is read beside the app). */
export function resolveAddress(address: string, base = globalThis.location?.href ?? 'http://localhost/'): string {
  return new URL(address, base).href;
}

export async function loadSource(source: DatasetSource, onProgress?: Progress, signal?: AbortSignal): Promise<Dataset> {
  switch (source.kind) {
    case 'bundled': {
      const url = resolveAddress(source.file, resolveAddress(DATA_BASE));
      const { text, offlineCopy } = await fetchOwn(url, (words) => words.load_what_dataset({ file: source.file }));
      // The very file the build checked is read as it is; any other is checked here.
      const dataset = (await checkedAtBuild(source.file, text))
        ? (JSON.parse(text) as Dataset)
        : await datasetFromText(text, (words, count) => words.load_invalid_dataset({ file: source.file, count }), {
            onProgress,
            signal,
          });
      return markOfflineCopy(dataset, offlineCopy);
    }
    case 'address': {
      // Its limits, progress and reading of what the bytes are load with the first address opened.
      const { loadAddress } = await import('./remote');
      return loadAddress(source.url, onProgress, signal);
    }
    case 'file':
      // Named by an address, a file opened in another browser (or forgotten by this one): its text is not here.
      if (source.text === '') throw new DatasetError((await laterMessages()).load_file_not_here({ name: source.name }));
      // From elsewhere: its places are checked against their countries too.
      return datasetFromText(source.text, (words, count) => words.load_invalid_file({ file: source.name, count }), {
        places: true,
        onProgress,
        signal,
      });
  }
}

/** The query for a source's dataset: a file, an address and a bundled dataset are one query. */
export const sourceQuery = (source: DatasetSource | undefined, onProgress?: Progress, signal?: AbortSignal) => ({
  queryKey: ['dataset', source ? sourceKey(source) : 'none'] as const,
  queryFn: () => loadSource(source!, onProgress, signal),
  enabled: source !== undefined,
});
