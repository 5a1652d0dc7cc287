/**
 * In Chromium, on the built app: click-to-render times, load time beside a bare Leaflet page,
 * and the JS heap after many filter toggles.
 */
import type { Browser, Page } from 'playwright-core';
import { statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser';
import { fetchedFiles } from './sizes';

/**
 * The benchmark's Chromium is offline by its own resolver: every host but the loopback fails
 * to resolve. (The end-to-end tests instead route each request through the test, which adds a
 * delay per request and so would weigh on the page that makes more of them.)
 */
export function offlineBrowser(): Promise<Browser> {
  return launchBrowser(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
}

function benchContext(browser: Browser): Promise<BrowserContext> {
  // A first visit, measured without the service worker keeping the app in the background.
  return browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Waits until every view has drawn. */
export async function allDrawn(page: Page) {
  await page.locator('.leaflet-overlay-pane path.country').first().waitFor({ state: 'attached' });
  await page.locator('.marker-layer button').first().waitFor();
  await page.locator('.timeline button.session').first().waitFor();
  await page.getByRole('grid').first().waitFor();
  await page.getByRole('region', { name: 'Messages' }).getByRole('article').first().waitFor();
}

/**
 * The time since navigation at which every view had drawn, checked at every animation frame
 * (or every `polling` ms, for a page too busy to give frames).
 */
async function drawnAt(page: Page, polling: 'raf' | number = 'raf', timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    () =>
      document.querySelector('.leaflet-overlay-pane path.country') &&
      document.querySelector('.marker-layer button') &&
      document.querySelector('.timeline button.session') &&
      document.querySelector('[role="grid"] [role="gridcell"]') &&
      document.querySelector('.messages article') &&
      performance.now(),
    null,
    { polling, timeout },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Median time (of 41 clicks) from a click until every view has re-rendered: the click's handlers, Svelte's
 * update of every view (a microtask), and the layout that follows, measured inside the page;
 * with the medians of its two parts (script, then style and layout).
 */
async function clickToRender(page: Page, selector: string, times = 41): Promise<ClickTime> {
  return page
    .evaluate(
      async ({ selector, times }) => {
        const total: number[] = [];
        const script: number[] = [];
        const layout: number[] = [];
        for (let i = 0; i < times; i++) {
          const el = document.querySelector<HTMLElement>(selector);
          if (!el) throw new Error(`nothing matches ${selector}`);
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          const t0 = performance.now();
          el.click();
          await Promise.resolve();
          await Promise.resolve();
          const t1 = performance.now();
          void document.body.offsetHeight; // force style and layout of what changed
          const t2 = performance.now();
          total.push(t2 - t0);
          script.push(t1 - t0);
          layout.push(t2 - t1);
        }
        return { total, script, layout };
      },
      { selector, times },
    )
    .then(({ total, script, layout }) => ({ ms: median(total), scriptMs: median(script), layoutMs: median(layout) }));
}

export interface ClickTime {
  ms: number;
  scriptMs: number;
  layoutMs: number;
}

export interface BrowserResult {
  label: string;
  clicks: Record<string, ClickTime>;
  loadMs: number;
  /** The scripts and fonts the page had fetched by the time every view was drawn (file names). */
  fetched: string[];
}

export async function benchApp(browser: Browser, url: string, label: string, dataset?: string): Promise<BrowserResult> {
  const loads: number[] = [];
  let clicks: Record<string, ClickTime> = {};
  let fetched: string[] = [];
  for (let run = 0; run < 5; run++) {
    const context = await benchContext(browser);
    const page = await context.newPage();
    if (dataset) {
      await page.route('**/data/puebla-2020.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: dataset }),
      );
    }
    await page.goto(url);
    loads.push(await drawnAt(page));
    await allDrawn(page);
    if (run === 0) {
      fetched = await fetchedFiles(page);
      // Clicks are timed once the page is idle, not while its loading work is still finishing.
      await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 2000 })));
      clicks = {
        'map marker': await clickToRender(page, '.marker-layer .place-marker'),
        'matrix cell': await clickToRender(page, '.themes td[role="gridcell"]:not(.empty)'),
        'timeline session': await clickToRender(page, '.timeline button.session:nth-of-type(2)'),
      };
    }
    await context.close();
  }
  return { label, clicks, loadMs: median(loads), fetched };
}

