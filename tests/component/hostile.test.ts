/**
 * The app rendered (jsdom) on a fixed-seed sample of hostile datasets from
 * `tests/fixtures/hostile.ts`: an accepted one shows the consultation (its four regions, no
 * alert, no error); a rejected one shows an alert that lists its first error with the field's
 * path.
 */
import { render, screen, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { formatError, validateDatasetText } from '../../src/lib/data/validate';
import { outcome, sampleMutant, type Mutant } from '../fixtures/hostile';

const SEED = 604;
const INDEX = { consultations: [{ id: 'puebla-2020', title: 'Puebla 2020', file: 'puebla-2020.json' }] };
const BASEMAP = readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8');
const REGIONS = ['Map', 'Timeline', 'Themes', 'Messages'];

/** Serves the list, the mutant as the dataset's text, and the basemap. */
function serve(dataset: string) {
  const files: Record<string, string> = {
    'index.json': JSON.stringify(INDEX),
    'puebla-2020.json': dataset,
    'countries-110m.json': BASEMAP,
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const name = String(input).split('/').pop()!;
      return name in files ? new Response(files[name]) : new Response('not found', { status: 404 });
    }),
  );
}

const accepted = (m: Mutant) => m.expect.ok === true;
/** Rejected at this path: on the first message, the first card the list draws. */
const rejectedAt = (pattern: RegExp) => (m: Mutant) => m.expect.ok === false && pattern.test(m.expect.path ?? '');

/** Accepted mutants: the dataset still shows. */
const ACCEPTED: Mutant[] = [
  sampleMutant('huge string in a message text', SEED, (m) => m.note.startsWith('messages[0]')),
  sampleMutant('odd Unicode in a text', SEED),
  sampleMutant('odd Unicode in a message label', SEED, accepted),
  sampleMutant('__proto__, constructor and prototype keys', SEED),
  sampleMutant('ids named like Object.prototype members', SEED, accepted),
  sampleMutant('thousands of messages', SEED),
  sampleMutant('every collection empty', SEED),
  sampleMutant('a byte order mark before the document', SEED),
];

/** Rejected mutants: an alert names the path. The repeated id is on the first card the list would draw. */
const REJECTED: Mutant[] = [
  sampleMutant('an id listed twice in one list', SEED, rejectedAt(/^messages\[0\]\.themeIds\[/)),
  sampleMutant('a dangling reference', SEED),
  sampleMutant('an object nested thousands deep where a string is expected', SEED),
  sampleMutant('an unknown schemaVersion', SEED),
  sampleMutant('huge unknown id in a list of ids', SEED),
];

let uncaught: string[] = [];
const onError = (event: ErrorEvent) => uncaught.push(String(event.error ?? event.message));
beforeEach(() => {
  uncaught = [];
  window.addEventListener('error', onError);
});
afterEach(() => {
  window.removeEventListener('error', onError);
  vi.unstubAllGlobals();
});

describe('the app on hostile datasets', () => {
  it.each(ACCEPTED.map((m): [string, string, Mutant] => [m.kind, m.note.slice(0, 80), m]))(
    'shows the consultation: %s (%s)',
    async (_kind, _note, mutant) => {
      expect(outcome(mutant)).toBe('accepted');
      serve(mutant.text);
      render(App);
      const main = await screen.findByRole('main', { name: 'Dashboard' }, { timeout: 10_000 });
      for (const name of REGIONS) expect(within(main).getByRole('region', { name })).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(uncaught).toEqual([]);
    },
    20_000,
  );

  it.each(REJECTED.map((m): [string, string, Mutant] => [m.kind, m.note.slice(0, 80), m]))(
    'names the path in an alert: %s (%s)',
    async (_kind, _note, mutant) => {
      const result = validateDatasetText(mutant.text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const first = result.errors[0]!;
      expect(first.path).not.toBe('');
      serve(mutant.text);
      render(App);
      const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
      expect(alert).toHaveTextContent(/The dataset puebla-2020\.json is not valid: \d+ problems?\./);
      const lines = within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent ?? '');
      expect(lines[0]).toBe(formatError(first));
      expect(lines[0]!.startsWith(`${first.path}: `)).toBe(true);
      if (mutant.expect.ok === false && mutant.expect.path) {
        const path = mutant.expect.path;
        expect(lines.some((line) => line.startsWith(`${path}: `) || line.startsWith(`${path}[`))).toBe(true);
      }
      expect(screen.queryByRole('main', { name: 'Dashboard' })).toBeNull();
      expect(uncaught).toEqual([]);
    },
    20_000,
  );
});
