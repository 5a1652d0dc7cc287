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
