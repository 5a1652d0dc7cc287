/**
 * Where a consultation comes from: one of the bundled datasets (`data/index.json`), an address
 * (`?data=`), or a file the user opened. Each is loaded, parsed and validated the same way; a
 * failure names its source and, for validation, each problem's path.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import { markOfflineCopy } from './copies';
import { DATA_BASE, DatasetError, fetchOwn } from './fetchers';
import type { Progress } from './remote';
import type { Dataset } from './schema';
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
        : await (
            await import('./check-text')
          ).datasetFromText(text, (words, count) => words.load_invalid_dataset({ file: source.file, count }), {
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
      return (await import('./check-text')).datasetFromText(
        source.text,
        (words, count) => words.load_invalid_file({ file: source.name, count }),
        {
          places: true,
          onProgress,
          signal,
        },
      );
  }
}

/** The query for a source's dataset: a file, an address and a bundled dataset are one query. */
export const sourceQuery = (source: DatasetSource | undefined, onProgress?: Progress, signal?: AbortSignal) => ({
  queryKey: ['dataset', source ? sourceKey(source) : 'none'] as const,
  queryFn: () => loadSource(source!, onProgress, signal),
  enabled: source !== undefined,
});
