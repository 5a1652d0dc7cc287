/** What every end-to-end test file shares: the built app served, Chromium, the bundled dataset. */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { formatDate } from '../../src/lib/i18n/format';
import { launchBrowser, offlineContext, serveBuild, watchErrors } from './browser';

export const PUEBLA = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8')) as Dataset;

/** The same dataset, untyped: tests that break it on purpose (a missing field, markup in a name) start from this. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- these tests write what the type forbids
export const PUEBLA_JSON: any = JSON.parse(readFileSync('data/puebla-2020.json', 'utf8'));

/** The default story's scenes (headline, and how many messages each leaves), worked out here from the data. */
export const DEFAULT_SCENES: [string, number][] = (() => {
  const puebla = PUEBLA;
  const count = (test: (m: Dataset['messages'][number]) => boolean) => puebla.messages.filter(test).length;
  const dates = puebla.sessions.map((s) => s.date).sort();
  const scenes: [string, number][] = [
    [puebla.meta.title, count((m) => m.kind === 'context')],
    ['Who took part, and from where', puebla.messages.length],
    [
      `${puebla.sessions.length} sessions from ${formatDate(dates[0]!)} to ${formatDate(dates.at(-1)!)}`,
      puebla.messages.length,
    ],
  ];
  for (const topic of [...puebla.topics].sort((a, b) => a.number - b.number)) {
    scenes.push([
      `Topic ${topic.number}: ${topic.title}`,
      count((m) => m.topicId === topic.id && m.kind === 'takeaway'),
    ]);
    const quotes = count((m) => m.topicId === topic.id && m.kind === 'quote');
    if (quotes) scenes.push([`Topic ${topic.number}, in their own words`, quotes]);
  }
  scenes.push(['Recurring and cross-cutting messages', count((m) => m.kind === 'cross-cutting')]);
  // The quotes no topic holds: the Marrakesh Mayors Declaration's words.
  scenes.push(['Across the topics, in their own words', count((m) => m.kind === 'quote' && m.topicId === null)]);
  scenes.push(['What the cities do: their practices', count((m) => m.kind === 'practice')]);
  // The matrix spans every session: its headline names none.
  scenes.push(['Every topic, every theme', puebla.messages.length]);
  return scenes;
})();

/** Serves the build and launches Chromium before a file's tests; closes both after them. */
export function useApp(): { readonly url: string; readonly browser: Browser } {
  const app = {} as { url: string; browser: Browser; server: PreviewServer };
  beforeAll(async () => {
    const served = await serveBuild();
    app.server = served.server;
    app.url = served.url;
    app.browser = await launchBrowser();
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Replaces the bundled dataset: an object (sent as JSON) or text sent as it is. */
  dataset?: unknown;
  /** Appended to the app's address, e.g. `?place=montevideo`. */
  query?: string;
  /** The user's motion preference, as the operating system would say it. */
  reducedMotion?: 'reduce';
  /** Other servers of the test's own the page may reach (another site hosting a consultation). */
  allow?: readonly string[];
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Uncaught exceptions alone (a map offline may log failed tile loads, never these). */
  pageErrors: string[];
  /** Alerts and other dialogs the page opened (each dismissed). */
  dialogs: string[];
  close: () => Promise<void>;
}

/** Opens the app in a new offline context, collecting what a test checks afterwards. */
export async function openApp(app: { url: string; browser: Browser }, options: OpenOptions = {}): Promise<OpenPage> {
  const context = await offlineContext(app.browser, app.url, options.viewport, options.allow);
  const page = await context.newPage();
  if (options.reducedMotion) await page.emulateMedia({ reducedMotion: options.reducedMotion });
  const errors = watchErrors(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const { dataset } = options;
  if (dataset !== undefined) {
    await page.route('**/data/puebla-2020.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: typeof dataset === 'string' ? dataset : JSON.stringify(dataset),
      }),
    );
  }
  await page.goto(app.url + (options.query ?? ''));
  // Text is measured in the app's own typeface, never in the stand-in shown while it loads.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { context, page, errors, pageErrors, dialogs, close: () => context.close() };
}

/** The header's count line, "N of M messages". */
export function countLine(page: Page): Locator {
  return page.locator('.page-header .message-count');
}

/** The header's count: "N of M messages" → N. */
export function messageTotal(page: Page): Promise<number> {
  return countLine(page)
    .textContent()
    .then((t) => Number(/(\d+)\s+of/.exec(t ?? '')?.[1]));
}

/** A timeline session button's name: its title and count as seen, then its date. */
export function sessionName(title: string, date: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(title)}( · spoke here)?: \\d+ messages?, ${escape(date)}$`);
}

/**
 * The Messages list's cards, every one: scrolls the list to its end, as a reader would, until
 * the cards built as they come near the view include every passing message.
 */
export async function allMessageCards(page: Page): Promise<Locator> {
  const region = page.getByRole('region', { name: 'Messages' });
  const cards = region.getByRole('article');
  const more = region.getByRole('button', { name: /more of \d+ remaining/ });
  await region.waitFor();
  while ((await more.count()) > 0) {
    const before = await cards.count();
    // Scrolled to if it is still there: cards built as the list scrolls may have taken its
    // place between the count and the scroll (on a busy machine), and a locator would wait for it.
    await more.evaluateAll((buttons) => buttons[0]?.scrollIntoView({ block: 'nearest' }));
    await expect.poll(async () => (await cards.count()) > before || (await more.count()) === 0).toBe(true);
  }
  return cards;
}

/** What the page's live region has said since the page opened, in order. */
export async function listen(page: Page) {
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="announcer"]')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => {
      const text = region.textContent?.trim();
      if (text) said.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { said: string[] }).said);
}

/** The presenter's bar, while presenting. */
export function presentationBar(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Presentation' });
}

/** Two animation frames later: what a change lays out after a frame (labels, a scene) is drawn. */
export function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * Reads `read` once each two frames until it gives the same twice in a row, and `ready` says
 * what it gives is drawn (a map scene's markers, loaded after the scene): the page has settled.
 */
export async function settledValue<T>(
  page: Page,
  read: () => Promise<T>,
  ready: (value: T) => boolean = () => true,
  limit = 120,
): Promise<T> {
  let last = JSON.stringify(await read());
  for (let i = 0; i < limit; i++) {
    await nextFrames(page);
    const now = await read();
    const text = JSON.stringify(now);
    if (text === last && ready(now)) return now;
    last = text;
  }
  return read();
}
