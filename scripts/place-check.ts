/**
 * The check of places against their countries, for the Node scripts and the build: the
 * basemap read from the installed world-atlas package (the same file the app draws).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { toBasemap } from '../src/lib/data/basemap-shape';
import { countryShapes, placeErrors } from '../src/lib/data/places-check';
import type { CheckOptions } from '../src/lib/data/validate';

export function placeCheckFromDisk(): CheckOptions {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
  const countries = countryShapes(toBasemap(JSON.parse(readFileSync(path, 'utf8')) as Topology));
  return { also: (data) => placeErrors(data, countries) };
}
