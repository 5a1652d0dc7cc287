import { describe, expect, it } from 'vitest';
import type { ConsultationEvent, Session } from '../../src/lib/data/schema';
import {
  fullWindow,
  isoDay,
  layoutEvents,
  layoutSessions,
  parseDate,
  pixelsToDays,
  sessionLanes,
  sessionsInOrder,
  sessionWindow,
  timeScale,
  withRoomAfter,
} from '../../src/lib/scales/timeline';

const session = (id: string, date: string, order: number): Session => ({
  id,
  date,
  order,
  type: 'thematic-breakout',
  title: id,
});
const PUEBLA = [
  session('opening', '2020-06-04', 1),
  session('b3', '2020-06-11', 3),
  session('b1', '2020-06-11', 1),
  session('closing', '2020-06-11', 4),
  session('b2', '2020-06-11', 2),
  session('narratives', '2020-06-18', 1),
  session('plenary', '2020-06-30', 1),
];

describe('dates', () => {
  it.each([
    ['2020-06-11', '2020-06-11T00:00:00.000Z'],
    ['2018-12', '2018-12-01T00:00:00.000Z'],
    ['2006', '2006-01-01T00:00:00.000Z'],
  ])('parseDate(%s)', (input, expected) => {
    expect(parseDate(input).toISOString()).toBe(expected);
  });
});

describe('sessionLanes', () => {
  it('stacks same-day sessions by their order and keeps a lone session in the top lane', () => {
    expect(Object.fromEntries(sessionLanes(PUEBLA))).toEqual({
      opening: 0,
      b1: 0,
      b2: 1,
      b3: 2,
      closing: 3,
      narratives: 0,
      plenary: 0,
    });
  });

  it('orders sessions by date then order', () => {
    expect(sessionsInOrder(PUEBLA).map((s) => s.id)).toEqual([
      'opening',
      'b1',
      'b2',
      'b3',
      'closing',
      'narratives',
      'plenary',
    ]);
  });
});

describe('windows', () => {
  it('the session window pads the sessions, more after for the last label', () => {
    const [from, to] = sessionWindow(PUEBLA);
    expect(isoDay(from)).toBe('2020-06-02');
    expect(to.getTime()).toBeGreaterThan(parseDate('2020-06-30').getTime() + 3 * 86400000);
  });

  it.each([600, 1366, 1800])(
    'at %ipx, widened on the right until the last day has the room asked for, and no more than half the chart',
    (width) => {
      const last = parseDate('2020-06-30');
      const window = sessionWindow(PUEBLA);
      for (const need of [50, 200, 280, 2000]) {
        const [from, to] = withRoomAfter(window, last, need, width);
        expect(from).toEqual(window[0]);
        const room = width - timeScale([from, to], width)(last);
        const before = width - timeScale(window, width)(last);
        // Never narrower than before; when widened, exactly the room asked for (capped at half).
        expect(to.getTime()).toBeGreaterThanOrEqual(window[1].getTime());
        if (before < Math.min(need, width / 2)) expect(room).toBeCloseTo(Math.min(need, width / 2), 6);
        else expect(to).toEqual(window[1]);
      }
    },
  );

  it('the whole story spans the milestones too', () => {
    const events: ConsultationEvent[] = [{ id: 'e', date: '2006', title: 'Campaign' }];
    const [from, to] = fullWindow(PUEBLA, events);
    expect(from.getTime()).toBeLessThan(parseDate('2006').getTime());
    expect(to.getTime()).toBeGreaterThan(parseDate('2020-06-30').getTime());
  });
});

describe('layoutSessions', () => {
  it.each([320, 600, 780, 1200, 2400])('labels never reach the next day’s mark at %ipx', (width) => {
    const markSize = 15;
    const x = timeScale(sessionWindow(PUEBLA), width);
    const boxes = layoutSessions(PUEBLA, x, { width, markSize });
    for (const box of boxes) {
      const right = box.x - markSize / 2 + markSize + box.labelWidth;
      const next = boxes.filter((b) => b.x > box.x + 0.5).map((b) => b.x - markSize / 2);
      if (next.length) expect(right).toBeLessThanOrEqual(Math.min(...next));
      expect(right).toBeLessThanOrEqual(width);
      // The room up to the next day's mark, less the mark and the gap, at most 260 px.
      const nextDay = Math.min(...boxes.filter((b) => b.x > box.x + 0.5).map((b) => b.x), width);
      expect(box.labelWidth).toBeCloseTo(Math.max(0, Math.min(260, nextDay - box.x - markSize - 8)), 6);
      // Room to read a name (wrapped on two lines) from 780 px wide.
      if (width >= 780) expect(box.labelWidth, box.session.title).toBeGreaterThanOrEqual(80);
    }
  });

  it('puts same-day sessions in separate lanes at the same x', () => {
    const x = timeScale(sessionWindow(PUEBLA), 800);
    const june11 = layoutSessions(PUEBLA, x, { width: 800, markSize: 15 }).filter(
      (b) => b.session.date === '2020-06-11',
    );
    expect(new Set(june11.map((b) => b.x)).size).toBe(1);
    expect(june11.map((b) => b.lane)).toEqual([0, 1, 2, 3]);
  });

  it('marks the sessions outside the window', () => {
    const x = timeScale([parseDate('2020-06-10'), parseDate('2020-06-20')], 800);
    const inside = layoutSessions(PUEBLA, x, { width: 800, markSize: 15 }).filter((b) => b.inWindow);
    expect(inside.map((b) => b.session.id)).toEqual(['b1', 'b2', 'b3', 'closing', 'narratives']);
  });
});

