/**
 * Fetchers and query options: plain functions that fetch, parse and validate. A failure is
 * thrown as a `DatasetError` carrying what went wrong and, for validation, the errors.
 */
import { laterMessages } from '../i18n/i18n.svelte';
import type { Words } from '../i18n/later.svelte';
import { embeddedText } from './embedded';
import { DatasetError } from './errors';
import type { ConsultationIndex } from './schema';
import { checkedAtBuild } from './checked';

export { DatasetError };

/** Where the app finds its datasets: `data/` beside the page (Vite copies it into the build). */
export const DATA_BASE = `${import.meta.env.BASE_URL}data/`;

/** The longest the app waits for one of its own files (a consultation, its list). */
const TIMEOUT_MS = 60_000;

/**
 * A file of the app's own site over the network (or carried inside a packed page), within a time
 * limit; `offlineCopy` is the date of the browser's kept copy when the network failed and the
 * service worker answered with it. `what` names the file in words, given the messages: looked up
 * only when something fails (the words of failures load then). An address elsewhere, with its
 * size limit and progress, is read by `remote.ts`.
 */
export async function fetchOwn(
  url: string,
  what: (words: Words) => string,
): Promise<{ text: string; offlineCopy: string | null }> {
  // A packed copy carries its consultations inside the page.
  const carried = embeddedText(url);
  if (carried !== undefined) return { text: carried, offlineCopy: null };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (error) {
      const words = await laterMessages();
      throw new DatasetError(
        controller.signal.aborted
          ? words.load_timeout({ what: what(words), url, seconds: TIMEOUT_MS / 1000 })
          : words.load_failed({ what: what(words), url, why: (error as Error).message }),
      );
    }
    if (!response.ok) {
      const words = await laterMessages();
      const why = response.status === 404 ? words.load_why_not_found() : `HTTP ${response.status}`;
      throw new DatasetError(words.load_failed({ what: what(words), url, why }));
    }
    return { text: await response.text(), offlineCopy: response.headers.get('X-Offline-Copy') };
  } finally {
    clearTimeout(timer);
  }
}

/** A file's text (see `fetchOwn`). */
export async function fetchText(url: string, what: (words: Words) => string): Promise<string> {
  return (await fetchOwn(url, what)).text;
}

export async function fetchConsultationIndex(base = DATA_BASE): Promise<ConsultationIndex> {
  const url = `${base}index.json`;
  const text = await fetchText(url, (words) => words.load_what_index());
  // The app's own index, as the build checked it, is read as it is; any other is checked (see checked.ts).
  if (base === DATA_BASE && (await checkedAtBuild('index.json', text))) {
    const index = JSON.parse(text) as ConsultationIndex;
    if (index.consultations.length > 0) return index;
  }
  const { parseJson, validateIndex } = await import('./validate');
  const json = parseJson(text);
  const result = json.ok ? validateIndex(json.data) : json;
  if (!result.ok) throw new DatasetError((await laterMessages()).load_index_invalid({ url }), result.errors);
  if (result.data.consultations.length === 0) throw new DatasetError((await laterMessages()).load_index_empty({ url }));
  return result.data;
}

export const consultationIndexQuery = () => ({
  queryKey: ['consultations'] as const,
  queryFn: () => fetchConsultationIndex(),
});
