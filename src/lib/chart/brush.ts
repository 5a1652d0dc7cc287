/**
 * A brush's arithmetic, in px along one axis: what a drag or a key makes of a selection. Pure:
 * the Brush component feeds it pointer positions and keys, and hands the result on.
 */
export type BrushMode = 'new' | 'move' | 'start' | 'end';

export interface BrushDrag {
  readonly mode: BrushMode;
  /** Where the pointer went down. */
  readonly origin: number;
  /** The selection when the drag began (for a new one, the origin twice). */
  readonly from: readonly [number, number];
}

/** A selection kept inside `bounds`, in order, at least `minPx` wide. */
export function normalise(a: number, b: number, bounds: readonly [number, number], minPx: number): [number, number] {
  const [low, high] = bounds;
  let [p, q] = a <= b ? [a, b] : [b, a];
  p = Math.min(Math.max(p, low), high - minPx);
  q = Math.min(Math.max(q, p + minPx), high);
  return [p, q];
}

/**
 * The selection after the pointer moved to `at`: a new one spans origin..at; a moved one keeps
 * its width and stays inside the bounds; an edge moves alone.
 */
export function dragTo(
  drag: BrushDrag,
  at: number,
  bounds: readonly [number, number],
  minPx: number,
): [number, number] {
  const d = at - drag.origin;
  const [w0, w1] = drag.from;
  switch (drag.mode) {
    case 'new':
      return normalise(drag.origin, at, bounds, minPx);
    case 'move': {
      const shift = Math.min(Math.max(d, bounds[0] - w0), bounds[1] - w1);
      return normalise(w0 + shift, w1 + shift, bounds, minPx);
    }
    case 'start':
      return normalise(w0 + d, w1, bounds, minPx);
    case 'end':
      return normalise(w0, w1 + d, bounds, minPx);
  }
}

/**
 * The selection after an arrow key: ← and → move it by a quarter of its width (at least 4 px),
 * Shift with them widens or narrows it from its end. Null for any other key.
 */
export function keyTo(
  key: string,
  shift: boolean,
  extent: readonly [number, number],
  bounds: readonly [number, number],
  minPx: number,
): [number, number] | null {
  const sign = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
  if (!sign) return null;
  const [a, b] = extent;
  const step = Math.max(4, (b - a) / 4);
  if (shift) return normalise(a, Math.max(a + minPx, b + sign * step), bounds, minPx);
  const move = Math.min(Math.max(sign * step, bounds[0] - a), bounds[1] - b);
  return normalise(a + move, b + move, bounds, minPx);
}

/**
 * The selection after a click beside it (a press with no drag, WCAG 2.5.7): moved to centre on
 * the click, its width kept, inside the bounds.
 */
export function centreOn(
  at: number,
  extent: readonly [number, number],
  bounds: readonly [number, number],
  minPx: number,
): [number, number] {
  const [a, b] = extent;
  const half = (b - a) / 2;
  const shift = Math.min(Math.max(at - half, bounds[0]), bounds[1] - (b - a)) - a;
  return normalise(a + shift, b + shift, bounds, minPx);
}
