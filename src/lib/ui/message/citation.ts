/**
 * A citation a user can paste into a briefing: the report's own words in quotation marks (never
 * the app's short title, which the report did not write), who said them when the report quotes
 * someone (the speaker, or the declaration the words come from), the report, its publisher and
 * date, and the section.
 */
import type { Lookup } from '../../data/lookup';
import { formatDate } from '../../i18n/format';
import { m } from '../../i18n/i18n.svelte';
import type { Meta, Message } from '../../data/schema';
import { quotedFrom, speakerLine, speakersOf } from './speakers';

export function citation(message: Message, meta: Meta, lookup: Lookup): string {
  const who = attribution(message, lookup);
  return `“${message.text}”${who ? ` — ${who}.` : ''} ${sourceLine(message, meta)}`;
}

/**
 * Who the report quotes, for a quote (or a practice whose words are part of one): its speakers,
 * each with role and where ("Nancy Pérez, Mexico City"), else the declaration it is quoted from.
 * Nothing for the other messages: the report ties its takeaways to sessions, not to speakers.
 */
export function attribution(message: Message, lookup: Lookup): string {
  const quote =
    message.kind === 'quote'
      ? message
      : message.excerptOf && lookup.messages.get(message.excerptOf)?.kind === 'quote'
        ? lookup.messages.get(message.excerptOf)!
        : undefined;
  if (!quote) return '';
  const speakers = speakersOf(quote, lookup).map(speakerLine);
  return speakers.length ? speakers.join('; ') : (quotedFrom(quote, lookup)[0] ?? '');
}

/** Where the words are from: the report, its publisher and date, and the section (a citation without the quote). */
export function sourceLine(message: Message, meta: Meta): string {
  return `${meta.source.title}, ${meta.source.publisher}, ${formatDate(meta.published)}. ${m.citation_section({ section: message.source.section })}`;
}
