/**
 * The filter engine against crossfilter2 (the engine of dc.js dashboards), on the same
 * synthetic dataset, doing the same work per clause change: the filtered messages, and every
 * view's counts under every clause but its own (places, sessions, themes, topic × theme).
 */
import crossfilter from 'crossfilter2';
import { buildSearcher } from '../src/lib/filters/search';
import { syntheticDataset } from '../scripts/synthetic';
import {
  buildIndex,
  cellCounts,
  cellKey,
  countBy,
  indexMemory,
  resolve,
  setClause,
  textClause,
  type Clause,
  type IndexMemory,
} from '../src/lib/filters';
import { topicRows } from '../src/lib/scales/matrix';
import { topicRowWords } from '../src/lib/ui/theme-words';
import type { Dataset } from '../src/lib/data/schema';

export interface EngineResult {
  messages: number;
  engineMs: number;
  crossfilterMs: number;
  buildMs: number;
  crossfilterBuildMs: number;
  /** The engine's index: bytes of its typed arrays, and per membership. */
  memory: IndexMemory;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A scripted sequence of clause changes, the same for both engines. */
function changes(d: Dataset): Clause[][] {
  const place = (i: number) => d.places[i % d.places.length]!.id;
  const theme = (i: number) => d.themes[i % d.themes.length]!.id;
  const session = (i: number) => d.sessions[i % d.sessions.length]!.id;
  const out: Clause[][] = [];
  for (let i = 0; i < 40; i++) {
    const clauses: Clause[] = [setClause('map', 'place', [place(i), place(i + 7)])];
    if (i % 2) clauses.push(setClause('matrix', 'cell', [cellKey('*', theme(i))]));
    if (i % 3) clauses.push(setClause('timeline', 'session', [session(i)]));
    out.push(clauses);
  }
  return out;
}

function ours(d: Dataset, steps: Clause[][]): { build: number; perChange: number; memory: IndexMemory } {
  const t0 = performance.now();
  const index = buildIndex(d);
  const rows = topicRows(d, topicRowWords());
  const build = performance.now() - t0;
  const times: number[] = [];
  for (const clauses of steps) {
    const t = performance.now();
    resolve(index, clauses).count();
    countBy(index, 'place', resolve(index, clauses, 'map'));
    countBy(index, 'session', resolve(index, clauses, 'timeline'));
    const matrix = resolve(index, clauses, 'matrix');
    countBy(index, 'theme', matrix);
    cellCounts(
      index,
      rows.map((r) => r.id),
      d.themes.map((t) => t.id),
      matrix,
    );
    times.push(performance.now() - t);
  }
  return { build, perChange: median(times), memory: indexMemory(index) };
}

function theirs(d: Dataset, steps: Clause[][]): { build: number; perChange: number } {
  const t0 = performance.now();
  const sessionOfTopic = new Map(d.sessions.filter((s) => s.topicId).map((s) => [s.topicId!, s.id]));
  const personPlace = new Map(d.people.map((p) => [p.id, p.placeId]));
  const rows = d.messages.map((m) => ({
    id: m.id,
    topic: m.topicId ?? '~none',
    session: m.topicId ? (sessionOfTopic.get(m.topicId) ?? '') : '',
    places: [
      ...new Set([...m.placeIds, ...m.personIds.map((p) => personPlace.get(p)).filter((x): x is string => !!x)]),
    ],
    themes: m.themeIds,
  }));
  const cf = crossfilter(rows);
  const placeDim = cf.dimension((r) => r.places, true);
  const sessionDim = cf.dimension((r) => r.session);
  const themeDim = cf.dimension((r) => r.themes, true);
  const topicDim = cf.dimension((r) => r.topic);
  const placeGroup = placeDim.group();
  const sessionGroup = sessionDim.group();
  const themeGroup = themeDim.group();
  const topicGroup = topicDim.group();
  const all = cf.groupAll();
  const build = performance.now() - t0;
  const times: number[] = [];
  for (const clauses of steps) {
    const t = performance.now();
    const place = clauses.find((c) => c.source === 'map');
    const cell = clauses.find((c) => c.source === 'matrix');
    const session = clauses.find((c) => c.source === 'timeline');
    const pick = (c: Clause | undefined) =>
      c?.kind === 'set' ? new Set(c.value.map((v) => v.replace('*|', ''))) : null;
    const places = pick(place);
    const themes = pick(cell);
    const sessions = pick(session);
    if (places) placeDim.filterFunction((v) => places.has(v as string));
    else placeDim.filterAll();
    if (themes) themeDim.filterFunction((v) => themes.has(v as string));
    else themeDim.filterAll();
    if (sessions) sessionDim.filterFunction((v) => sessions.has(v as string));
    else sessionDim.filterAll();
    // Every view's counts: crossfilter's groups already leave out their own dimension's filter.
    all.value();
    placeGroup.all();
    sessionGroup.all();
    themeGroup.all();
    topicGroup.all();
    times.push(performance.now() - t);
  }
  return { build, perChange: median(times) };
}

export function benchEngine(messages: number, places: number): EngineResult {
  const d = syntheticDataset({ messages, places, sessions: 40, seed: 42 });
  const steps = changes(d);
  // Warm both up once, then measure.
  ours(d, steps.slice(0, 5));
  theirs(d, steps.slice(0, 5));
  const a = ours(d, steps);
  const b = theirs(d, steps);
  return {
    messages,
    engineMs: a.perChange,
    crossfilterMs: b.perChange,
    buildMs: a.build,
    crossfilterBuildMs: b.build,
    memory: a.memory,
  };
}

/** The plain-text search (the engine's own, used until the search library has loaded), for the record. */
export function benchSearch(messages: number): number {
  const d = syntheticDataset({ messages, places: 1000, sessions: 40, seed: 42 });
  const index = buildIndex(d);
  const times: number[] = [];
  for (const q of ['housing', 'regular pathways', 'council fund', 'migrants', 'xyz']) {
    const t = performance.now();
    resolve(index, [textClause('search', `${q} ${times.length}`)]);
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Search through the library (MiniSearch, loaded when the search box is first used): building
 * its index, once per dataset, and a query, each a word not asked before (no memo).
 */
export function benchLibrarySearch(dataset: Dataset): { buildMs: number; queryMs: number } {
  const t = performance.now();
  const searcher = buildSearcher(dataset);
  const buildMs = performance.now() - t;
  const times: number[] = [];
  for (const q of ['housing', 'regularisation', 'regular pathways', 'migra', 'council fund', 'labor market', 'xyz']) {
    const start = performance.now();
    searcher.search(q);
    times.push(performance.now() - start);
  }
  return { buildMs, queryMs: median(times) };
}
