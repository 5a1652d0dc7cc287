/**
 * From report to atlas, as a secretariat's staffer does it: open the consultation's report (a
 * Word file or its Markdown text) through Open…, review the proposed messages, save the
 * consultation, and open it in the dashboard. The answers come from the bundled dataset (made
 * by hand from the same report) and from the test reports' own lines, not from the reader.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { MEDITERRANEAN_EXPECTED, mediterraneanDocx } from '../fixtures/reports/mediterranean-2023';
import { countLine, messageTotal, openApp, PUEBLA, useApp } from './app';
import { offlineContext } from './browser';

const app = useApp();
const PUEBLA_REPORT = readFileSync('tests/fixtures/reports/puebla-2020.md');

async function openReport(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  // On a phone, Open… is among the header's other actions, under More.
  const more = page.getByRole('button', { name: 'More', exact: true });
  if (await more.isVisible()) await more.click();
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a consultation' });
  await dialog.getByLabel('The consultation’s report (.docx, .md or .txt)').setInputFiles(file);
}

async function reviewing(page: Page): Promise<Locator> {
  const review = page.getByRole('main', { name: 'Review the draft' });
  await review.getByText(/\d+ of \d+ reviewed/).waitFor({ timeout: 30_000 });
  return review;
}

async function downloadJson(page: Page, review: Locator): Promise<Dataset> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    review.getByRole('button', { name: 'Download .json' }).click(),
  ]);
  return JSON.parse(await readFile((await download.path())!, 'utf8')) as Dataset;
}

describe('a report opened, reviewed and saved', () => {
  it('the Puebla report as Markdown: every proposal accepted with its suggested themes, saved as .json and opened, the dashboard shows its messages in the report’s words', async () => {
    const { page, errors, close } = await openApp(app);
    await openReport(page, { name: 'puebla-2020.md', mimeType: 'text/markdown', buffer: PUEBLA_REPORT });
    const review = await reviewing(page);
    // The review takes the focus, and says how far it has come.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Review the draft');
    expect(await review.getByText(/\d+ of \d+ reviewed/).textContent()).toBe(`0 of ${PUEBLA.messages.length} reviewed`);

    await review.getByRole('button', { name: 'Accept all remaining' }).click();
    expect(await review.getByText(/\d+ of \d+ reviewed/).textContent()).toBe(
      `${PUEBLA.messages.length} of ${PUEBLA.messages.length} reviewed`,
    );
    const saved = await downloadJson(page, review);
    // The report's words: all but one of the bundled dataset's texts, which cites a practice over two sentences.
    const texts = new Set(PUEBLA.messages.map((m) => m.text));
    expect(saved.messages.filter((m) => texts.has(m.text))).toHaveLength(PUEBLA.messages.length - 1);
    expect(saved.messages.every((m) => m.themeIds.length > 0)).toBe(true);

    await review.getByRole('button', { name: 'Open in the dashboard' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('GFMD PUEBLA PROCESS CONSULTATION Mayors Mechanism');
    expect(await messageTotal(page)).toBe(PUEBLA.messages.length);
    expect(await countLine(page).textContent()).toContain('7 city practices');
    // The map has the speakers' places: La Pintana among them.
    expect(await page.getByRole('button', { name: /^La Pintana/ }).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('a Word report with real heading and list styles: accepted, opened, the dashboard shows its topics, quote and practices', async () => {
    const { page, errors, close } = await openApp(app);
    await openReport(page, {
      name: 'mediterranean-2023.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(await mediterraneanDocx()),
    });
    const review = await reviewing(page);
    const expected = MEDITERRANEAN_EXPECTED.messages;
    expect(await review.getByText(/\d+ of \d+ reviewed/).textContent()).toBe(`0 of ${expected.length} reviewed`);
    // The quote is tied to its speaker.
    const quote = review.getByRole('article', { name: /A port is the first street/ });
    expect(
      await quote.getByLabel('Speaker').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text),
    ).toBe('Giulia Romano');
    await review.getByRole('button', { name: 'Accept all remaining' }).click();
    // Saved as a workbook too: a real .xlsx (a zip) named after the consultation.
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      review.getByRole('button', { name: 'Download .xlsx' }).click(),
    ]);
    expect(workbook.suggestedFilename()).toBe('mediterranean-cities-network-2023.xlsx');
    expect((await readFile((await workbook.path())!)).subarray(0, 2).toString()).toBe('PK');

    await review.getByRole('button', { name: 'Open in the dashboard' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(MEDITERRANEAN_EXPECTED.title);
    expect(await messageTotal(page)).toBe(expected.length);
    const count = (kind: string) => expected.filter((m) => m.kind === kind).length;
    expect(await countLine(page).textContent()).toContain(`${count('practice')} city practices`);
    // Its two topics are the matrix's rows, in the report's words.
    for (const topic of MEDITERRANEAN_EXPECTED.topics) expect(await page.getByText(topic).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('a staffer’s review of the Puebla report, decided message by message', () => {
  it('finishes in well under 30 minutes of clicks: each message accepted or rejected by itself, the details set, linked both ways with the report', async () => {
    const { page, errors, close } = await openApp(app);
    await openReport(page, { name: 'puebla-2020.md', mimeType: 'text/markdown', buffer: PUEBLA_REPORT });
    const review = await reviewing(page);
    let actions = 0;
    const act = async (action: Promise<unknown>) => {
      await action;
      actions++;
    };
    // The details: the publisher, and La Pintana where it is.
    await act(review.getByLabel('Publisher').fill('GFMD Mayors Mechanism'));
    await act(review.getByText(/^People \(\d+\) and places/).click());
    await act(review.getByLabel('Latitude of La Pintana').fill('-33.5833'));
    await act(review.getByLabel('Latitude of La Pintana').press('Tab'));
    await act(review.getByLabel('Longitude of La Pintana').fill('-70.6333'));
    await act(review.getByLabel('Longitude of La Pintana').press('Tab'));

    // From a message to its place in the report, and back.
    const first = review.getByRole('article').first();
    await act(first.getByRole('button', { name: /^Show in the report/ }).click());
    const lit = page.locator('[id^="report-block-"]:focus');
    expect(await lit.textContent()).toContain('Migration is part of the DNA of cities');
    await act(lit.getByRole('button', { name: 'Proposed: Context (To review)' }).click());
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^proposal-/);

    // Each message decided by itself, by keyboard: Enter accepts, and the focus moves on to the
    // next message to review. The one practice the bundled dataset words otherwise is rejected.
    const uruguay = 'For example, in Uruguay, the MERCOSUR regulations';
    await review
      .getByRole('button', { name: /^Accept: / })
      .first()
      .focus();
    for (;;) {
      const focused = page.locator(':focus');
      if (!(await focused.getAttribute('aria-label'))?.startsWith('Accept: ')) break;
      const text = await focused.evaluate((button) => button.closest('article')?.querySelector('.text')?.textContent);
      if (text?.startsWith(uruguay)) {
        await act(page.keyboard.press('Tab'));
        expect(await page.locator(':focus').getAttribute('aria-label')).toMatch(/^Reject: /);
      }
      await act(page.keyboard.press('Enter'));
      // The focus moves on at once, never to the page: the next card's Accept, or this card.
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    }
    // The last decision leaves the focus on its own card's "Review again".
    await expect.poll(() => page.locator(':focus').getAttribute('aria-label')).toMatch(/^Review again: /);
    expect(await review.getByText(/\d+ of \d+ reviewed/).textContent()).toBe(
      `${PUEBLA.messages.length} of ${PUEBLA.messages.length} reviewed`,
    );
    const saved = await downloadJson(page, review);
    actions++;
    // Every saved message is one of the bundled dataset's, word for word.
    const texts = new Set(PUEBLA.messages.map((m) => m.text));
    expect(saved.messages.filter((m) => !texts.has(m.text))).toEqual([]);
    expect(saved.messages).toHaveLength(PUEBLA.messages.length - 1);
    expect(saved.meta.source.publisher).toBe('GFMD Mayors Mechanism');
    expect(saved.places.find((p) => p.name === 'La Pintana')).toMatchObject({ lat: -33.5833, lon: -70.6333 });
    // At a generous 20 seconds an action (reading a message, then deciding), the whole review is under 30 minutes.
    console.log(`The Puebla review took ${actions} actions`);
    expect(actions * 20).toBeLessThan(30 * 60);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('the review by keyboard, and its checks', () => {
  it('keeps the focus through a split and a merge; skips to the messages; names a place typed outside its country before saving; asks before closing', async () => {
    const { page, errors, dialogs, close } = await openApp(app);
    await openReport(page, { name: 'puebla-2020.md', mimeType: 'text/markdown', buffer: PUEBLA_REPORT });
    const review = await reviewing(page);
    const focusedId = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    // The first Tab reaches the skip link, which goes past the report to the messages.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the proposed messages');
    await page.keyboard.press('Enter');
    await expect.poll(focusedId).toBe('messages-title');

    // A two-sentence context split after its first sentence: the split's controls go (one
    // sentence is left), and the focus stays on its card.
    const card = review.getByRole('article', { name: /^Migration is part of the DNA/ });
    await card.getByRole('combobox', { name: /^Where to split/ }).selectOption('1');
    await card.getByRole('button', { name: /^Split: / }).press('Enter');
    await expect.poll(focusedId).toMatch(/^proposal-/);
    expect(await page.locator(':focus').getAttribute('aria-labelledby')).toMatch(/-label$/);
    // Merged back: the focus stays on the card's Merge.
    await page
      .locator(':focus')
      .getByRole('button', { name: /^Merge with the next/ })
      .press('Enter');
    expect(await page.locator(':focus').getAttribute('aria-label')).toMatch(/^Merge with the next: Migration is part/);
    expect(await card.locator('.text').textContent()).toBe(PUEBLA.messages[0]!.text);

    // A latitude typed for La Pintana that puts it in Mexico is named when saving, and nothing is saved.
    await review.getByText(/^People \(\d+\) and places/).click();
    await review.getByLabel('Latitude of La Pintana').fill('19,04');
    await review.getByLabel('Latitude of La Pintana').press('Tab');
    await review.getByLabel('Longitude of La Pintana').fill('-98.2');
    await review.getByLabel('Longitude of La Pintana').press('Tab');
    await review.getByRole('button', { name: 'Accept all remaining' }).click();
    await review.getByRole('button', { name: 'Download .json' }).click();
    const problems = review.getByRole('region', { name: 'What the consultation still needs' });
    expect(await problems.textContent()).toMatch(/La Pintana \(CL\) lies outside Chile/);

    // Closing asks first, since decisions would be lost: declined, the review stays.
    await review.getByRole('button', { name: 'Close the review' }).click();
    expect(dialogs).toEqual(['Close the review? What you decided is not kept.']);
    expect(await page.getByRole('main', { name: 'Review the draft' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('a report dropped on the page', () => {
  it('is read and reviewed like one opened through Open…', async () => {
    const { page, errors, close } = await openApp(app);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
      const target = document.querySelector('.map') ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, PUEBLA_REPORT.toString('utf8'));
    const review = await reviewing(page);
    expect(await review.getByText('dropped.md').count()).toBe(1);
    expect(await review.getByText(/\d+ of \d+ reviewed/).textContent()).toBe(`0 of ${PUEBLA.messages.length} reviewed`);
    // Closed with nothing decided: the dashboard comes back, as it was, its title focused.
    await review.getByRole('button', { name: 'Close the review' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(PUEBLA.meta.title);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('reports that give nothing to propose, and words that must stay words', () => {
  it('a scanned PDF is said to have no text to read; nothing is proposed and the consultation on screen stays', async () => {
    const { page, close } = await openApp(app);
    await openReport(page, {
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <</Type /XObject /Subtype /Image>> endobj\n'),
    });
    await expect.poll(() => page.getByText(/has no text to read/).count()).toBe(1);
    expect(await page.getByRole('main', { name: 'Review the draft' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(PUEBLA.meta.title);
    await close();
  });

  it('markup in a report is shown as the report’s words, never run', async () => {
    const { page, errors, close } = await openApp(app);
    const report =
      '# Hostile report\n\n## Topic 1: Tags\n\n### Key takeaways\n\n- Cities wrote &lt;img src=x onerror="document.title=1"&gt; into their report.\n';
    await openReport(page, { name: 'hostile.md', mimeType: 'text/markdown', buffer: Buffer.from(report) });
    const review = await reviewing(page);
    const words = 'Cities wrote <img src=x onerror="document.title=1"> into their report.';
    expect(await review.getByText(words).count()).toBe(2); // in the report, and as the proposed takeaway
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('a review that cannot be prepared', () => {
  it('says why when the map of countries cannot be read, and Close goes back to the dashboard', async () => {
    const context = await offlineContext(app.browser, app.url);
    await context.route('**/countries-110m*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await openReport(page, { name: 'puebla-2020.md', mimeType: 'text/markdown', buffer: PUEBLA_REPORT });
    const review = page.getByRole('main', { name: 'Review the draft' });
    await expect
      .poll(() => review.getByRole('alert').textContent())
      .toMatch(/^The review could not be prepared: the map of countries/);
    await review.getByRole('button', { name: 'Close the review' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(PUEBLA.meta.title);
    await context.close();
  });
});

describe('the review on a phone', () => {
  it('shows one column at a time, the report or the messages, and a message’s link goes to the report', async () => {
    const { page, close } = await openApp(app, { viewport: { width: 390, height: 844 } });
    await openReport(page, { name: 'puebla-2020.md', mimeType: 'text/markdown', buffer: PUEBLA_REPORT });
    const review = await reviewing(page);
    const messages = review.getByRole('region', { name: 'Proposed messages' });
    const report = review.getByRole('region', { name: 'The report' });
    expect(await messages.isVisible()).toBe(true);
    expect(await report.isVisible()).toBe(false);
    await review
      .getByRole('article')
      .first()
      .getByRole('button', { name: /^Show in the report/ })
      .click();
    await expect.poll(() => report.isVisible()).toBe(true);
    expect(await messages.isVisible()).toBe(false);
    // Nothing wider than the phone, the details' tables open too (they scroll in their own box).
    for (const summary of await review.locator('summary').all())
      if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await close();
  });
});