export async function benchBareLoad(browser: Browser, dir: string): Promise<number> {
  const server = await preview({
    configFile: false,
    root: resolve(dir),
    build: { outDir: resolve(dir) },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls!.local[0]!;
  const loads: number[] = [];
  for (let run = 0; run < 5; run++) {
    const context = await benchContext(browser);
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(() => document.body.dataset.drawn && performance.now(), null, {
      polling: 'raf',
    });
    loads.push((await handle.jsonValue()) as number);
    await context.close();
  }
  await server.close();
  return median(loads);
}

/** JS heap (after a forced collection) after 10 and after 200 filter toggles. */
export async function benchHeap(browser: Browser, url: string): Promise<{ after10: number; after200: number }> {
  const context = await benchContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  await allDrawn(page);
  // The page's deferred start-up work (it keeps itself for offline use 2 s after loading) is
  // done before the first measure: the goal is the heap's growth over toggles, not start-up.
  await page.waitForTimeout(3000);
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 2000 })));
  const cdp = await context.newCDPSession(page);
  const toggles = (n: number) =>
    page.evaluate(async (n) => {
      const targets = [
        '.marker-layer .place-marker',
        '.themes td[role="gridcell"]:not(.empty)',
        '.timeline button.session:nth-of-type(2)',
        '.themes th[role="columnheader"][data-c="3"]',
      ];
      for (let i = 0; i < n; i++) {
        document.querySelector<HTMLElement>(targets[i % targets.length]!)?.click();
        await new Promise((r) => setTimeout(r, 0));
      }
    }, n);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  };
  await toggles(10);
  const after10 = await heap();
  await toggles(190);
  const after200 = await heap();
  await context.close();
  return { after10, after200 };
}

/** The longest task the page's long-task observer (`window.longTasks`) saw start since `from`. */
function longestTaskSince(page: Page, from: number): Promise<number> {
  return page.evaluate(
    (from) =>
      Math.max(
        0,
        ...(window as unknown as { longTasks: number[][] }).longTasks
          .filter(([start]) => start! >= from)
          .map(([, duration]) => duration!),
      ),
    from,
  );
}

export interface BigResult {
  /** From navigation until every view was drawn. */
  shownMs: number;
  /** The longest main-thread task while it loaded, and while the first search ran. */
  longestLoadTaskMs: number;
  longestSearchTaskMs: number;
  /** The JS heap once drawn, after collection. */
  heapBytes: number;
}

/**
 * A big consultation in the page, in place of the bundled one: how long until every view is
 * drawn, the longest task that held the page's thread (a long-task observer, from the start),
 * the same for the first search, and the heap it takes.
 */
