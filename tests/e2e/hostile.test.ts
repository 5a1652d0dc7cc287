/**
 * The built app in Chromium on a fixed-seed sample of hostile datasets from
 * `tests/fixtures/hostile.ts`, each served in place of the bundled one: a megabyte of text,
 * thousands of messages and places, odd Unicode, nesting thousands deep, an unknown
 * schemaVersion, a repeated id, numbers JSON cannot hold, `__proto__` keys, a byte order mark,
 * ids spelled like the map's cluster keys. Whatever it is, no uncaught error, the page keeps
 * answering, and either the four regions show or an alert names the field's path.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatError, validateDatasetText } from '../../src/lib/data/validate';
import { outcome, sampleMutant, type Mutant } from '../fixtures/hostile';
import { openApp, useApp } from './app';

const SEED = 2020;
const REGIONS = ['Map', 'Timeline', 'Themes', 'Messages'];
/** How long the page may take to answer a script, busy or not. */
const ANSWER_MS = 5_000;

const rejectedAt = (pattern: RegExp) => (m: Mutant) => m.expect.ok === false && pattern.test(m.expect.path ?? '');

const SAMPLE: Mutant[] = [
  // Accepted: the consultation shows.
  sampleMutant('huge string in a message text', SEED, (m) => m.note.startsWith('messages[0].')),
  sampleMutant('thousands of messages', SEED, (m) => m.note.startsWith('5000')),
  sampleMutant('thousands of places', SEED, (m) => m.note.startsWith('5000')),
  // In the page's title (always on screen), with a lone surrogate.
  sampleMutant('odd Unicode in a text', SEED, (m) => /^meta\.title: /.test(m.note) && /\\ud[89a-f]/.test(m.note)),
  sampleMutant('nesting thousands deep in a field the contract does not name', SEED),
  sampleMutant('__proto__, constructor and prototype keys', SEED),
  sampleMutant('a byte order mark before the document', SEED),
  sampleMutant('place ids spelled like the map’s cluster keys', SEED),
  // Rejected: an alert names the path.
  sampleMutant('an object nested thousands deep where a string is expected', SEED),
  sampleMutant('an unknown schemaVersion', SEED),
  sampleMutant('an id listed twice in one list', SEED, rejectedAt(/^messages\[0\]\.themeIds\[/)),
  sampleMutant('NaN, Infinity and numbers JSON cannot hold', SEED, rejectedAt(/^places\[\d+\]\.(lat|lon)$/)),
];

const app = useApp();

/** The page runs a script within the time, or the test says it hung. */
async function answers(page: Page): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(0), ANSWER_MS)));
  const answer = await Promise.race([page.evaluate(() => 1), hung]);
  clearTimeout(timer);
  return answer === 1;
}

describe('the built app on hostile datasets', () => {
  it.each(SAMPLE.map((m): [string, string, string, Mutant] => [m.kind, outcome(m), m.note.slice(0, 60), m]))(
    '%s: %s (%s)',
    async (_kind, _outcome, _note, mutant) => {
      const result = validateDatasetText(mutant.text);
      expect(result.ok).toBe(mutant.expect.ok);
      const { page, pageErrors, close } = await openApp(app, { dataset: mutant.text });
      try {
        expect(await answers(page)).toBe(true);
        if (result.ok) {
          await page.getByRole('main', { name: 'Dashboard' }).waitFor({ timeout: 30_000 });
          expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
          const names = await page.locator('main section[aria-labelledby] .region-header h2').allTextContents();
          expect(names).toEqual(REGIONS);
          for (const name of REGIONS) {
            expect(await page.getByRole('region', { name, exact: true }).isVisible(), name).toBe(true);
          }
          expect(await page.getByRole('alert').count()).toBe(0);
        } else {
          const alert = page.getByRole('alert');
          await alert.waitFor({ timeout: 30_000 });
          const first = result.errors[0]!;
          expect(first.path).not.toBe('');
          const text = (await alert.textContent()) ?? '';
          expect(text).toContain(formatError(first));
          if (mutant.expect.ok === false && mutant.expect.path) expect(text).toContain(`${mutant.expect.path}`);
          expect(await alert.getByRole('button', { name: 'Retry' }).isVisible()).toBe(true);
        }
        // Still answering once everything is drawn, and nothing thrown on the way.
        expect(await answers(page)).toBe(true);
        expect(pageErrors).toEqual([]);
      } finally {
        await close();
      }
    },
    90_000,
  );
});
