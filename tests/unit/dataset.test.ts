/**
 * Holds the bundled Puebla 2020 dataset to its source text: every text and highlight is the
 * source's own words, every representative is a person, every place lies in its country.
 */
import { geoContains, geoDistance } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { validateDataset } from '../../src/lib/data/validate';

const SOURCE_PATH = resolve(import.meta.dirname, '../../../shared/seed/000_41dc79d9104b66e2.txt');
const dataset = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;
const CODEBOOK = readFileSync('data/README.md', 'utf8');
const haveSource = existsSync(SOURCE_PATH);
const underCi = Boolean(process.env.CI);

/** Markdown marks and link brackets removed, quotes unified, white space folded. */
export function normalise(text: string): string {
  return text
    .replace(/<sup>(.*?)<\/sup>/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([()[\]])/g, '$1')
    .replace(/\*+/g, '')
    .replace(/^\s*#+\s*/gm, '')
    .replace(/^\s*-\s+/gm, ' ')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the source text', () => {
  it('is there under CI (beside the project, in shared/seed)', () => {
    if (!haveSource && !underCi) {
      console.warn(`Source text not found at ${SOURCE_PATH}: the comparison of texts with the source is skipped.`);
    }
    expect(haveSource || !underCi).toBe(true);
  });
});

