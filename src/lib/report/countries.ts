/**
 * The countries a review can place people in: the basemap's (the map the app draws), each with
 * its centre and its name in the report's language.
 */
import type { Basemap } from '../data/basemap';
import type { CheckOptions } from '../data/validate';
import type { Countries } from './review.svelte';
import { countryCentre } from './gazetteer';

export interface CountryChoice {
  code: string;
  name: string;
}

/** From the basemap the page already holds (the dashboard's query), so it is not fetched twice. */
export async function loadCountries(
  language: string,
  basemap: Promise<Basemap>,
): Promise<Countries & { list: CountryChoice[]; check: CheckOptions }> {
  const [{ countryShapes, inside, placeErrors }] = await Promise.all([import('../data/places-check'), basemap]);
  const shapes = countryShapes(await basemap);
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([language, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  const name = (code: string) => names?.of(code) ?? shapes.get(code)?.name ?? code;
  const centres = new Map<string, [number, number] | null>();
  return {
    name,
    centre: (code) => {
      if (!centres.has(code)) {
        const country = shapes.get(code);
        centres.set(code, country ? countryCentre(country.rings, (lon, lat) => inside(country, lon, lat)) : null);
      }
      return centres.get(code)!;
    },
    check: { also: (data) => placeErrors(data, shapes) },
    list: [...shapes.keys()]
      .map((code) => ({ code, name: name(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, language)),
  };
}
