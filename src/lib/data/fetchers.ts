/**
 * Fetchers and query options: plain functions that fetch, parse and validate. A failure is
 * thrown as a `DatasetError` carrying what went wrong and, for validation, the errors.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import type { Words } from '../i18n/later.svelte';
import { embeddedText } from './embedded';
import { DatasetError } from './errors';
import { fetchLimited, type FetchOptions } from './remote';
import type { ConsultationIndex } from './schema';
import { parseJson, validateIndex } from './validate';

export { DatasetError };

/** Where the app finds its datasets: `data/` beside the page (Vite copies it into the build). */
export const DATA_BASE = `${import.meta.env.BASE_URL}data/`;

/**
 * A file over the network (or carried inside a packed page), within the size and time limits;
 * `offlineCopy` is the date of the browser's kept copy when the network failed and the service
 * worker answered with it. `what` and `whyUnreachable` name the file and the likely cause in
 * words, given the messages: they are looked up only when something fails (the words of failures
 * load then).
 */
export async function fetchBlob(
  url: string,
  options: FetchOptions,
): Promise<{ blob: Blob; offlineCopy: string | null }> {
  // A packed copy carries its consultations inside the page.
  const carried = embeddedText(url);
  if (carried !== undefined) return { blob: new Blob([carried]), offlineCopy: null };
  let offlineCopy: string | null = null;
  const blob = await fetchLimited(url, options, (headers) => (offlineCopy = headers.get('X-Offline-Copy')));
  return { blob, offlineCopy };
}

/** A file's text (see `fetchBlob`). */
export async function fetchText(
  url: string,
  what: (words: Words) => string,
  whyUnreachable?: (words: Words) => string,
): Promise<string> {
  const carried = embeddedText(url);
  if (carried !== undefined) return carried;
  return (await fetchBlob(url, { what, whyUnreachable })).blob.text();
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
