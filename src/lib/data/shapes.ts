/**
 * The country shapes the places of a consultation from elsewhere (a file, an address, a
 * workbook) are checked against: the basemap's own, fetched once and loaded with the checker
 * when first needed. The bundled consultations are checked when the app is built.
 */
import { fetchBasemap } from './basemap';
import type { CheckOptions } from './validate';

let shapes: Promise<CheckOptions> | undefined;

/** The check of places against their countries; no check when the basemap cannot be read (a damaged copy). */
export function placeCheck(): Promise<CheckOptions> {
  shapes ??= Promise.all([import('./places-check'), fetchBasemap()]).then(
    ([{ countryShapes, placeErrors }, basemap]) => {
      const countries = countryShapes(basemap);
      return { also: (data) => placeErrors(data, countries) };
    },
    () => ({}),
  );
  return shapes;
}
