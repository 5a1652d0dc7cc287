/**
 * The first load's size, read from the build: each file gzipped (level 9) as a server would
 * send it. Shared by `npm run bench`, which prints the figures, and the budget test in
 * `npm test`, which fails when a budget is passed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** The budgets every change keeps, in bytes gzipped. */
export const BUDGETS = { js: 120 * 1024, first: 250 * 1024 } as const;

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** A file's size gzipped at level 9, in bytes. */
export const gzipped = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length;

export function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export interface FirstLoad {
  /** Scripts fetched before every view was drawn. */
  js: number;
  /** Scripts loaded on demand (tables, presentation, the story editor, …). */
  lazy: number;
  css: number;
  basemap: number;
  data: number;
  page: number;
  fonts: number;
  /** Everything the first screen needs. */
  first: number;
}

/**
 * The sizes of a build in `dir`, given the names of the scripts and fonts the page fetched
 * by the time every view was drawn (see {@link fetchedFiles}).
 */
export function firstLoad(dir: string, fetched: readonly string[]): FirstLoad {
  const dist = files(dir);
  const size = (test: (f: string) => boolean) => dist.filter(test).reduce((sum, f) => sum + gzipped(f), 0);
  const loaded = (f: string) => fetched.includes(f.split('/').pop()!);
  const js = size((f) => f.endsWith('.js') && loaded(f));
  const lazy = size((f) => f.endsWith('.js') && !loaded(f) && !f.endsWith('sw.js'));
  const css = size((f) => f.endsWith('.css'));
  const basemap = size((f) => f.includes('countries-110m'));
  const data = size((f) => f.endsWith('puebla-2020.json') || f.endsWith('index.json'));
  const page = size((f) => f.endsWith('index.html'));
  // The typeface's files the page used (woff2 is already compressed; gzip barely changes it).
  const fonts = size((f) => /\.woff2?$/.test(f) && loaded(f));
  return { js, lazy, css, basemap, data, page, fonts, first: js + css + basemap + data + page + fonts };
}

/** The scripts and fonts a page has fetched so far, by file name. */
export function fetchedFiles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.split('/').pop()!)
      .filter((name) => /\.(js|woff2?)$/.test(name)),
  );
}
