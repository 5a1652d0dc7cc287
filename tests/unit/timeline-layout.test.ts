import { describe, expect, it } from 'vitest';
import { isoDay, parseDate, sessionsInOrder } from '../../src/lib/data/dates';
import type { ConsultationEvent, Session } from '../../src/lib/data/schema';
import {
  centreWindow,
  daysToPixels,
  fullWindow,
  keyWindow,
  layoutEvents,
  layoutSessions,
  pixelsToDays,
  sessionLanes,
  sessionWindow,
  timeScale,
  withRoomAfter,
  type EventBox,
  type SessionBox,
} from '../../src/lib/scales/timeline';
import { milestoneText, sessionDetails } from '../../src/lib/views/timeline/labels';
import {
  chartFrame,
  chartRhythm,
  layoutMilestones,
  milestoneWidth,
  namedSessions,
  roomyWindow,
  tickCount,
} from '../../src/lib/views/timeline/layout';

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
    expect(boxes.map((b) => [b.event.id, b.row, b.rows, b.width])).toEqual([
      ['a', 0, 2, 200],
      ['b', 2, 1, 200],
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

describe('daysToPixels', () => {
  it('spans a range from the start of its first day to the end of its last, and a drag over it gives it back', () => {
    // 30 days over 16–300 px: 284 / 30 px a day.
    const x = timeScale([parseDate('2020-06-01'), parseDate('2020-07-01')], 316);
    const [a, b] = daysToPixels(x, ['2020-06-10', '2020-06-12']);
    expect(a).toBeCloseTo(16 + (9 * 284) / 30, 6);
    expect(b).toBeCloseTo(16 + (12 * 284) / 30, 6);
    expect(pixelsToDays(x, a + 1, b - 1)).toEqual(['2020-06-10', '2020-06-12']);
    expect(daysToPixels(x, ['2020-06-01', '2020-06-01'])).toEqual([16, 16 + 284 / 30]);
  });
});

describe('the chart’s rhythm', () => {
  it.each([
    // root px, on stage: mark, lane, axis, milestone row, least and most room for a name, tick spacing, widest milestone label
    // (the dashboard keeps the sizes it always had: a 10 px margin after the mark, ticks 6 px long, labels 18 px below)
    [
      16,
      false,
      {
        rem: 16,
        mark: 15,
        markMargin: 10,
        nameInset: 20,
        lane: 32,
        top: 6,
        axis: 24,
        tickDown: 6,
        labelAt: 18,
        eventRow: 18,
        minLabel: 96,
        maxLabel: 256,
      },
      104,
      220,
    ],
    [16, true, { mark: 21, lane: 44, top: 6, axis: 33, eventRow: 26 }, (16 / 0.72) * 6.5, (16 / 0.72) * 20],
    // (on stage the badge's room, the ticks and their labels grow with the type: never over the names or the axis)
    [
      28,
      true,
      { mark: 37, markMargin: 19, nameInset: 29, lane: 78, top: 6, axis: 58, tickDown: 15, labelAt: 44, eventRow: 45 },
      (28 / 0.72) * 6.5,
      (28 / 0.72) * 20,
    ],
  ])('at %i px, on stage %s, follows the type', (root, stage, sizes, tickSpacing, eventLabelMax) => {
    const rhythm = chartRhythm(root, stage);
    expect(rhythm).toMatchObject(sizes);
    expect(rhythm.tickSpacing).toBeCloseTo(tickSpacing, 9);
    expect(rhythm.eventLabelMax).toBeCloseTo(eventLabelMax, 9);
    // On stage the names are body-sized: 1rem against the dashboard's 0.72rem.
    expect(rhythm.rem).toBeCloseTo(stage ? root / 0.72 : root, 9);
    expect(rhythm.minLabel).toBeCloseTo(rhythm.rem * 6, 9);
    expect(rhythm.maxLabel).toBeCloseTo(rhythm.rem * 16, 9);
  });

  it.each([
    [16, false],
    [28, true],
  ])(
    'at %i px, on stage %s, a badge of 3 or 4 characters ends before the name starts; 1 or 2 change nothing',
    (root, stage) => {
      const plain = chartRhythm(root, stage);
      expect(chartRhythm(root, stage, 2)).toEqual(plain);
      for (const chars of [3, 4]) {
        const rhythm = chartRhythm(root, stage, chars);
        // The badge at its largest type: 0.6 of a mark in, 8 px of padding and border, about 0.62em a character.
        const font = rhythm.rem * (stage ? 0.72 : 1.1 * 0.85);
        const badgeEnd = 0.6 * rhythm.mark + 8 + 0.62 * chars * font;
        expect(rhythm.mark + rhythm.markMargin, `${chars} characters`).toBeGreaterThan(badgeEnd);
        expect(rhythm.nameInset).toBe(rhythm.markMargin + 10);
      }
    },
  );

  it.each([
    [600, 5],
    [1366, 13],
    [150, 2],
    [0, 2],
  ])('asks for ticks a label’s width (104 px at 16 px) apart: %i px wide, %i', (width, count) => {
    expect(tickCount(width, chartRhythm(16, false))).toBe(count);
  });
});

/** Every character 8 px wide, the no-break space too. */
const eightPx = (text: string) => text.length * 8;
const titled = (id: string, date: string, order: number, title: string): Session => ({
  ...session(id, date, order),
  title,
});

describe('roomyWindow', () => {
  const rhythm = chartRhythm(16, false);
  const last = parseDate('2020-06-30');
  const roomAfter = (window: [Date, Date], width: number) => width - timeScale(window, width)(last);
  const withClosing = (...titles: string[]) => [
    ...PUEBLA.filter((s) => s.date !== '2020-06-30'),
    ...titles.map((title, i) => titled(`closing-${i}`, '2020-06-30', i + 1, title)),
  ];

  it.each([
    // The mark (15), a gap (8), the name's inset (20), the longest name (8 px a character), 4 px to spare.
    ['a name on one line', ['Closing plenary'], 600, 15 + 8 + 20 + 15 * 8 + 4],
    ['the longest of the day’s names', ['Close', 'Closing plenary session'], 1366, 15 + 8 + 20 + 23 * 8 + 4],
    // At least the least room for a name (96 px, 6 rem), however short.
    ['a short name', ['End'], 600, 15 + 8 + 96 + 4],
    // At most 16 rem (256 px) for the name, then no more than half the chart.
    ['a long name', ['A closing plenary with a very long name indeed'], 1366, 15 + 8 + 20 + 256 + 4],
    ['a long name on a narrow chart', ['A closing plenary with a very long name indeed'], 600, 300],
  ])('leaves room after the last day for %s', (_, titles, width, room) => {
    const sessions = withClosing(...titles);
    const window = roomyWindow(sessions, width, rhythm, eightPx);
    // The sessions' own window leaves less room than that: widened on the right only.
    expect(roomAfter(sessionWindow(sessions), width)).toBeLessThan(room);
    expect(window[0]).toEqual(sessionWindow(sessions)[0]);
    expect(roomAfter(window, width)).toBeCloseTo(room, 6);
  });

  it('keeps the sessions’ window where it already leaves the room', () => {
    const sessions = withClosing('End');
    // At 1366 px the sessions' own window leaves about 172 px after the last day; 123 are asked for.
    expect(roomAfter(sessionWindow(sessions), 1366)).toBeGreaterThan(15 + 8 + 96 + 4);
    expect(roomyWindow(sessions, 1366, rhythm, eightPx)).toEqual(sessionWindow(sessions));
  });

  it('without sessions, is the sessions’ window', () => {
    expect(roomyWindow([], 600, rhythm, eightPx)).toEqual(sessionWindow([]));
  });
});

describe('namedSessions', () => {
  const rhythm = chartRhythm(16, false);
  const box = (id: string, title: string, labelWidth: number): SessionBox => ({
    session: titled(id, '2020-06-11', 1, title),
    x: 100,
    lane: 0,
    labelWidth,
    inWindow: true,
  });

  it.each([
    ['a short name with room', 'Opening', 200, true],
    ['a short name with less than 6 rem (96 px)', 'Opening', 95, false],
    // 180 px for the words: "Thematic breakout" (136) on a line, "session\u00A01" (72) on the next.
    ['a name on two lines', 'Thematic breakout session\u00A01', 200, true],
    // 80 px: "Thematic", "breakout", "session\u00A01" take three lines.
    ['a name that would take three lines', 'Thematic breakout session\u00A01', 100, false],
    // 96 px for a word of 112.
    ['a word wider than the room', 'Consultations', 116, false],
  ])('%s: named beside its mark, %s', (_, title, labelWidth, named) => {
    expect(namedSessions([box('s', title, labelWidth)], rhythm, eightPx, (s) => s.title).has('s')).toBe(named);
  });

  it('measures the name as shown beside the mark', () => {
    const boxes = [box('spoke', 'Opening', 116), box('quiet', 'Opening', 116)];
    // 96 px for the words: "Opening · the" (104) does not fit on one line, so "Opening ·", then
    // "the people", then "spoke": three lines.
    const shown = (s: Session) => (s.id === 'spoke' ? `${s.title} · the people spoke` : s.title);
    expect([...namedSessions(boxes, rhythm, eightPx, shown)]).toEqual(['quiet']);
  });
});

describe('milestones', () => {
  const rhythm = chartRhythm(16, false);

  it.each([
    // at, chart width, text width → the label's width
    [100, 600, 50, 96], // at least 6 rem
    [100, 600, 150, 152], // its text's own, and 2 px
    [100, 600, 300, 220], // at most 13.75 rem
    [150, 300, 200, 138], // no wider than the room on the wider side, less 12 px
    [450, 600, 150, 152], // the wider side is the left
  ])('at %i px on a chart %i px wide, a text %i px wide gets a label %i px wide', (at, width, text, label) => {
    expect(milestoneWidth(at, width, rhythm, text)).toBeCloseTo(label, 9);
  });

  it('on stage a milestone’s title has more room', () => {
    expect(milestoneWidth(100, 1920, chartRhythm(16, true), 300)).toBe(302);
  });

  // 30 days over 16–300 px.
  const x = timeScale([parseDate('2020-06-01'), parseDate('2020-07-01')], 316);
  const event = (id: string, date: string, title: string): ConsultationEvent => ({ id, date, title });
  const title = (e: ConsultationEvent) => e.title;

  it('lays out the milestones in the window, each label its width and rows, flipped at the right edge', () => {
    const events = [
      event('before', '2020-05-20', 'Before'),
      event('c', '2020-07-01', 'Forum'),
      event('a', '2020-06-01', 'Call'),
      event('b', '2020-06-16', 'Consultation report published'),
      event('after', '2020-07-02', 'After'),
    ];
    const boxes = layoutMilestones(events, x, 316, rhythm, eightPx, title);
    // a at 16 px: 96 px (its least), one row. b at 158 px: 146 px (the room on either side, less
    // 12), "Consultation report" (152) too wide for one row, so two; it follows a in row 0.
    // c at 300 px: 96 px, ending at its mark; rows 0 and 1 are b's up to 304 px, so row 2.
    expect(boxes.map((b) => [b.event.id, b.x, b.row, b.rows, b.flip, b.width])).toEqual([
      ['a', 16, 0, 1, false, 96],
      ['b', 158, 0, 2, false, 146],
      ['c', 300, 2, 1, true, 96],
    ]);
  });

  it('a label takes three rows at the most', () => {
    const long = event('long', '2020-06-01', 'Aaaaaaaaaaa Bbbbbbbbbbb Ccccccccccc Ddddddddddd Eeeeeeeeeee');
    // Words of 88 px in a label of 220: two a row, three rows.
    expect(layoutMilestones([long], x, 316, rhythm, eightPx, title)[0]).toMatchObject({ rows: 3, width: 220 });
    // On a chart 120 px wide the room is 92 px (104 less 12): a label of 96 (the least), one word
    // a row, five rows, held to three.
    const narrow = timeScale([parseDate('2020-06-01'), parseDate('2020-07-01')], 120);
    expect(layoutMilestones([long], narrow, 120, rhythm, eightPx, title)[0]).toMatchObject({ rows: 3, width: 96 });
  });
});

describe('chartFrame', () => {
  const rhythm = chartRhythm(16, false);
  const lane = (n: number, inWindow = true): SessionBox => ({
    session: session(`s${n}`, '2020-06-11', n),
    x: 0,
    lane: n,
    labelWidth: 0,
    inWindow,
  });
  const rows = (row: number, span: number): EventBox => ({
    event: { id: `e${row}`, date: '2020-06-11', title: 'E' },
    x: 0,
    row,
    rows: span,
    flip: false,
    width: 96,
  });

  it.each([
    // lanes, milestone rows: the axis at 6 + 32 a lane, the first row 24 below, 18 a row, 4 to spare
    ['four lanes and three rows', [lane(0), lane(1), lane(2), lane(3)], [rows(0, 1), rows(0, 2), rows(2, 1)], 134, 216],
    ['a lane outside the window', [lane(0), lane(4, false)], [], 166, 194],
    ['nothing', [], [], 38, 66],
  ])('%s', (_, boxes, milestones, axisY, height) => {
    expect(chartFrame(boxes, milestones, rhythm)).toEqual({ axisY, eventsTop: axisY + 24, height });
  });
});

describe('the words measured and said', () => {
  it('a milestone’s label is its title and its date', () => {
    expect(milestoneText({ id: 'e', date: '2020-06-11', title: 'A forum' })).toBe('A forum 11 June 2020');
  });

  it('a session’s details: its type, topic, speakers, messages, and where the picked place spoke', () => {
    const breakout = PUEBLA[2]!;
    const topic = { id: 't', number: 2, title: 'Health', sessionId: 'b1' };
    expect(sessionDetails(breakout, topic, 1, 2, false)).toBe(
      'Thematic breakout · Topic 2: Health · 1 speaker · 2 messages under the filters',
    );
    expect(sessionDetails(breakout, undefined, 0, 0, true)).toMatch(
      /^Thematic breakout · .+ · 0 speakers · 0 messages under the filters · the picked place’s people spoke here$/,
    );
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

describe('the detail window, by key and by click, in dates', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const whole = [day('2018-01-01'), day('2020-09-30')] as const;
  const june = [day('2020-06-02'), day('2020-07-06')] as const;
  const iso = (w: readonly [Date, Date] | null) => w && w.map((d) => d.toISOString().slice(0, 10));

  it('Shift+← narrows from the end by a quarter of the span; Shift+→ widens it back', () => {
    expect(iso(keyWindow(june, whole, 'ArrowLeft', true))).toEqual(['2020-06-02', '2020-06-27']);
    expect(iso(keyWindow(june, whole, 'ArrowRight', true))).toEqual(['2020-06-02', '2020-07-15']);
  });

  it('← and → move it by a quarter of its span, and back again to where it was', () => {
    const left = keyWindow(june, whole, 'ArrowLeft', false)!;
    expect(iso(left)).toEqual(['2020-05-24', '2020-06-27']);
    expect(iso(keyWindow(left, whole, 'ArrowRight', false))).toEqual(iso(june));
  });

  it('never narrower than a day, never moved past the strip’s ends; other keys do nothing', () => {
    const short = [day('2020-06-02'), day('2020-06-03')] as const;
    expect(iso(keyWindow(short, whole, 'ArrowLeft', true))).toEqual(['2020-06-02', '2020-06-03']);
    expect(iso(keyWindow([day('2018-01-01'), day('2018-02-01')], whole, 'ArrowLeft', false))).toEqual([
      '2018-01-01',
      '2018-02-01',
    ]);
    expect(keyWindow(june, whole, 'Enter', false)).toBeNull();
  });

  it('a click centres it there, its span kept, inside the strip', () => {
    const centred = centreWindow(june, whole, day('2019-01-17'));
    expect((centred[0].getTime() + centred[1].getTime()) / 2).toBe(day('2019-01-17').getTime());
    expect(centred[1].getTime() - centred[0].getTime()).toBe(june[1].getTime() - june[0].getTime());
    expect(iso(centreWindow(june, whole, day('2020-09-29')))).toEqual(['2020-08-27', '2020-09-30']);
  });
});
