/** id → entity maps for a dataset, built once; views use them to name what ids point at. */
import type { Dataset } from './schema';

type ById<T extends { id: string }> = ReadonlyMap<string, T>;

export interface Lookup {
  themes: ById<Dataset['themes'][number]>;
  sessions: ById<Dataset['sessions'][number]>;
  topics: ById<Dataset['topics'][number]>;
  places: ById<Dataset['places'][number]>;
  organisations: ById<Dataset['organisations'][number]>;
  people: ById<Dataset['people'][number]>;
  references: ById<Dataset['references'][number]>;
  events: ById<Dataset['events'][number]>;
  messages: ById<Dataset['messages'][number]>;
  /** The excerpts of each message that holds them (a takeaway's practices). */
  excerptsOf: ReadonlyMap<string, readonly Dataset['messages'][number][]>;
  /** The report's words in other languages, when the dataset has them. */
  translations: NonNullable<Dataset['translations']>;
}

function byId<T extends { id: string }>(items: readonly T[]): ById<T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function buildLookup(data: Dataset): Lookup {
  return {
    themes: byId(data.themes),
    sessions: byId(data.sessions),
    topics: byId(data.topics),
    places: byId(data.places),
    organisations: byId(data.organisations),
    people: byId(data.people),
    references: byId(data.references),
    events: byId(data.events),
    messages: byId(data.messages),
    excerptsOf: data.messages.reduce((map, m) => {
      if (m.excerptOf) map.set(m.excerptOf, [...(map.get(m.excerptOf) ?? []), m]);
      return map;
    }, new Map<string, Dataset['messages'][number][]>()),
    translations: data.translations ?? {},
  };
}

/**
 * A message's words in the interface's language, when the dataset has a translation into it
 * and the report is in another: its label and text (either may be missing), the translation's
 * language and who made it.
 */
export function translationOf(
  lookup: Lookup,
  messageId: string,
  reportLanguage: string,
  language: string,
): { label?: string; text?: string; lang: string; note: string } | undefined {
  const base = (code: string) => code.split('-')[0]!.toLowerCase();
  if (base(reportLanguage) === language) return undefined;
  const key =
    language in lookup.translations ? language : Object.keys(lookup.translations).find((k) => base(k) === language);
  const translation = key ? lookup.translations[key] : undefined;
  const entry = translation?.messages?.[messageId];
  return entry && (entry.label || entry.text) ? { ...entry, lang: key!, note: translation.note } : undefined;
}
