/**
 * Words as an office document takes them: runs of text, each bold or not, each in the report's
 * language or the interface's. The Word briefing and the slides are built from these, so a
 * report's words keep their bold phrases and are marked as the report's language (a spell
 * checker and a screen reader read them as English in a Spanish document).
 */
import { splitReportWords } from '../data/report-words';
import { segments } from '../filters/segments';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** The report's own words (its language), not the interface's. */
  report?: boolean;
}

/** A sentence of the interface's that quotes the report ("Tema 1: Skilling Migrants…"): the quoted names marked. */
export function mixedRuns(text: string, lexicon: readonly string[], bold = false): Run[] {
  return splitReportWords(text, lexicon).map((part) => ({ text: part.text, bold, report: part.report }));
}

/** The report's words, its bold phrases in bold. */
export function reportRuns(text: string, highlights: readonly string[]): Run[] {
  return segments(text, highlights).map((s) => ({ text: s.text, bold: s.strong, report: true }));
}

/**
 * A language tag as office programs read it: they know languages by language and region
 * ("en-GB"), and may treat a bare "en" as no language. A bare tag of the interface's four
 * languages gets the region the app's own words are written for; any other tag stays as it is.
 */
const REGION: Record<string, string> = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR', pt: 'pt-BR' };
export function officeLang(tag: string): string {
  const clean = tag.trim();
  return REGION[clean.toLowerCase()] ?? (clean || 'en-GB');
}
