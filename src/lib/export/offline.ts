/**
 * "Download for offline use": the whole dashboard and the consultation on screen as one HTML
 * file, to open by double-click with no network (a USB stick, a locked-down laptop). It is the
 * packed page (`npm run pack`; the hosted app serves a copy as `offline.html`) with its
 * embedded consultations swapped for this one; nothing else in it changes, so its security
 * policy's script and style hashes still hold.
 */
import { EMBEDDED_ID, embeddedBlock } from '../data/embedded';
import { fetchText } from '../data/fetchers';
import type { Dataset } from '../data/schema';

/** In a packed copy, the page as it arrived, kept before anything is drawn into it. */
let pristine: string | undefined;

export function keepPristinePage(): void {
  pristine = `<!doctype html>\n${document.documentElement.outerHTML}`;
}

export async function offlineCopy(dataset: Dataset): Promise<Blob> {
  const page =
    pristine ?? (await fetchText(new URL('offline.html', document.baseURI).href, 'the offline copy of the dashboard'));
  // The block is the page's last script: the app's own code (earlier) may hold the same words.
  const start = page.lastIndexOf(`<script type="application/json" id="${EMBEDDED_ID}">`);
  const end = start < 0 ? -1 : page.indexOf('</script>', start);
  if (end < 0) throw new Error('the offline copy of the dashboard has no place for a consultation');
  const { id, title } = dataset.meta;
  const file = `${id}.json`;
  const block = embeddedBlock({
    'data/index.json': JSON.stringify({ consultations: [{ id, title, file }] }),
    [`data/${file}`]: JSON.stringify(dataset),
  });
  return new Blob([page.slice(0, start), block, page.slice(end + '</script>'.length)], {
    type: 'text/html;charset=utf-8',
  });
}
