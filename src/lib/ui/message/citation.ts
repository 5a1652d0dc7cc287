/**
 * A citation a user can paste into a briefing: the report's own words in quotation marks (never
 * the app's short title, which the report did not write), the report, its publisher and date,
 * and the section.
 */
import { formatDate } from '../../data/lookup';
import { m } from '../../i18n/i18n.svelte';
import type { Meta, Message } from '../../data/schema';

export function citation(message: Message, meta: Meta): string {
  return `“${message.text}” ${sourceLine(message, meta)}`;
}

/** Where the words are from: the report, its publisher and date, and the section (a citation without the quote). */
export function sourceLine(message: Message, meta: Meta): string {
  return `${meta.source.title}, ${meta.source.publisher}, ${formatDate(meta.published)}. ${m.citation_section({ section: message.source.section })}`;
}
