/**
 * Themes to suggest for a proposed message, ranked: the search library (MiniSearch) indexes the
 * theme codebook (each theme's label and description) and is asked with the message's words
 * and its topic's title. A cross-cutting message led by a theme's own label ("Legal framework:")
 * gets that theme first.
 */
import MiniSearch from 'minisearch';
import type { Theme } from '../data/schema';
import { Ids } from '../data/ids';
import { fold } from './blocks';
import type { Proposal } from './structure';

const STOP = new Set(
  'a an and are as at be been but by can for from has have in into is it its of on or that the their there these they this to was were which will with within without not only also more most such than then them those through where while who whom why how all any each other some'.split(
    ' ',
  ),
);

/** A word's stem, roughly: enough that "migrants" finds "migrant" and "regularizing" finds "regularisation". */
function stem(term: string): string {
  let word = term.toLowerCase().replace(/iz/g, 'is');
  if (word.length > 5) word = word.replace(/(isations?|isation|ations?|ising|ised|ises|ise|ings?|ed|es|s)$/, '');
  return word;
}

export interface Suggestion {
  id: string;
  score: number;
}

export function themeSuggester(themes: readonly Theme[]) {
  const index = new MiniSearch<Theme>({
    fields: ['label', 'description'],
    processTerm: (term) => (STOP.has(term.toLowerCase()) || term.length < 3 ? null : stem(term)),
    searchOptions: { boost: { label: 3 }, combineWith: 'OR' },
  });
  index.addAll(themes as Theme[]);
  const byLabel = new Map(themes.map((theme) => [normal(theme.label), theme.id]));

  // Asked again for each card shown: the answers are kept.
  const answers = new Map<string, Suggestion[]>();

  /** The themes for a message, best first (at most `count`). */
  return function suggest(
    message: { kind: string; text: string; highlights: readonly string[] },
    topicTitle = '',
    count = 3,
  ): Suggestion[] {
    const key = [message.kind, topicTitle, count, message.text].join('\u0000');
    const kept = answers.get(key);
    if (kept) return kept;
    const lead = message.highlights[0] && message.text.startsWith(message.highlights[0]) ? message.highlights[0] : '';
    const own = lead ? byLabel.get(normal(lead)) : undefined;
    const results = index
      .search(`${message.text} ${topicTitle}`)
      .filter(
        (result) =>
          message.kind === 'cross-cutting' || themes.find((t) => t.id === result.id)?.group !== 'cross-cutting',
      )
      .map((result) => ({ id: String(result.id), score: result.score }));
    const ranked = own ? [{ id: own, score: Infinity }, ...results.filter((r) => r.id !== own)] : results;
    answers.set(key, ranked.slice(0, count));
    return answers.get(key)!;
  };
}

function normal(text: string): string {
  return fold(text.replace(/[:.]+\s*$/, '')).toLowerCase();
}

/** A theme of its own for each cross-cutting message led by a phrase the codebook lacks ("Data:"). */
export function ownThemes(proposals: readonly Proposal[], codebook: readonly Theme[]): Theme[] {
  const labels = new Set(codebook.map((theme) => fold(theme.label).toLowerCase()));
  const ids = new Ids(codebook.map((theme) => theme.id));
  const own: Theme[] = [];
  for (const proposal of proposals) {
    const lead = proposal.highlights[0];
    if (proposal.kind !== 'cross-cutting' || !lead || !proposal.text.startsWith(lead)) continue;
    const label = fold(lead.replace(/[:.]+\s*$/, ''));
    if (!label || labels.has(label.toLowerCase())) continue;
    labels.add(label.toLowerCase());
    own.push({
      id: ids.next(label, 'theme'),
      label,
      group: 'cross-cutting',
      description: proposal.text,
      note: "A theme of its own for this cross-cutting message, named by the report's lead phrase.",
    });
  }
  return own;
}
