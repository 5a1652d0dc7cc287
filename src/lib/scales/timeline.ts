/**
 * The timeline's pure layout: dates, lanes for same-day sessions, a UTC time scale, label
 * widths that never overlap, and rows for milestone labels. D3 computes (the ticks and the
 * calendar, d3-time); Svelte draws.
 */
import { utcDay, utcMonth, utcTicks, utcYear } from 'd3-time';
import { compareDates, isoDay, parseDate, sessionsInOrder } from '../data/dates';
import type { ConsultationEvent, Session } from '../data/schema';
import { formatUtc } from '../i18n/format';

/** Least and greatest of a non-empty list, in a loop: spread into `Math.min`, a long list throws. */
function extent(values: readonly number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return [min, max];
}

/** A Date → `YYYY-MM-DD` (UTC). */

/** Lane of each session: its rank by `order` among the sessions of its day (0 = top). */
export function sessionLanes(sessions: readonly Session[]): Map<string, number> {
  const byDay = new Map<string, Session[]>();
  for (const s of sessions) byDay.set(s.date, [...(byDay.get(s.date) ?? []), s]);
  const lanes = new Map<string, number>();
  for (const day of byDay.values()) {
    day.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)).forEach((s, i) => lanes.set(s.id, i));
  }
  return lanes;
}

/**
 * The detail window to start with: the span of the sessions, padded by a few days before and
 * by a seventh of the span after, so the last session's label has room.
 */
export function sessionWindow(sessions: readonly Session[], padDays = 2): [Date, Date] {
  const dates = sessions.map((s) => parseDate(s.date).getTime());
  if (dates.length === 0) return [new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2021, 0, 1))];
  const [first, last] = extent(dates);
  const after = Math.max(padDays * 86400000, (last - first) / 7);
  return [utcDay.offset(new Date(first), -padDays), new Date(last + after)];
}

/**
 * The window widened on the right until `need` px stand between the last day and the chart's
 * edge (on `timeScale`'s range), so the last session's name fits beside its mark; never more
 * than half the chart.
 */
export function withRoomAfter(window: [Date, Date], last: Date, need: number, width: number, inset = 16): [Date, Date] {
  const [d0, d1] = [window[0].getTime(), window[1].getTime()];
  const [r0, r1] = [inset, Math.max(inset + 1, width - inset)];
  // The share of the range the last day may stand at.
  const most = (width - Math.min(need, width / 2) - r0) / (r1 - r0);
  const at = (last.getTime() - d0) / (d1 - d0);
  if (width <= 0 || !(most > 0) || at <= most) return window;
  return [window[0], new Date(d0 + (last.getTime() - d0) / most)];
}

/** The whole story: every session and milestone, padded by a twentieth of the span. */
export function fullWindow(sessions: readonly Session[], events: readonly ConsultationEvent[]): [Date, Date] {
  const times = [...sessions.map((s) => s.date), ...events.map((e) => e.date)].map((d) => parseDate(d).getTime());
  if (times.length === 0) return sessionWindow(sessions);
  const [min, max] = extent(times);
  const pad = Math.max(86400000 * 3, (max - min) / 20);
  return [new Date(min - pad), new Date(max + pad)];
}

/**
 * A UTC time scale: dates ↔ px, linear. Its ticks are d3-time's (the calendar's days, weeks,
 * months and years, as d3-scale's `scaleUtc` picks them). Written here rather than taken from
 * d3-scale: a linear map is a line of arithmetic, and d3-scale's generic interpolation brings
 * d3-interpolate and d3-color into the first load (about 5 KB gzipped) for none of it.
 */
export interface TimeScale {
  (date: Date): number;
  invert(px: number): Date;
  domain(): [Date, Date];
  range(): [number, number];
  ticks(count: number): Date[];
  /** One label style per tick: a year, a month, or a day and month. */
  tickFormat(count?: number): (date: Date) => string;
}

// In the interface's language (the formats are made once per language).
const yearLabel = (date: Date) => formatUtc(date, 'year');
const monthLabel = (date: Date) => formatUtc(date, 'shortMonth');
/** "11 Jun". */
const dayMonth = (date: Date) => formatUtc(date, 'shortDay');

/** A tick's label at its own grain, as D3's multi-scale format does: "2015", "Jun", "7 Jun". */
function calendarLabel(date: Date): string {
  if (utcYear.floor(date) >= date) return yearLabel(date);
  if (utcMonth.floor(date) >= date) return monthLabel(date);
  return dayMonth(date);
}

export function timeScale(domain: readonly [Date, Date], width: number, inset = 16): TimeScale {
  const d0 = domain[0].getTime();
  const d1 = domain[1].getTime();
  const r0 = inset;
  const r1 = Math.max(inset + 1, width - inset);
  const span = d1 - d0;
  const scale = ((date: Date) => (span ? r0 + ((date.getTime() - d0) / span) * (r1 - r0) : (r0 + r1) / 2)) as TimeScale;
  scale.invert = (px) => new Date(d0 + ((px - r0) / (r1 - r0)) * span);
  scale.domain = () => [new Date(d0), new Date(d1)];
  scale.range = () => [r0, r1];
  scale.ticks = (count) => (Number.isFinite(span) ? utcTicks(new Date(d0), new Date(d1), count) : []);
  scale.tickFormat = () => calendarLabel;
  return scale;
}

