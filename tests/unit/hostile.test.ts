/**
 * Hostile datasets, generated: every mutator of `tests/fixtures/hostile.ts` draws mutants of
 * the real dataset with a fixed seed. The property, for each: validation (as the app runs it,
 * `parseJson` then `validateDataset`) either accepts the mutant, and the pure pipeline the views
 * run on load goes through it, or rejects it with errors that each name a JSON path that is
 * there in the document (empty only when the whole document is the problem) and a short
 * message; and the outcome is the one the contract gives. Never an exception, never more than
 * a few seconds.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatError, formatPath, parseJson, validateDataset, type ValidationError } from '../../src/lib/data/validate';
import type { Dataset } from '../../src/lib/data/schema';
import { placeInfos } from '../../src/lib/scales/places';
import { isoDay, parseDate } from '../../src/lib/data/dates';
import { fullWindow, sessionWindow } from '../../src/lib/scales/timeline';
import { MUTATORS, withClusterLookalikes, type Expectation, type Mutant, type Mutator } from '../fixtures/hostile';
import { runPipeline, worldMarks } from '../fixtures/pipeline';

/** Fixed: the same mutants on every run. */
const SEED = 20_200_604;
/** Per mutant, validation and pipeline together (a 2-core machine, shared). */
const BUDGET_MS = { normal: 1_500, huge: 5_000 };
/** An error names the problem; it does not quote a megabyte back. */
const MAX_MESSAGE = 300;

interface Tally {
  runs: number;
  accepted: number;
  rejected: number;
  slowest: number;
}
const tallies = new Map<string, Tally>();

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `messages[3].themeIds[0]` → `['messages', 3, 'themeIds', 0]`; null if it is not a path in that form. */
function keysOf(path: string): (string | number)[] | null {
  const keys = [...path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)].map(([, index, key]) =>
    index !== undefined ? Number(index) : key!,
  );
  return formatPath(keys) === path ? keys : null;
}

/** Does the error's path lead into the document: every step but the last there, and the last too unless it is missing? */
function pathIsThere(root: unknown, error: ValidationError): boolean {
  const keys = keysOf(error.path);
  if (!keys || keys.length === 0) return false;
  let at: unknown = root;
  for (const [i, key] of keys.entries()) {
    if (typeof at !== 'object' || at === null) return false;
    const has = Object.prototype.hasOwnProperty.call(at, key);
    if (!has) return i === keys.length - 1 && error.message.startsWith('missing required field');
    at = (at as Record<string | number, unknown>)[key];
  }
  return true;
}

const under = (path: string, prefix: string) =>
  path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

function expectOutcome(expected: Expectation, errors: readonly ValidationError[] | null, note: string): void {
  const listed = (errors ?? []).slice(0, 5).map(formatError);
  if (expected.ok === 'either') return;
  if (expected.ok) {
    expect(errors, `accepted (${note}), got ${listed.join('; ')}`).toBeNull();
    return;
  }
  expect(errors, `rejected (${note})`).not.toBeNull();
  const { path, message } = expected;
  const matching = errors!.filter(
    (e) => (path === undefined || under(e.path, path)) && (message === undefined || message.test(e.message)),
  );
  expect(
    matching.length,
    `an error at ${path ?? 'any path'} ${message ?? ''} (${note}); got ${listed.join('; ')}`,
  ).toBeGreaterThan(0);
}

