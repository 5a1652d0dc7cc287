import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centreOn, dragTo, keyTo, normalise } from '../../src/lib/chart/brush';

const bounds = [8, 408] as const;

describe('a brush’s arithmetic', () => {
  it('a new selection spans from where the pointer went down to where it is, either way', () => {
    const drag = { mode: 'new' as const, origin: 100, from: [100, 100] as const };
    expect(dragTo(drag, 160, bounds, 6)).toEqual([100, 160]);
    expect(dragTo(drag, 40, bounds, 6)).toEqual([40, 100]);
    expect(dragTo(drag, -50, bounds, 6)).toEqual([8, 100]);
  });

  it('a moved selection keeps its width and stops at the bounds', () => {
    const drag = { mode: 'move' as const, origin: 200, from: [150, 250] as const };
    expect(dragTo(drag, 230, bounds, 6)).toEqual([180, 280]);
    expect(dragTo(drag, 1000, bounds, 6)).toEqual([308, 408]);
    expect(dragTo(drag, -1000, bounds, 6)).toEqual([8, 108]);
  });

  it('an edge moves alone, and never past the other edge by less than the least width', () => {
    expect(dragTo({ mode: 'start', origin: 150, from: [150, 250] }, 120, bounds, 6)).toEqual([120, 250]);
    expect(dragTo({ mode: 'end', origin: 250, from: [150, 250] }, 300, bounds, 6)).toEqual([150, 300]);
    expect(dragTo({ mode: 'end', origin: 250, from: [150, 250] }, 152, bounds, 6)).toEqual([150, 156]);
  });

  it('arrow keys move by a quarter of the width; Shift resizes; other keys do nothing', () => {
    expect(keyTo('ArrowRight', false, [100, 200], bounds, 6)).toEqual([125, 225]);
    expect(keyTo('ArrowLeft', false, [100, 200], bounds, 6)).toEqual([75, 175]);
    expect(keyTo('ArrowRight', true, [100, 200], bounds, 6)).toEqual([100, 225]);
    expect(keyTo('ArrowLeft', true, [100, 200], bounds, 6)).toEqual([100, 175]);
    expect(keyTo('ArrowLeft', false, [10, 20], bounds, 6)).toEqual([8, 18]);
    expect(keyTo('Enter', false, [100, 200], bounds, 6)).toBeNull();
  });

  it('a click beside the selection centres it there, its width kept, never past the bounds', () => {
    expect(centreOn(300, [100, 140], bounds, 6)).toEqual([280, 320]);
    expect(centreOn(10, [100, 140], bounds, 6)).toEqual([8, 48]);
    expect(centreOn(405, [100, 140], bounds, 6)).toEqual([368, 408]);
  });

  it('whatever the gesture, a selection stays inside the bounds, in order, at least the least width', () => {
    const mode = fc.constantFrom('new' as const, 'move' as const, 'start' as const, 'end' as const);
    const px = fc.double({ min: -1000, max: 1000, noNaN: true });
    fc.assert(
      fc.property(mode, px, px, px, px, (m, origin, a, b, at) => {
        const from = normalise(a, b, bounds, 6);
        const [p, q] = dragTo({ mode: m, origin, from }, at, bounds, 6);
        expect(p).toBeGreaterThanOrEqual(bounds[0]);
        expect(q).toBeLessThanOrEqual(bounds[1]);
        expect(q - p).toBeGreaterThanOrEqual(6 - 1e-9);
      }),
    );
  });
});
