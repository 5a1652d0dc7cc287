/** Text matching for search: case- and accent-insensitive ("sao" finds "São"). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .toLowerCase();
}

/** The query's words, folded; a message matches when it contains every one. */
export function queryTerms(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  return terms.every((term) => haystack.includes(term));
}

/** A word: letters, digits and the marks that go with them; anything else (space, punctuation) parts words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text, folded: what search indexes, and what a query looks for ("COVID-19" is "covid", "19"). */
export function searchWords(text: string): string[] {
  return foldText(text).match(WORD) ?? [];
}

/** A word of a text: where it stands in the text as written, and its folded form. */
export interface WordSpan {
  start: number;
  end: number;
  word: string;
}

/**
 * The words of a text with their places in it, for marking the words a search found: the same
 * words as {@link searchWords}. A word as written that folds into several (a "dʼ" whose
 * modifier apostrophe folds to "'") gives each of them, all spanning the word as written.
 */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    for (const word of searchWords(match[0]))
      out.push({ start: match.index, end: match.index + match[0].length, word });
  }
  return out;
}
