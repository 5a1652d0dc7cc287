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
