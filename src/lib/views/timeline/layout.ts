/**
 * The timeline chart's layout, in px: its rhythm, which follows the type (body-sized on stage);
 * the window, widened so the last day's sessions are named beside their marks; which sessions
 * have room for their names; the milestones' labels in rows; the ticks and the chart's height.
 * Pure: the view gives it the sizes it measured, a text measurer and the words it shows.
 */
import type { ConsultationEvent, Session } from '../../data/schema';
import { keepLastWord, lineCount } from '../../scales/labels';
import { parseDate } from '../../data/dates';
import {
  layoutEvents,
  sessionWindow,
  withRoomAfter,
  type EventBox,
  type SessionBox,
  type TimeScale,
} from '../../scales/timeline';

/** A text's width in px, in the names' type. */
export type Measure = (text: string) => number;

/** The names on stage are 1rem, against 0.72rem on the dashboard's stage type scale. */
const STAGE_SCALE = 1 / 0.72;

/** The chart's sizes in px, from its type unit. */
export interface Rhythm {
  /** The chart's unit: the root font size, grown on stage. */
  rem: number;
  /** A session's mark, a lane's height and the first lane's top. */
  mark: number;
  /** The room after a mark, where its count's badge stands clear of the name (10 px on the dashboard). */
  markMargin: number;
  /** From a mark's right edge to its name: the mark's margin, a 6 px gap and the 4 px padding. */
  nameInset: number;
  lane: number;
  top: number;
  /** The axis and its labels' height, and a row of milestone labels. */
  axis: number;
  /** A tick's length below the axis line, and its label's baseline below the line. */
  tickDown: number;
  labelAt: number;
  eventRow: number;
  /** Room for a name worth reading (two short lines); a session with less is named under the chart. */
  minLabel: number;
  /** The most room a session's name takes beside its mark. */
  maxLabel: number;
  /** Ticks a label's width apart, at any type size (the stage's too). */
  tickSpacing: number;
  /** A milestone label's widest: on stage a milestone's title has the room to be read whole. */
  eventLabelMax: number;
}

/**
 * The chart's rhythm for a root font size (16 on the dashboard, 28+ on a presentation stage).
 * `countChars`: the widest count a session's badge shows ("4.2k" is 4): a badge of three or four
 * characters, which stands on the mark's corner, gets room before the name, so it never covers it.
 */
export function chartRhythm(rootRem: number, onStage: boolean, countChars = 1): Rhythm {
  const rem = rootRem * (onStage ? STAGE_SCALE : 1);
  const mark = Math.round(rem * 0.95);
  // The badge's type at its largest (the dashboard's smallest size grows to 1.1rem on a big screen).
  const badgeFont = rem * (onStage ? 0.72 : 0.935);
  const badge = 8 + Math.max(1.3, 0.62 * countChars) * badgeFont;
  // It starts 0.6 of a mark in: its right edge, and a little air, less the mark itself.
  const clearOfBadge = countChars > 2 ? Math.ceil(badge - 0.4 * mark + 3) : 0;
  const markMargin = Math.max(10, Math.round(mark / 2), clearOfBadge);
  return {
    rem,
    mark,
    markMargin,
    nameInset: markMargin + 10,
    lane: Math.round(rem * 2),
    top: 6,
    axis: Math.round(rem * 1.5),
    tickDown: Math.round(rem * 0.375),
    labelAt: Math.round(rem * 1.125),
    eventRow: Math.round(rem * 1.15),
    minLabel: rem * 6,
    maxLabel: rem * 16,
    tickSpacing: rem * 6.5,
    eventLabelMax: rem * (onStage ? 20 : 13.75),
  };
}

/** How many ticks the axis asks D3 for at this width. */
export function tickCount(width: number, rhythm: Rhythm): number {
  return Math.max(2, Math.floor(width / rhythm.tickSpacing));
}

/** The sessions' window, with room after the last day for its sessions' names. */
export function roomyWindow(
  sessions: readonly Session[],
  width: number,
  rhythm: Rhythm,
  measure: Measure,
): [Date, Date] {
  const window = sessionWindow(sessions);
  const last = sessions.reduce<string | undefined>((max, s) => (max && max > s.date ? max : s.date), undefined);
  if (!last) return window;
  const longest = Math.max(...sessions.filter((s) => s.date === last).map((s) => measure(keepLastWord(s.title))));
  // As `namedSessions` asks: a label at least `minLabel` wide, with the name on one line if it
  // can (and a few px to spare, so rounding never leaves it just short).
  const label = Math.max(rhythm.minLabel, rhythm.nameInset + Math.min(longest, rhythm.maxLabel)) + 4;
  return withRoomAfter(window, parseDate(last), rhythm.mark + 8 + label, width);
}

/**
 * The sessions with room for their whole names, in two lines at most, beside their marks. Never
 * cut short ("Thematic breakout sessio…"): a name without room is listed under the chart.
 * `name` is a session's name as shown beside its mark.
 */
export function namedSessions(
  boxes: readonly SessionBox[],
  rhythm: Rhythm,
  measure: Measure,
  name: (session: Session) => string,
): Set<string> {
  const fits = (box: SessionBox) =>
    box.labelWidth >= rhythm.minLabel && lineCount(name(box.session), box.labelWidth - rhythm.nameInset, measure) <= 2;
  return new Set(boxes.filter(fits).map((box) => box.session.id));
}

/**
 * A milestone label's width: the text's own, within the label's cap and the room on the wider
 * side of its mark (at `at` px on a chart `width` px wide). A longer one wraps onto more rows:
 * never cut short.
 */
export function milestoneWidth(at: number, width: number, rhythm: Rhythm, textWidth: number): number {
  const room = Math.max(at, width - at) - (12 * rhythm.rem) / 16;
  return Math.max(rhythm.rem * 6, Math.min(rhythm.eventLabelMax, room, textWidth + 2));
}

/**
 * The milestones in the scale's window, their labels in rows (three at most each). `text` is a
 * milestone's label as shown: its title and its date.
 */
export function layoutMilestones(
  events: readonly ConsultationEvent[],
  x: TimeScale,
  width: number,
  rhythm: Rhythm,
  measure: Measure,
  text: (event: ConsultationEvent) => string,
): EventBox[] {
  const [from, to] = x.domain();
  const shown = events.filter((e) => {
    const t = parseDate(e.date);
    return t >= from && t <= to;
  });
  const labelWidth = (e: ConsultationEvent) => milestoneWidth(x(parseDate(e.date)), width, rhythm, measure(text(e)));
  return layoutEvents(shown, x, labelWidth, width, 12, (e) => Math.min(3, lineCount(text(e), labelWidth(e), measure)));
}

/** The chart's frame, in px: the axis's height, the first milestone row's top, the whole height. */
export interface ChartFrame {
  axisY: number;
  eventsTop: number;
  height: number;
}

/**
 * The sessions' lanes above the axis, the milestones' rows below it. Every session's lane counts,
 * in the window or not, so the chart keeps its height as the window moves.
 */
export function chartFrame(boxes: readonly SessionBox[], milestones: readonly EventBox[], rhythm: Rhythm): ChartFrame {
  const lanes = boxes.reduce((most, b) => Math.max(most, b.lane + 1), 1);
  const rows = milestones.reduce((most, e) => Math.max(most, e.row + e.rows), 0);
  const axisY = rhythm.top + lanes * rhythm.lane;
  const eventsTop = axisY + rhythm.axis;
  return { axisY, eventsTop, height: eventsTop + rows * rhythm.eventRow + 4 };
}
