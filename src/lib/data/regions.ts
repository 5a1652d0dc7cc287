/**
 * World regions after UN M49 (Unicode CLDR's territory containment, built into the page by
 * the `virtual:m49` module): each country's group ("Latin America", "Europe", "Western
 * Asia"…) and sub-region ("South America", "Western Europe"…), by their M49 codes, with CLDR's
 * names for them.
 */
import { GROUPS, NAMES, SUBREGIONS } from 'virtual:m49';
import { locale } from '../i18n/i18n.svelte';

const subregionOf = new Map<string, string>();
for (let i = 0; i + 5 <= SUBREGIONS.length; i += 5)
  subregionOf.set(SUBREGIONS.slice(i, i + 2), SUBREGIONS.slice(i + 2, i + 5));

export interface Regions {
  /** The group: a continent, or for the Americas, Latin America and the Caribbean or Northern America. */
  group: string;
  subregion: string;
}

/** A country's M49 group and sub-region (codes), if CLDR places it. */
export function regionsOf(countryCode: string): Regions | undefined {
  const subregion = subregionOf.get(countryCode.toUpperCase());
  const group = subregion ? GROUPS[subregion] : undefined;
  return subregion && group ? { group, subregion } : undefined;
}

/** The codes a country belongs to, group first: what a region filter matches. */
export function regionCodes(countryCode: string): string[] {
  const r = regionsOf(countryCode);
  return r ? (r.group === r.subregion ? [r.group] : [r.group, r.subregion]) : [];
}

/** Is this code a group (not a sub-region)? */
export function isRegionGroup(code: string): boolean {
  return Object.values(GROUPS).includes(code);
}

/** "419" → "Latin America", "145" → "Western Asia" (CLDR's names, in the interface's language). */
export function regionName(code: string): string {
  return NAMES[locale()]?.[code] ?? NAMES.en?.[code] ?? code;
}
