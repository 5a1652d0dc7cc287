/**
 * What a briefing says, taken once from the dashboard as it is: the filters in words, the count
 * and its kinds, the places with messages, and every message by topic as rows. The briefing on
 * screen and the Word document are both made from it.
 */
import { MESSAGE_KINDS } from '../data/kinds';
import type { Message } from '../data/schema';
import { formatNumber } from '../i18n/format';
import { m } from '../i18n/later.svelte';
import type { DashboardState } from '../state/dashboard.svelte';
import { filtersInWords } from '../ui/describe';
import { kindCount } from '../ui/kind-words';
import { orderedGroups } from './order';
import { messageRow, type MessageRow } from './rows';

export interface BriefingFacts {
  filters: string;
  /** "12 takeaways · 3 quotes", the kinds that pass. */
  breakdown: string;
  /** The places with messages under the filters, most first. */
  places: { name: string; n: number }[];
  /** "Montreal (8), Quito (3)". */
  placeWords: string;
  /** A briefing of a few messages gives their words first, the map and matrix after. */
  wordsFirst: boolean;
  groups: { id: string; title: string; rows: { message: Message; row: MessageRow }[] }[];
}

export function briefingFacts(dashboard: DashboardState): BriefingFacts {
  const { lookup, dataset } = dashboard;
  const kindCounts = dashboard.passingCounts('kind');
  const places = [...dashboard.passingCounts('place')]
    .filter(([, n]) => n > 0)
    .map(([id, n]) => ({ name: lookup.places.get(id)?.name ?? id, n }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  return {
    filters: filtersInWords(dashboard.clauses, lookup, dashboard.regions?.regionName),
    breakdown: MESSAGE_KINDS.filter((k) => kindCounts.get(k))
      .map((k) => kindCount(k, kindCounts.get(k)!))
      .join(' · '),
    places,
    placeWords: places.map((p) => `${p.name} (${p.n})`).join(', '),
    wordsFirst: dashboard.count <= 5,
    groups: orderedGroups(dashboard).map((group) => ({
      id: group.id,
      title: group.title,
      rows: group.messages.map((message) => ({ message, row: messageRow(message, lookup, dataset.meta) })),
    })),
  };
}

/** "12 of 52: 12 takeaways", cut where the count goes (in bold on screen): the words around it, in the language's order. */
export function countLine(facts: BriefingFacts, total: number, slot: string): string {
  return facts.breakdown
    ? m.briefing_count_breakdown({ count: slot, total: formatNumber(total), breakdown: facts.breakdown })
    : m.briefing_count({ count: slot, total: formatNumber(total) });
}

/** "4 places with messages: Montreal (8), …", or how many when none. */
export function placesLine(facts: BriefingFacts): string {
  return facts.placeWords
    ? m.briefing_places_list({ count: facts.places.length, places: facts.placeWords })
    : m.briefing_places({ count: facts.places.length });
}
