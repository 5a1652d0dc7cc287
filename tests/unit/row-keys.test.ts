import { describe, expect, it } from 'vitest';
import { rowTarget } from '../../src/lib/ui/keys';

describe('moving through a row of items from the keyboard', () => {
  it('stops at the ends, or wraps round for tabs', () => {
    expect(rowTarget('ArrowRight', 3, 4)).toBe(3);
    expect(rowTarget('ArrowRight', 3, 4, { wrap: true })).toBe(0);
    expect(rowTarget('ArrowLeft', 0, 4)).toBe(0);
    expect(rowTarget('ArrowLeft', 0, 4, { wrap: true })).toBe(3);
    expect(rowTarget('ArrowRight', 1, 4)).toBe(2);
  });

  it('goes to the first and the last with Home and End', () => {
    expect(rowTarget('Home', 2, 5)).toBe(0);
    expect(rowTarget('End', 2, 5)).toBe(4);
  });

  it('takes the up and down arrows only in a vertical row, and no other key', () => {
    expect(rowTarget('ArrowDown', 1, 4)).toBe(-1);
    expect(rowTarget('ArrowDown', 1, 4, { vertical: true })).toBe(2);
    expect(rowTarget('ArrowUp', 1, 4, { vertical: true })).toBe(0);
    expect(rowTarget('Enter', 1, 4)).toBe(-1);
    expect(rowTarget('a', 1, 4, { wrap: true })).toBe(-1);
  });
});
