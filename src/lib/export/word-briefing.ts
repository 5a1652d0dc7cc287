/**
 * The briefing as a Word document, from the dashboard as it is: the same facts, messages and
 * order as the briefing on screen, with pictures of the map and the Themes view as they are
 * drawn behind it. Loaded with the first document made (the `docx` library comes with it).
 */
import { reportLexicon } from '../data/report-words';
import { formatDate, formatLocalDay } from '../i18n/format';
import { locale } from '../i18n/i18n.svelte';
import { m } from '../i18n/later.svelte';
import type { DashboardState } from '../state/dashboard.svelte';
import { sourceLine } from '../ui/message/citation';
import { briefingFacts, countLine, placesLine, type BriefingFacts } from './briefing-facts';
import { briefingDocx, type WordBriefing, type WordPicture } from './docx';
import { viewImage } from './image';
import { exportName } from './csv';
import { sessionDateWords } from './rows';
import { mixedRuns, reportRuns } from './words';

/**
 * A view's picture (taken now, or given), its pixels and its size from the PNG's header, halved:
 * it is drawn at twice the size on screen. Else why there is none.
 */
async function picture(
  from: HTMLElement | Blob | null | undefined,
): Promise<NonNullable<WordPicture['image']> | string> {
  try {
    if (!from) throw new Error(m.briefing_error_no_view());
    const blob = from instanceof Blob ? from : await viewImage(from, undefined, 2);
    const png = new Uint8Array(await blob.arrayBuffer());
    const view = new DataView(png.buffer, png.byteOffset);
    return { png, width: view.getUint32(16) / 2, height: view.getUint32(20) / 2, alt: '' };
  } catch (error) {
    return (error as Error).message;
  }
}

const regionOf = (heading: string) => document.getElementById(heading)?.closest<HTMLElement>('section.region');

/** The document's parts, in words; the pictures as they were taken (or why one could not be). */
export function wordBriefing(
  dashboard: DashboardState,
  facts: BriefingFacts,
  pictures: { map: NonNullable<WordPicture['image']> | string; matrix: NonNullable<WordPicture['image']> | string },
): WordBriefing {
  const { dataset } = dashboard;
  const meta = dataset.meta;
  const lexicon = reportLexicon(dataset);
  const words = (text: string) => mixedRuns(text, lexicon);
  const shown = (
    heading: string,
    taken: NonNullable<WordPicture['image']> | string,
    alt: string,
    note: string,
    after?: string,
  ): WordPicture => ({
    heading,
    note: words(typeof taken === 'string' ? m.briefing_picture_failed({ view: heading, error: taken }) : note),
    ...(typeof taken === 'string' ? {} : { image: { ...taken, alt } }),
    ...(after ? { after: words(after) } : {}),
  });
  return {
    lang: locale(),
    reportLang: meta.language,
    // The day it was made: a briefing sent on says how old its picture of the filters is.
    product: `${m.briefing_product()} · ${formatLocalDay(new Date())}`,
    title: meta.title,
    subtitle: meta.subtitle,
    facts: [
      {
        term: m.briefing_source(),
        runs: words(`${meta.source.title}, ${meta.source.publisher}, ${formatDate(meta.published)}`),
      },
      { term: m.briefing_filters(), runs: words(facts.filters) },
      { term: m.briefing_messages(), runs: words(countLine(facts, dashboard.total, String(dashboard.count))) },
    ],
    pictures: [
      shown(
        m.briefing_map(),
        pictures.map,
        m.briefing_map_alt({ places: facts.placeWords || m.briefing_none() }),
        placesLine(facts),
      ),
      shown(m.briefing_matrix_heading(), pictures.matrix, m.briefing_matrix_alt(), m.briefing_matrix_note()),
    ],
    picturesFirst: !facts.wordsFirst,
    groups: facts.groups.map((group) => ({
      title: words(group.title),
      items: group.rows.map(({ message, row }) => ({
        label: row.label,
        meta: words(
          [row.kind, row.speakers || row.people, row.places, sessionDateWords(row)].filter(Boolean).join(' · '),
        ),
        text: reportRuns(message.text, message.highlights),
        cite: words(sourceLine(message, meta)),
        themes: words(m.briefing_item_themes({ themes: row.themes })),
      })),
    })),
  };
}

/**
 * The Word document of the briefing and its file's name, with pictures of the map and the Themes
 * view as they are drawn now (the map's given when the briefing on screen has already drawn it).
 */
export async function wordBriefingFile(
  dashboard: DashboardState,
  mapPicture?: Blob,
): Promise<{ file: Blob; name: string }> {
  const facts = briefingFacts(dashboard);
  const map = await picture(mapPicture ?? regionOf('map-title'));
  const matrix = await picture(regionOf('themes-title'));
  return {
    file: await briefingDocx(wordBriefing(dashboard, facts, { map, matrix })),
    name: exportName(dashboard.dataset.meta.title, dashboard.count, 'docx'),
  };
}
