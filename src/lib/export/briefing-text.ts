/**
 * The briefing as plain text, to paste into an e-mail or a document: the report, the filters in
 * words, then each topic's messages with the report's words in quotation marks and where they
 * are from. The app's own short titles are given as titles, never quoted.
 */
import { formatDate } from '../i18n/format';
import type { Meta } from '../data/schema';
import { formatNumber } from '../i18n/format';
import { m } from '../i18n/later.svelte';
import type { MessageRow } from './rows';

export interface BriefingGroup {
  title: string;
  rows: readonly MessageRow[];
}

export interface BriefingFacts {
  meta: Meta;
  filters: string;
  count: number;
  total: number;
  groups: readonly BriefingGroup[];
}

export function briefingText({ meta, filters, count, total, groups }: BriefingFacts): string {
  const lines = [
    meta.title + (meta.subtitle ? `: ${meta.subtitle}` : ''),
    m.briefing_text_source({
      title: meta.source.title,
      publisher: meta.source.publisher,
      date: formatDate(meta.published),
    }),
    m.briefing_text_filters({ filters }),
    m.briefing_text_count({ count: formatNumber(count), total: formatNumber(total) }),
  ];
  for (const group of groups) {
    lines.push('', group.title.toUpperCase());
    for (const row of group.rows) {
      const who = [row.kind, row.speakers || row.people, row.places].filter(Boolean).join(' · ');
      lines.push('', `${row.label} (${who})`, row.citation);
    }
  }
  return `${lines.join('\n')}\n`;
}
