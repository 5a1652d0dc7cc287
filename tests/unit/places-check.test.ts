/**
 * Places lie in their country, checked with the basemap's own country shapes: every bundled
 * place passes; a swapped latitude and longitude, a sign error and a place in the wrong country
 * are named, with what is likely wrong; a coastal city and a small island pass. In a workbook
 * the error names the cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBasemap } from '../../src/lib/data/basemap-shape';
import { countryShapes, placeErrors } from '../../src/lib/data/places-check';
import type { Dataset, Place } from '../../src/lib/data/schema';
import { formatError, validateDataset } from '../../src/lib/data/validate';
import { writeWorkbook, readWorkbook } from '../../src/lib/data/xlsx';
import { placeCheckFromDisk } from '../../scripts/place-check';

const puebla = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;
const shapes = countryShapes(
  toBasemap(JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8'))),
);
const place = (p: Partial<Place>): Place => ({
  id: 'p',
  name: 'P',
  kind: 'city',
  countryCode: 'EC',
  lat: -0.1807,
  lon: -78.4678,
  ...p,
});
const check = (p: Partial<Place>) => placeErrors({ places: [place(p)] }, shapes).map(formatError);

describe('places lie in their country (the basemap’s shapes, within 50 km)', () => {
  it.each(puebla.places.map((p) => [p.name, p] as const))('%s passes', (_name, p) => {
    expect(placeErrors({ places: [p] }, shapes)).toEqual([]);
  });

  it.each([
    [
      'latitude and longitude swapped',
      { name: 'Quito', lat: -78.4678, lon: -0.1807 },
      'places[0].lat: Quito (EC) lies outside Ecuador: are latitude and longitude swapped?',
    ],
    [
      'a latitude with its sign lost',
      { name: 'Santiago', countryCode: 'CL', lat: 33.4489, lon: -70.6693 },
      'places[0].lat: Santiago (CL) lies outside Chile: should its latitude be -33.4489?',
    ],
    [
      'a longitude with its sign lost',
      { name: 'Montevideo', countryCode: 'UY', lat: -34.9011, lon: 56.1645 },
      'places[0].lat: Montevideo (UY) lies outside Uruguay: should its longitude be -56.1645?',
    ],
  ])('%s is named, with what is likely wrong', (_name, p, expected) => {
    expect(check(p)).toEqual([expected]);
  });

  it('names a place in the wrong country, and how far out it is', () => {
    // Bogotá's coordinates given to Ecuador.
    const [error] = check({ name: 'Bogotá', lat: 4.711, lon: -74.0721 });
    expect(error).toMatch(
      /^places\[0\]\.lat: Bogotá \(EC\) lies outside Ecuador, by \d+ km: check its latitude, longitude and country$/,
    );
  });

  it('lets a border town, a coastal city and a small island the outlines leave out pass', () => {
    // Tulcán, on Ecuador's border with Colombia; Valparaíso, on Chile's coast; Lampedusa, 207 km from Sicily's outline.
    expect(check({ name: 'Tulcán', lat: 0.8117, lon: -77.7173 })).toEqual([]);
    expect(check({ name: 'Valparaíso', countryCode: 'CL', lat: -33.0472, lon: -71.6127 })).toEqual([]);
    expect(check({ name: 'Lampedusa', countryCode: 'IT', lat: 35.5083, lon: 12.5998 })).toEqual([]);
  });

  it('passes over a country the basemap has no shape for', () => {
    expect(check({ countryCode: 'XK', lat: 10, lon: 10 })).toEqual([]);
  });

  it('is part of the check a consultation from elsewhere goes through (validateDataset with the shapes)', () => {
    const d = structuredClone(puebla);
    const quito = d.places.find((p) => p.id === 'quito')!;
    [quito.lat, quito.lon] = [quito.lon, quito.lat];
    const result = validateDataset(d, placeCheckFromDisk());
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      `places[${d.places.indexOf(quito)}].lat: Quito (EC) lies outside Ecuador: are latitude and longitude swapped?`,
    ]);
    // Without the shapes (the page's bundled consultations, checked when the app is built), it is not checked.
    expect(validateDataset(d).ok).toBe(true);
  });

  it('in a workbook, names the cell', async () => {
    const d = structuredClone(puebla);
    const i = d.places.findIndex((p) => p.id === 'quito');
    [d.places[i]!.lat, d.places[i]!.lon] = [d.places[i]!.lon, d.places[i]!.lat];
    const { blob } = await writeWorkbook(d);
    const result = await readWorkbook(await blob.arrayBuffer(), placeCheckFromDisk());
    expect(result.ok ? [] : result.errors.map(formatError)).toEqual([
      `Places!E${i + 2}: Quito (EC) lies outside Ecuador: are latitude and longitude swapped?`,
    ]);
  });
});
