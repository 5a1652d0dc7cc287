/**
 * What the map encodes for each place, computed from the dataset: its roles (why it is on the
 * map), its people, and the size of its marker for a message count.
 */
import type { Dataset, Person, Place } from '../data/schema';
import { intlLocale } from '../i18n/format';
import { m } from '../i18n/i18n.svelte';

export const PLACE_ROLES = ['representative', 'practice', 'event', 'mentioned'] as const;
export type PlaceRole = (typeof PLACE_ROLES)[number];

/** "A representative works here": what a role means, in the interface's language. */
export function placeRoleLabel(role: PlaceRole): string {
  switch (role) {
    case 'representative':
      return m.map_role_representative();
    case 'practice':
      return m.map_role_practice();
    case 'event':
      return m.map_role_event();
    case 'mentioned':
      return m.map_role_mentioned();
  }
}

/** "Representative": a role in a word or two (the legend, the tables). */
export function placeRoleShort(role: PlaceRole): string {
  switch (role) {
    case 'representative':
      return m.map_role_short_representative();
    case 'practice':
      return m.map_role_short_practice();
    case 'event':
      return m.map_role_short_event();
    case 'mentioned':
      return m.map_role_short_mentioned();
  }
}

export interface PlaceInfo {
  place: Place;
  country: string;
  roles: PlaceRole[];
  people: Person[];
}

/**
 * One `Intl.DisplayNames` per interface language, made when first asked for, with its name for
 * the unknown region ("Unknown Region", "Región desconocida"), which is no country's name.
 */
const regionNames = new Map<string, { names: Intl.DisplayNames; unknown: string | undefined } | null>();
function regionNamesIn(locale: string) {
  let entry = regionNames.get(locale);
  if (entry === undefined) {
    const names =
      typeof Intl.DisplayNames === 'function'
        ? new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
        : null;
    entry = names ? { names, unknown: names.of('ZZ') } : null;
    regionNames.set(locale, entry);
  }
  return entry;
}

/** "UY" → "Uruguay" in the interface's language (the browser's own names; the code itself if it has none). */
export function countryName(code: string): string {
  try {
    const entry = regionNamesIn(intlLocale());
    const name = entry?.names.of(code);
    return name && name !== entry?.unknown ? name : code;
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
  const roles = info.roles.map((role) => placeRoleShort(role).toLowerCase()).join(', ');
  return count === 0 && why
    ? m.map_place_name_why({ where, roles, count, why })
    : m.map_place_name({ where, roles, count });
}
