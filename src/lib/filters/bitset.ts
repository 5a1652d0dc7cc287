import type { SparseSet } from './sparse';

/**
 * A set of message positions in either form: a {@link Bitset} for an id that holds many
 * messages, a {@link SparseSet} (its positions, sorted) for one that holds few.
 */
export type MessageSet = Bitset | SparseSet;

/**
 * A fixed-size set of message positions, 32 to a word. The filter engine works on these: a
 * clause is an OR of pre-built sets, a filter an AND of clauses, a count a popcount, so a click
 * costs a few passes over `size / 32` words whatever the number of messages. The pre-built
 * sets of ids that hold few messages are sparse ({@link SparseSet}); these methods take either.
 */
export class Bitset {
  readonly size: number;
  readonly words: Uint32Array;

  constructor(size: number, words?: Uint32Array) {
    this.size = size;
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  static full(size: number): Bitset {
    const set = new Bitset(size);
    set.words.fill(0xffffffff);
    const tail = size & 31;
    if (tail) set.words[set.words.length - 1] = (1 << tail) - 1;
    return set;
  }

  static of(size: number, positions: Iterable<number>): Bitset {
    const set = new Bitset(size);
    for (const p of positions) set.add(p);
    return set;
  }

  add(position: number): void {
    this.words[position >>> 5]! |= 1 << (position & 31);
  }

  has(position: number): boolean {
    return (this.words[position >>> 5]! & (1 << (position & 31))) !== 0;
  }

  clone(): Bitset {
    return new Bitset(this.size, this.words.slice());
  }

  /** A new dense set with the same members (a copy). */
  toBitset(): Bitset {
    return this.clone();
  }

  /** In place: this ∪ other. */
  orWith(other: MessageSet): this {
    const a = this.words;
    if (!(other instanceof Bitset)) {
      const positions = other.positions;
      for (let k = 0; k < positions.length; k++) {
        const p = positions[k]!;
        a[p >>> 5]! |= 1 << (p & 31);
      }
      return this;
    }
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! |= b[i]!;
    return this;
  }

  /** In place: this ∩ other. */
  andWith(other: MessageSet): this {
    const a = this.words;
    if (!(other instanceof Bitset)) {
      // Keep only the bits at the other's positions: a pass over them, and one over the words.
      const kept = new Uint32Array(a.length);
      const positions = other.positions;
      for (let k = 0; k < positions.length; k++) {
        const p = positions[k]!;
        const w = p >>> 5;
        kept[w]! |= a[w]! & (1 << (p & 31));
      }
      a.set(kept);
      return this;
    }
    const b = other.words;
    for (let i = 0; i < a.length; i++) a[i]! &= b[i]!;
    return this;
  }

  count(): number {
    let total = 0;
    for (const word of this.words) total += popcount(word);
    return total;
  }

  /** |this ∩ other| without building the intersection. */
  countAnd(other: MessageSet): number {
    if (!(other instanceof Bitset)) return other.countAnd(this);
    const a = this.words;
    const b = other.words;
    let total = 0;
    for (let i = 0; i < a.length; i++) total += popcount(a[i]! & b[i]!);
    return total;
  }

  /** Calls `fn` with each member, in order (faster than iterating on a hot path). */
  forEach(fn: (position: number) => void): void {
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      let word = words[i]!;
      while (word !== 0) {
        const low = word & -word;
        fn((i << 5) + (31 - Math.clz32(low)));
        word ^= low;
      }
    }
  }

  *[Symbol.iterator](): IterableIterator<number> {
    const words = this.words;
    for (let i = 0; i < words.length; i++) {
      let word = words[i]!;
      while (word !== 0) {
        const low = word & -word;
        yield (i << 5) + (31 - Math.clz32(low));
        word ^= low;
      }
    }
  }

  equals(other: Bitset): boolean {
    if (other.size !== this.size) return false;
    return this.words.every((word, i) => word === other.words[i]);
  }
}

function popcount(word: number): number {
  word -= (word >>> 1) & 0x55555555;
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
  return (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
