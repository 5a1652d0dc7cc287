/**
 * The map's words for its places, in the interface's language: what a role means, a country's
 * name, and a marker's or a row's accessible name. The map's scales (scales/places.ts) compute;
 * these word it.
 */
import type { Session } from '../../data/schema';
import { sessionLabel } from '../../data/participation';
import { intlLocale } from '../../i18n/format';
import { m } from '../../i18n/i18n.svelte';
import type { PlaceInfo, PlaceRole } from '../../scales/places';

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

/**
 * "Montevideo, Uruguay (practice cited): 2 messages" — a marker's or a row's accessible name;
 * with no message, why (`why`: "spoke in …"), so "0 messages" never stands unexplained.
 */
export function placeName(info: PlaceInfo, count: number, why?: string): string {
  const where =
    info.place.kind === 'country' ? info.place.name : `${info.place.name}, ${countryName(info.place.countryCode)}`;
  const roles = info.roles.map((role) => placeRoleShort(role).toLowerCase()).join(', ');
  return count === 0 && why
    ? m.map_place_name_why({ where, roles, count, why })
    : m.map_place_name({ where, roles, count });
}

/**
 * Why a place where people took part has no message of its own: "spoke in …; the report
 * attributes its takeaways to the session, not to single speakers". Undefined when no one spoke
 * from it.
 */
export function whyNoMessages(sessions: readonly Session[]): string | undefined {
  if (sessions.length === 0) return undefined;
  return m.participation_no_messages({ sessions: sessions.map(sessionLabel).join(m.participation_and_in()) });
}