/** One mutant, as the app meets it; returns whether it was accepted. */
function checkMutant(mutant: Mutant, budget: number): boolean {
  const started = performance.now();
  const json = parseJson(mutant.text);
  const result = json.ok ? validateDataset(json.data) : json;
  const wholeDocument = !json.ok || !isPlainObject(json.data);
  const tally = tallies.get(mutant.kind) ?? { runs: 0, accepted: 0, rejected: 0, slowest: 0 };
  tallies.set(mutant.kind, tally);
  tally.runs++;
  tally[result.ok ? 'accepted' : 'rejected']++;
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype is untouched').toBeUndefined();

  if (result.ok) {
    runPipeline(result.data);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      const line = formatError(error).slice(0, 200);
      expect(typeof error.message === 'string' && error.message.trim().length > 0, `a message: ${line}`).toBe(true);
      expect(error.message.length, `a short message: ${line}`).toBeLessThanOrEqual(MAX_MESSAGE);
      if (wholeDocument) expect(error.path, `the whole document: ${line}`).toBe('');
      else expect(pathIsThere(json.ok ? json.data : null, error), `a path into the document: ${line}`).toBe(true);
    }
  }
  expectOutcome(mutant.expect, result.ok ? null : result.errors, `${mutant.kind}: ${mutant.note}`);

  const elapsed = performance.now() - started;
  tally.slowest = Math.max(tally.slowest, elapsed);
  expect(elapsed, `${mutant.kind}: ${mutant.note} took ${elapsed.toFixed(0)} ms`).toBeLessThan(budget);
  return result.ok;
}

describe('hostile datasets: accepted and run, or rejected with paths', () => {
  it('names each kind of mutation once, each with runs', () => {
    const names = MUTATORS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const m of MUTATORS) expect(m.runs, m.name).toBeGreaterThan(0);
  });

  it.each(MUTATORS.map((m): [string, Mutator] => [m.name, m]))(
    '%s',
    (_name, mutator) => {
      fc.assert(
        fc.property(mutator.mutants, (mutant) => {
          checkMutant(mutant, mutator.huge ? BUDGET_MS.huge : BUDGET_MS.normal);
        }),
        // The huge ones are not shrunk: each step would build megabytes again.
        { seed: SEED, numRuns: mutator.runs, endOnFailure: mutator.huge === true },
      );
    },
    60_000,
  );

  afterAll(() => {
    const rows = MUTATORS.map((m) => {
      const t = tallies.get(m.name);
      return t
        ? `${m.name}: ${t.runs} runs, ${t.accepted} accepted, ${t.rejected} rejected, slowest ${t.slowest.toFixed(0)} ms`
        : `${m.name}: did not run`;
    });
    console.log(`Mutation kinds tried (seed ${SEED}):\n  ${rows.join('\n  ')}`);
  });
});

describe('what the mutators found, pinned', () => {
  it.each([
    ['0000-01-01', '0000-01-01'],
    ['0050-06-04', '0050-06-04'],
    ['0099-12-31', '0099-12-31'],
    ['0004-02-29', '0004-02-29'],
    ['0100-03-01', '0100-03-01'],
    ['2020-06-11', '2020-06-11'],
    ['0050', '0050-01-01'],
    ['0007-07', '0007-07-01'],
  ])('the timeline puts %s on %s (years 0–99 are not 1900–1999)', (date, day) => {
    expect(isoDay(parseDate(date))).toBe(day);
  });

  it('the timeline frames any number of dates (no spread into Math.min)', () => {
    const sessions = Array.from({ length: 300_000 }, (_, i) => ({
      id: `s-${i}`,
      date: `20${10 + (i % 10)}-06-0${1 + (i % 9)}`,
      order: 1,
      type: 'thematic-session' as const,
      title: 'S',
    }));
    const [from, to] = sessionWindow(sessions);
    expect(isoDay(from)).toBe('2010-05-30');
    const whole = fullWindow(sessions, [{ id: 'e', date: '2030', title: 'E' }]);
    expect(whole.map((d) => d.getUTCFullYear())).toEqual([2009, 2030]);
    expect(to.getTime()).toBeGreaterThan(parseDate('2019-06-09').getTime());
  });

  it('a place called like a cluster never shares its key on the map', () => {
    const data = withClusterLookalikes(1) as Dataset;
    const marks = worldMarks(placeInfos(data));
    const clusters = marks.filter((m) => m.type === 'cluster').map((m) => Number(/(\d+)$/.exec(m.key)![1]));
    const lookalikes = marks.filter((m) => m.type === 'place' && /^cluster-\d+$/.test(m.key));
    // Not vacuous: a place named after a cluster on screen is on screen too.
    expect(lookalikes.some((m) => clusters.includes(Number(m.key.slice('cluster-'.length))))).toBe(true);
    expect(new Set(marks.map((m) => m.key)).size).toBe(marks.length);
  });
});
