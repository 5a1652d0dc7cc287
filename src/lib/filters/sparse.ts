/**
 * The sparse form of a set of message positions: the positions themselves, sorted, for an id
 * that holds few messages. Below `size / 32` members it takes less memory than a bitset (4
 * bytes a member against `size / 8` bytes in all), and its work goes with its members, not
 * with the number of messages. {@link messageSet} picks the form per id.
 */
import { Bitset, type MessageSet } from './bitset';

export class SparseSet {
  readonly size: number;
  /** Sorted, each once. */
  readonly positions: Uint32Array;

  constructor(size: number, positions: Uint32Array) {
    this.size = size;
    this.positions = positions;
  }

  has(position: number): boolean {
    const positions = this.positions;
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (positions[mid]! < position) low = mid + 1;
      else high = mid;
    }
    return low < positions.length && positions[low] === position;
  }

  count(): number {
    return this.positions.length;
  }

  /** |this ∩ other| without building the intersection. */
  countAnd(other: MessageSet): number {
    const a = this.positions;
    let total = 0;
    if (other instanceof Bitset) {
      const words = other.words;
      for (let k = 0; k < a.length; k++) {
        const p = a[k]!;
        if (words[p >>> 5]! & (1 << (p & 31))) total++;
      }
      return total;
    }
    const b = other.positions;
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i]! < b[j]!) i++;
      else if (a[i]! > b[j]!) j++;
      else {
        total++;
        i++;
        j++;
      }
    }
    return total;
  }

  /** A new dense set with the same members. */
  toBitset(): Bitset {
    return new Bitset(this.size).orWith(this);
  }

  /** Calls `fn` with each member, in order. */
  forEach(fn: (position: number) => void): void {
    const positions = this.positions;
    for (let k = 0; k < positions.length; k++) fn(positions[k]!);
  }

  [Symbol.iterator](): IterableIterator<number> {
    return this.positions.values();
  }
}

/**
 * Below this share of the messages an id's set is sparse. At 1/32 a sparse set and a bitset
 * take the same bytes; below it the sparse form is smaller, and faster to OR, count and walk.
 */
export const SPARSE_BELOW = 1 / 32;

/**
 * The set of `positions` (sorted, each once) among `size` messages, in the form that suits it:
 * sparse when it holds fewer than `sparseBelow × size` of them, else a bitset.
 */
export function messageSet(size: number, positions: Uint32Array, sparseBelow = SPARSE_BELOW): MessageSet {
  if (positions.length < sparseBelow * size) return new SparseSet(size, positions);
  const set = new Bitset(size);
  const words = set.words;
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k]!;
    words[p >>> 5]! |= 1 << (p & 31);
  }
  return set;
}