export async function benchBig(browser: Browser, url: string, text: string): Promise<BigResult> {
  const context = await benchContext(browser);
  await context.addInitScript(() => {
    const tasks: number[][] = [];
    (window as unknown as { longTasks: number[][] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.route('**/data/puebla-2020.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: text }),
  );
  await page.goto(url);
  const shownMs = await drawnAt(page, 500, 600_000);
  await page.waitForTimeout(2000);
  const longest = (from: number) => longestTaskSince(page, from);
  const longestLoadTaskMs = await longest(0);
  const searchFrom = (await page.evaluate(() => performance.now())) as number;
  const count = () => page.locator('.page-header .message-count').textContent();
  const before = await count();
  await page.getByRole('searchbox', { name: 'Search messages' }).fill('health');
  await page.waitForFunction(
    (before) => document.querySelector('.page-header .message-count')?.textContent !== before,
    before,
    {
      timeout: 600_000,
    },
  );
  // Until the page is quiet (no long task for 3 s): the search library, which arrives seconds
  // later at 100,000 messages and takes over from the plain-text match, is counted too.
  await page.waitForFunction(
    () => {
      const tasks = (window as unknown as { longTasks: number[][] }).longTasks;
      const last = Math.max(0, ...tasks.map(([start, duration]) => start! + duration!));
      return performance.now() - last > 3000;
    },
    null,
    { polling: 500, timeout: 600_000 },
  );
  const longestSearchTaskMs = await longest(searchFrom);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await context.close();
  return { shownMs, longestLoadTaskMs, longestSearchTaskMs, heapBytes: usedSize };
}

export interface OfficeResult {
  /** The default story's slides: size in bytes, slides, ms from the click to the file. */
  pptx: { bytes: number; slides: number; ms: number };
  /** The briefing of every message (52 in the bundled consultation) as Word. */
  docx: { bytes: number; messages: number; ms: number };
}

/** The office files as a user makes them from Export, timed from the click to the download (median of 3). */
export async function benchOffice(browser: Browser, url: string): Promise<OfficeResult> {
  const runs: OfficeResult[] = [];
  for (let run = 0; run < 3; run++) {
    const context = await benchContext(browser);
    const page = await context.newPage();
    await page.goto(url);
    await allDrawn(page);
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const made = async (button: RegExp) => {
      const t0 = Date.now();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        dialog.getByRole('button', { name: button }).click(),
      ]);
      const path = await download.path();
      return { ms: Date.now() - t0, bytes: statSync(path).size, name: download.suggestedFilename() };
    };
    const docx = await made(/^Download as Word/);
    const pptx = await made(/^Download as slides/);
    runs.push({
      docx: { bytes: docx.bytes, ms: docx.ms, messages: Number(/-(\d+)-messages?\.docx$/.exec(docx.name)?.[1]) },
      pptx: { bytes: pptx.bytes, ms: pptx.ms, slides: Number(/-(\d+)-slides?\.pptx$/.exec(pptx.name)?.[1]) },
    });
    await context.close();
  }
  const mid = <T>(pick: (r: OfficeResult) => T & { ms: number }) =>
    [...runs].sort((a, b) => pick(a).ms - pick(b).ms)[1]!;
  return { pptx: mid((r) => r.pptx).pptx, docx: mid((r) => r.docx).docx };
}

export interface ReportResult {
  /** From the file given to Open… until the review shows its progress. */
  reviewMs: number;
  /** How many messages the draft proposed. */
  proposals: number;
  /** The longest main-thread task from the file given until the review shows, and on "Accept all remaining". */
  longestReadTaskMs: number;
  longestAcceptTaskMs: number;
}

/**
 * A report opened through Open… (read in a worker, then reviewed): how long until the review
 * shows, and the longest task that held the page's thread meanwhile and on "Accept all remaining".
 */
export async function benchReport(
  browser: Browser,
  url: string,
  file: { name: string; buffer: Buffer },
): Promise<ReportResult> {
  const context = await benchContext(browser);
  await context.addInitScript({
    content: `window.longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`,
  });
  const page = await context.newPage();
  await page.goto(url);
  await allDrawn(page);
  await page.getByRole('button', { name: 'Open…' }).click();
  const input = page.getByLabel('The consultation’s report (.docx, .md or .txt)');
  await input.waitFor();
  await page.waitForTimeout(1000);
  const longest = (from: number) => longestTaskSince(page, from);
  // Given by its path, as a user's file is: Playwright builds a file given as bytes inside the
  // page, in a long task of its own that the page would be blamed for.
  const folder = await mkdtemp(join(tmpdir(), 'report-'));
  const path = join(folder, file.name);
  await writeFile(path, file.buffer);
  const from = (await page.evaluate(() => performance.now())) as number;
  await input.setInputFiles(path);
  const progress = page.getByText(/^\d+ of \d+ reviewed$/);
  await progress.waitFor({ timeout: 600_000 });
  const reviewMs = ((await page.evaluate(() => performance.now())) as number) - from;
  const proposals = Number(/of (\d+)/.exec((await progress.textContent()) ?? '')?.[1]);
  await page.waitForTimeout(1000);
  const longestReadTaskMs = await longest(from);
  const acceptFrom = (await page.evaluate(() => performance.now())) as number;
  await page.getByRole('button', { name: 'Accept all remaining' }).click();
  await page.getByText(`${proposals} of ${proposals} reviewed`).waitFor({ timeout: 600_000 });
  await page.waitForTimeout(1000);
  const longestAcceptTaskMs = await longest(acceptFrom);
  await context.close();
  await rm(folder, { recursive: true });
  return { reviewMs, proposals, longestReadTaskMs, longestAcceptTaskMs };
}