describe('layoutEvents', () => {
  const events: ConsultationEvent[] = [
    { id: 'a', date: '2018', title: 'A' },
    { id: 'b', date: '2018-12', title: 'B' },
    { id: 'c', date: '2020-01', title: 'C' },
    { id: 'd', date: '2021-01-11', title: 'D' },
  ];
  const x = timeScale([parseDate('2017'), parseDate('2021-02')], 500);

  it('gives overlapping labels separate rows and flips labels at the right edge', () => {
    const boxes = layoutEvents(events, x, () => 120, 500);
    const byRow = new Map<number, [number, number][]>();
    for (const b of boxes) {
      const span: [number, number] = b.flip ? [b.x - 120, b.x] : [b.x, b.x + 120];
      expect(span[1]).toBeLessThanOrEqual(500);
      for (const other of byRow.get(b.row) ?? []) expect(span[0] >= other[1] || span[1] <= other[0]).toBe(true);
      byRow.set(b.row, [...(byRow.get(b.row) ?? []), span]);
    }
    expect(boxes.find((b) => b.event.id === 'd')?.flip).toBe(true);
    expect(boxes.find((b) => b.event.id === 'a')?.flip).toBe(false);
  });

  it('a label that wraps takes its rows, and the next one that would meet it goes below them', () => {
    // A and B overlap: A wraps onto 2 rows (0 and 1), so B takes row 2, never row 1.
    const boxes = layoutEvents(
      events.slice(0, 2),
      x,
      () => 200,
      500,
      12,
      (e) => (e.id === 'a' ? 2 : 1),
    );
    expect(boxes.map((b) => [b.event.id, b.row, b.rows])).toEqual([
      ['a', 0, 2],
      ['b', 2, 1],
    ]);
  });
});

describe('pixelsToDays', () => {
  it('turns a drag either way into whole days', () => {
    const x = timeScale([parseDate('2020-06-01'), parseDate('2020-07-01')], 300, 0);
    expect(pixelsToDays(x, x(parseDate('2020-06-10')) + 3, x(parseDate('2020-06-12')) + 3)).toEqual([
      '2020-06-10',
      '2020-06-12',
    ]);
    expect(pixelsToDays(x, x(parseDate('2020-06-12')) + 3, x(parseDate('2020-06-10')) + 3)).toEqual([
      '2020-06-10',
      '2020-06-12',
    ]);
  });
});

describe('the time scale', () => {
  const x = timeScale([parseDate('2020-06-01'), parseDate('2020-07-01')], 316);
  it('maps dates to px along the range and back', () => {
    expect(x(parseDate('2020-06-01'))).toBe(16);
    expect(x(parseDate('2020-07-01'))).toBe(300);
    expect(x(parseDate('2020-06-16'))).toBeCloseTo(158, 6);
    expect(x.invert(158).toISOString()).toBe('2020-06-16T00:00:00.000Z');
    expect(x.range()).toEqual([16, 300]);
  });
  it('ticks on the calendar (weeks from Sunday, as D3 counts them), labelled at their grain', () => {
    expect(x.ticks(5).map((t) => t.toISOString().slice(0, 10))).toEqual([
      '2020-06-07',
      '2020-06-14',
      '2020-06-21',
      '2020-06-28',
    ]);
    const format = x.tickFormat();
    expect(format(parseDate('2020-06-08'))).toBe('8 Jun');
    expect(format(parseDate('2020-06'))).toBe('Jun');
    expect(format(parseDate('2015'))).toBe('2015');
    const years = timeScale([parseDate('2008'), parseDate('2021')], 400);
    expect(years.ticks(3).map(years.tickFormat())).toEqual(['2010', '2015', '2020']);
  });
  it('a window of one instant maps to its middle, and an invalid one has no ticks', () => {
    const one = timeScale([parseDate('2020-06-01'), parseDate('2020-06-01')], 116);
    expect(one(parseDate('2020-06-01'))).toBe(58);
    expect(timeScale([new Date(NaN), new Date(NaN)], 100).ticks(4)).toEqual([]);
  });
});
