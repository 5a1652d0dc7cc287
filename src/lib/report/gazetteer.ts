/**
 * Country names as reports write them, to their ISO 3166-1 codes: the names the browser knows
 * (`Intl.DisplayNames`) in the report languages the app speaks, with the short forms reports use.
 */
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
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
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
