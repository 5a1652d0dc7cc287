/**
 * The report's own words inside the interface's sentences ("Tema 1: Skilling Migrants for
 * Employment", "Lugar: Mexico City"): found by the names and titles the dataset holds, so a
 * screen reader reads them in the report's language and the rest in the interface's.
 */
import type { Dataset } from './schema';

export interface WordsPart {
  text: string;
  /** The report's words (a name or title of the dataset), not the interface's. */
  report: boolean;
}

const lexicons = new WeakMap<Dataset, readonly string[]>();

/** The names and titles a sentence may quote, longest first: a longer name wins over a name inside it. */
export function reportLexicon(dataset: Dataset): readonly string[] {
  let found = lexicons.get(dataset);
  if (!found) {
    const names = [
      dataset.meta.title,
      dataset.meta.subtitle,
      ...dataset.topics.map((t) => t.title),
      ...dataset.sessions.map((s) => s.title),
      ...dataset.themes.map((t) => t.label),
      ...dataset.places.map((p) => p.name),
      ...dataset.people.flatMap((p) => [p.name, p.role]),
      ...dataset.organisations.flatMap((o) => [o.name, o.acronym]),
      ...dataset.events.map((e) => e.title),
      ...dataset.references.map((r) => r.title),
      ...dataset.messages.flatMap((m) => [m.label, m.source.section]),
    ];
    found = [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim().length >= 3))].sort(
      (a, b) => b.length - a.length,
    );
    lexicons.set(dataset, found);
  }
  return found;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Every name is at least this long: names are found by their first characters. */
const KEY = 3;
const byStart = new WeakMap<readonly string[], Map<string, string[]>>();

/** The lexicon's names by their first three characters, each list longest first (as the lexicon is). */
function namesByStart(lexicon: readonly string[]): Map<string, string[]> {
  let found = byStart.get(lexicon);
  if (!found) {
    found = new Map();
    for (const name of lexicon) {
      if (name.length < KEY) continue;
      const key = name.slice(0, KEY);
      const list = found.get(key);
      if (list) list.push(name);
      else found.set(key, [name]);
    }
    byStart.set(lexicon, found);
  }
  return found;
}

/**
 * `text` cut into the interface's words and the report's, in order: at each point the longest
 * name of the lexicon that starts there and stands as a whole word (no letter either side).
 */
export function splitReportWords(text: string, lexicon: readonly string[]): WordsPart[] {
  const starting = namesByStart(lexicon);
  const parts: WordsPart[] = [];
  let plain = '';
  let i = 0;
  const whole = (at: number, length: number) =>
    !(at > 0 && LETTER.test(text[at - 1]!)) && !(at + length < text.length && LETTER.test(text[at + length]!));
  while (i < text.length) {
    const name =
      LETTER.test(text[i]!) && !(i > 0 && LETTER.test(text[i - 1]!))
        ? starting.get(text.slice(i, i + KEY))?.find((n) => text.startsWith(n, i) && whole(i, n.length))
        : undefined;
    if (name) {
      if (plain) parts.push({ text: plain, report: false });
      plain = '';
      parts.push({ text: name, report: true });
      i += name.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) parts.push({ text: plain, report: false });
  return parts;
}
