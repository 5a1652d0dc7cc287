import { describe, expect, it } from 'vitest';
import { keepLastWord, lineCount, placeLabels, revealShift, type LabelMark } from '../../src/lib/scales/labels';

const mark = (key: string, x: number, y: number, priority = 1, r = 10): LabelMark => ({
  key,
  text: key,
  x,
  y,
  r,
  priority,
});
const bounds = { left: 0, top: 0, right: 400, bottom: 300 };
const width = (text: string) => text.length * 10;
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('place labels', () => {
  it('sets a lone label to the right of its marker', () => {
    const [label] = placeLabels([mark('Quito', 100, 100)], width, 16, bounds);
    expect(label).toMatchObject({ key: 'Quito', side: 'right', x: 114, y: 92, width: 50, height: 16 });
  });

  it('moves to the left at the view’s right edge', () => {
    expect(placeLabels([mark('Dubai', 380, 100)], width, 16, bounds)[0]!.side).toBe('left');
  });

  it('never overlaps another label or any marker, and keeps the more important one', () => {
    const marks = [mark('Aaaaa', 100, 100, 1), mark('Bbbbb', 130, 100, 5), mark('Ccccc', 115, 118, 3)];
    const labels = placeLabels(marks, width, 16, bounds);
    expect(labels.map((l) => l.key)).toContain('Bbbbb');
    for (const a of labels) {
      for (const b of labels) if (a !== b) expect(overlap(a, b)).toBe(false);
      for (const m of marks) {
        expect(overlap(a, { x: m.x - m.r, y: m.y - m.r, width: 2 * m.r, height: 2 * m.r })).toBe(false);
      }
    }
  });

  it('keeps off the map’s own buttons', () => {
    const buttons = { left: 110, top: 80, right: 170, bottom: 120 };
    const [label] = placeLabels([mark('Quito', 100, 100)], width, 16, bounds, 4, [buttons]);
    expect(label!.side).not.toBe('right');
    expect(overlap(label!, { x: 110, y: 80, width: 60, height: 40 })).toBe(false);
  });

  it('leaves a label out when there is no room for it', () => {
    const crowd = Array.from({ length: 30 }, (_, i) => mark(`Place ${i}`, 200 + (i % 3) * 3, 150 + i, 1, 12));
    const labels = placeLabels(crowd, width, 16, bounds);
    expect(labels.length).toBeLessThan(crowd.length);
    expect(labels.length).toBeGreaterThan(0);
  });
});

describe('bringing a focused marker into view', () => {
  const view = { left: 0, top: 0, right: 400, bottom: 300 };
  const at = (left: number, top: number, size = 24) => ({ left, top, right: left + size, bottom: top + size });
  it('leaves a marker that is seen whole where it is', () => {
    expect(revealShift(at(100, 100), view, [])).toEqual([0, 0]);
  });
  it('brings a marker past an edge back inside, with a margin', () => {
    expect(revealShift(at(-30, 100), view, [])).toEqual([-38, 0]);
    expect(revealShift(at(390, 290), view, [])).toEqual([22, 22]);
  });
  it('moves a marker out from under a panel the shorter way', () => {
    const panel = { left: 250, top: 0, right: 400, bottom: 300 };
    const [x, y] = revealShift(at(260, 100), view, [panel]);
    expect(y).toBe(0);
    expect(260 - x + 24).toBeLessThanOrEqual(250 - 8);
  });
});

describe('how many lines a name wraps to', () => {
  // Every character 10 px wide, a space too: the arithmetic is easy to check by hand.
  const measure = (text: string) => text.length * 10;
  it('wraps words greedily, as the browser does', () => {
    expect(lineCount('Thematic breakout session 1', 270, measure)).toBe(1);
    expect(lineCount('Thematic breakout session 1', 260, measure)).toBe(2); // "Thematic breakout" | "session 1"
    expect(lineCount('Thematic breakout session 1', 170, measure)).toBe(2);
    expect(lineCount('Thematic breakout session 1', 160, measure)).toBe(3); // "Thematic" | "breakout" | "session 1"
  });
  it('keeps a short last word with the one before, in the browser and in the count alike', () => {
    const name = keepLastWord('Thematic breakout session 1');
    expect(name).toBe('Thematic breakout session\u00A01');
    // At 85 px "1" would stand alone on a fourth line; held to "session" (90 px), the name does not fit.
    expect(lineCount('Thematic breakout session 1', 85, measure)).toBe(4);
    expect(lineCount(name, 85, measure)).toBe(Infinity);
    expect(lineCount(name, 90, measure)).toBe(3);
    expect(keepLastWord('Closing session')).toBe('Closing session');
    expect(keepLastWord('Opening Plenary')).toBe('Opening Plenary');
  });
  it('says a word wider than the room can never fit, and empty text takes no line', () => {
    expect(lineCount('Thematic breakout', 70, measure)).toBe(Infinity);
    expect(lineCount('  ', 100, measure)).toBe(0);
  });
});
