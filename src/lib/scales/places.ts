/**
 * What the map encodes for each place, computed from the dataset: its roles (why it is on the
 * map), its people, and the size of its marker for a message count.
 */
import type { Dataset, Person, Place } from '../data/schema';

export const PLACE_ROLES = ['representative', 'practice', 'event', 'mentioned'] as const;
export type PlaceRole = (typeof PLACE_ROLES)[number];

export const PLACE_ROLE_LABELS: Record<PlaceRole, string> = {
  representative: 'A representative works here',
  practice: 'A practice is cited here',
  event: 'An event took place here',
  mentioned: 'Mentioned in a message',
};

export const PLACE_ROLE_SHORT: Record<PlaceRole, string> = {
  representative: 'Representative',
  practice: 'Practice cited',
  event: 'Event',
  mentioned: 'Mentioned',
};

export interface PlaceInfo {
  place: Place;
  country: string;
  roles: PlaceRole[];
  people: Person[];
}

const regionNames =
  typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }) : null;

/** "UY" → "Uruguay" (the browser's own names; the code itself if it has none). */
export function countryName(code: string): string {
  try {
    const name = regionNames?.of(code);
    return name && name !== 'Unknown Region' ? name : code;
  } catch {
    return code;
  }
}

/** Each place's roles, in a fixed order; `mentioned` only when it has no other role. */
export function placeInfos(dataset: Dataset): PlaceInfo[] {
  const roles = new Map<string, Set<PlaceRole>>(dataset.places.map((p) => [p.id, new Set()]));
  const people = new Map<string, Person[]>(dataset.places.map((p) => [p.id, []]));
  for (const person of dataset.people) {
    if (!person.placeId) continue;
    roles.get(person.placeId)?.add('representative');
    people.get(person.placeId)?.push(person);
  }
  for (const message of dataset.messages) {
    for (const id of message.placeIds) roles.get(id)?.add(message.kind === 'practice' ? 'practice' : 'mentioned');
  }
  for (const event of dataset.events) if (event.placeId) roles.get(event.placeId)?.add('event');
  return dataset.places.map((place) => {
    const set = roles.get(place.id)!;
    const ordered = PLACE_ROLES.filter((r) => set.has(r) && (r !== 'mentioned' || set.size === 1));
    return { place, country: countryName(place.countryCode), roles: ordered, people: people.get(place.id)! };
  });
}

/**
 * Marker diameter in px: area grows with the count; a place with no message keeps the smallest
 * size, which is never under 24 px, the least a pointer target may be (WCAG 2.5.8).
 */
export const MIN_MARKER = 24;
export function markerSizeScale(maxCount: number, range: [number, number] = [MIN_MARKER, 48]) {
  // A clamped square-root scale (d3's scaleSqrt), written out: see countColour in matrix.ts.
  const [small, large] = range;
  const top = Math.max(1, maxCount);
  return (count: number) => Math.round(small + (large - small) * Math.sqrt(Math.min(1, Math.max(0, count) / top)));
}

/**
 * "Montevideo, Uruguay (practice cited): 2 messages" — a marker's or a row's accessible name;
 * with no message, why (`why`: "spoke in …"), so "0 messages" never stands unexplained.
 */
export function placeName(info: PlaceInfo, count: number, why?: string): string {
  const where = info.place.kind === 'country' ? info.place.name : `${info.place.name}, ${info.country}`;
  const roles = info.roles.map((role) => PLACE_ROLE_SHORT[role].toLowerCase()).join(', ');
  const reason = count === 0 && why ? `; its people ${why}` : '';
  return `${where} (${roles}): ${count} message${count === 1 ? '' : 's'}${reason}`;
}
