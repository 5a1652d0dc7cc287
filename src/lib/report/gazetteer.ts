/**
 * Country names as reports write them, to their ISO 3166-1 codes: the names the browser knows
 * (`Intl.DisplayNames`) in the report languages the app speaks, with the short forms reports use.
 */
import { foldText } from '../filters/text';

const LANGUAGES = ['en', 'es', 'fr', 'pt'];
const SHORT: Record<string, string> = {
  usa: 'US',
  us: 'US',
  'u.s.': 'US',
  'u.s.a.': 'US',
  'united states of america': 'US',
  uk: 'GB',
  'u.k.': 'GB',
  'great britain': 'GB',
  england: 'GB',
  uae: 'AE',
  drc: 'CD',
  'ivory coast': 'CI',
  holland: 'NL',
};

const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN']);

let names: Map<string, string> | null = null;

/** "Myanmar (Burma)" is also "Myanmar" and "Burma"; "Congo - Kinshasa" is also "Congo - Kinshasa" only. */
function forms(name: string): string[] {
  const bracket = /^(.+?)\s*\((.+)\)$/.exec(name);
  return bracket ? [name, bracket[1]!, bracket[2]!] : [name];
}

function key(name: string): string {
  return foldText(name)
    .replace(/^the\s+/, '')
    .trim();
}

function table(): Map<string, string> {
  if (names) return names;
  names = new Map(Object.entries(SHORT));
  const A = 'A'.charCodeAt(0);
  for (const language of LANGUAGES) {
    const display = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    for (let i = 0; i < 26; i++)
      for (let j = 0; j < 26; j++) {
        const code = String.fromCharCode(A + i, A + j);
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          continue;
        }
        if (!name || name === code || NOT_COUNTRIES.has(code) || /^(Q|X(?!K))/.test(code)) continue;
        if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue; // a retired code (DD, UK, YU)
        for (const form of forms(name)) if (!names.has(key(form))) names.set(key(form), code);
      }
  }
  return names;
}

/** The ISO code of a country named so, or undefined when the words name no country. */
export function countryOf(name: string): string | undefined {
  return table().get(key(name));
}

type Ring = readonly (readonly number[])[];

/**
 * A country's centre as [lat, lon]: the centroid of its largest outline when that lies inside
 * it, else the point of the outline's inside nearest to that centroid (a crescent's centroid
 * lies outside it). From the basemap's shapes, so it is a point the map draws in its country.
 */
export function countryCentre(
  rings: readonly Ring[],
  isInside: (lon: number, lat: number) => boolean,
): [number, number] | null {
  let best: Ring | null = null;
  let bestArea = 0;
  for (const ring of rings) {
    const area = Math.abs(signedArea(ring));
    if (area > bestArea) [best, bestArea] = [ring, area];
  }
  if (!best) return null;
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
    const [xi, yi] = best[i]!;
    const [xj, yj] = best[j]!;
    const cross = xj! * yi! - xi! * yj!;
    a += cross;
    cx += (xj! + xi!) * cross;
    cy += (yj! + yi!) * cross;
  }
  const centroid: [number, number] = [cx / (3 * a), cy / (3 * a)];
  if (isInside(centroid[0], centroid[1])) return [centroid[1], centroid[0]];
  const xs = best.map((p) => p[0]!);
  const ys = best.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let found: [number, number] | null = null;
  let distance = Infinity;
  for (let i = 0; i <= 40; i++)
    for (let j = 0; j <= 40; j++) {
      const x = minX + ((maxX - minX) * i) / 40;
      const y = minY + ((maxY - minY) * j) / 40;
      const d = (x - centroid[0]) ** 2 + (y - centroid[1]) ** 2;
      if (d < distance && isInside(x, y)) [found, distance] = [[y, x], d];
    }
  return found;
}

function signedArea(ring: Ring): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    area += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return area / 2;
}
