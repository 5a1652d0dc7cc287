/**
 * Each place lies in its country: checked against the basemap's own country shapes (Natural
 * Earth 1:110m, the map the app draws), within 50 km of the border, since a generalised outline
 * leaves coastal cities just outside it; a place at sea may lie up to 300 km from its country's
 * outline, since the outlines leave small islands out. A place outside says so, and says what is
 * likely wrong: latitude and longitude swapped, a sign missing, or how far out it is
 * (`places[5].lat: Quito (EC) lies outside Ecuador: are latitude and longitude swapped?`).
 *
 * Pure: the shapes come in (the page fetches the basemap, the Node scripts read it from disk).
 * A country the basemap has no shape for (Kosovo, a tiny island state) is not checked.
 */
import codeMappings from 'cldr-core/supplemental/codeMappings.json';
import type { Basemap } from './basemap-shape';
import type { Dataset } from './schema';
import type { ValidationError } from './validate';

/** How far outside its country's outline a place may lie. */
export const TOLERANCE_KM = 50;
/**
 * How far a place at sea (in no country's outline) may lie from its own: an island the 1:110m
 * outlines leave out (Lampedusa is 207 km from Sicily's). A swapped or negated coordinate lands
 * thousands of kilometres away, or inside another country, and is still caught.
 */
export const ISLAND_KM = 300;

type Ring = readonly (readonly number[])[];
interface Country {
  name: string;
  /** The outline's rings, as [lon, lat] (longitudes unwrapped across the antimeridian). */
  rings: readonly Ring[];
}

/** The countries by ISO 3166-1 alpha-2 code, from the basemap (whose ids are numeric). */
export type CountryShapes = ReadonlyMap<string, Country>;

export function countryShapes(basemap: Basemap): CountryShapes {
  const numericToAlpha2 = new Map<string, string>();
  const mappings = codeMappings.supplemental.codeMappings as Record<string, { _numeric?: string }>;
  for (const [alpha2, codes] of Object.entries(mappings))
    if (codes._numeric && /^[A-Z]{2}$/.test(alpha2)) numericToAlpha2.set(codes._numeric, alpha2);
  const shapes = new Map<string, Country>();
  for (const feature of basemap.features) {
    const alpha2 = numericToAlpha2.get(String(feature.id));
    if (!alpha2) continue;
    const { geometry } = feature;
    const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
    shapes.set(alpha2, { name: feature.properties.name, rings });
  }
  return shapes;
}

/** Inside the outline (even-odd over every ring, so holes count), trying the point a world to either side. */
export function inside(country: Country, lon: number, lat: number): boolean {
  return [lon, lon - 360, lon + 360].some((x) => {
    let count = 0;
    for (const ring of country.rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi! > lat !== yj! > lat && x < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) count++;
      }
    }
    return count % 2 === 1;
  });
}

/** The shortest distance from the point to the outline, in km (a local flat projection: right at this scale). */
function distanceKm(country: Country, lon: number, lat: number): number {
  const ky = 110.57;
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (const ring of country.rings) {
    for (let i = 1; i < ring.length; i++) {
      for (const shift of [0, -360, 360]) {
        const ax = (ring[i - 1]![0]! + shift - lon) * kx;
        const ay = (ring[i - 1]![1]! - lat) * ky;
        const bx = (ring[i]![0]! + shift - lon) * kx;
        const by = (ring[i]![1]! - lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const t = dx || dy ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy))) : 0;
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return best;
}

/** In the country, within the tolerance of its outline, or at sea near enough to be one of its islands. */
function liesIn(country: Country, lon: number, lat: number, all: CountryShapes): boolean {
  if (inside(country, lon, lat)) return true;
  const km = distanceKm(country, lon, lat);
  if (km <= TOLERANCE_KM) return true;
  return km <= ISLAND_KM && ![...all.values()].some((other) => inside(other, lon, lat));
}

/** Every place that lies outside its country, with what is likely wrong. */
export function placeErrors(dataset: Pick<Dataset, 'places'>, shapes: CountryShapes): ValidationError[] {
  const errors: ValidationError[] = [];
  dataset.places.forEach((place, i) => {
    const country = shapes.get(place.countryCode);
    if (!country || place.kind === 'region') return;
    const { lat, lon } = place;
    const fits = (x: number, y: number) => liesIn(country, x, y, shapes);
    if (fits(lon, lat)) return;
    const where = `${place.name} (${place.countryCode}) lies outside ${country.name}`;
    let message: string;
    if (Math.abs(lon) <= 90 && fits(lat, lon)) message = `${where}: are latitude and longitude swapped?`;
    else if (fits(lon, -lat)) message = `${where}: should its latitude be ${-lat}?`;
    else if (fits(-lon, lat)) message = `${where}: should its longitude be ${-lon}?`;
    else
      message = `${where}, by ${Math.round(distanceKm(country, lon, lat)).toLocaleString('en')} km: check its latitude, longitude and country`;
    errors.push({ path: `places[${i}].lat`, message });
  });
  return errors;
}
