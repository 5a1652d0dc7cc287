/**
 * A consultation read over the network or from a file, within limits: at most 50 MB, at most
 * 60 seconds, and a consultation's JSON or a workbook (.xlsx) by what the bytes are, not by the
 * name. Progress is reported as the bytes arrive (the page shows it for files over 1 MB).
 * Whatever fails is thrown as a `DatasetError` saying what happened and what to do. Loaded when
 * an address or a file is opened: the bundled consultations arrive by `fetchers.ts` alone.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import type { Words } from '../i18n/later.svelte';
import { formatMegabytes as megabytes } from '../i18n/format';
import { markOfflineCopy } from './copies';
import { embeddedText } from './embedded';
import { DatasetError } from './errors';
import type { Dataset } from './schema';
import { datasetFromText } from './check-text';
import { resolveAddress } from './sources';

/** The largest consultation read, from an address or a file. */
export const MAX_BYTES = 50 * 1024 * 1024;
/** The longest an address may take to answer and arrive whole. */
export const TIMEOUT_MS = 60_000;

/** Bytes read so far, and the whole when the server says it. */
/**
 * How far a consultation has come: its bytes (`total` when the server said), then, for a big
 * one, what is being checked once it has parsed, in words ("checking 5,200 messages").
 */
export type Progress = (loaded: number, total: number | null, checking?: string) => void;

/** What a consultation's bytes are. */
export type ContentKind = 'json' | 'workbook' | 'web-page' | 'other';

/** What the first bytes say a file is: JSON starts with `{` or `[` (after a byte-order mark and white space), a workbook is a zip. */
export function sniff(head: Uint8Array): ContentKind {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'workbook';
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && [0x20, 0x09, 0x0a, 0x0d].includes(head[i]!)) i++;
  const first = head[i];
  if (first === 0x7b || first === 0x5b) return 'json';
  if (first === 0x3c) return 'web-page';
  return 'other';
}

/** What was read: a JSON text, or a workbook's bytes. */
export type Content = { kind: 'json'; text: string } | { kind: 'workbook'; bytes: Blob };

async function fail(words: (w: Words) => string): Promise<never> {
  throw new DatasetError(words(await laterMessages()));
}

/**
 * A blob's content, checked by its bytes: JSON text or a workbook, else a clear refusal naming it
 * (`name`: the file's name, or the address it came from).
 */
export async function contentOf(blob: Blob, name: string, from: 'address' | 'file'): Promise<Content> {
  if (blob.size > MAX_BYTES)
    return fail((w) => w.load_too_large({ name, size: megabytes(blob.size), limit: megabytes(MAX_BYTES) }));
  const kind = sniff(new Uint8Array(await blob.slice(0, 64).arrayBuffer()));
  if (kind === 'workbook') return { kind, bytes: blob };
  if (kind === 'json') return { kind, text: await blob.text() };
  if (kind === 'web-page' && from === 'address') return fail((w) => w.load_web_page({ url: name }));
  return fail((w) => w.load_not_consultation({ name }));
}

export interface FetchOptions {
  onProgress?: Progress;
  timeout?: number;
  max?: number;
  /** What is being read, in words ("the address"), for the errors. */
  what: (words: Words) => string;
  /** Why it may not be reachable, in words (an address: the network, or CORS). */
  whyUnreachable?: (words: Words) => string;
  /** Aborts the reading (the user cancelled): it then throws a `Cancelled`. */
  signal?: AbortSignal;
}

/** The reading was cancelled by the user: nothing to say, nothing to show. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Why an address answered with an error, in words and with what to do. */
function whyStatus(w: Words, status: number): string {
  if (status === 404 || status === 410) return w.load_why_not_found();
  if (status === 401 || status === 403) return w.load_why_refused({ status });
  if (status >= 500) return w.load_why_server({ status });
  return `HTTP ${status}`;
}

/**
 * A consultation's bytes from `url`, within the size and time limits, with progress. The answer's
 * headers are handed to `onHeaders` (the service worker marks an offline copy there).
 */
export async function fetchLimited(
  url: string,
  options: FetchOptions,
  onHeaders: (headers: Headers) => void = () => {},
): Promise<Blob> {
  const { onProgress, timeout = TIMEOUT_MS, max = MAX_BYTES, what, whyUnreachable, signal } = options;
  const controller = new AbortController();
  if (signal?.aborted) throw new Cancelled();
  signal?.addEventListener('abort', () => controller.abort(), { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const late = () => fail((w) => w.load_timeout({ what: what(w), url, seconds: Math.round(timeout / 1000) }));
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (error) {
      if (signal?.aborted) throw new Cancelled();
      if (timedOut) return await late();
      // The browser says only "Failed to fetch": the likely causes, in the user's words, instead.
      return await fail((w) =>
        w.load_failed({ what: what(w), url, why: whyUnreachable ? whyUnreachable(w) : (error as Error).message }),
      );
    }
    if (!response.ok) {
      const status = response.status;
      return await fail((w) => w.load_failed({ what: what(w), url, why: whyStatus(w, status) }));
    }
    onHeaders(response.headers);
    const declared = Number(response.headers.get('Content-Length') ?? NaN);
    const total = Number.isFinite(declared) && declared > 0 ? declared : null;
    const tooLarge = (size: number) =>
      fail((w) => w.load_too_large({ name: url, size: megabytes(size), limit: megabytes(max) }));
    if (total !== null && total > max) {
      controller.abort();
      return await tooLarge(total);
    }
    if (!response.body) return await response.blob();
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw new Cancelled();
        if (timedOut) return await late();
        throw error;
      }
      if (chunk.done) break;
      loaded += chunk.value.byteLength;
      if (loaded > max) {
        controller.abort();
        return await tooLarge(loaded);
      }
      chunks.push(chunk.value);
      onProgress?.(loaded, total);
    }
    return new Blob(chunks as BlobPart[]);
  } finally {
    clearTimeout(timer);
  }
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

/**
 * The consultation at an address: checked against the page's security policy first (said so,
 * before any request), read within the limits (or from a packed page that carries it), then
 * JSON or a workbook by what its bytes are, and checked against the data model.
 */
export async function loadAddress(address: string, onProgress?: Progress, signal?: AbortSignal): Promise<Dataset> {
  // Words with spaces are not an address (a relative one would be read as a page beside the app).
  if (/\s/.test(address.trim()))
    throw new DatasetError((await laterMessages()).load_not_an_address({ address: address.trim() }));
  const url = resolveAddress(address.trim());
  if (!mayRead(new URL(url), resolveAddress('.'), pagePolicy()))
    throw new DatasetError((await laterMessages()).load_not_allowed({ url, origin: new URL(url).origin }));
  let offlineCopy: string | null = null;
  const carried = embeddedText(url);
  const blob =
    carried !== undefined
      ? new Blob([carried])
      : await fetchLimited(
          url,
          {
            what: (words) => words.load_what_address(),
            whyUnreachable: (words) => words.load_why_cors(),
            onProgress,
            signal,
          },
          (headers) => (offlineCopy = headers.get('X-Offline-Copy')),
        );
  const content = await contentOf(blob, url, 'address');
  const dataset =
    content.kind === 'workbook'
      ? await datasetFromWorkbook(content.bytes, url)
      : await datasetFromText(content.text, (words, count) => words.load_invalid_address({ url, count }), {
          places: true,
          onProgress,
          signal,
        });
  return markOfflineCopy(dataset, offlineCopy);
}
