import { describe, expect, it } from 'vitest';
import { messageTotal, PUEBLA_JSON, openApp, useApp, sessionName } from './app';

const puebla = PUEBLA_JSON;
type Row = { id: string; topicId: string | null; excerptOf?: string };
const inTopics = (topics: string[]) =>
  (puebla.messages as Row[]).filter((m) => m.topicId !== null && topics.includes(m.topicId));
/** The messages of these topics, as the list counts them. */
const topicCount = (...topics: string[]) => inTopics(topics).length;
/**
 * The passages of these topics, as a session's badge counts them: a practice quoted inside a
 * takeaway of the same topics is counted once, with its takeaway.
 */
const topicPassages = (...topics: string[]) => {
  const rows = inTopics(topics);
  const ids = new Set(rows.map((m) => m.id));
  return rows.filter((m) => m.excerptOf === undefined || !ids.has(m.excerptOf)).length;
};

const app = useApp();

async function open(viewport = { width: 1366, height: 768 }) {
  const opened = await openApp(app, { viewport });
  const timeline = opened.page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('button', { name: sessionName('Opening Plenary', '4 June 2020') }).waitFor();
  return { ...opened, timeline };
}

const total = messageTotal;

const NAMES = [
  sessionName('Opening Plenary', '4 June 2020'),
  sessionName('Thematic breakout session 1', '11 June 2020'),
  sessionName('Thematic breakout session 2', '11 June 2020'),
  sessionName('Thematic breakout session 3', '11 June 2020'),
  sessionName('Closing session', '11 June 2020'),
  sessionName('Thematic breakout session on narratives', '18 June 2020'),
  sessionName('Closing plenary', '30 June 2020'),
];

describe('the timeline in Chromium', () => {
  it('draws every session with its date, in time order, with no console error', async () => {
    const { timeline, errors, close } = await open();
    const names = await timeline
      .locator('button.session')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(names).toEqual(NAMES.map((name) => expect.stringMatching(name)));
    // Each name says the count its badge shows: a breakout holds its topic's messages.
    expect(names[2]).toBe(`Thematic breakout session 2: ${topicPassages('topic-2')} messages, 11 June 2020`);
    expect(await timeline.getByRole('button', { name: NAMES[2]! }).locator('.n').textContent()).toBe(
      String(topicPassages('topic-2')),
    );
    expect(errors).toEqual([]);
    await close();
  });

  it('selecting one breakout leaves only its topic’s messages', async () => {
    const { page, timeline, close } = await open();
    await timeline.getByRole('button', { name: sessionName('Thematic breakout session 2', '11 June 2020') }).click();
    expect(await total(page)).toBe(topicCount('topic-2'));
    const groups = await page
      .getByRole('region', { name: 'Messages' })
      .getByRole('heading', { level: 3 })
      .allTextContents();
    expect(groups).toEqual(['Topic 2: Addressing Gaps in Migrant Protection']);
    await close();
  });

  it('brushing a range that holds only 11 June leaves the breakouts’ and the closing session’s messages; Escape clears', async () => {
    const { page, timeline, close } = await open();
    await timeline.scrollIntoViewIfNeeded();
    const glyph = async (name: RegExp) =>
      (await timeline.getByRole('button', { name }).locator('.glyph').boundingBox())!;
    const june11 = await glyph(NAMES[2]!);
    const june18 = await glyph(NAMES[5]!);
    const june4 = await glyph(NAMES[0]!);
    const y = june11.y + june11.height / 2 + 32; // the third lane: only 11 June has a session there
    const startX = (june4.x + june11.x) / 2 + 30;
    await page.mouse.move(startX, y);
    await page.mouse.down();
    await page.mouse.move(startX + 60, y, { steps: 4 });
    await page.mouse.move(june18.x - 20, y, { steps: 4 });
    await page.mouse.up();
    expect(await total(page)).toBe(topicCount('topic-1', 'topic-2', 'topic-3'));
    expect(await timeline.getByText(/^Dates \d+ June 2020 to \d+ June 2020/).count()).toBe(1);
    await timeline.getByRole('button', { name: NAMES[1]! }).focus();
    await page.keyboard.press('Escape');
    expect(await total(page)).toBe(52);
    await close();
  });

  it('arrow keys move between sessions in time order; Enter selects', async () => {
    const { page, timeline, close } = await open();
    await timeline.getByRole('button', { name: NAMES[0]! }).focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatch(NAMES[1]!);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatch(NAMES[2]!);
    await page.keyboard.press('End');
    expect(await focused()).toMatch(NAMES[6]!);
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toMatch(NAMES[5]!);
    await page.keyboard.press('Enter');
    expect(await total(page)).toBe(topicCount('topic-4'));
    expect(await timeline.getByText(/Topic 4: Balancing Narratives on Migration · 8 speakers/).count()).toBeGreaterThan(
      0,
    );
    await close();
  });

  it.each([
    [1366, 768],
    [1920, 1080],
  ])('no label overlaps another at %i×%i', async (width, height) => {
    const { page, close } = await open({ width, height });
    const boxes = await page
      .locator('.timeline .session .title, .timeline .session .glyph, .timeline .event-label')
      .evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      );
    expect(boxes.length).toBeGreaterThan(7);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap =
          a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        expect(overlap, `${a.text} overlaps ${b.text}`).toBe(false);
      }
    }
    const chart = (await page.locator('.timeline .chart').boundingBox())!;
    for (const b of boxes) expect(b.right).toBeLessThanOrEqual(chart.x + chart.width + 1);
    await close();
  });

  it('the overview brush and the presets move the detail window; the table twin lists and selects', async () => {
    const { page, timeline, close } = await open();
    const labels = () => timeline.locator('.event-label').count();
    const before = await labels();
    await timeline.getByRole('button', { name: 'Whole story' }).click();
    expect(await labels()).toBe(puebla.events.length);
    expect(before).toBeLessThan(puebla.events.length);
    const slider = timeline.getByRole('slider', { name: 'Detail window' });
    const text = await slider.getAttribute('aria-valuetext');
    await slider.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await slider.getAttribute('aria-valuetext')).not.toBe(text);
    await timeline.getByRole('button', { name: 'Sessions' }).click();
    expect(await labels()).toBe(before);

    await timeline.getByRole('button', { name: 'Table', exact: true }).click();
    const sessions = timeline.getByRole('table', { name: 'Sessions' });
    await sessions.waitFor();
    expect(await sessions.getByRole('row').count()).toBe(8);
    expect(await timeline.getByRole('table', { name: 'Milestones' }).getByRole('row').count()).toBe(
      puebla.events.length + 1,
    );
    await sessions.getByRole('button', { name: 'Thematic breakout session 1, 11 June 2020' }).click();
    expect(await total(page)).toBe(topicCount('topic-1'));
    await close();
  });
});
