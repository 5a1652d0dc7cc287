/**
 * Accessibility in every mode: axe-core's default rules report no violation, of any impact,
 * in each state a user can reach (the dashboard, filtered, the table twins, the message
 * matrix, the message dialog, every presentation scene, key help, the story editor, both
 * contrast themes, a phone).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, useApp } from './app';
import { axeViolations, describeViolations } from './axe';

const app = useApp();

async function open(query = '', viewport = { width: 1366, height: 768 }) {
  const opened = await openApp(app, { query, viewport });
  await opened.page.getByRole('region', { name: 'Map' }).waitFor();
  // The map's markers are placed once the first layout is done, and moved apart once the
  // decluttering code has loaded.
  await opened.page.locator('.marker-layer[data-decluttered="true"] .place-marker').first().waitFor();
  return opened;
}

async function expectClean(page: Page, state: string) {
  // Colours are read once every transition (a theme switch fades backgrounds) has ended.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const violations = await axeViolations(page);
  if (process.env.AXE_SUMMARY)
    console.log(
      `AXE ${state}: ${violations.map((v) => `${v.id}(${v.impact})×${v.nodes.length}`).join(', ') || 'none'}`,
    );
  // Soft: every state is audited, and a failure lists them all.
  expect.soft(violations, `${state}:\n${describeViolations(violations)}`).toEqual([]);
}

describe('axe reports no violation', () => {
  it('on the dashboard, and filtered', async () => {
    const { page, close } = await open();
    await expectClean(page, 'dashboard');
    await page
      .getByRole('button', { name: /^Mexico City/ })
      .first()
      .click();
    await page.getByRole('region', { name: 'Messages' }).getByRole('searchbox').fill('corridor');
    await expectClean(page, 'filtered by a place and a search');
    await close();
  });

  it('in each table twin, the message × theme matrix, the message dialog, the export dialog and the briefing', async () => {
    const { page, close } = await open();
    for (const view of ['Map', 'Timeline']) {
      await page.getByRole('region', { name: view }).getByRole('button', { name: 'Table', exact: true }).click();
      await expectClean(page, `${view} table`);
    }
    const map = page.getByRole('region', { name: 'Map' });
    const tools = map.getByRole('group', { name: 'Map tools' });
    await tools.getByRole('button', { name: 'People', exact: true }).click();
    await map.getByRole('table', { name: /participants/ }).waitFor();
    await expectClean(page, 'People table');
    await tools.getByRole('button', { name: 'Map', exact: true }).click();
    await map.getByRole('button', { name: /^Regions/ }).click();
    await map.getByRole('group', { name: 'World regions' }).waitFor();
    await expectClean(page, 'region picker');
    await map
      .getByRole('group', { name: 'World regions' })
      .getByRole('button', { name: /^Latin America/ })
      .click();
    await map.getByRole('group', { name: 'World regions' }).waitFor({ state: 'detached' });
    await expectClean(page, 'a region picked');
    await page.getByRole('button', { name: 'Clear all filters' }).first().click();
    await map.getByRole('button', { name: /^Montevideo, Uruguay/ }).click();
    await map.getByRole('button', { name: /^São Paulo, Brazil/ }).click({ modifiers: ['Shift'] });
    await map.getByRole('region', { name: 'Montevideo, São Paulo' }).waitFor();
    await expectClean(page, 'two places side by side');
    await page.getByRole('button', { name: 'Messages × themes' }).click();
    await expectClean(page, 'messages × themes');
    await page.getByRole('region', { name: 'Messages' }).getByRole('button', { name: 'Open' }).first().click();
    await page.getByRole('dialog').waitFor();
    await expectClean(page, 'message dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export' });
    await exporting.waitFor();
    await expectClean(page, 'export dialog');
    await exporting.getByRole('button', { name: /^Briefing/ }).click();
    await page.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    await expectClean(page, 'briefing');
    await close();
  });

  it('in both contrast themes and on a phone', async () => {
    const { page, close } = await open();
    await page.getByRole('button', { name: 'Contrast: Standard' }).click();
    await expectClean(page, 'projector dark');
    await page.getByRole('button', { name: 'Contrast: Dark' }).click();
    await expectClean(page, 'projector light');
    await close();
    const phone = await open('', { width: 390, height: 844 });
    await expectClean(phone.page, 'phone');
    await phone.page.getByRole('tab', { name: /^Messages/ }).click();
    await expectClean(phone.page, 'phone, the messages tab');
    await phone.close();
  });

  it('in every step of every presentation scene, full-stage, blacked out, the key help and the story editor', async () => {
    const { page, close } = await open('', { width: 1920, height: 1080 });
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const bar = page.getByRole('navigation', { name: 'Presentation' });
    await bar.waitFor();
    // Every step of every scene, moved through as a clicker would.
    for (let step = 1; step <= 60; step++) {
      const where = (await page.locator('.stage-footer .where').textContent())?.trim() ?? '';
      await expectClean(page, where);
      if ((await bar.getByRole('button', { name: /Next/ }).getAttribute('aria-disabled')) === 'true') break;
      await page.keyboard.press('PageDown');
      await expect.poll(() => page.locator('.stage-footer .where').textContent()).not.toBe(where);
    }
    // A message full-stage, and the blackout.
    await page.keyboard.press('Home');
    await page.locator('.stage-words .columns .open').first().click();
    await page.locator('.stage-words .full').waitFor();
    await expectClean(page, 'a message full-stage');
    await page.keyboard.press('Escape');
    await page.keyboard.press('b');
    await expectClean(page, 'blacked out');
    await page.keyboard.press('b');
    await bar.getByRole('button', { name: /Keys/ }).click();
    await page.getByRole('dialog').waitFor();
    await expectClean(page, 'key help');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await bar.getByRole('button', { name: 'Story' }).click();
    await page.getByRole('dialog').waitFor();
    await expectClean(page, 'story editor');
    await close();
  });

  it('in Open…, and with a consultation that could not be opened', async () => {
    const { page, close } = await open();
    await page.getByRole('button', { name: 'Open…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a consultation' });
    await dialog.waitFor();
    await expectClean(page, 'open dialog');
    await dialog
      .getByLabel('A consultation’s .json file')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "meta": ') });
    await page.getByRole('alert').filter({ hasText: 'could not be opened' }).waitFor();
    await expectClean(page, 'a consultation that could not be opened');
    await close();
  });

  it('in the review of a report: its details open, messages decided, the report shown, and on a phone', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      const { page, close } = await open('', viewport);
      const more = page.getByRole('button', { name: 'More', exact: true });
      if (await more.isVisible()) await more.click();
      await page.getByRole('button', { name: 'Open…' }).click();
      await page
        .getByRole('dialog', { name: 'Open a consultation' })
        .getByLabel('The consultation’s report (.docx, .md or .txt)')
        .setInputFiles('tests/fixtures/reports/puebla-2020.md');
      const review = page.getByRole('main', { name: 'Review the draft' });
      await review.getByText(/\d+ of \d+ reviewed/).waitFor({ timeout: 30_000 });
      for (const summary of await review.locator('summary').all()) await summary.click();
      await review
        .getByRole('button', { name: /^Accept: / })
        .first()
        .click();
      await review
        .getByRole('button', { name: /^Reject: / })
        .first()
        .click();
      await expectClean(page, `the review at ${viewport.width} px`);
      await review
        .getByRole('button', { name: /^Show in the report/ })
        .first()
        .click();
      await expectClean(page, `the review's report at ${viewport.width} px`);
      await close();
    }
  });

  it('in the speaker view, waiting and following a presentation', async () => {
    const waiting = await openApp(app, { query: '?speaker=0123456789ab', viewport: { width: 900, height: 700 } });
    await waiting.page.getByRole('heading', { name: 'Speaker view' }).waitFor();
    await expectClean(waiting.page, 'speaker view, waiting');
    await waiting.close();
    const { page, close } = await openApp(app);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByRole('navigation', { name: 'Presentation' }).waitFor();
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await speaker.getByRole('heading', { level: 2, name: /^Now: / }).waitFor();
    await expectClean(speaker, 'speaker view');
    await close();
  });
});
