/**
 * "Download for offline use": the whole dashboard and the consultation on screen as one HTML
 * file, opening at this view (its filters), to open by double-click with no network (a USB
 * stick, a locked-down laptop). It is the
 * packed page (`npm run pack`; the hosted app serves a copy as `offline.html`) with its
 * embedded consultations swapped for this one; nothing else in it changes, so its security
 * policy's script and style hashes still hold.
 */
import { EMBEDDED_ID, embeddedBlock, embeddedText } from '../data/embedded';
import { fetchText } from '../data/fetchers';
import type { Dataset } from '../data/schema';
import { m } from '../i18n/i18n.svelte';
import { currentView, EMPTY_VIEW, encodeView, type View } from '../state/view';

/** In a packed copy, the page as it arrived, kept before anything is drawn into it. */
let pristine: string | undefined;

export function keepPristinePage(): void {
  pristine = `<!doctype html>\n${document.documentElement.outerHTML}`;
}

/** The embedded block's entry for the view a copy opens at: the page's query, its filters. */
export const VIEW_KEY = 'view';

/**
 * The view a copy was saved at (its filters and open message), for the page to open at when
 * its own address says nothing: a file opened by double-click has no query.
 */
export function savedView(): string | undefined {
  const view = embeddedText(VIEW_KEY);
  return view && !location.search ? view : undefined;
}

/**
 * The view a copy opens at, as its embedded block keeps it: everything the view holds (filters,
 * search, open message, presenting at its scene and step, the story, the language) but what names
 * a consultation to load (the copy carries its own) and the speaker window's channel.
 */
export function offlineView(view: View): string {
  const query = encodeView({ ...view, source: EMPTY_VIEW.source, speaker: null }).toString();
  return query ? `?${query}` : '';
}

export async function offlineCopy(dataset: Dataset, view: View = currentView()): Promise<Blob> {
  const page =
    pristine ?? (await fetchText(new URL('offline.html', document.baseURI).href, (words) => words.offline_what()));
  // The block is the page's last script: the app's own code (earlier) may hold the same words.
  const start = page.lastIndexOf(`<script type="application/json" id="${EMBEDDED_ID}">`);
  const end = start < 0 ? -1 : page.indexOf('</script>', start);
  if (end < 0) throw new Error(m.offline_no_place());
  const { id, title } = dataset.meta;
  const file = `${id}.json`;
  const saved = offlineView(view);
  const block = embeddedBlock({
    'data/index.json': JSON.stringify({ consultations: [{ id, title, file }] }),
    [`data/${file}`]: JSON.stringify(dataset),
    ...(saved ? { [VIEW_KEY]: saved } : {}),
  });
  return new Blob([page.slice(0, start), block, page.slice(end + '</script>'.length)], {
    type: 'text/html;charset=utf-8',
  });
}