export interface SessionBox {
  session: Session;
  x: number;
  lane: number;
  /** The room right of its mark for its label: up to the next day's mark (or the chart's edge), less a gap. */
  labelWidth: number;
  inWindow: boolean;
}

/**
 * Places sessions: x by date, lane by order. Labels start at the mark and may take the room up
 * to the next day's column less a gap, so labels of different days never overlap, and
 * same-day labels sit in separate lanes.
 */
export function layoutSessions(
  sessions: readonly Session[],
  x: TimeScale,
  { width, markSize, gap = 8, maxLabel = 260 }: { width: number; markSize: number; gap?: number; maxLabel?: number },
): SessionBox[] {
  const lanes = sessionLanes(sessions);
  const [d0, d1] = x.domain() as [Date, Date];
  const columns = [...new Set(sessions.map((s) => s.date))].map((date) => x(parseDate(date))).sort((a, b) => a - b);
  return sessionsInOrder(sessions).map((session) => {
    const t = parseDate(session.date);
    const at = x(t);
    const next = columns.find((c) => c > at + 0.5) ?? width;
    return {
      session,
      x: at,
      lane: lanes.get(session.id) ?? 0,
      labelWidth: Math.max(0, Math.min(maxLabel, next - at - markSize - gap)),
      inWindow: t >= d0 && t <= d1,
    };
  });
}

export interface EventBox {
  event: ConsultationEvent;
  x: number;
  row: number;
  /** The label ends at the mark instead of starting there (it would run past the chart's edge). */
  flip: boolean;
  /** The rows its label takes. */
  rows: number;
  /** Its label's width, in px. */
  width: number;
}

/**
 * Milestone labels in rows: each label spans [start, end) and goes in the first row where it
 * does not run into the one before; near the right edge it is drawn to the left of its mark.
 */
export function layoutEvents(
  events: readonly ConsultationEvent[],
  x: TimeScale,
  labelWidth: (event: ConsultationEvent) => number,
  width = Infinity,
  gap = 12,
  /** How many rows a label takes (a long one wraps rather than being cut short). */
  rows: (event: ConsultationEvent) => number = () => 1,
): EventBox[] {
  const ends: number[] = [];
  return [...events]
    .sort((a, b) => compareDates(a.date, b.date))
    .map((event) => {
      const at = x(parseDate(event.date));
      const w = labelWidth(event);
      const span = Math.max(1, rows(event));
      const flip = at + w > width && at - w >= 0;
      const start = flip ? at - w : at;
      // The first row from which `span` rows are free there.
      const free = (r: number) => (ends[r] ?? -Infinity) + gap <= start;
      let row = 0;
      while (!Array.from({ length: span }, (_, k) => free(row + k)).every(Boolean)) row++;
      for (let k = 0; k < span; k++) ends[row + k] = flip ? at : at + w;
      return { event, x: at, row, flip, rows: span, width: w };
    });
}

/** A dragged pixel span → a whole-day range (from ≤ to), for a date-range clause. */
export function pixelsToDays(x: TimeScale, a: number, b: number): [string, string] {
  const [p, q] = a <= b ? [a, b] : [b, a];
  return [isoDay(utcDay.floor(x.invert(p))), isoDay(utcDay.floor(x.invert(q)))];
}

/** A whole-day range → its span in px, from the start of its first day to the end of its last. */
export function daysToPixels(x: TimeScale, [from, to]: readonly [string, string]): [number, number] {
  return [x(parseDate(from)), x(new Date(parseDate(to).getTime() + 86400000))];
}

/** Tick labels in one style: "11 Jun" within a few months, D3's own (years, months) beyond. */
export function tickFormatFor(x: TimeScale, count: number): (date: Date) => string {
  const [a, b] = x.domain() as [Date, Date];
  return b.getTime() - a.getTime() <= 120 * 86400000 ? dayMonth : x.tickFormat(count);
}

const DAY_MS = 86400000;

/**
 * The detail window after an arrow key, in dates (never through the strip's pixels, where a
 * month can be narrower than the least width drawn): ← and → move it by a quarter of its span
 * (a day at least), Shift with them narrows or widens it from its end. It stays inside `whole`
 * as far as it already was; null for any other key.
 */
export function keyWindow(
  window: readonly [Date, Date],
  whole: readonly [Date, Date],
  key: string,
  shift: boolean,
): [Date, Date] | null {
  const sign = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
  if (!sign) return null;
  const [a, b] = [window[0].getTime(), window[1].getTime()];
  const [low, high] = [whole[0].getTime(), whole[1].getTime()];
  const step = Math.max(DAY_MS, Math.round((b - a) / 4 / DAY_MS) * DAY_MS);
  if (shift) {
    const end = Math.max(a + DAY_MS, Math.min(Math.max(high, b), b + sign * step));
    return [new Date(a), new Date(end)];
  }
  const move = sign < 0 ? -Math.min(step, Math.max(0, a - low)) : Math.min(step, Math.max(0, high - b));
  return [new Date(a + move), new Date(b + move)];
}

/** The detail window moved to centre on `at` (a click on the strip), its span kept, inside `whole` where it fits. */
export function centreWindow(window: readonly [Date, Date], whole: readonly [Date, Date], at: Date): [Date, Date] {
  const span = window[1].getTime() - window[0].getTime();
  const [low, high] = [whole[0].getTime(), whole[1].getTime()];
  const start = Math.max(low, Math.min(at.getTime() - span / 2, high - span));
  return [new Date(start), new Date(start + span)];
}
