/**
 * World regions after UN M49, from Unicode CLDR's territory containment (the `cldr-core`
 * package): each country's sub-region, and each sub-region's group. The Americas are grouped
 * as M49 does for development statistics (Latin America and the Caribbean, Northern America);
 * every other sub-region is grouped by its continent. Written into the bundle as a compact
 * string (a few hundred bytes), never hand-typed; the regions' names in the interface's four
 * languages come from CLDR's `cldr-localenames-modern`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const LOCALES = ['en', 'es', 'fr', 'pt'] as const;

type Containment = Record<string, { _contains: string[]; _grouping?: string }>;

/** The module's text: `SUBREGIONS` (country code + sub-region code, run together), `GROUPS`, `NAMES`. */
export function worldRegionsModule(
  containment: Containment,
  territories: (locale: string) => Record<string, string>,
): string {
  const contains = (code: string) => (containment[code]?._grouping ? [] : (containment[code]?._contains ?? []));
  const groups: Record<string, string> = {};
  let pairs = '';
  for (const continent of contains('001')) {
    for (const sub of contains(continent)) {
      groups[sub] = continent !== '019' ? continent : sub === '021' ? '021' : '419';
      for (const country of contains(sub)) if (/^[A-Z]{2}$/.test(country)) pairs += country + sub;
    }
  }
  // Their names in each interface language, from CLDR too (a browser may lack names for numeric regions).
  const codes = [...new Set([...Object.keys(groups), ...Object.values(groups)])];
  const names = Object.fromEntries(
    LOCALES.map((locale) => {
      const named = territories(locale);
      return [locale, Object.fromEntries(codes.map((code) => [code, named[code] ?? code]))];
    }),
  );
  return (
    `export const SUBREGIONS = ${JSON.stringify(pairs)};\n` +
    `export const GROUPS = ${JSON.stringify(groups)};\n` +
    `export const NAMES = ${JSON.stringify(names)};\n`
  );
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as T;

/** `virtual:m49`, written from the CLDR packages in node_modules. */
export function worldRegions(): Plugin {
  const id = 'virtual:m49';
  return {
    name: 'world-regions',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return;
      const containment = readJson<{ supplemental: { territoryContainment: Containment } }>(
        'node_modules/cldr-core/supplemental/territoryContainment.json',
      ).supplemental.territoryContainment;
      return worldRegionsModule(
        containment,
        (locale) =>
          readJson<{ main: Record<string, { localeDisplayNames: { territories: Record<string, string> } }> }>(
            `node_modules/cldr-localenames-modern/main/${locale}/territories.json`,
          ).main[locale]!.localeDisplayNames.territories,
      );
    },
  };
}
