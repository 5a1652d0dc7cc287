/**
 * The filtered messages as rows a user takes away (a spreadsheet, a briefing): every field in
 * words, the text verbatim. Pure: the CSV and the briefing are built from the same rows.
 */
import { type Lookup } from '../data/lookup';
import { formatDate } from '../i18n/format';
import { kindLabel } from '../ui/kind-words';
import type { Message, Meta } from '../data/schema';
import { m } from '../i18n/later.svelte';
import { attribution, citation } from '../ui/message/citation';
import { speakerLine, speakersOf } from '../ui/message/speakers';

export interface MessageRow {
  id: string;
  kind: string;
  topic: string;
  /** The title of the topic's session, as the dataset has it; empty for a message across topics. */
  session: string;
  /** The date of the topic's session (`YYYY-MM-DD`); empty for a message across topics. */
  session_date: string;
  label: string;
  /** The report's own words, as they are in the dataset. */
  text: string;
  /** Who the report quotes: a quote's speakers, or the declaration it is quoted from (see citation.ts). */
  speakers: string;
  themes: string;
  places: string;
  people: string;
  section: string;
  citation: string;
}

/** The columns, in order: the CSV's header row (field names other tools read: never translated). */
export const COLUMNS: readonly (keyof MessageRow)[] = [
  'id',
  'kind',
  'topic',
  'session',
  'session_date',
  'label',
  'text',
  'speakers',
  'themes',
  'places',
  'people',
  'section',
  'citation',
];

/** Several values in one cell: "; " reads well in a spreadsheet and never occurs in a name here. */
const LIST = '; ';

export function topicTitle(message: Message, lookup: Lookup): string {
  const topic = message.topicId ? lookup.topics.get(message.topicId) : undefined;
  return topic ? m.story_topic_title({ number: topic.number, title: topic.title }) : m.story_across_consultation();
}

/** The session that held the message's topic, if it has one. */
function sessionOf(message: Message, lookup: Lookup) {
  const topic = message.topicId ? lookup.topics.get(message.topicId) : undefined;
  return topic ? lookup.sessions.get(topic.sessionId) : undefined;
}

export function sessionDate(message: Message, lookup: Lookup): string {
  return sessionOf(message, lookup)?.date ?? '';
}

function names<T>(ids: readonly string[], map: ReadonlyMap<string, T>, name: (item: T) => string): string {
  return ids
    .flatMap((id) => {
      const item = map.get(id);
      return item ? [name(item)] : [];
    })
    .join(LIST);
}

export function messageRow(message: Message, lookup: Lookup, meta: Meta): MessageRow {
  return {
    id: message.id,
    kind: kindLabel(message.kind),
    topic: topicTitle(message, lookup),
    session: sessionOf(message, lookup)?.title ?? '',
    session_date: sessionDate(message, lookup),
    label: message.label,
    text: message.text,
    speakers: attribution(message, lookup),
    themes: names(message.themeIds, lookup.themes, (t) => t.label),
    places: names(message.placeIds, lookup.places, (p) => p.name),
    people: speakersOf(message, lookup).map(speakerLine).join(LIST),
    section: message.source.section,
    citation: citation(message, meta, lookup),
  };
}

/** "11 June 2020", or nothing: a row's session date in words (the briefing). */
export function sessionDateWords(row: MessageRow): string {
  return row.session_date ? formatDate(row.session_date) : '';
}