describe.runIf(haveSource)('fidelity to the source', () => {
  const raw = haveSource ? readFileSync(SOURCE_PATH, 'utf8') : '';
  const source = normalise(raw);

  it.each(dataset.messages.map((m) => [m.id, m] as const))('%s: text is the source’s own words', (_id, message) => {
    expect(source).toContain(normalise(message.text));
  });

  it.each(dataset.messages.filter((m) => m.highlights.length).map((m) => [m.id, m] as const))(
    '%s: every highlight is set in bold in the source',
    (_id, message) => {
      const bold = [...raw.matchAll(/\*\*(.+?)\*\*/gs)].map((match) => normalise(match[1]!));
      for (const phrase of message.highlights) {
        const p = normalise(phrase);
        expect(
          bold.some((b) => b.includes(p) || p.includes(b)),
          `"${phrase}" bold in the source`,
        ).toBe(true);
      }
    },
  );

  it('every listed LRA representative is a person', () => {
    const names: string[] = [];
    for (const block of raw.split(/#+ LRA representatives:/).slice(1)) {
      const list = block.split(/\n#+ /)[0]!;
      for (const line of list.split('\n')) {
        const item = /^\s*-\s+(.+)$/.exec(line);
        if (item) names.push(item[1]!.split(',')[0]!.trim());
      }
    }
    expect(names).toHaveLength(16);
    const known = new Set(dataset.people.flatMap((p) => [p.name, ...(p.nameVariants ?? [])]));
    for (const name of names) expect(known, name).toContain(name);
  });

  it('every quote’s attribution names its speaker', () => {
    const quotes = dataset.messages.filter((m) => m.kind === 'quote' && m.personIds.length);
    for (const quote of quotes) {
      const person = dataset.people.find((p) => p.id === quote.personIds[0])!;
      const after = source.slice(source.indexOf(normalise(quote.text)) + normalise(quote.text).length, undefined);
      const attribution = /^'?\s*\(([^)]*)\)/.exec(after)?.[1] ?? '';
      const spoken = [person.name, ...(person.nameVariants ?? [])];
      expect(
        spoken.some((name) => attribution.includes(name)),
        `${quote.id}: "${attribution}"`,
      ).toBe(true);
    }
  });

  it('the schedule has all seven sessions on their dates', () => {
    expect(dataset.sessions.map((s) => `${s.date} ${s.title}`)).toEqual([
      '2020-06-04 Opening Plenary',
      '2020-06-11 Thematic breakout session 1',
      '2020-06-11 Thematic breakout session 2',
      '2020-06-11 Thematic breakout session 3',
      '2020-06-11 Closing session',
      '2020-06-18 Thematic breakout session on narratives',
      '2020-06-30 Closing plenary',
    ]);
    for (const s of dataset.sessions) expect(source).toContain(s.title);
  });
});

describe('the dataset', () => {
  it('is valid: every id reference resolves, no id repeats', () => {
    const result = validateDataset(dataset);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has the five cross-cutting messages, each with its own cross-cutting theme and no topic', () => {
    const cross = dataset.messages.filter((m) => m.kind === 'cross-cutting');
    const themes = dataset.themes.filter((t) => t.group === 'cross-cutting').map((t) => t.id);
    expect(cross).toHaveLength(5);
    expect(themes).toHaveLength(5);
    expect(cross.every((m) => m.topicId === null)).toBe(true);
    expect(new Set(cross.map((m) => m.themeIds.find((id) => themes.includes(id))))).toEqual(new Set(themes));
  });

  it('has the six GFMD 2020 thematic areas', () => {
    expect(dataset.themes.filter((t) => t.group === 'gfmd-area').map((t) => t.label)).toEqual([
      'Labour migration',
      'Skills',
      'New technologies',
      'Migrant protection',
      'Irregular migration',
      'Partnerships',
    ]);
  });

  it('marks every practice as an excerpt of the takeaway or quote that holds its words', () => {
    const practices = dataset.messages.filter((m) => m.kind === 'practice');
    expect(Object.fromEntries(practices.map((m) => [m.id, m.excerptOf]))).toEqual({
      'practice-la-pintana-office': 'quote-la-pintana',
      'practice-mexico-city-corridor': 't2-different-realities',
      'practice-uruguay-documents': 't2-mercosur-free-movement',
      'practice-montevideo-fund': 't2-protection-challenges',
      'practice-sao-paulo-council': 't2-civil-society',
      'practice-nashville-campaign': 'quote-david-lubell',
      'practice-iccar': 't4-concrete-practices',
    });
    // Only practices are excerpts; every whole is a takeaway or a quote of the same topic.
    for (const m of dataset.messages.filter((m) => m.excerptOf !== undefined)) {
      const whole = dataset.messages.find((w) => w.id === m.excerptOf)!;
      expect(m.kind, m.id).toBe('practice');
      expect(['takeaway', 'quote'], m.id).toContain(whole.kind);
      expect(whole.topicId, m.id).toBe(m.topicId);
    }
  });

  it('ties every practice to a place, or says in a note why not', () => {
    for (const m of dataset.messages.filter((m) => m.kind === 'practice')) {
      expect(m.placeIds.length > 0 || Boolean(m.note), m.id).toBe(true);
    }
  });

  it('records the name spelled two ways', () => {
    const person = dataset.people.find((p) => p.nameVariants?.length);
    expect(person?.name).toBe('Juan Pablo Gutierrez');
    expect(person?.nameVariants).toEqual(['Juan Pablo Caceido']);
    expect(person?.note).toMatch(/Caceido/);
  });

  it('notes every inferred topic-to-session link and the blank date cells', () => {
    for (const s of dataset.sessions.filter((s) => s.topicId || s.date === '2020-06-11'))
      expect(s.note, s.id).toBeTruthy();
  });

  it('uses every theme at least once, except the area the consultation did not take up', () => {
    const used = new Set(dataset.messages.flatMap((m) => m.themeIds));
    const unused = dataset.themes.filter((t) => !used.has(t.id)).map((t) => t.id);
    expect(unused).toEqual([]);
  });
});

/**
 * The theme-word check: the word lists and their exceptions are the two tables under
 * "Theme words" in the codebook (`data/README.md`), read from there so the list a reader
 * audits is the list enforced.
 */
interface ThemeWords {
  words: Map<string, string[]>;
  exceptions: { messageId: string; themeId: string; word: string; why: string }[];
}

/** The tables of a section of a markdown document (up to the next heading of its level or above), as rows of cells. */
function tablesUnder(markdown: string, heading: string): string[][][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`no heading "${heading}" in the codebook`);
  const level = /^#+/.exec(heading)![0].length;
  const tables: string[][][] = [];
  let table: string[][] | null = null;
  for (const line of lines.slice(start + 1)) {
    const h = /^(#+)\s/.exec(line);
    if (h && h[1]!.length <= level) break;
    if (line.trim().startsWith('|')) {
      const cells = line
        .trim()
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((c) => c.trim());
      if (cells.every((c) => /^:?-+:?$/.test(c))) continue; // the rule under the header
      (table ??= []).push(cells);
    } else if (table) {
      tables.push(table);
      table = null;
    }
  }
  if (table) tables.push(table);
  return tables;
}

const codes = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

export function readThemeWords(markdown: string): ThemeWords {
  const tables = tablesUnder(markdown, '### Theme words: the fidelity check');
  const byHeader = (first: string) => tables.find((t) => t[0]![0] === first)?.slice(1) ?? [];
  const words = new Map<string, string[]>();
  for (const [theme, list] of byHeader('theme')) {
    const [id] = codes(theme!);
    if (!id || words.has(id)) throw new Error(`theme-word row "${theme}": expected one theme id, once`);
    words.set(id, codes(list!));
  }
  const exceptions = byHeader('message').map(([message, theme, word, why]) => ({
    messageId: codes(message!)[0]!,
    themeId: codes(theme!)[0]!,
    word: codes(word!)[0]!,
    why: why!,
  }));
  return { words, exceptions };
}

const fold = (text: string) => text.replace(/[‘’ʼ]/g, "'").replace(/\s+/g, ' ');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the text name the word: case ignored, whole words (a hyphen is a boundary), white space folded? */
export function names(text: string, word: string): boolean {
  const pattern = fold(word).split(' ').map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu').test(fold(text));
}

/** The themes a message's text names by their words but the message lacks, with the first word found; exceptions left out. */
export function untagged(
  message: Pick<Dataset['messages'][number], 'id' | 'text' | 'themeIds'>,
  { words, exceptions }: ThemeWords,
): { themeId: string; word: string }[] {
  const found: { themeId: string; word: string }[] = [];
  for (const [themeId, list] of words) {
    if (message.themeIds.includes(themeId)) continue;
    for (const word of list) {
      if (!names(message.text, word)) continue;
      if (exceptions.some((e) => e.messageId === message.id && e.themeId === themeId && e.word === word)) continue;
      found.push({ themeId, word });
      break;
    }
  }
  return found;
}

describe('theme words: a message that names a theme’s obvious words carries the theme', () => {
  const themeWords = readThemeWords(CODEBOOK);
  const { words, exceptions } = themeWords;

  it('the codebook has a row of words for every theme, and names no other', () => {
    expect([...words.keys()].sort()).toEqual(dataset.themes.map((t) => t.id).sort());
    for (const [themeId, list] of words) expect(list.length, themeId).toBeGreaterThan(0);
  });

  it('every exception still applies: its message names the word, lacks the theme, and says why', () => {
    expect(exceptions.length).toBeGreaterThan(0);
    for (const e of exceptions) {
      const message = dataset.messages.find((m) => m.id === e.messageId);
      expect(message, e.messageId).toBeDefined();
      expect(words.get(e.themeId), `${e.messageId}: "${e.word}" is a word of ${e.themeId}`).toContain(e.word);
      expect(names(message!.text, e.word), `${e.messageId} names "${e.word}"`).toBe(true);
      expect(message!.themeIds, `${e.messageId} lacks ${e.themeId}`).not.toContain(e.themeId);
      expect(e.why.length, `${e.messageId}: the reason`).toBeGreaterThan(20);
    }
  });

  it('matches whole words and phrases, case ignored, a hyphen as a boundary', () => {
    expect(names('Due to COVID-19 and the quarantine', 'COVID')).toBe(true);
    expect(names('the post covid era', 'COVID')).toBe(true);
    expect(names('misinformation about it', 'information')).toBe(false);
    expect(names('the labour\nmarket', 'labour market')).toBe(true);
    expect(names('relabour marketing', 'labour market')).toBe(false);
    expect(names('LRA’s noted', "LRA's")).toBe(true);
  });

  it('fails a message that names a theme’s words without the theme (it can fail)', () => {
    const corridor = dataset.messages.find((m) => m.id === 't2-different-realities')!;
    expect(untagged(corridor, themeWords)).toEqual([]);
    const withoutBasicNeeds = { ...corridor, themeIds: corridor.themeIds.filter((id) => id !== 'housing') };
    expect(untagged(withoutBasicNeeds, themeWords)).toEqual([{ themeId: 'housing', word: 'shelter' }]);
    const uruguay = dataset.messages.find((m) => m.id === 'practice-uruguay-documents')!;
    const withoutWork = { ...uruguay, themeIds: uruguay.themeIds.filter((id) => id !== 'economic-inclusion') };
    expect(untagged(withoutWork, themeWords)).toEqual([{ themeId: 'economic-inclusion', word: 'labour market' }]);
    // An exception covers its own message, theme and word only.
    const pathways = dataset.messages.find((m) => m.id === 't3-3-regular-pathways')!;
    expect(untagged(pathways, themeWords)).toEqual([]);
    expect(untagged({ ...pathways, id: 'another' }, themeWords)).toEqual([{ themeId: 'skills', word: 'skills' }]);
  });

  it.each(dataset.messages.map((m) => [m.id, m] as const))('%s', (_id, message) => {
    // Each finding as `theme ("word")`: tag the theme, or list the exception in the codebook with its reason.
    expect(untagged(message, themeWords).map((f) => `${f.themeId} ("${f.word}")`)).toEqual([]);
  });
});

describe('places lie in their country', () => {
  const world = JSON.parse(readFileSync('node_modules/world-atlas/countries-10m.json', 'utf8')) as Topology;
  const shapes = feature(world, world.objects.countries as GeometryCollection).features;

  it.each(dataset.places.map((p) => [p.id, p] as const))('%s', (_id, place) => {
    const numeric = countries.alpha2ToNumeric(place.countryCode);
    expect(numeric, `${place.countryCode} is an ISO 3166-1 code`).toBeTruthy();
    const country = shapes.find((f) => String(f.id) === numeric);
    expect(country, `world-atlas has country ${numeric}`).toBeTruthy();
    const point: [number, number] = [place.lon, place.lat];
    if (geoContains(country!, point)) return;
    // Coast and island cities can fall just outside a generalised outline: within 10 km counts.
    const km = nearestVertexKm(country!.geometry, point);
    expect(km, `${place.name} is ${km.toFixed(1)} km from ${place.countryCode}`).toBeLessThan(10);
  });
});

function nearestVertexKm(geometry: GeoJSON.Geometry, point: [number, number]): number {
  let best = Infinity;
  const visit = (coords: unknown): void => {
    if (typeof (coords as number[])[0] === 'number') {
      best = Math.min(best, geoDistance(coords as [number, number], point) * 6371);
    } else for (const c of coords as unknown[]) visit(c);
  };
  if ('coordinates' in geometry) visit(geometry.coordinates);
  return best;
}

describe('the corrections list in the codebook', () => {
  /** "- **Added:** `message` → `theme`: reason" lines of the section, read as the test's table. */
  const section = CODEBOOK.slice(CODEBOOK.indexOf('### Corrections after a second independent reading'));
  const lines = [
    ...section
      .slice(0, section.indexOf('\n### ', 5))
      .matchAll(/^- \*\*(Added|Removed|Kept):\*\* `([a-z0-9-]+)` → `([a-z0-9-]+)`: (.+)$/gm),
  ].map(([, decision, message, theme, reason]) => ({ decision, message, theme, reason }));

  it('is there, each decision with its reason', () => {
    expect(lines.length).toBeGreaterThanOrEqual(13);
    for (const line of lines) expect(line.reason!.length, line.message).toBeGreaterThan(20);
  });

  it.each(lines.map((l) => [`${l.decision} ${l.message} → ${l.theme}`, l] as const))('%s', (_name, line) => {
    const message = dataset.messages.find((m) => m.id === line.message);
    expect(message, `${line.message} is a message of the dataset`).toBeDefined();
    expect(
      dataset.themes.some((t) => t.id === line.theme),
      `${line.theme} is a theme`,
    ).toBe(true);
    expect(message!.themeIds.includes(line.theme!)).toBe(line.decision !== 'Removed');
  });
});
