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
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2020-06-11` → "11 June 2020"; `2020-07` → "July 2020"; `2006` → "2006". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (!month) return y ?? date;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export const MESSAGE_KIND_LABELS: Record<Dataset['messages'][number]['kind'], string> = {
  takeaway: 'Key takeaway',
  'cross-cutting': 'Cross-cutting message',
  quote: 'Quote',
  practice: 'City practice',
  context: 'Context',
};

const KIND_WORDS: Record<Dataset['messages'][number]['kind'], [one: string, many: string]> = {
  takeaway: ['key takeaway', 'key takeaways'],
  'cross-cutting': ['cross-cutting message', 'cross-cutting messages'],
  quote: ['quote', 'quotes'],
  practice: ['city practice', 'city practices'],
  context: ['context passage', 'context passages'],
};

/** "1 key takeaway", "23 key takeaways". */
export function kindCount(kind: Dataset['messages'][number]['kind'], n: number): string {
  return `${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`;
}

/** "Key takeaways": a kind as a filter names it. */
export function kindPlural(kind: Dataset['messages'][number]['kind']): string {
  const words = KIND_WORDS[kind][1];
  return words[0]!.toUpperCase() + words.slice(1);
}
