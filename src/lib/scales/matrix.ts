/**
 * The theme matrices' pure layout: columns of themes grouped by theme group, rows of topics
 * (and one for the messages that span topics), counts per cell from the filter engine's
 * bitsets, and a perceptual colour for a count.
 */
import { interpolateCividis } from 'd3-scale-chromatic';
import type { Dataset, Theme, ThemeGroup } from '../data/schema';
import { NO_TOPIC } from '../filters/clauses';

const GROUP_ORDER: ThemeGroup[] = ['cross-cutting', 'gfmd-area', 'issue'];

export interface ThemeGroupColumns {
  group: ThemeGroup;
  label: string;
  themes: Theme[];
}

/** The themes in columns by group, each group named by `label` (ui/theme-words.ts). */
export function themeColumns(themes: readonly Theme[], label: (group: ThemeGroup) => string): ThemeGroupColumns[] {
  return GROUP_ORDER.map((group) => ({
    group,
    label: label(group),
    themes: themes.filter((t) => t.group === group),
  })).filter((g) => g.themes.length > 0);
}

/** The first theme of each group: its column starts the group (a rule marks the boundary). */
export function groupStartIds(groups: readonly ThemeGroupColumns[]): Set<string> {
  return new Set(groups.flatMap((g) => (g.themes[0] ? [g.themes[0].id] : [])));
}

export interface MatrixRow {
  /** A topic id, or NO_TOPIC for the messages that span topics. */
  id: string;
  label: string;
  /** A short label for the row header. */
  short: string;
}

/** How the rows are named (ui/theme-words.ts): a topic's number and title, and the row of the messages across topics. */
export interface RowWords {
  topic: (number: number, title: string) => string;
  across: string;
  acrossShort: string;
}

/** The topics in their order, after a row for the messages that span topics (if any). */
export function topicRows(dataset: Dataset, words: RowWords): MatrixRow[] {
  const rows = [...dataset.topics]
    .sort((a, b) => a.number - b.number)
    .map((t) => ({
      id: t.id,
      label: words.topic(t.number, t.title),
      short: `${t.number}. ${t.title}`,
    }));
  const spanning = dataset.messages.some((message) => message.topicId === null);
  return spanning ? [{ id: NO_TOPIC, label: words.across, short: words.acrossShort }, ...rows] : rows;
}

/**
 * Counts → colour: light for few, dark for many (cividis, readable in colour-vision
 * deficiencies), on a square-root scale of 0…max. The scale is the one line d3-scale's
 * `scaleSequentialSqrt` computes; written out, it spares the page d3-scale's linear scales and
 * their number formatting, which nothing else here uses.
 */
export function countColour(max: number): (count: number) => string {
  const top = Math.max(1, max);
  return (count) => interpolateCividis(0.95 - Math.sqrt(Math.max(0, count) / top) * 0.9);
}

export interface Paint {
  background: string;
  color: string;
}

/**
 * Counts → a cell's fill and its text colour, computed once per count (a matrix redraws every
 * cell on each click, and the colour and contrast maths would otherwise run for each).
 */
export function countPaint(max: number): (count: number) => Paint | null {
  const colour = countColour(max);
  const cache = new Map<number, Paint>();
  return (count) => {
    if (!count) return null;
    let paint = cache.get(count);
    if (!paint) {
      const background = colour(count);
      paint = { background, color: textOn(background) };
      cache.set(count, paint);
    }
    return paint;
  };
}

/** Relative luminance of an `rgb(r, g, b)` colour, to pick dark or light text on it. */
export function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Text on a cell: black on light colours, white on dark ones (whichever contrasts more). */
export function textOn(colour: string): string {
  const l = luminance(colour);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** Moves a grid cursor by a key: rows -1 (the column headers) .. rows-1, columns -1 (the row headers) .. cols-1. */
export function moveCursor(
  cursor: { r: number; c: number },
  key: string,
  rows: number,
  cols: number,
  ctrl = false,
): { r: number; c: number } | null {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  switch (key) {
    case 'ArrowUp':
      return { r: clamp(cursor.r - 1, -1, rows - 1), c: cursor.c };
    case 'ArrowDown':
      return { r: clamp(cursor.r + 1, -1, rows - 1), c: cursor.c };
    case 'ArrowLeft':
      return { r: cursor.r, c: clamp(cursor.c - 1, -1, cols - 1) };
    case 'ArrowRight':
      return { r: cursor.r, c: clamp(cursor.c + 1, -1, cols - 1) };
    case 'Home':
      return ctrl ? { r: -1, c: -1 } : { r: cursor.r, c: -1 };
    case 'End':
      return ctrl ? { r: rows - 1, c: cols - 1 } : { r: cursor.r, c: cols - 1 };
    case 'PageUp':
      return { r: -1, c: cursor.c };
    case 'PageDown':
      return { r: rows - 1, c: cursor.c };
    default:
      return null;
  }
}
