/**
 * Numbers and dates in the interface's language, through `Intl`: "1 234" in French,
 * "18 de junio de 2020" in Spanish. English keeps the British day-month order the report uses.
 * Formatters are made once per language and option set (the registry's cache, which the
 * compiled messages share).
 */
import { readDate } from '../data/dates';
import { locale, type Locale } from './i18n.svelte';
import { cached, number } from './registry';

/** The `Intl` locale for an interface language. */
export function intlLocale(l: Locale = locale()): string {
  return l === 'en' ? 'en-GB' : l === 'pt' ? 'pt-BR' : l;
}

export function formatNumber(n: number): string {
  return number(intlLocale(), n);
}

/**
 * A count in at most four characters, for a place that fits no more (a matrix cell, a
 * session's badge): 936, 4.2k, 19k, 120k, 1.2M. Below 1,000 as it is; the full count is in
 * the element's name and in its table.
 */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  const [value, unit] = n < 999_500 ? [n / 1000, 'k'] : [n / 1_000_000, 'M'];
  const digits = value < 9.95 ? 1 : 0;
  const l = intlLocale();
  const format = cached(
    `count-${digits}`,
    l,
    undefined,
    () => new Intl.NumberFormat(l, { maximumFractionDigits: digits, useGrouping: false }),
  );
  return `${format.format(value)}${unit}`;
}

/** "73.2": a size in megabytes with one decimal, in the interface's language. */
export function formatMegabytes(bytes: number): string {
  const l = intlLocale();
  return cached(
    'megabytes',
    l,
    undefined,
    () => new Intl.NumberFormat(l, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  ).format(bytes / 1048576);
}

type DateStyle = 'day' | 'month' | 'dayMonth' | 'shortMonth' | 'year' | 'shortDay';
const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric' },
  month: { month: 'long', year: 'numeric' },
  dayMonth: { day: 'numeric', month: 'long' },
  shortMonth: { month: 'short' },
  shortDay: { day: 'numeric', month: 'short' },
  year: { year: 'numeric' },
};

function dateFormat(style: DateStyle): Intl.DateTimeFormat {
  const l = intlLocale();
  return cached(
    `utc-${style}`,
    l,
    undefined,
    () => new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...DATE_OPTIONS[style] }),
  );
}

/** A date in UTC at the given grain: "11 June 2020", "June 2020", "Jun", "11 Jun". */
export function formatUtc(date: Date, style: DateStyle): string {
  return dateFormat(style).format(date);
}

/** `2020-06-11` → "11 June 2020"; `2020-07` → "July 2020"; `2006` → "2006"; anything else as given. */
export function formatDate(date: string): string {
  const parsed = readDate(date);
  if (!parsed) return date;
  return parsed.grain === 'year' ? String(parsed.at.getUTCFullYear()) : formatUtc(parsed.at, parsed.grain);
}

/** "11–12 June 2020", "30 June – 2 July 2020", "4 June 2020" (in the interface's language). */
export function formatRange(from: string, to: string): string {
  if (from === to) return formatDate(from);
  const a = readDate(from);
  const b = readDate(to);
  if (!a || !b || a.grain !== 'day' || b.grain !== 'day') return `${formatDate(from)} – ${formatDate(to)}`;
  // Two days of one month close up around the dash ("11–12 June"), as the report writes them;
  // otherwise the dash has plain spaces (ICU's are thin or narrow, and vary by browser).
  const oneMonth = a.at.getUTCFullYear() === b.at.getUTCFullYear() && a.at.getUTCMonth() === b.at.getUTCMonth();
  return dateFormat('day')
    .formatRange(a.at, b.at)
    .replace(/\s*–\s*/u, oneMonth ? '–' : ' – ');
}

/** A point in time (not a calendar day) as a date in the reader's zone: "2 December 2026". */
export function formatLocalDay(date: Date): string {
  const l = intlLocale();
  return cached('local-day', l, undefined, () => new Intl.DateTimeFormat(l, DATE_OPTIONS.day)).format(date);
}

/** Sorting names the way the interface's language does. */
export function compareText(a: string, b: string): number {
  const l = intlLocale();
  return cached('collator', l, undefined, () => new Intl.Collator(l, { sensitivity: 'base', numeric: true })).compare(
    a,
    b,
  );
}
