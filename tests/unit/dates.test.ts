import { describe, expect, it } from 'vitest';
import {
  compareDates,
  isCalendarDate,
  isoDay,
  parseDate,
  readDate,
  sessionOrder,
  sessionsInOrder,
} from '../../src/lib/data/dates';
import { formatDate, formatRange } from '../../src/lib/i18n/format';

describe('the dataset’s dates, read in one place', () => {
  it('reads the three forms, each with its grain, at the first instant of the period (UTC)', () => {
    expect(readDate('2020-06-11')).toEqual({ at: new Date('2020-06-11T00:00:00Z'), grain: 'day' });
    expect(readDate('2020-06')).toEqual({ at: new Date('2020-06-01T00:00:00Z'), grain: 'month' });
    expect(readDate('2020')).toEqual({ at: new Date('2020-01-01T00:00:00Z'), grain: 'year' });
  });

  it('reads the years 0–99 as themselves, not as 1900–1999', () => {
    expect(readDate('0050-06-04')!.at.getUTCFullYear()).toBe(50);
    expect(isoDay(parseDate('0050-06-04'))).toBe('0050-06-04');
    expect(isCalendarDate('0000-02-29')).toBe(true); // year 0 is a leap year (proleptic Gregorian)
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('refuses what is no date: a 30 February, a 13th month, other shapes', () => {
    for (const bad of [
      '2021-02-29',
      '2020-02-30',
      '2020-13',
      '2020-00',
      '2020-06-00',
      '2020-6-1',
      '20',
      '2020-06-11T10:00',
      '',
    ])
      expect(readDate(bad), bad).toBeNull();
  });

  it('formats a year 0–99 date with its own year, and shows what it cannot read as given', () => {
    expect(formatDate('0050-06-04')).toBe('4 June 50');
    expect(formatDate('2020-02-30')).toBe('2020-02-30');
    expect(formatRange('0050-06-04', '0050-06-05')).toBe('4–5 June 50');
  });

  it('puts sessions in one time order: by date (a year before its months, a month before its days), then their order', () => {
    const sessions = [
      { id: 'b', date: '2020-06-11', order: 2 },
      { id: 'c', date: '2020-06', order: 1 },
      { id: 'a', date: '2020-06-11', order: 1 },
      { id: 'd', date: '2020', order: 9 },
      { id: 'e', date: '0050-01-01', order: 1 },
    ];
    expect(sessionsInOrder(sessions).map((s) => s.id)).toEqual(['e', 'd', 'c', 'a', 'b']);
    expect(sessions.map((s) => s.id)).toEqual(['b', 'c', 'a', 'd', 'e']); // a new list
    expect(sessionOrder(sessions[0]!, sessions[2]!)).toBeGreaterThan(0);
    expect(compareDates('2020-06-11', '2020-06-11')).toBe(0);
  });
});
