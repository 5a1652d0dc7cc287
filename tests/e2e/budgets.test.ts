/**
 * The size budgets every change keeps, read from the build (not timed): the scripts the page
 * fetched by the time every view was drawn, gzipped, at most 120 KB; everything the first
 * screen needs (scripts, styles, basemap, consultation, page, typeface) at most 250 KB.
 * `npm run bench` prints the same figures.
 */
import { describe, expect, it } from 'vitest';
import { allDrawn } from '../../bench/browser';
import { readFileSync } from 'node:fs';
import { BUDGETS, fetchedFiles, files, firstLoad, kb } from '../../bench/sizes';
import { openApp, useApp } from './app';

const app = useApp();

describe('the first load stays within its budgets', () => {
  it('first-load JS ≤ 120 KB and the whole first load ≤ 250 KB, gzipped, on the bundled consultation', async () => {
    const { page, errors, close } = await openApp(app, { viewport: { width: 1366, height: 768 } });
    await allDrawn(page);
    const fetched = await fetchedFiles(page);
    await close();
    const sizes = firstLoad('dist', fetched);
    const said = Object.entries(sizes)
      .map(([part, bytes]) => `${part} ${kb(bytes)}`)
      .join(', ');
    // The page's own script is among what it fetched, and something is left for later.
    expect(
      fetched.some((name) => /^index-.*\.js$/.test(name)),
      said,
    ).toBe(true);
    expect(sizes.lazy, said).toBeGreaterThan(0);
    expect(sizes.js, `first-load JS: ${said}`).toBeLessThanOrEqual(BUDGETS.js);
    expect(sizes.first, `whole first load: ${said}`).toBeLessThanOrEqual(BUDGETS.first);
    expect(errors).toEqual([]);
  });

  it('TanStack Query’s mutations are left out of the page (the app makes none): its Mutation class is the stand-in', () => {
    const scripts = files('dist')
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(f, 'utf8'));
    expect(scripts.some((code) => code.includes('uses no TanStack Query mutations'))).toBe(true);
    // The real class's own words are nowhere in the build.
    expect(scripts.some((code) => code.includes('No mutationFn found'))).toBe(false);
  });
});
