/**
 * Splits a message's text into runs for display: `strong` where the source sets a phrase in
 * bold (every occurrence of each highlight), `mark` on each whole word a search found, given
 * folded (so "sao" marks "São"): the search says which words matched, in whichever spelling
 * or as whichever completion of a prefix ("labor" marks "labour"). Runs are plain strings:
 * Svelte renders them as text, never as markup.
 */
import { wordSpans } from './text';

export interface Segment {
  /** Offset of the run in the text: a stable key. */
  start: number;
  text: string;
  strong: boolean;
  mark: boolean;
}

/** What may join two words of one term: a hyphen or dash, an apostrophe, a slash. */
const JOINER = /^[-\u2010-\u2013'\u2019/]{1,2}$/;

function occurrences(haystack: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  if (!needle) return found;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    found.push([at, at + needle.length]);
  }
  return found;
}

function coverage(length: number, ranges: [number, number][]): Uint8Array {
  const covered = new Uint8Array(length);
  for (const [from, to] of ranges) covered.fill(1, from, to);
  return covered;
}

/** `searchTerms`: the folded words to mark, whole words only. */
export function segments(text: string, highlights: readonly string[], searchTerms: readonly string[] = []): Segment[] {
  const strong = coverage(
    text.length,
    highlights.flatMap((phrase) => occurrences(text, phrase)),
  );
  const marked = new Set(searchTerms);
  const words = marked.size ? wordSpans(text) : [];
  const found = words.flatMap((w) => (marked.has(w.word) ? [[w.start, w.end] as [number, number]] : []));
  // Found words joined by a hyphen, an apostrophe or a slash ("COVID-19") are one mark.
  for (let i = 1; i < words.length; i++) {
    const [before, after] = [words[i - 1]!, words[i]!];
    if (marked.has(before.word) && marked.has(after.word) && JOINER.test(text.slice(before.end, after.start)))
      found.push([before.end, after.start]);
  }
  const mark = coverage(text.length, found);
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || strong[i] !== strong[start] || mark[i] !== mark[start]) {
      out.push({ start, text: text.slice(start, i), strong: strong[start] === 1, mark: mark[start] === 1 });
      start = i;
    }
  }
  return out;
}

/**
 * {@link segments}, remembered: cards are built again whenever the filters change, while a
 * message's runs change only with the search. One per dashboard (its state holds it), so a new
 * dataset starts clean; forgets everything past a few thousand texts.
 */
export class SegmentCache {
  readonly #remembered = new Map<string, Segment[]>();

  get(text: string, highlights: readonly string[], searchTerms: readonly string[] = []): Segment[] {
    const key = `${searchTerms.join('\u0001')}\u0000${highlights.join('\u0001')}\u0000${text}`;
    let runs = this.#remembered.get(key);
    if (!runs) {
      if (this.#remembered.size >= 5000) this.#remembered.clear();
      runs = segments(text, highlights, searchTerms);
      this.#remembered.set(key, runs);
    }
    return runs;
  }
}
