/**
 * Where a consultation comes from: one of the bundled datasets (`data/index.json`), an address
 * (`?data=`), or a file the user opened. Each is loaded, parsed and validated the same way; a
 * failure names its source and, for validation, each problem's path.
 */
import { DATA_BASE, DatasetError, fetchText } from './fetchers';
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

/** The page's query string that opens a source again (a file has none: it is opened again by hand). */
export function searchFor(source: DatasetSource): string {
  if (source.kind === 'bundled') return `?consultation=${encodeURIComponent(source.id)}`;
  if (source.kind === 'address') return `?data=${encodeURIComponent(source.url)}`;
  return '';
}

/** A dataset's text, checked: the JSON, then the contract. */
export function datasetFromText(text: string, what: string): Dataset {
  const json = parseJson(text);
  const result = json.ok ? validateDataset(json.data) : json;
  if (!result.ok) {
    const n = result.errors.length;
    throw new DatasetError(`${what} is not valid: ${n} problem${n === 1 ? '' : 's'}.`, result.errors);
  }
  return result.data;
}

/** An address as the page resolves it (a relative one is read beside the app). */
export function resolveAddress(address: string, base = globalThis.location?.href ?? 'http://localhost/'): string {
  return new URL(address, base).href;
}

/**
 * May this page read data at `url`? Its own site, and the sites its security policy lists
 * (`connect-src`); a page with no policy may read any.
 */
export function mayRead(url: URL, here: string, policy: string | null | undefined): boolean {
  if (url.origin === new URL(here).origin || !policy) return true;
  const sources = /(?:^|;)\s*connect-src\s([^;]*)/.exec(policy)?.[1]?.trim().split(/\s+/);
  if (!sources) return true;
  return sources.some((s) => s === '*' || s === url.origin || s === url.protocol);
}

const pagePolicy = () =>
  globalThis.document?.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');

export async function loadSource(source: DatasetSource): Promise<Dataset> {
  switch (source.kind) {
    case 'bundled': {
      const url = resolveAddress(source.file, resolveAddress(DATA_BASE));
      return datasetFromText(await fetchText(url, `the dataset ${source.file}`), `The dataset ${source.file}`);
    }
    case 'address': {
      const url = resolveAddress(source.url);
      if (!mayRead(new URL(url), resolveAddress('.'), pagePolicy()))
        throw new DatasetError(
          `Could not load the address (${url}): this dashboard may read datasets from its own site only, ` +
            `and from the sites whoever publishes it lists (DATA_ORIGINS when building it); ${new URL(url).origin} is not one of them.`,
        );
      const text = await fetchText(
        url,
        'the address',
        'the network failed, or the server there does not let other sites read it (no CORS header)',
      );
      // A site that answers every address with its home page (as a single-page app's server does).
      if (/^\s*</.test(text))
        throw new DatasetError(
          `Could not load the address (${url}): it gave a web page, not a consultation's .json file.`,
        );
      return datasetFromText(text, `The dataset at ${url}`);
    }
    case 'file':
      return datasetFromText(source.text, `The file ${source.name}`);
  }
}

/** The query for a source's dataset: a file, an address and a bundled dataset are one query. */
export const sourceQuery = (source: DatasetSource | undefined) => ({
  queryKey: ['dataset', source ? sourceKey(source) : 'none'] as const,
  queryFn: () => loadSource(source!),
  enabled: source !== undefined,
});
