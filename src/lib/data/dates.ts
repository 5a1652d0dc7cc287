/**
 * The dataset's dates, in one place: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (proleptic Gregorian
 * calendar, UTC, no time of day). Read here for validation, layout and formatting alike, and
 * sessions put in one time order. Counted here, not with `Date.UTC`, which reads the years 0–99
 * as 1900–1999 (so `0050-06-04` would be 1950, and 0000-02-29 1900's, which has none).
 */

export type Grain = 'day' | 'month' | 'year';

/** A date as the dataset gives it: its first instant (UTC) and how precise it is. */
export interface CalendarDate {
  at: Date;
  grain: Grain;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** Days in month `m` (1–12) of year `y`. */
function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The first instant of a day, month or year, UTC, for any year (0–99 included). */
function utc(y: number, m = 1, d = 1): Date {
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d);
  return at;
}

/** `2020-06-11` → 11 June 2020 at 00:00 UTC, grain `day`; null for anything that is no such date. */
export function readDate(value: string): CalendarDate | null {
  const match = PATTERN.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = match[2] === undefined ? undefined : Number(match[2]);
  const d = match[3] === undefined ? undefined : Number(match[3]);
  if (m !== undefined && (m < 1 || m > 12)) return null;
  if (m !== undefined && d !== undefined && (d < 1 || d > daysIn(y, m))) return null;
  return { at: utc(y, m, d), grain: d !== undefined ? 'day' : m !== undefined ? 'month' : 'year' };
}

/** Is `value` a real date in one of the three forms? */
export function isCalendarDate(value: string): boolean {
  return readDate(value) !== null;
}

/**
 * The first instant (UTC) of a date the dataset gives, for layout: a valid dataset's dates
 * always read; anything else counts from the parts it has (never throws).
 */
export function parseDate(value: string): Date {
  const read = readDate(value);
  if (read) return read.at;
  const [y, m = '1', d = '1'] = value.split('-');
  return utc(Number(y), Number(m), Number(d));
}

/** A day as the dataset writes it: `2020-06-11`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Earlier dates first (the three forms compare as text: `2020` < `2020-06` < `2020-06-11`). */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The one time order of sessions: by date, then their order within the day. */
export function sessionOrder(a: { date: string; order: number }, b: { date: string; order: number }): number {
  return compareDates(a.date, b.date) || a.order - b.order;
}

/** Sessions in time order (a new list). */
export function sessionsInOrder<T extends { date: string; order: number }>(sessions: Iterable<T>): T[] {
  return [...sessions].sort(sessionOrder);
}
