/**
 * What a picture of a view says under it and in its file: the consultation, the view with its
 * filters in words, and the source, so a picture sent on or pasted into a slide still says what
 * it shows. The PNG's caption band, its metadata and a slide's caption are all made from it.
 */
import { formatDate, formatLocalDay, formatNumber } from '../i18n/format';
import { m } from '../i18n/later.svelte';
import type { DashboardState } from '../state/dashboard.svelte';
import { filtersInWords } from '../ui/describe';
import type { Caption } from './image';

export function pictureCaption(dashboard: DashboardState, viewName: string): Caption {
  const meta = dashboard.dataset.meta;
  const filters = filtersInWords(dashboard.clauses, dashboard.lookup, dashboard.regions?.regionName);
  const title = meta.subtitle ? `${meta.title} — ${meta.subtitle}` : meta.title;
  const what = m.export_caption_view({
    view: viewName,
    summary: m.export_summary({
      count: formatNumber(dashboard.count),
      total: formatNumber(dashboard.total),
      filters,
    }),
  });
  const source = m.export_caption_source({
    title: meta.source.title,
    publisher: meta.source.publisher,
    published: formatDate(meta.published),
    date: formatLocalDay(new Date()),
  });
  return {
    lines: [title, what, source],
    metadata: {
      Title: title,
      Description: `${title}\n${what}\n${source}`,
      Source: `${meta.source.title}, ${meta.source.publisher}, ${formatDate(meta.published)}`,
      Software: 'Consultation Atlas',
    },
  };
}
