/**
 * Place names beside their markers: each label tries the right of its marker, then the left,
 * above and below, then the four corners, then the right and left a line higher or lower, and
 * takes the first spot that overlaps no marker, no label placed before it and stays inside the
 * view; a label with no such spot is left out (more fit as the map zooms in). Labels are placed
 * in priority order, so the places that matter most keep theirs.
 */
export interface LabelMark {
  key: string;
  text: string;
  x: number;
  y: number;
  /** The radius of the marker's drawn shape. */
  r: number;
  /** Higher first. */
  priority: number;
  /** More of the marker no label may cover (its badges), in the marks' coordinates. */
  extra?: readonly Box[];
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacedLabel {
  key: string;
  text: string;
  /** The label's top-left corner and size, in the marks' coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  side: 'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left';
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * `measure(text)` gives a label's width; `height` is its line height; `gap` the space between a
 * marker and its label; `bounds` the visible area. Every marker is an obstacle, its own included.
 */
export function placeLabels(
  marks: readonly LabelMark[],
  measure: (text: string) => number,
  height: number,
  bounds: Box,
  gap = 4,
  /** Where no label may go: the map's own buttons. */
  avoid: readonly Box[] = [],
): PlacedLabel[] {
  const obstacles: Box[] = [
    ...avoid,
    ...marks.flatMap((m) => [
      { left: m.x - m.r, top: m.y - m.r, right: m.x + m.r, bottom: m.y + m.r },
      ...(m.extra ?? []),
    ]),
  ];
  const placed: PlacedLabel[] = [];
  const order = [...marks].sort((a, b) => b.priority - a.priority || a.key.localeCompare(b.key));
  for (const mark of order) {
    const width = measure(mark.text);
    // The corners sit off the marker's diagonal (r / √2 away on each axis): close, never on it.
    const d = mark.r * Math.SQRT1_2 + gap / 2;
    const candidates: [PlacedLabel['side'], number, number][] = [
      ['right', mark.x + mark.r + gap, mark.y - height / 2],
      ['left', mark.x - mark.r - gap - width, mark.y - height / 2],
      ['above', mark.x - width / 2, mark.y - mark.r - gap - height],
      ['below', mark.x - width / 2, mark.y + mark.r + gap],
      ['above-right', mark.x + d, mark.y - d - height],
      ['below-right', mark.x + d, mark.y + d],
      ['above-left', mark.x - d - width, mark.y - d - height],
      ['below-left', mark.x - d - width, mark.y + d],
      ['right', mark.x + mark.r + gap, mark.y - height * 1.25],
      ['right', mark.x + mark.r + gap, mark.y + height * 0.25],
      ['left', mark.x - mark.r - gap - width, mark.y - height * 1.25],
      ['left', mark.x - mark.r - gap - width, mark.y + height * 0.25],
    ];
    for (const [side, x, y] of candidates) {
      const box = { left: x, top: y, right: x + width, bottom: y + height };
      const inside =
        box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
      if (!inside || obstacles.some((o) => overlaps(o, box))) continue;
      placed.push({ key: mark.key, text: mark.text, x, y, width, height, side });
      obstacles.push(box);
      break;
    }
  }
  return placed;
}

/**
 * A text's width in px in the page's typeface (a canvas measures it); an estimate where there is
 * no canvas. `spacing` is the text's own letter and word spacing as the page styles it (a reader's
 * text-spacing style included, WCAG 1.4.12), so a name measured to fit does fit.
 */
export function textMeasurer(
  font: string,
  px: number,
  spacing?: { letter: string; word: string },
): (text: string) => number {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext?.('2d');
  if (context) {
    context.font = font;
    if (spacing && 'letterSpacing' in context) {
      context.letterSpacing = spacing.letter === 'normal' ? '0px' : spacing.letter;
      context.wordSpacing = spacing.word === 'normal' ? '0px' : spacing.word;
    }
  }
  return (text) => (context ? Math.ceil(context.measureText(text).width) : Math.ceil(text.length * px * 0.56));
}

/** A name whose last word is short ("Thematic breakout session 1") keeps it with the word before: never a number alone on a line. */
export function keepLastWord(name: string): string {
  return name.replace(/ (\S{1,3})$/, '\u00A0$1');
}

/**
 * How many lines `text` takes when its words wrap within `width` px (greedy, as the browser wraps
 * them); Infinity when one word alone is wider than that.
 */
export function lineCount(text: string, width: number, measure: (text: string) => number): number {
  // Broken at spaces only: a no-break space holds its words together, as in the browser.
  const words = text.split(/[ \t\n\r]+/).filter(Boolean);
  if (!words.length) return 0;
  let lines = 1;
  let line = '';
  for (const word of words) {
    if (measure(word) > width) return Infinity;
    const longer = line ? `${line} ${word}` : word;
    if (measure(longer) <= width) line = longer;
    else {
      lines++;
      line = word;
    }
  }
  return lines;
}

/**
 * How far to move the map (Leaflet's `panBy`: content moves the other way) so that `target` lies
 * inside `view` with a margin and clear of every obstacle (a panel, the map's buttons): the
 * smallest move out from under each obstacle that keeps it in view.
 */
export function revealShift(target: Box, view: Box, obstacles: readonly Box[], margin = 8): [number, number] {
  const inside = (d: number, low: number, high: number, lowEdge: number, highEdge: number) =>
    low - d < lowEdge + margin
      ? low - (lowEdge + margin)
      : high - d > highEdge - margin
        ? high - (highEdge - margin)
        : 0;
  let x = inside(0, target.left, target.right, view.left, view.right);
  let y = inside(0, target.top, target.bottom, view.top, view.bottom);
  for (const o of obstacles) {
    const b = { left: target.left - x, right: target.right - x, top: target.top - y, bottom: target.bottom - y };
    if (!overlaps(b, o)) continue;
    const moves: [number, number][] = [
      [x + (b.right - (o.left - margin)), y],
      [x - (o.right + margin - b.left), y],
      [x, y + (b.bottom - (o.top - margin))],
      [x, y - (o.bottom + margin - b.top)],
    ];
    const fits = ([mx, my]: [number, number]) =>
      target.left - mx >= view.left &&
      target.right - mx <= view.right &&
      target.top - my >= view.top &&
      target.bottom - my <= view.bottom;
    const size = ([mx, my]: [number, number]) => Math.abs(mx - x) + Math.abs(my - y);
    const best = moves.filter(fits).sort((p, q) => size(p) - size(q))[0];
    if (best) [x, y] = best;
  }
  return [x, y];
}
