/**
 * What the map encodes for each place, computed from the dataset: its roles (why it is on the
 * map), its people, and the size of its marker for a message count.
 */
import type { Dataset, Person, Place } from '../data/schema';

export const PLACE_ROLES = ['representative', 'practice', 'event', 'mentioned'] as const;
export type PlaceRole = (typeof PLACE_ROLES)[number];

export interface PlaceInfo {
  place: Place;
  roles: PlaceRole[];
  people: Person[];
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
    return { place, roles: ordered, people: people.get(place.id)! };
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
