/**
 * Where a consultation comes from: one of the bundled datasets (`data/index.json`), an address
 * (`?data=`), or a file the user opened. Each is loaded, parsed and validated the same way; a
 * failure names its source and, for validation, each problem's path.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import type { Words } from '../i18n/later.svelte';
import { markOfflineCopy } from './copies';
import { DATA_BASE, DatasetError, fetchBlob } from './fetchers';
import { contentOf, type Progress } from './remote';
import type { Dataset } from './schema';
import { parseJson, validateDataset } from './validate';

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

/** A dataset's text, checked: the JSON, then the contract. */
/** `invalid` says, in words, that the dataset is not valid and how many problems it has. */
export async function datasetFromText(
  text: string,
  invalid: (words: Words, count: number) => string,
): Promise<Dataset> {
  const json = parseJson(text);
  const result = json.ok ? validateDataset(json.data) : json;
  if (!result.ok) {
    throw new DatasetError(invalid(await laterMessages(), result.errors.length), result.errors);
  }
  return result.data;
}

/** An address as the page resolves it (a relative one is read beside the app). */
export function resolveAddress(address: string, base = globalThis.location?.href ?? 'http://localhost/'): string {
  return new URL(address, base).href;
}

/** Does a Content-Security-Policy source expression (`https:`, `https://data.example.org`, `http://127.0.0.1:*`) allow `url`? */
export function allows(source: string, url: URL): boolean {
  if (source === '*') return true;
  if (/^[a-z][a-z0-9+.-]*:$/.test(source)) return url.protocol === source;
  const match = /^([a-z][a-z0-9+.-]*:)\/\/(\*\.)?([^/:]+)(?::(\d+|\*))?\/?$/.exec(source);
  if (!match) return false;
  const [, scheme, wildcard, host, port] = match;
  const hostOk = wildcard ? url.hostname.endsWith(`.${host}`) : url.hostname === host;
  const defaultPort = url.port === '' ? '' : url.port;
  const portOk = port === '*' || (port ?? '') === defaultPort;
  return url.protocol === scheme && hostOk && portOk;
}

/**
 * May this page read data at `url`? Its own site, and the sources its security policy lists
 * (`connect-src`); a page with no policy may read any.
 */
export function mayRead(url: URL, here: string, policy: string | null | undefined): boolean {
  if (url.origin === new URL(here).origin || !policy) return true;
  const sources = /(?:^|;)\s*connect-src\s([^;]*)/.exec(policy)?.[1]?.trim().split(/\s+/);
  if (!sources) return true;
  return sources.some((s) => allows(s, url));
}

const pagePolicy = () =>
  globalThis.document?.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');

/** A workbook's bytes, read and checked off the page's thread, as a dataset. */
async function datasetFromWorkbook(bytes: Blob, name: string): Promise<Dataset> {
  const { readWorkbookFile } = await import('./workbook-client');
  const result = await readWorkbookFile(bytes);
  if (!result.ok)
    throw new DatasetError(
      (await laterMessages()).load_invalid_workbook({ file: name, count: result.errors.length }),
      result.errors,
    );
  return result.data;
}

export async function loadSource(source: DatasetSource, onProgress?: Progress): Promise<Dataset> {
  switch (source.kind) {
    case 'bundled': {
      const url = resolveAddress(source.file, resolveAddress(DATA_BASE));
      const { blob, offlineCopy } = await fetchBlob(url, {
        what: (words) => words.load_what_dataset({ file: source.file }),
        onProgress,
      });
      const dataset = await datasetFromText(await blob.text(), (words, count) =>
        words.load_invalid_dataset({ file: source.file, count }),
      );
      return markOfflineCopy(dataset, offlineCopy);
    }
    case 'address': {
      const url = resolveAddress(source.url);
      if (!mayRead(new URL(url), resolveAddress('.'), pagePolicy()))
        throw new DatasetError((await laterMessages()).load_not_allowed({ url, origin: new URL(url).origin }));
      const { blob, offlineCopy } = await fetchBlob(url, {
        what: (words) => words.load_what_address(),
        whyUnreachable: (words) => words.load_why_cors(),
        onProgress,
      });
      // JSON or a workbook by what the bytes are, not by the address's name.
      const content = await contentOf(blob, url, 'address');
      const dataset =
        content.kind === 'workbook'
          ? await datasetFromWorkbook(content.bytes, url)
          : await datasetFromText(content.text, (words, count) => words.load_invalid_address({ url, count }));
      return markOfflineCopy(dataset, offlineCopy);
    }
    case 'file':
      // Named by an address, a file opened in another browser (or forgotten by this one): its text is not here.
      if (source.text === '') throw new DatasetError((await laterMessages()).load_file_not_here({ name: source.name }));
      return datasetFromText(source.text, (words, count) => words.load_invalid_file({ file: source.name, count }));
  }
}

/** The query for a source's dataset: a file, an address and a bundled dataset are one query. */
export const sourceQuery = (source: DatasetSource | undefined, onProgress?: Progress) => ({
  queryKey: ['dataset', source ? sourceKey(source) : 'none'] as const,
  queryFn: () => loadSource(source!, onProgress),
  enabled: source !== undefined,
});
