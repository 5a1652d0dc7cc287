/**
 * Fetchers and query options: plain functions that fetch, parse and validate. A failure is
 * thrown as a `DatasetError` carrying what went wrong and, for validation, the errors.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import type { Words } from '../i18n/later.svelte';
import { appStatus } from '../state/app-status.svelte';
import { embeddedText } from './embedded';
import type { ConsultationIndex } from './schema';
import { formatError, parseJson, validateIndex, type ValidationError } from './validate';

export class DatasetError extends Error {
  readonly errors: readonly ValidationError[];
  constructor(message: string, errors: readonly ValidationError[] = []) {
    super(message);
    this.name = 'DatasetError';
    this.errors = errors;
  }
  /** The first errors, formatted `path: message`. */
  details(limit = 5): string[] {
    return this.errors.slice(0, limit).map(formatError);
  }
}

/** Where the app finds its datasets: `data/` beside the page (Vite copies it into the build). */
export const DATA_BASE = `${import.meta.env.BASE_URL}data/`;

/** A file's text over the network; a failure says what could not be loaded, where, and why. */
/**
 * `what` and `whyUnreachable` name the file and the likely cause in words, given the messages:
 * they are looked up only when something fails (the words of failures load then).
 */
export async function fetchText(
  url: string,
  what: (words: Words) => string,
  whyUnreachable?: (words: Words) => string,
): Promise<string> {
  // A packed copy carries its consultations inside the page.
  const carried = embeddedText(url);
  if (carried !== undefined) return carried;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    const words = await laterMessages();
    const why = whyUnreachable ? `${whyUnreachable(words)} (${(error as Error).message})` : (error as Error).message;
    throw new DatasetError(words.load_failed({ what: what(words), url, why }));
  }
  if (!response.ok) {
    const words = await laterMessages();
    throw new DatasetError(words.load_failed({ what: what(words), url, why: `HTTP ${response.status}` }));
  }
  // Served from the browser's kept copy with the network down: the page says so, and of when.
  const copy = response.headers.get('X-Offline-Copy');
  if (copy) appStatus.offlineCopy = copy;
  return response.text();
}

export async function fetchConsultationIndex(base = DATA_BASE): Promise<ConsultationIndex> {
  const url = `${base}index.json`;
  const json = parseJson(await fetchText(url, (words) => words.load_what_index()));
  const result = json.ok ? validateIndex(json.data) : json;
  if (!result.ok) throw new DatasetError((await laterMessages()).load_index_invalid({ url }), result.errors);
  if (result.data.consultations.length === 0) throw new DatasetError((await laterMessages()).load_index_empty({ url }));
  return result.data;
}

export const consultationIndexQuery = () => ({
  queryKey: ['consultations'] as const,
  queryFn: () => fetchConsultationIndex(),
});
